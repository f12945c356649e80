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
