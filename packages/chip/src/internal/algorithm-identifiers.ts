/**
 * Digest and signature AlgorithmIdentifiers (RFC 5754, RFC 4055, RFC 5758, BSI TR-03111) resolved to a
 * hash or a signature scheme, cached by their exact encoding.
 */
import { fail } from '../errors.js';
import { type TlvNode, tlvChildren } from '../parse-tlv.js';
import { ExactBytesCache } from './bytes-cache.js';
import { decodeOid, expectCount, expectTag, readSmallInt, TAG } from './der.js';
import { ECDSA_OIDS, HASH_OIDS, type HashName, OID, RSA_PKCS1_OIDS } from './oids.js';

/** A signature scheme resolved from an AlgorithmIdentifier. */
export type SignatureScheme =
  | { readonly scheme: 'rsa-pkcs1'; readonly hash: HashName }
  | {
      readonly scheme: 'rsa-pss';
      readonly hash: HashName;
      readonly mgfHash: HashName;
      readonly saltLength: number;
    }
  | { readonly scheme: 'ecdsa'; readonly hash: HashName; readonly plain: boolean };

/** The hash named by a digest AlgorithmIdentifier node. */
// AlgorithmIdentifiers repeat on every card (a few per SOD): resolved once per exact encoding.
// Only successful results are kept, frozen, as the callers share them.
const hashAlgorithms = new ExactBytesCache<Readonly<{ hash: HashName; oid: string }>>(64);
const signatureAlgorithms = new ExactBytesCache<Readonly<SignatureScheme & { oid: string }>>(64);
const NO_DIGEST = new Uint8Array(0);
const digestKeys: Readonly<Record<HashName, Uint8Array>> = {
  'SHA-1': new Uint8Array([1]),
  'SHA-224': new Uint8Array([2]),
  'SHA-256': new Uint8Array([3]),
  'SHA-384': new Uint8Array([4]),
  'SHA-512': new Uint8Array([5]),
};

export function hashOfAlgorithm(node: TlvNode | undefined, what: string): { hash: HashName; oid: string } {
  if (node?.tag !== TAG.SEQUENCE) return readHashAlgorithm(node, what);
  const raw = node.raw;
  let result = hashAlgorithms.get(raw);
  if (!result) {
    result = Object.freeze(readHashAlgorithm(node, what));
    hashAlgorithms.set(result, raw);
  }
  return result;
}

function readHashAlgorithm(node: TlvNode | undefined, what: string): { hash: HashName; oid: string } {
  const parts = tlvChildren(expectTag(node, TAG.SEQUENCE, what));
  expectCount(parts, 1, 2, what);
  const oid = decodeOid(expectTag(parts[0], TAG.OID, what).value);
  // RFC 5754 §2: hash parameters are absent or NULL; anything else is not a known algorithm.
  if (!absentOrNull(parts)) throw fail('ERR_SOD_ALGORITHM', { oid });
  const hash = HASH_OIDS[oid];
  if (hash === undefined) throw fail('ERR_SOD_ALGORITHM', { oid });
  return { hash, oid };
}

/** Whether an AlgorithmIdentifier's parameters are absent or an empty NULL. */
function absentOrNull(parts: TlvNode[]): boolean {
  if (parts.length === 1) return true;
  return parts.length === 2 && parts[1]!.tag === TAG.NULL && parts[1]!.value.length === 0;
}

function pssParams(node: TlvNode | undefined): { hash: HashName; mgfHash: HashName; saltLength: number } {
  // RFC 8017 A.2.3: every field has a default (SHA-1, MGF1-SHA-1, salt 20).
  let hash: HashName = 'SHA-1';
  let mgfHash: HashName = 'SHA-1';
  let saltLength = 20;
  if (node === undefined || node.tag === TAG.NULL) return { hash, mgfHash, saltLength };
  let last = 0x9f;
  for (const field of tlvChildren(expectTag(node, TAG.SEQUENCE, 'RSASSA-PSS parameters'))) {
    const fieldChildren = tlvChildren(field);
    const inner = fieldChildren[0];
    // Fields are [0]…[3] in order, each holding exactly one value.
    if (fieldChildren.length !== 1 || field.tag <= last || field.tag > 0xa3)
      throw fail('ERR_SOD_ALGORITHM', { oid: OID.rsassaPss });
    last = field.tag;
    if (field.tag === 0xa0) hash = hashOfAlgorithm(inner, 'PSS hash').hash;
    else if (field.tag === 0xa1) {
      const mgf = tlvChildren(expectTag(inner, TAG.SEQUENCE, 'PSS mask generation'));
      const mgfOid = decodeOid(expectTag(mgf[0], TAG.OID, 'PSS mask generation').value);
      if (mgfOid !== OID.mgf1 || mgf.length !== 2) throw fail('ERR_SOD_ALGORITHM', { oid: mgfOid });
      mgfHash = hashOfAlgorithm(mgf[1], 'MGF1 hash').hash;
    } else if (field.tag === 0xa2) saltLength = readSmallInt(inner, 'PSS salt length');
    else if (field.tag === 0xa3) {
      if (readSmallInt(inner, 'PSS trailer') !== 1) throw fail('ERR_SOD_ALGORITHM', { oid: OID.rsassaPss });
    }
  }
  return { hash, mgfHash, saltLength };
}

/**
 * Resolves a signature AlgorithmIdentifier. `digestHash` is used when the OID names only the key type
 * (`rsaEncryption`, `ecPublicKey` in SignerInfo, as AU, US and NZ documents have it).
 */
export function resolveSignatureAlgorithm(
  node: TlvNode | undefined,
  digestHash?: HashName,
): SignatureScheme & { oid: string } {
  if (node?.tag !== TAG.SEQUENCE) return readSignatureAlgorithm(node, digestHash);
  const raw = node.raw;
  const context = digestHash === undefined ? NO_DIGEST : digestKeys[digestHash];
  let result = signatureAlgorithms.get(raw, context);
  if (!result) {
    result = Object.freeze(readSignatureAlgorithm(node, digestHash));
    signatureAlgorithms.set(result, raw, context);
  }
  return result;
}

function readSignatureAlgorithm(
  node: TlvNode | undefined,
  digestHash?: HashName,
): SignatureScheme & { oid: string } {
  const parts = tlvChildren(expectTag(node, TAG.SEQUENCE, 'signature algorithm'));
  expectCount(parts, 1, 2, 'signature algorithm');
  const oid = decodeOid(expectTag(parts[0], TAG.OID, 'signature algorithm').value);
  if (oid === OID.rsassaPss) {
    if (parts.length > 2) throw fail('ERR_SOD_ALGORITHM', { oid });
    return { oid, scheme: 'rsa-pss', ...pssParams(parts[1]) };
  }
  // RFC 4055 §5 / RFC 5758 §3.2: PKCS#1 parameters are NULL (or absent); ECDSA parameters are absent
  // (NULL is seen in real AT and DE SODs and accepted).
  const pkcs1 = RSA_PKCS1_OIDS[oid];
  if (pkcs1 && absentOrNull(parts)) return { oid, scheme: 'rsa-pkcs1', hash: pkcs1 };
  const ec = ECDSA_OIDS[oid];
  if (ec && absentOrNull(parts))
    return { oid, scheme: 'ecdsa', hash: ec, plain: oid.startsWith('0.4.0.127.0.7.1.1.4.1.') };
  if (digestHash && oid === OID.rsaEncryption && absentOrNull(parts))
    return { oid, scheme: 'rsa-pkcs1', hash: digestHash };
  if (digestHash && oid === OID.ecPublicKey && absentOrNull(parts))
    return { oid, scheme: 'ecdsa', hash: digestHash, plain: false };
  throw fail('ERR_SOD_ALGORITHM', { oid });
}
