/**
 * Elliptic curves by OID and by explicit domain parameters. ICAO 9303-12 §4.1.6.3 requires DSC keys to
 * carry their parameters explicitly, so keys are matched to a known curve by value (then a native
 * WebCrypto curve is used where one exists) and any other prime curve is built with @noble/curves.
 */
import { type WeierstrassPointCons, weierstrass } from '@noble/curves/abstract/weierstrass.js';

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

// The named curves' domain parameters as published constants, not read from @noble/curves' curve
// objects: building those (nist.js, misc.js) costs ~90 ms at import, and a chip or reader import
// needs only the numbers to recognise explicit parameters (test/curve-constants.test.ts checks
// every value against @noble/curves).
// FIPS 186-4 §D.1.2.3 (P-256).
const P256: CurveParams = {
  p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
  a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
  b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  Gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  Gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
  n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  h: 1n,
};
// FIPS 186-4 §D.1.2.4 (P-384).
const P384: CurveParams = {
  p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
  a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
  b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  Gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
  Gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
  n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  h: 1n,
};
// FIPS 186-4 §D.1.2.5 (P-521).
const P521: CurveParams = {
  p: 0x1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn,
  a: 0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffcn,
  b: 0x51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  Gx: 0xc6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
  Gy: 0x11839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
  n: 0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  h: 1n,
};
// RFC 5639 §3.4 (brainpoolP256r1).
const BRAINPOOL_P256R1: CurveParams = {
  p: 0xa9fb57dba1eea9bc3e660a909d838d726e3bf623d52620282013481d1f6e5377n,
  a: 0x7d5a0975fc2c3057eef67530417affe7fb8055c126dc5c6ce94a4b44f330b5d9n,
  b: 0x26dc5c6ce94a4b44f330b5d9bbd77cbf958416295cf7e1ce6bccdc18ff8c07b6n,
  Gx: 0x8bd2aeb9cb7e57cb2c4b482ffc81b7afb9de27e1e3bd23c23a4453bd9ace3262n,
  Gy: 0x547ef835c3dac4fd97f8461a14611dc9c27745132ded8e545c1d54c72f046997n,
  n: 0xa9fb57dba1eea9bc3e660a909d838d718c397aa3b561a6f7901e0e82974856a7n,
  h: 1n,
};
// RFC 5639 §3.6 (brainpoolP384r1).
const BRAINPOOL_P384R1: CurveParams = {
  p: 0x8cb91e82a3386d280f5d6f7e50e641df152f7109ed5456b412b1da197fb71123acd3a729901d1a71874700133107ec53n,
  a: 0x7bc382c63d8c150c3c72080ace05afa0c2bea28e4fb22787139165efba91f90f8aa5814a503ad4eb04a8c7dd22ce2826n,
  b: 0x4a8c7dd22ce28268b39b55416f0447c2fb77de107dcd2a62e880ea53eeb62d57cb4390295dbc9943ab78696fa504c11n,
  Gx: 0x1d1c64f068cf45ffa2a63a81b7c13f6b8847a3e77ef14fe3db7fcafe0cbd10e8e826e03436d646aaef87b2e247d4af1en,
  Gy: 0x8abe1d7520f9c2a45cb1eb8e95cfd55262b70b29feec5864e19c054ff99129280e4646217791811142820341263c5315n,
  n: 0x8cb91e82a3386d280f5d6f7e50e641df152f7109ed5456b31f166e6cac0425a7cf3ab6af6b7fc3103b883202e9046565n,
  h: 1n,
};
// RFC 5639 §3.7 (brainpoolP512r1).
const BRAINPOOL_P512R1: CurveParams = {
  p: 0xaadd9db8dbe9c48b3fd4e6ae33c9fc07cb308db3b3c9d20ed6639cca703308717d4d9b009bc66842aecda12ae6a380e62881ff2f2d82c68528aa6056583a48f3n,
  a: 0x7830a3318b603b89e2327145ac234cc594cbdd8d3df91610a83441caea9863bc2ded5d5aa8253aa10a2ef1c98b9ac8b57f1117a72bf2c7b9e7c1ac4d77fc94can,
  b: 0x3df91610a83441caea9863bc2ded5d5aa8253aa10a2ef1c98b9ac8b57f1117a72bf2c7b9e7c1ac4d77fc94cadc083e67984050b75ebae5dd2809bd638016f723n,
  Gx: 0x81aee4bdd82ed9645a21322e9c4c6a9385ed9f70b5d916c1b43b62eef4d0098eff3b1f78e2d0d48d50d1687b93b97d5f7c6d5047406a5e688b352209bcb9f822n,
  Gy: 0x7dde385d566332ecc0eabfa9cf7822fdf209f70024a57b1aa000c55b881f8111b2dcde494a5f485e5bca4bd88a2763aed1ca2b2fa8f0540678cd1e0f3ad80892n,
  n: 0xaadd9db8dbe9c48b3fd4e6ae33c9fc07cb308db3b3c9d20ed6639cca70330870553e5c414ca92619418661197fac10471db1d381085ddaddb58796829ca90069n,
  h: 1n,
};

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
    ['P-256', P256],
    ['P-384', P384],
    ['P-521', P521],
    ['brainpoolP224r1', BRAINPOOL_P224R1],
    ['brainpoolP256r1', BRAINPOOL_P256R1],
    ['brainpoolP384r1', BRAINPOOL_P384R1],
    ['brainpoolP512r1', BRAINPOOL_P512R1],
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
