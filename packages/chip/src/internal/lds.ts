/** LDS file tags and data-group numbers (ICAO 9303-10 §4.6, Table 34). */
import { fail } from '../errors.js';
import { parseTlv, type TlvNode } from '../parse-tlv.js';
import { tagHex } from './der.js';

/** Data group number → the tag its file starts with. */
export const DG_TAGS: Readonly<Record<number, number>> = {
  1: 0x61,
  2: 0x75,
  3: 0x63,
  4: 0x76,
  5: 0x65,
  6: 0x66,
  7: 0x67,
  8: 0x68,
  9: 0x69,
  10: 0x6a,
  11: 0x6b,
  12: 0x6c,
  13: 0x6d,
  14: 0x6e,
  15: 0x6f,
  16: 0x70,
};

/** The data group number a file tag stands for, or undefined. */
const DG_OF_TAG = new Map(Object.entries(DG_TAGS).map(([dg, t]) => [t, Number(dg)]));

export function dataGroupOfTag(tag: number): number | undefined {
  return DG_OF_TAG.get(tag);
}

/**
 * Parses an LDS file and checks its outer tag. Bytes after the element are an error (the hash in
 * EF.SOD covers the exact file, so a reader must pass the file without padding).
 */
export function openFile(bytes: Uint8Array, expected: number): TlvNode {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('expected a Uint8Array');
  const node = parseTlv(bytes);
  if (node.tag !== expected)
    throw fail('ERR_CHIP_FILE_TAG', { tag: tagHex(node.tag), expected: tagHex(expected) });
  if (!node.constructed) throw fail('ERR_CHIP_STRUCTURE', { reason: 'file is not constructed' });
  return node;
}

/**
 * The tags of a tag list (9303-10 §4.6.1, tag 5C): BER tags written one after the other, so a first
 * byte with its five low bits set (5F, 7F) opens a multi-byte tag (ISO/IEC 8825-1 §8.1.2.4). A list
 * ending inside such a tag is malformed: its last byte is not a tag of its own.
 */
export function tagList(bytes: Uint8Array): number[] {
  const tags: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const first = bytes[i++]!;
    let tag = first;
    if ((first & 0x1f) === 0x1f) {
      let count = 0;
      for (;;) {
        if (i >= bytes.length) throw fail('ERR_CHIP_STRUCTURE', { reason: 'tag list ends inside a tag' });
        const b = bytes[i++]!;
        tag = tag * 256 + b;
        // ICAO tags have at most 3 bytes, as in the TLV reader.
        if (++count > 2) throw fail('ERR_CHIP_STRUCTURE', { reason: 'tag list holds an over-long tag' });
        if ((b & 0x80) === 0) break;
      }
    }
    tags.push(tag);
  }
  return tags;
}
