/**
 * A minimal BER-TLV reader and writer for the few structures the reader builds and checks
 * itself (secure-messaging data objects, GENERAL AUTHENTICATE dynamic data, file headers).
 * Written by hand because these are a handful of tags inside APDUs, read on every round trip;
 * full ASN.1 parsing of data groups belongs to `@cancuoc/chip`.
 */

export interface Tlv {
  readonly tag: number;
  readonly value: Uint8Array;
  /** Offset just past this TLV in the parsed buffer. */
  readonly end: number;
  /** Offset of the value in the parsed buffer. */
  readonly valueStart: number;
}

/** Reads one TLV at `offset`; `undefined` when the bytes there are not a complete TLV. */
export function readTlv(bytes: Uint8Array, offset = 0): Tlv | undefined {
  let i = offset;
  if (i >= bytes.length) return undefined;
  let tag = bytes[i++] as number;
  if ((tag & 0x1f) === 0x1f) {
    let n = 0;
    do {
      if (i >= bytes.length || n++ > 3) return undefined;
      tag = (tag << 8) | (bytes[i] as number);
    } while (((bytes[i++] as number) & 0x80) !== 0);
  }
  const header = readLength(bytes, i);
  if (!header) return undefined;
  const start = header.next;
  const end = start + header.length;
  if (end > bytes.length) return undefined;
  return { tag: tag >>> 0, value: bytes.subarray(start, end), end, valueStart: start };
}

/** Reads a BER definite length at `offset`. */
export function readLength(bytes: Uint8Array, offset: number): { length: number; next: number } | undefined {
  if (offset >= bytes.length) return undefined;
  const first = bytes[offset] as number;
  if (first < 0x80) return { length: first, next: offset + 1 };
  const n = first & 0x7f;
  if (n === 0 || n > 4 || offset + 1 + n > bytes.length) return undefined;
  let length = 0;
  for (let k = 0; k < n; k++) length = length * 256 + (bytes[offset + 1 + k] as number);
  return { length, next: offset + 1 + n };
}

/** Reads consecutive TLVs filling `bytes`; `undefined` if anything is left over or truncated. */
export function readTlvs(bytes: Uint8Array): Tlv[] | undefined {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const t = readTlv(bytes, offset);
    if (!t) return undefined;
    out.push(t);
    offset = t.end;
  }
  return out;
}

/** Encodes a BER definite length. */
export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  if (length < 0x100) return Uint8Array.of(0x81, length);
  if (length < 0x10000) return Uint8Array.of(0x82, length >> 8, length & 0xff);
  return Uint8Array.of(0x83, length >> 16, (length >> 8) & 0xff, length & 0xff);
}

/** Encodes a TLV with a 1-, 2- or 3-byte tag. */
export function tlv(tag: number, ...values: Uint8Array[]): Uint8Array {
  const tagBytes =
    tag > 0xffff ? [tag >> 16, (tag >> 8) & 0xff, tag & 0xff] : tag > 0xff ? [tag >> 8, tag & 0xff] : [tag];
  const length = values.reduce((n, v) => n + v.length, 0);
  const len = encodeLength(length);
  const out = new Uint8Array(tagBytes.length + len.length + length);
  out.set(tagBytes);
  out.set(len, tagBytes.length);
  let offset = tagBytes.length + len.length;
  for (const v of values) {
    out.set(v, offset);
    offset += v.length;
  }
  return out;
}
