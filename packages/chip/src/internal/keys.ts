/** SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) for RSA and EC keys, explicit EC parameters included. */
import { fail } from '../errors.js';
import { readTlv, type TlvNode, tlvChildren } from '../parse-tlv.js';
import {
  CURVE_OIDS,
  type CurveParams,
  matchCurve,
  type NamedCurve,
  paramsOfNamed,
  STANDARD_CURVES,
} from './curves.js';
import { bytesToBigInt, decodeOid, expectTag, readSmallInt, TAG } from './der.js';
import { OID } from './oids.js';

/** A public key read from a certificate, DG14 or DG15. */
export type PublicKeyInfo =
  | {
      readonly kind: 'rsa';
      /** Modulus without leading zero bytes. */
      readonly modulus: Uint8Array;
      readonly exponent: Uint8Array;
      readonly bits: number;
      /** The whole SubjectPublicKeyInfo. */
      readonly spki: Uint8Array;
    }
  | {
      readonly kind: 'ec';
      /** The curve's name when the parameters match a known curve. */
      readonly curve: NamedCurve | undefined;
      /** Whether the key carried explicit domain parameters (ICAO 9303-12 §4.1.6.3). */
      readonly explicitParameters: boolean;
      readonly params: CurveParams;
      /** The public point, uncompressed or compressed as stored. */
      readonly point: Uint8Array;
      readonly bits: number;
      readonly spki: Uint8Array;
    };

const STANDARDIZED_DOMAIN_PARAMETERS = '0.4.0.127.0.7.1.2';

function stripZeros(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}

function bitLength(b: Uint8Array): number {
  const s = stripZeros(b);
  if (s.length === 0) return 0;
  return (s.length - 1) * 8 + (32 - Math.clz32(s[0]!));
}

/** Reads explicit SpecifiedECDomain parameters (SEC 1 §C.2, RFC 3279 §2.3.5). */
export function readEcParameters(node: TlvNode): CurveParams {
  const parts = tlvChildren(node);
  readSmallInt(parts[0], 'EC parameters version');
  const field = tlvChildren(expectTag(parts[1], TAG.SEQUENCE, 'EC field'));
  if (decodeOid(expectTag(field[0], TAG.OID, 'EC field type').value) !== OID.primeField) {
    throw fail('ERR_KEY_UNSUPPORTED', { reason: 'only prime-field curves are supported' });
  }
  const p = bytesToBigInt(expectTag(field[1], TAG.INTEGER, 'EC prime').value);
  const curve = tlvChildren(expectTag(parts[2], TAG.SEQUENCE, 'EC curve'));
  const a = bytesToBigInt(expectTag(curve[0], TAG.OCTET_STRING, 'EC a').value);
  const b = bytesToBigInt(expectTag(curve[1], TAG.OCTET_STRING, 'EC b').value);
  const base = expectTag(parts[3], TAG.OCTET_STRING, 'EC base point').value;
  const n = bytesToBigInt(expectTag(parts[4], TAG.INTEGER, 'EC order').value);
  const h = parts[5] && parts[5].tag === TAG.INTEGER ? bytesToBigInt(parts[5].value) : 1n;
  const len = Math.ceil(p.toString(16).length / 2);
  if (base[0] !== 0x04 || base.length !== 1 + 2 * len) {
    throw fail('ERR_KEY_UNSUPPORTED', { reason: 'compressed base point' });
  }
  return {
    p,
    a,
    b,
    Gx: bytesToBigInt(base.subarray(1, 1 + len)),
    Gy: bytesToBigInt(base.subarray(1 + len)),
    n,
    h,
  };
}

/** Reads EC domain parameters given as a named-curve OID or explicitly. */
export function readCurve(node: TlvNode | undefined): {
  curve: NamedCurve | undefined;
  params: CurveParams;
  explicit: boolean;
} {
  if (node?.tag === TAG.OID) {
    const oid = decodeOid(node.value);
    const curve = CURVE_OIDS[oid];
    if (curve === undefined) throw fail('ERR_KEY_UNSUPPORTED', { reason: `curve ${oid}` });
    return { curve, params: paramsOfNamed(curve), explicit: false };
  }
  if (node?.tag === TAG.INTEGER) {
    // BSI TR-03110-3 A.2.1.1: id-StandardizedDomainParameters with the parameter ID (9303-11 §9.5.1).
    const id = readSmallInt(node, 'standardized domain parameter ID');
    const curve = STANDARD_CURVES[id];
    if (curve === undefined)
      throw fail('ERR_KEY_UNSUPPORTED', { reason: `standardized domain parameters ${id}` });
    return { curve, params: paramsOfNamed(curve), explicit: false };
  }
  if (node?.tag === TAG.SEQUENCE) {
    const params = readEcParameters(node);
    return { curve: matchCurve(params), params, explicit: true };
  }
  throw fail('ERR_KEY_UNSUPPORTED', { reason: 'EC parameters are missing' });
}

/**
 * Parses a SubjectPublicKeyInfo.
 *
 * @throws CancuocError `ERR_KEY_UNSUPPORTED` for other key types, `ERR_CHIP_STRUCTURE` when malformed.
 */
export function parsePublicKeyInfo(spki: Uint8Array | TlvNode): PublicKeyInfo {
  const node = spki instanceof Uint8Array ? readTlv(spki) : spki;
  const parts = tlvChildren(expectTag(node, TAG.SEQUENCE, 'SubjectPublicKeyInfo'));
  const alg = tlvChildren(expectTag(parts[0], TAG.SEQUENCE, 'key algorithm'));
  const oid = decodeOid(expectTag(alg[0], TAG.OID, 'key algorithm').value);
  const bits = expectTag(parts[1], TAG.BIT_STRING, 'public key').value;
  if (bits.length < 2 || bits[0] !== 0) throw fail('ERR_CHIP_STRUCTURE', { reason: 'public key bit string' });
  const keyBytes = bits.subarray(1);
  if (oid === OID.rsaEncryption || oid === OID.rsassaPss) {
    const rsa = tlvChildren(expectTag(readTlv(keyBytes), TAG.SEQUENCE, 'RSA key'));
    const modulus = stripZeros(expectTag(rsa[0], TAG.INTEGER, 'RSA modulus').value);
    const exponent = stripZeros(expectTag(rsa[1], TAG.INTEGER, 'RSA exponent').value);
    if (modulus.length < 64) throw fail('ERR_KEY_UNSUPPORTED', { reason: 'RSA modulus too short' });
    return { kind: 'rsa', modulus, exponent, bits: bitLength(modulus), spki: node.raw };
  }
  if (oid === OID.ecPublicKey || oid === STANDARDIZED_DOMAIN_PARAMETERS) {
    const { curve, params, explicit } = readCurve(alg[1]);
    return {
      kind: 'ec',
      curve,
      explicitParameters: explicit,
      params,
      point: keyBytes,
      bits: params.n.toString(2).length,
      spki: node.raw,
    };
  }
  throw fail('ERR_KEY_UNSUPPORTED', { reason: `algorithm ${oid}` });
}
