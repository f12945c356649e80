/**
 * OBJECT IDENTIFIER contents (X.690 §8.19): decoding for every structure the package reads, encoding
 * for the protocol OIDs a terminal sends (MSE:Set AT) and for test files.
 */
import { fail } from './errors.js';

/**
 * The dotted text of OBJECT IDENTIFIER contents (the value bytes, without tag and length).
 *
 * @throws CancuocError `ERR_CHIP_VALUE` for empty or over-long contents, a subidentifier that starts
 *   with the padding byte 0x80 (X.690 §8.19.2: "the leading octet of the subidentifier shall not have
 *   the value 80₁₆", so each OID has one encoding), a truncated last subidentifier, or an arc beyond 2⁴⁶.
 * @example
 * ```ts
 * decodeOid(fromHex('04007F00070202040204')); // '0.4.0.127.0.7.2.2.4.2.4' (id-PACE-ECDH-GM-AES-CBC-CMAC-256)
 * ```
 */
export function decodeOid(value: Uint8Array): string {
  if (!(value instanceof Uint8Array)) throw new TypeError('decodeOid expects a Uint8Array');
  if (value.length === 0 || value.length > 64) throw fail('ERR_CHIP_VALUE', { reason: 'bad OID length' });
  // Built as text directly (no intermediate arrays): SOD and certificate parsing decode a dozen OIDs.
  let text = '';
  let acc = 0;
  let first = true;
  for (let i = 0; i < value.length; i++) {
    const b = value[i]!;
    if (acc === 0 && b === 0x80) throw fail('ERR_CHIP_VALUE', { reason: 'bad OID encoding' });
    acc = acc * 128 + (b & 0x7f);
    if (acc > Number.MAX_SAFE_INTEGER / 128) throw fail('ERR_CHIP_VALUE', { reason: 'OID arc too large' });
    if ((b & 0x80) === 0) {
      if (first) {
        text = acc < 40 ? `0.${acc}` : acc < 80 ? `1.${acc - 40}` : `2.${acc - 80}`;
        first = false;
      } else text += `.${acc}`;
      acc = 0;
    } else if (i === value.length - 1) {
      throw fail('ERR_CHIP_VALUE', { reason: 'truncated OID' });
    }
  }
  return text;
}

/**
 * The OBJECT IDENTIFIER contents of a dotted OID (X.690 §8.19: the first two arcs joined as
 * 40 × a + b, each subidentifier in base 128 with no leading 0x80). Wrap it with `encodeTlv(0x06, …)`
 * for a whole element.
 *
 * @throws RangeError for text that is not an OID: fewer than two arcs, a first arc above 2, a second
 *   arc above 39 under 0 or 1, or an arc that is not a decimal number.
 * @example
 * ```ts
 * encodeOid('0.4.0.127.0.7.2.2.4.2.4'); // 04 00 7F 00 07 02 02 04 02 04
 * ```
 */
export function encodeOid(oid: string): Uint8Array {
  if (typeof oid !== 'string' || !/^[0-9]+(\.[0-9]+)+$/.test(oid))
    throw new RangeError(`not a dotted OID: ${String(oid).slice(0, 64)}`);
  const arcs = oid.split('.').map((a) => BigInt(a));
  const [a, b] = arcs as [bigint, bigint];
  if (a > 2n || (a < 2n && b > 39n)) throw new RangeError(`not a valid OID: ${oid.slice(0, 64)}`);
  const out: number[] = [];
  for (const arc of [a * 40n + b, ...arcs.slice(2)]) {
    const sub = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) sub.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...sub);
  }
  return Uint8Array.from(out);
}
