/** Small readers for DER primitives found inside ICAO data groups (INTEGER, OID, strings). */
import { toHex } from '@cancuoc/core';
import { fail } from '../errors.js';
import { decodeOid } from '../object-identifier.js';
import { type TlvNode, tlvChildren } from '../parse-tlv.js';

// Kept here for the structure readers that import their DER helpers from this module.
export { decodeOid };

/** Tag numbers used across the package. */
export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8: 0x0c,
  SEQUENCE: 0x30,
  SET: 0x31,
  PRINTABLE: 0x13,
  T61: 0x14,
  IA5: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE: 0x1a,
  BMP: 0x1e,
} as const;

/** Throws `code` unless `node` has tag `tag`. */
export function expectTag(node: TlvNode | undefined, tag: number, what: string): TlvNode {
  if (node === undefined) throw fail('ERR_CHIP_STRUCTURE', { reason: `${what} is missing` });
  if (node.tag !== tag) {
    throw fail('ERR_CHIP_STRUCTURE', { reason: `${what} has tag ${node.tag.toString(16)}` });
  }
  return node;
}

/**
 * Throws `ERR_CHIP_STRUCTURE` unless a fixed structure has between `min` and `max` elements: trailing
 * elements would make bytes that were never signed read as if they had been.
 */
export function expectCount(parts: readonly TlvNode[], min: number, max: number, what: string): void {
  if (parts.length < min || parts.length > max)
    throw fail('ERR_CHIP_STRUCTURE', { reason: `${what} has ${parts.length} elements` });
}

/** Whether a node's own framing is DER (X.690 §10.1): a definite length in the fewest bytes. */
export function derFramed(node: TlvNode): boolean {
  if (node.indefinite) return false;
  const length = node.value.length;
  const tagBytes = node.tag > 0xffff ? 3 : node.tag > 0xff ? 2 : 1;
  const lengthBytes =
    length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : length < 0x1000000 ? 4 : 5;
  return node.headerLength === tagBytes + lengthBytes;
}

/**
 * Throws `ERR_CHIP_STRUCTURE` unless `node` and, with `deep`, every element inside it are framed as
 * DER: definite minimal lengths and no constructed strings (X.690 §10.1, §10.2).
 */
export function expectDer(node: TlvNode, what: string, deep: boolean, depth = 0): void {
  // Universal constructed tags other than SEQUENCE and SET are BER constructed strings.
  const constructedString =
    node.constructed && node.tag < 0x40 && node.tag !== TAG.SEQUENCE && node.tag !== TAG.SET;
  if (!derFramed(node) || constructedString || depth > 32)
    throw fail('ERR_CHIP_STRUCTURE', { reason: `${what} is not DER` });
  if (deep && node.constructed)
    for (const child of tlvChildren(node)) expectDer(child, what, true, depth + 1);
}

/** Children of a constructed node, checked to be constructed. */
export function children(node: TlvNode, what: string): TlvNode[] {
  if (!node.constructed) throw fail('ERR_CHIP_STRUCTURE', { reason: `${what} is not constructed` });
  return tlvChildren(node);
}

/** Reads an OID node. */
export function readOid(node: TlvNode | undefined, what: string): string {
  return decodeOid(expectTag(node, TAG.OID, what).value);
}

/** A small non-negative INTEGER as a number (versions, field numbers, parameter IDs). */
export function readSmallInt(node: TlvNode | undefined, what: string): number {
  const n = expectTag(node, TAG.INTEGER, what);
  const v = n.value;
  if (v.length === 0 || v.length > 6) throw fail('ERR_CHIP_VALUE', { reason: `${what} is out of range` });
  if ((v[0]! & 0x80) !== 0) {
    // Negative INTEGER: only -1..-2^47 are representable here; report as a number.
    let big = 0n;
    for (const b of v) big = (big << 8n) | BigInt(b);
    return Number(big - (1n << BigInt(v.length * 8)));
  }
  let x = 0;
  for (const b of v) x = x * 256 + b;
  return x;
}

/**
 * An unsigned big integer from INTEGER bytes (leading zeros allowed: real RSA keys have them).
 * Linear in the length (one hex string, one BigInt parse): shifting byte by byte is quadratic, and
 * callers bound the length before converting hostile input anyway.
 */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${toHex(bytes)}`);
}

/** Big-endian bytes of `x`, left-padded to `length`. */
export function bigIntToBytes(x: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = x;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text of a string node: UTF8String strictly, other string types as ISO 8859-1. */
export function readString(node: TlvNode | undefined, what: string): string {
  if (node === undefined) throw fail('ERR_CHIP_STRUCTURE', { reason: `${what} is missing` });
  if (node.constructed) throw fail('ERR_CHIP_STRUCTURE', { reason: `${what} is not a string` });
  if (node.tag === TAG.UTF8) {
    try {
      return utf8.decode(node.value);
    } catch {
      throw fail('ERR_CHIP_VALUE', { reason: `${what} is not valid UTF-8` });
    }
  }
  if (node.tag === TAG.BMP) {
    if (node.value.length % 2 !== 0) throw fail('ERR_CHIP_VALUE', { reason: `${what} is not valid UCS-2` });
    let s = '';
    for (let i = 0; i < node.value.length; i += 2) {
      s += String.fromCharCode(node.value[i]! * 256 + node.value[i + 1]!);
    }
    return s;
  }
  if (
    node.tag === TAG.PRINTABLE ||
    node.tag === TAG.IA5 ||
    node.tag === TAG.VISIBLE ||
    node.tag === TAG.T61 ||
    node.tag === TAG.OCTET_STRING
  ) {
    return latin1.decode(node.value);
  }
  throw fail('ERR_CHIP_STRUCTURE', { reason: `${what} has tag ${node.tag.toString(16)}` });
}

/** Tag as hex for error details. */
export function tagHex(tag: number): string {
  return tag.toString(16).toUpperCase().padStart(2, '0');
}
