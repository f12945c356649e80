/**
 * Elliptic curves by OID and by explicit domain parameters. ICAO 9303-12 §4.1.6.3 requires DSC keys to
 * carry their parameters explicitly, so keys are matched to a known curve by value (then a native
 * WebCrypto curve is used where one exists) and any other prime curve is built with @noble/curves.
 */
import { type WeierstrassPointCons, weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1 } from '@noble/curves/misc.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';

/** Prime-field short Weierstrass domain parameters. */
export interface CurveParams {
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly Gx: bigint;
  readonly Gy: bigint;
  readonly n: bigint;
  readonly h: bigint;
}

export type NamedCurve =
  | 'P-256'
  | 'P-384'
  | 'P-521'
  | 'brainpoolP224r1'
  | 'brainpoolP256r1'
  | 'brainpoolP384r1'
  | 'brainpoolP512r1';

function paramsOf(c: { Point: { CURVE(): CurveParams } }): CurveParams {
  const x = c.Point.CURVE();
  return { p: x.p, a: x.a, b: x.b, Gx: x.Gx, Gy: x.Gy, n: x.n, h: x.h };
}

// brainpoolP224r1, RFC 5639 §3.3 (noble ships only the 256/384/512-bit brainpool curves).
const BRAINPOOL_P224R1: CurveParams = {
  p: 0xd7c134aa264366862a18302575d1d787b09f075797da89f57ec8c0ffn,
  a: 0x68a5e62ca9ce6c1c299803a6c1530b514e182ad8b0042a59cad29f43n,
  b: 0x2580f63ccfe44138870713b1a92369e33e2135d266dbb372386c400bn,
  Gx: 0x0d9029ad2c7e5cf4340823b2a87dc68c9e4ce3174c1e6efdee12c07dn,
  Gy: 0x58aa56f772c0726f24c6b89e4ecdac24354b9e99caa3f6d3761402cdn,
  n: 0xd7c134aa264366862a18302575d0fb98d116bc4b6ddebca3a5a7939fn,
  h: 1n,
};

let table: Map<NamedCurve, CurveParams> | undefined;
function curves(): Map<NamedCurve, CurveParams> {
  table ??= new Map<NamedCurve, CurveParams>([
    ['P-256', paramsOf(p256)],
    ['P-384', paramsOf(p384)],
    ['P-521', paramsOf(p521)],
    ['brainpoolP224r1', BRAINPOOL_P224R1],
    ['brainpoolP256r1', paramsOf(brainpoolP256r1)],
    ['brainpoolP384r1', paramsOf(brainpoolP384r1)],
    ['brainpoolP512r1', paramsOf(brainpoolP512r1)],
  ]);
  return table;
}

/** Named-curve OIDs (RFC 5480 §2.1.1.1, RFC 5639 §4.1). */
export const CURVE_OIDS: Readonly<Record<string, NamedCurve>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.36.3.3.2.8.1.1.5': 'brainpoolP224r1',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.11': 'brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.13': 'brainpoolP512r1',
};

/** ICAO 9303-11 §9.5.1 standardized domain parameter IDs (PACE parameterId). */
export const STANDARD_PARAMETER_IDS: Readonly<Record<number, string>> = {
  0: '1024-bit MODP group with 160-bit prime order subgroup',
  1: '2048-bit MODP group with 224-bit prime order subgroup',
  2: '2048-bit MODP group with 256-bit prime order subgroup',
  8: 'NIST P-192',
  9: 'brainpoolP192r1',
  10: 'NIST P-224',
  11: 'brainpoolP224r1',
  12: 'NIST P-256',
  13: 'brainpoolP256r1',
  14: 'brainpoolP320r1',
  15: 'NIST P-384',
  16: 'brainpoolP384r1',
  17: 'brainpoolP512r1',
  18: 'NIST P-521',
};

/** Standardized domain parameter IDs with an elliptic curve this package knows (9303-11 §9.5.1). */
export const STANDARD_CURVES: Readonly<Record<number, NamedCurve>> = {
  11: 'brainpoolP224r1',
  12: 'P-256',
  13: 'brainpoolP256r1',
  15: 'P-384',
  16: 'brainpoolP384r1',
  17: 'brainpoolP512r1',
  18: 'P-521',
};

export function paramsOfNamed(name: NamedCurve): CurveParams {
  return curves().get(name)!;
}

/** The named curve with exactly these parameters, if any. */
export function matchCurve(c: CurveParams): NamedCurve | undefined {
  for (const [name, k] of curves()) {
    if (k.p === c.p && k.a === c.a && k.b === c.b && k.Gx === c.Gx && k.Gy === c.Gy && k.n === c.n)
      return name;
  }
  return undefined;
}

// Bounds on explicit parameters, checked before any work on them: the largest prime field of any
// curve used by ID documents is P-521's (66 bytes); the order of a subgroup is at most
// p + 1 + 2√p (Hasse), one byte longer than p at most; SEC 1 §3.1.1.1 keeps the cofactor small
// (h ≤ 2^(t/8), 1 on every curve in use).
export const MAX_FIELD_BYTES = 66;
export const MAX_COFACTOR_BYTES = 8;

const bitLength = (x: bigint): number => (x === 0n ? 0 : x.toString(2).length);

/** Why `c` is not a set of prime-curve parameters this package builds, or undefined if it is. */
export function curveParamsProblem(c: CurveParams): string | undefined {
  for (const k of ['p', 'a', 'b', 'Gx', 'Gy', 'n', 'h'] as const) {
    if (typeof c[k] !== 'bigint') return `${k} is not a bigint`;
  }
  if (c.p < 3n || bitLength(c.p) > 8 * MAX_FIELD_BYTES)
    return `p is out of range (at most ${MAX_FIELD_BYTES} bytes)`;
  for (const k of ['a', 'b', 'Gx', 'Gy'] as const)
    if (c[k] < 0n || c[k] >= c.p) return `${k} is not in [0, p)`;
  if (c.n < 2n || bitLength(c.n) > bitLength(c.p) + 8) return 'n is out of range';
  if (c.h < 1n || bitLength(c.h) > 8 * MAX_COFACTOR_BYTES)
    return `h is out of range (at most ${MAX_COFACTOR_BYTES} bytes)`;
  return undefined;
}

// Point constructors by their complete domain parameters, least recently used first. Keyed on every
// parameter: a hostile key sharing p, a, Gx and n with brainpoolP256r1 but with another b must not
// be served to a genuine one. Bounded, as each entry is made from untrusted input; real use needs a
// handful (the curves of the DSCs and chips a verifier sees).
const POINT_CACHE_SIZE = 16;
const pointCache = new Map<string, WeierstrassPointCons<bigint>>();

/** A noble point constructor for any prime curve (cached by all its parameters). */
export function pointConstructor(c: CurveParams): WeierstrassPointCons<bigint> {
  // Bounded before the cache key is made: a hostile BigInt must not cost more than a real curve.
  const problem = curveParamsProblem(c);
  if (problem) throw new RangeError(`curve parameters: ${problem}`);
  const key = [c.p, c.a, c.b, c.Gx, c.Gy, c.n, c.h].map((x) => x.toString(16)).join(':');
  let P = pointCache.get(key);
  if (P) {
    pointCache.delete(key);
  } else {
    P = weierstrass({ p: c.p, n: c.n, h: c.h, a: c.a, b: c.b, Gx: c.Gx, Gy: c.Gy });
    if (pointCache.size >= POINT_CACHE_SIZE) pointCache.delete(pointCache.keys().next().value!);
  }
  pointCache.set(key, P);
  return P;
}
