/**
 * Byte helpers on `Uint8Array` (no `Buffer`), so that every package runs in Node, browsers,
 * Deno and edge workers alike.
 */
import { coreError } from './codes.js';

const HEX = '0123456789abcdef';
const HEX_PAIRS: string[] = Array.from({ length: 256 }, (_, i) => HEX[i >> 4]! + HEX[i & 15]!);

/**
 * Lower-case hexadecimal of the bytes.
 *
 * @example
 * ```ts
 * toHex(new Uint8Array([0xa0, 0x01])) // 'a001'
 * ```
 */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX_PAIRS[bytes[i]!];
  return out;
}

function hexNibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

/**
 * Bytes from a hexadecimal string (either case; spaces and colons between bytes are allowed).
 *
 * @throws CancuocError `ERR_BYTES_HEX` for an odd length or a non-hex character.
 * @example
 * ```ts
 * fromHex('A0 00 00 02 47 10 01') // Uint8Array(7)
 * ```
 */
export function fromHex(hex: string): Uint8Array {
  if (typeof hex !== 'string') throw new TypeError('fromHex expects a string');
  const clean = /[\s:]/.test(hex) ? hex.replace(/[\s:]/g, '') : hex;
  if (clean.length % 2 !== 0) throw coreError('ERR_BYTES_HEX', { reason: 'odd length' });
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexNibble(clean.charCodeAt(2 * i));
    const lo = hexNibble(clean.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) throw coreError('ERR_BYTES_HEX', { reason: `bad character at ${2 * i}` });
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** Whether a string is non-empty, even-length hexadecimal (no separators). */
export function isHex(value: string): boolean {
  return (
    typeof value === 'string' && value.length > 0 && value.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(value)
  );
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_LOOKUP[B64.charCodeAt(i)] = i;
// RFC 4648 §5: the URL-safe alphabet differs only in these two characters.
B64_LOOKUP['-'.charCodeAt(0)] = 62;
B64_LOOKUP['_'.charCodeAt(0)] = 63;

/**
 * Base64 (RFC 4648 §4) of the bytes, or base64url without padding (§5) with `{ url: true }`.
 *
 * @example
 * ```ts
 * toBase64(new TextEncoder().encode('Việt')) // 'Vmnhu4d0'
 * ```
 */
export function toBase64(bytes: Uint8Array, options: { url?: boolean } = {}): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}${B64[(n >> 6) & 63]!}=`;
  }
  if (options.url) return out.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return out;
}

/**
 * Bytes from base64 or base64url, with or without padding; white space is ignored.
 *
 * @throws CancuocError `ERR_BYTES_BASE64` for a character outside both alphabets or a bad length.
 * @example
 * ```ts
 * fromBase64('Vmnhu4d0') // bytes of 'Việt'
 * ```
 */
export function fromBase64(text: string): Uint8Array {
  if (typeof text !== 'string') throw new TypeError('fromBase64 expects a string');
  const clean = text.replace(/\s+/g, '').replace(/=+$/, '');
  if (clean.length % 4 === 1) throw coreError('ERR_BYTES_BASE64', { reason: 'bad length' });
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    const v = c < 128 ? B64_LOOKUP[c]! : -1;
    if (v < 0) throw coreError('ERR_BYTES_BASE64', { reason: `bad character at ${i}` });
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** UTF-8 bytes of a string. */
export function utf8Encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The string encoded by UTF-8 bytes.
 *
 * @throws CancuocError `ERR_TEXT_UTF8` when the bytes are not valid UTF-8.
 */
export function utf8Decode(bytes: Uint8Array): string {
  try {
    return strictDecoder.decode(bytes);
  } catch (cause) {
    throw coreError('ERR_TEXT_UTF8', {}, { cause });
  }
}

/** One array holding the given arrays one after another. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * Whether two byte arrays are equal, in time that depends only on their lengths
 * (use it to compare MACs and hashes).
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
