/** SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) for RSA and EC keys, explicit EC parameters included. */
import { fail } from '../errors.js';
import { readTlv, type TlvNode, tlvChildren } from '../parse-tlv.js';
import {
  CURVE_OIDS,
  type CurveParams,
  MAX_COFACTOR_BYTES,
  MAX_FIELD_BYTES,
  matchCurve,
  type NamedCurve,
  paramsOfNamed,
  STANDARD_CURVES,
} from './curves.js';
import { bytesToBigInt, decodeOid, expectCount, expectTag, readSmallInt, TAG } from './der.js';
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

// Bounds checked before any INTEGER is turned into a BigInt, so that hostile parameters (a 200 KB
// cofactor) are refused in microseconds: the EC ones (MAX_FIELD_BYTES, MAX_COFACTOR_BYTES) are in
// curves.ts; OpenSSL refuses RSA public operations above 16384 bits (OPENSSL_RSA_MAX_MODULUS_BITS)
// and FIPS 186-4 §B.3.1 bounds the public exponent by 2^256.
const MAX_RSA_MODULUS_BYTES = 2048;
const MAX_RSA_EXPONENT_BYTES = 32;

/**
 * The magnitude bytes of a non-zero INTEGER read as unsigned (real DG15 keys encode the modulus
 * without its sign byte), refused when longer than `max` bytes.
 */
function unsignedInteger(node: TlvNode | undefined, what: string, max: number): Uint8Array {
  const v = expectTag(node, TAG.INTEGER, what).value;
  const magnitude = stripZeros(v);
  if (magnitude.length > max)
    throw fail('ERR_KEY_UNSUPPORTED', { reason: `${what} is longer than ${max} bytes` });
  if (magnitude.length === 0 || (magnitude.length === 1 && magnitude[0] === 0))
    throw fail('ERR_CHIP_VALUE', { reason: `${what} is zero` });
  return magnitude;
}

/**
 * A field element of at most `size` significant bytes: SEC 1 §2.3.5 writes exactly `size`, but real
 * CSCA certificates drop leading zeros or add one (a 49-byte `a` on a 384-bit curve).
 */
function fieldElement(node: TlvNode | undefined, what: string, size: number): bigint {
  const v = expectTag(node, TAG.OCTET_STRING, what).value;
  if (v.length === 0 || stripZeros(v).length > size)
    throw fail('ERR_CHIP_VALUE', { reason: `${what} is longer than the field` });
  return bytesToBigInt(v);
}

/** Reads explicit SpecifiedECDomain parameters (SEC 1 §C.2, RFC 3279 §2.3.5). */
export function readEcParameters(node: TlvNode): CurveParams {
  const parts = tlvChildren(node);
  // version, fieldID, curve, base, order, cofactor OPTIONAL
  expectCount(parts, 5, 6, 'EC parameters');
  readSmallInt(parts[0], 'EC parameters version');
  const field = tlvChildren(expectTag(parts[1], TAG.SEQUENCE, 'EC field'));
  expectCount(field, 2, 2, 'EC field');
  if (decodeOid(expectTag(field[0], TAG.OID, 'EC field type').value) !== OID.primeField) {
    throw fail('ERR_KEY_UNSUPPORTED', { reason: 'only prime-field curves are supported' });
  }
  const prime = unsignedInteger(field[1], 'EC prime', MAX_FIELD_BYTES);
  const len = prime.length;
  const curve = tlvChildren(expectTag(parts[2], TAG.SEQUENCE, 'EC curve'));
  // a, b, seed BIT STRING OPTIONAL
  expectCount(curve, 2, 3, 'EC curve');
  if (curve[2] !== undefined) expectTag(curve[2], TAG.BIT_STRING, 'EC curve seed');
  const a = fieldElement(curve[0], 'EC a', len);
  const b = fieldElement(curve[1], 'EC b', len);
  const base = expectTag(parts[3], TAG.OCTET_STRING, 'EC base point').value;
  if (base[0] !== 0x04 || base.length !== 1 + 2 * len) {
    throw fail('ERR_KEY_UNSUPPORTED', { reason: 'compressed base point' });
  }
  // Hasse: the order of a subgroup is at most p + 1 + 2√p, one byte longer than p at most.
  const n = unsignedInteger(parts[4], 'EC order', len + 1);
  const h = parts[5] === undefined ? undefined : unsignedInteger(parts[5], 'EC cofactor', MAX_COFACTOR_BYTES);
  return {
    p: bytesToBigInt(prime),
    a,
    b,
    Gx: bytesToBigInt(base.subarray(1, 1 + len)),
    Gy: bytesToBigInt(base.subarray(1 + len)),
    n: bytesToBigInt(n),
    h: h === undefined ? 1n : bytesToBigInt(h),
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
  if (spki instanceof Uint8Array && node.raw.length !== spki.length)
    throw fail('ERR_CHIP_STRUCTURE', { reason: 'bytes after SubjectPublicKeyInfo' });
  const parts = tlvChildren(expectTag(node, TAG.SEQUENCE, 'SubjectPublicKeyInfo'));
  expectCount(parts, 2, 2, 'SubjectPublicKeyInfo');
  const alg = tlvChildren(expectTag(parts[0], TAG.SEQUENCE, 'key algorithm'));
  expectCount(alg, 1, 2, 'key algorithm');
  const oid = decodeOid(expectTag(alg[0], TAG.OID, 'key algorithm').value);
  const bits = expectTag(parts[1], TAG.BIT_STRING, 'public key').value;
  if (bits.length < 2 || bits[0] !== 0) throw fail('ERR_CHIP_STRUCTURE', { reason: 'public key bit string' });
  const keyBytes = bits.subarray(1);
  if (oid === OID.rsaEncryption || oid === OID.rsassaPss) {
    const rsaKey = readTlv(keyBytes);
    if (rsaKey.raw.length !== keyBytes.length)
      throw fail('ERR_CHIP_STRUCTURE', { reason: 'bytes after RSA key' });
    const rsa = tlvChildren(expectTag(rsaKey, TAG.SEQUENCE, 'RSA key'));
    expectCount(rsa, 2, 2, 'RSA key');
    const modulus = unsignedInteger(rsa[0], 'RSA modulus', MAX_RSA_MODULUS_BYTES);
    const exponent = unsignedInteger(rsa[1], 'RSA exponent', MAX_RSA_EXPONENT_BYTES);
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
