/**
 * ECDSA signature encodings: the DER `ECDSA-Sig-Value` of X.509 and CMS (RFC 5480 §2.2, X9.62) and the
 * plain r ‖ s of BSI TR-03111 §5.2.1 that chips return and WebCrypto and node:crypto's `ieee-p1363`
 * take. The DER side is @noble/curves' `DER` (strict: minimal lengths and INTEGERs, no trailing bytes).
 */
import { DER } from '@noble/curves/abstract/weierstrass.js';
import { bytesToNumberBE, hexToBytes, numberToBytesBE } from '@noble/curves/utils.js';
import type { CurveParams } from './curves.js';

// Byte length of the group order by curve parameters object (a BigInt to text per call otherwise).
const orderSizes = new WeakMap<CurveParams, number>();

/** Byte length of the group order n of a curve: the size of r and of s. */
export function orderSize(params: CurveParams): number {
  let size = orderSizes.get(params);
  if (size === undefined) {
    size = Math.ceil(params.n.toString(16).length / 2);
    orderSizes.set(params, size);
  }
  return size;
}

/** Splits a DER ECDSA signature into r ‖ s of `size` bytes each (undefined when malformed). */
export function ecdsaDerToPlain(sig: Uint8Array, size: number): Uint8Array | undefined {
  try {
    // size + 1: a DER INTEGER takes a leading 00 when the top bit of r or s is set. Bounding the
    // INTEGERs before their conversion keeps a hostile signature from costing more than its length.
    const { r, s } = DER.toSig(sig, size + 1);
    const limit = 1n << BigInt(8 * size);
    if (r >= limit || s >= limit) return undefined;
    const out = new Uint8Array(2 * size);
    out.set(numberToBytesBE(r, size));
    out.set(numberToBytesBE(s, size), size);
    return out;
  } catch {
    return undefined;
  }
}

/**
 * DER `ECDSA-Sig-Value` of a plain r ‖ s signature (two halves of equal length).
 *
 * @throws RangeError for an empty or odd-length signature.
 */
export function ecdsaPlainToDer(plain: Uint8Array): Uint8Array {
  if (plain.length === 0 || plain.length % 2 !== 0)
    throw new RangeError('a plain ECDSA signature is r ‖ s, two halves of equal length');
  const half = plain.length / 2;
  const r = bytesToNumberBE(plain.subarray(0, half));
  const s = bytesToNumberBE(plain.subarray(half));
  return hexToBytes(DER.hexFromSig({ r, s }));
}
