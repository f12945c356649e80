/**
 * Domain parameters of the elliptic curves ICAO 9303 chips use, looked up by PACE standardized
 * domain parameter ID (ICAO 9303-11 §9.5.1) or by named-curve OID (RFC 5480 §2.1.1.1,
 * RFC 5639 §4.1), and the @noble/curves point constructor of any prime curve, from the one curve
 * cache this package and `@cancuoc/reader` (PACE, chip authentication) share.
 */
import type { WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import {
  CURVE_OIDS,
  type CurveParams,
  type NamedCurve,
  paramsOfNamed,
  pointConstructor,
  STANDARD_CURVES,
} from './internal/curves.js';

/** A curve this package knows, with its domain parameters. */
export interface NamedCurveParameters {
  readonly name: NamedCurve;
  readonly params: CurveParams;
}

/**
 * The elliptic curve of a PACE standardized domain parameter ID (ICAO 9303-11 §9.5.1), or
 * `undefined` for the MODP groups and the curves this package does not support (IDs 8, 9, 10, 14).
 *
 * @example
 * ```ts
 * standardDomainParameters(13)?.name; // 'brainpoolP256r1', the curve of CCCD chips
 * ```
 */
export function standardDomainParameters(parameterId: number): NamedCurveParameters | undefined {
  const name = Object.hasOwn(STANDARD_CURVES, parameterId) ? STANDARD_CURVES[parameterId] : undefined;
  return name === undefined ? undefined : { name, params: paramsOfNamed(name) };
}

/**
 * The elliptic curve of a named-curve OID of a SubjectPublicKeyInfo, or `undefined` if unknown.
 *
 * @example
 * ```ts
 * namedCurveParameters('1.2.840.10045.3.1.7')?.name; // 'P-256'
 * ```
 */
export function namedCurveParameters(oid: string): NamedCurveParameters | undefined {
  const name = Object.hasOwn(CURVE_OIDS, oid) ? CURVE_OIDS[oid] : undefined;
  return name === undefined ? undefined : { name, params: paramsOfNamed(name) };
}

/** A @noble/curves point constructor (`Point`) of one prime curve: `BASE`, `fromBytes`, `Fp`, `Fn`. */
export type CurvePointConstructor = WeierstrassPointCons<bigint>;

/**
 * The @noble/curves point constructor of the prime curve y² = x³ + ax + b with these domain
 * parameters, built once: chip's ECDSA verification and `@cancuoc/reader`'s PACE and chip
 * authentication share one cache. It is keyed on every parameter (a curve that differs from
 * brainpoolP256r1 only in b and Gy is another entry, never served for the genuine one) and keeps
 * the 16 most recently used curves, as explicit parameters come from untrusted cards and documents.
 *
 * @throws TypeError when a parameter is not a bigint.
 * @throws RangeError for parameters out of the bounds of any curve ID documents use (a field over
 *   66 bytes, a cofactor over 8 bytes, a coordinate outside [0, p)) or that are not a valid curve.
 * @example
 * ```ts
 * const Point = curvePointConstructor(standardDomainParameters(13)!.params); // brainpoolP256r1
 * Point.BASE.multiply(2n).toBytes(false).length; // 65
 * ```
 */
export function curvePointConstructor(params: CurveParams): CurvePointConstructor {
  if (typeof params !== 'object' || params === null) throw new TypeError('params must be curve parameters');
  for (const k of ['p', 'a', 'b', 'Gx', 'Gy', 'n', 'h'] as const) {
    if (typeof params[k] !== 'bigint') throw new TypeError(`params.${k} must be a bigint`);
  }
  try {
    return pointConstructor(params);
  } catch (e) {
    if (e instanceof RangeError) throw e;
    // @noble/curves refuses a base point off the curve, a singular curve and the like.
    throw new RangeError(`not a valid curve: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
