/**
 * Elliptic curves of the PACE standardized domain parameters (ICAO 9303-11 §9.5.1, table of
 * parameter IDs) and of chip/active authentication keys, on @noble/curves. WebCrypto has no
 * brainpool curves and cannot compute s·G + H for the generic mapping, so noble is used.
 */
import { type WeierstrassPointCons, weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1 } from '@noble/curves/misc.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';

export type EcPoint = WeierstrassPointCons<bigint>;

let bp224: EcPoint | undefined;
function brainpoolP224r1(): EcPoint {
  // RFC 5639 §3.3 brainpoolP224r1 (also in the BSI 2008 DSC of shared/vectors, checked there).
  bp224 ??= weierstrass({
    p: 0xd7c134aa264366862a18302575d1d787b09f075797da89f57ec8c0ffn,
    a: 0x68a5e62ca9ce6c1c299803a6c1530b514e182ad8b0042a59cad29f43n,
    b: 0x2580f63ccfe44138870713b1a92369e33e2135d266dbb372386c400bn,
    Gx: 0x0d9029ad2c7e5cf4340823b2a87dc68c9e4ce3174c1e6efdee12c07dn,
    Gy: 0x58aa56f772c0726f24c6b89e4ecdac24354b9e99caa3f6d3761402cdn,
    n: 0xd7c134aa264366862a18302575d0fb98d116bc4b6ddebca3a5a7939fn,
    h: 1n,
  });
  return bp224;
}

/**
 * PACE standardized domain parameter ID → curve (9303-11 §9.5.1); `undefined` if unsupported.
 *
 * @example
 * ```ts
 * curveByParameterId(13); // brainpoolP256r1, the curve of CCCD chips
 * ```
 */
export function curveByParameterId(id: number): EcPoint | undefined {
  switch (id) {
    case 11:
      return brainpoolP224r1();
    case 12:
      return p256.Point;
    case 13:
      return brainpoolP256r1.Point;
    case 15:
      return p384.Point;
    case 16:
      return brainpoolP384r1.Point;
    case 17:
      return brainpoolP512r1.Point;
    case 18:
      return p521.Point;
    default:
      return undefined;
  }
}

/** Named-curve OIDs used in SubjectPublicKeyInfo → curve. */
export function curveByOid(oid: string): EcPoint | undefined {
  switch (oid) {
    case '1.2.840.10045.3.1.7':
      return p256.Point;
    case '1.3.132.0.34':
      return p384.Point;
    case '1.3.132.0.35':
      return p521.Point;
    case '1.3.36.3.3.2.8.1.1.5':
      return brainpoolP224r1();
    case '1.3.36.3.3.2.8.1.1.7':
      return brainpoolP256r1.Point;
    case '1.3.36.3.3.2.8.1.1.11':
      return brainpoolP384r1.Point;
    case '1.3.36.3.3.2.8.1.1.13':
      return brainpoolP512r1.Point;
    default:
      return undefined;
  }
}

/** Builds a curve from explicit parameters (9303-12 §4.1.6.3 requires explicit ones in DSCs). */
export function curveFromParameters(params: {
  p: bigint;
  a: bigint;
  b: bigint;
  gx: bigint;
  gy: bigint;
  n: bigint;
  h: bigint;
}): EcPoint {
  for (const named of [12, 13, 15, 16, 17, 18, 11]) {
    const c = curveByParameterId(named) as EcPoint;
    const k = c.CURVE();
    if (k.p === params.p && k.a === params.a && k.b === params.b && k.Gx === params.gx && k.n === params.n)
      return c;
  }
  return weierstrass({
    p: params.p,
    a: params.a,
    b: params.b,
    Gx: params.gx,
    Gy: params.gy,
    n: params.n,
    h: params.h,
  });
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

export function bigintToBytes(v: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = v;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

export function bytesToBigint(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}
