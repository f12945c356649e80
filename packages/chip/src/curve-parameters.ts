/**
 * Domain parameters of the elliptic curves ICAO 9303 chips use, looked up by PACE standardized
 * domain parameter ID (ICAO 9303-11 §9.5.1) or by named-curve OID (RFC 5480 §2.1.1.1,
 * RFC 5639 §4.1). `@cancuoc/reader` builds its PACE and chip-authentication curves from these.
 */
import {
  CURVE_OIDS,
  type CurveParams,
  type NamedCurve,
  paramsOfNamed,
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
