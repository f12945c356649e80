/**
 * Elliptic curves of the PACE standardized domain parameters (ICAO 9303-11 §9.5.1, table of
 * parameter IDs) and of chip/active authentication keys, on @noble/curves. The domain parameters and
 * the point constructors come from `@cancuoc/chip` (one bounded cache keyed on every parameter, so a
 * hostile card's curve is never served for a genuine one); WebCrypto has no brainpool curves and
 * cannot compute s·G + H for the generic mapping, so noble is used.
 */
import {
  type CurvePointConstructor,
  curvePointConstructor,
  namedCurveParameters,
  standardDomainParameters,
} from '@cancuoc/chip/lite';

/** A curve as the protocols use it: `@cancuoc/chip`'s @noble/curves point constructor. */
export type EcPoint = CurvePointConstructor;

/**
 * PACE standardized domain parameter ID → curve (9303-11 §9.5.1); `undefined` if unsupported.
 *
 * @example
 * ```ts
 * curveByParameterId(13); // brainpoolP256r1, the curve of CCCD chips
 * ```
 */
export function curveByParameterId(id: number): EcPoint | undefined {
  const named = standardDomainParameters(id);
  return named && curvePointConstructor(named.params);
}

/** Named-curve OIDs used in SubjectPublicKeyInfo → curve. */
export function curveByOid(oid: string): EcPoint | undefined {
  const named = namedCurveParameters(oid);
  return named && curvePointConstructor(named.params);
}

/** Byte length of a field element of the curve. */
export function fieldLength(curve: EcPoint): number {
  return curve.Fp.BYTES;
}

/** Draws a private scalar in [1, n−1] by rejection sampling over `random`. */
export function randomScalar(curve: EcPoint, random: (n: number) => Uint8Array): bigint {
  const n = curve.Fn.ORDER;
  const len = curve.Fn.BYTES;
  for (let i = 0; i < 256; i++) {
    const bytes = random(len);
    let v = 0n;
    for (const b of bytes) v = (v << 8n) | BigInt(b);
    if (v > 0n && v < n) return v;
  }
  throw new Error('random source keeps returning out-of-range scalars');
}

/**
 * A non-negative integer as `length` big-endian bytes (the high bytes that do not fit are dropped).
 *
 * @example
 * ```ts
 * bigintToBytes(258n, 4); // Uint8Array [0, 0, 1, 2]
 * ```
 */
export function bigintToBytes(v: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = v;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

/**
 * The unsigned big-endian integer of `bytes` (for short protocol values: points, scalars, nonces).
 *
 * @example
 * ```ts
 * bytesToBigint(Uint8Array.of(1, 2)); // 258n
 * ```
 */
export function bytesToBigint(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}
