/**
 * Shortcuts for building test chip files and certificates, over `@cancuoc/chip`'s TLV writer (the
 * same bytes the parsers read back).
 */
import { encodeDerInteger, encodeOid, encodeTlv } from '@cancuoc/chip';

export const tlv = encodeTlv;
export const int = encodeDerInteger;
export const seq = (...v: Uint8Array[]) => encodeTlv(0x30, ...v);
export const set = (...v: Uint8Array[]) => encodeTlv(0x31, ...v);
export const octets = (v: Uint8Array) => encodeTlv(0x04, v);
export const utf8 = (s: string) => encodeTlv(0x0c, new TextEncoder().encode(s));
export const printable = (s: string) => encodeTlv(0x13, new TextEncoder().encode(s));
export const explicit = (n: number, ...v: Uint8Array[]) => encodeTlv(0xa0 + n, ...v);
export const nullValue = () => new Uint8Array([0x05, 0x00]);
/** OBJECT IDENTIFIER element from dotted text. */
export const oid = (text: string) => encodeTlv(0x06, encodeOid(text));
/** BIT STRING with no unused bits. */
export const bits = (v: Uint8Array) => encodeTlv(0x03, new Uint8Array([0]), v);

/** UTCTime for years 1950-2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5). */
export function time(date: Date): Uint8Array {
  const digits = date.toISOString().slice(0, 19).replace(/[-:T]/g, '');
  const y = date.getUTCFullYear();
  if (y >= 1950 && y < 2050) return encodeTlv(0x17, new TextEncoder().encode(`${digits.slice(2)}Z`));
  return encodeTlv(0x18, new TextEncoder().encode(`${digits}Z`));
}
