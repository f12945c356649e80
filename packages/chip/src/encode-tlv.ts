/**
 * BER-TLV writer with DER framing (X.690 §8.1, §10.1: definite lengths in the fewest bytes), the
 * inverse of {@link parseTlv}: secure-messaging data objects, GENERAL AUTHENTICATE dynamic data and
 * test chip files are all written with it. Hand-written for the same reason as the reader: ICAO's
 * application tags (5F1F, 7F49…) written as plain numbers, and no dependency for a dozen lines.
 */
/** Largest length the reader accepts (four length bytes). */
const MAX_LENGTH = 0xffffffff;

/**
 * The DER length octets of `length` (X.690 §8.1.3: short form below 128, else the fewest bytes).
 *
 * @throws RangeError for a length that is not an integer from 0 to 2³² − 1.
 * @example
 * ```ts
 * encodeTlvLength(0x1234); // 82 12 34
 * ```
 */
export function encodeTlvLength(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > MAX_LENGTH)
    throw new RangeError('a TLV length must be an integer from 0 to 2^32 - 1');
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let v = length; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** The bytes of a tag given as one number (`0x30`, `0x5f1f`, `0x7f6101`). */
function tagBytes(tag: number): number[] {
  if (!Number.isInteger(tag) || tag <= 0 || tag > 0xffffff)
    throw new RangeError('a TLV tag must be an integer of 1 to 3 bytes');
  return tag > 0xffff
    ? [tag >>> 16, (tag >>> 8) & 0xff, tag & 0xff]
    : tag > 0xff
      ? [tag >>> 8, tag & 0xff]
      : [tag];
}

/**
 * One TLV element: `tag` (1 to 3 bytes, as `parseTlv` reports it), the DER length, then the
 * `values` one after the other.
 *
 * @throws RangeError for a tag of more than 3 bytes or a value longer than 2³² − 1 bytes.
 * @example
 * ```ts
 * encodeTlv(0x7c, encodeTlv(0x80, point)); // GENERAL AUTHENTICATE dynamic data
 * encodeTlv(0x5f1f, new TextEncoder().encode(mrz)); // DG1's MRZ
 * ```
 */
export function encodeTlv(tag: number, ...values: Uint8Array[]): Uint8Array {
  const head = tagBytes(tag);
  let length = 0;
  for (const v of values) length += v.length;
  const len = encodeTlvLength(length);
  const out = new Uint8Array(head.length + len.length + length);
  out.set(head);
  out.set(len, head.length);
  let offset = head.length + len.length;
  for (const v of values) {
    out.set(v, offset);
    offset += v.length;
  }
  return out;
}

/**
 * A DER INTEGER (X.690 §8.3) of a non-negative number, bigint or big-endian bytes, in the fewest
 * two's-complement bytes (a leading 00 where the top bit is set, redundant leading zeros dropped).
 *
 * @throws RangeError for a negative or non-integer number.
 * @example
 * ```ts
 * encodeDerInteger(128); // 02 02 00 80
 * encodeDerInteger(modulusBytes); // an RSA modulus
 * ```
 */
export function encodeDerInteger(value: number | bigint | Uint8Array): Uint8Array {
  let bytes: number[];
  if (value instanceof Uint8Array) bytes = value.length === 0 ? [0] : Array.from(value);
  else {
    if (typeof value === 'number' && !Number.isSafeInteger(value))
      throw new RangeError('encodeDerInteger expects a safe integer');
    let v = BigInt(value);
    if (v < 0n) throw new RangeError('encodeDerInteger expects a non-negative integer');
    bytes = [];
    do {
      bytes.unshift(Number(v & 0xffn));
      v >>= 8n;
    } while (v > 0n);
  }
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0 && (bytes[start + 1]! & 0x80) === 0) start++;
  const minimal = bytes.slice(start);
  if ((minimal[0]! & 0x80) !== 0) minimal.unshift(0);
  return encodeTlv(0x02, Uint8Array.from(minimal));
}
