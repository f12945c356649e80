/**
 * CMS SignedData (RFC 5652 §5) as EF.SOD and CSCA master lists use it. Read with the package's TLV
 * reader because verification needs the exact bytes of the signed attributes and the content, and
 * real SODs use BER indefinite lengths (NZ) that a DER re-encoding would change.
 */
import { toHex } from '@cancuoc/core';
import { fail } from '../errors.js';
import { readTlv, type TlvNode, tlvChildren } from '../parse-tlv.js';
import { hashOfAlgorithm } from './algorithm-identifiers.js';
import { ExactBytesCache, publicBytesEqual } from './bytes-cache.js';
import { type Certificate, nameSetKey, parseCertificate, readTime } from './certificate.js';
import { decodeOid, expectCount, expectDer, expectTag, readSmallInt, TAG } from './der.js';
import { type HashName, OID } from './oids.js';

export interface SignerInfo {
  readonly version: number;
  readonly issuerRaw?: Uint8Array;
  readonly serialNumber?: string;
  readonly subjectKeyIdentifier?: string;
  readonly digestAlgorithm: { readonly hash: HashName; readonly oid: string };
  /** DER of the signed attributes with the SET tag, i.e. the bytes the signature covers. */
  readonly signedAttributesDer: Uint8Array;
  readonly contentType?: string;
  readonly messageDigest?: Uint8Array;
  readonly signingTime?: Date;
  readonly signedAttributeTypes: readonly string[];
  readonly signatureAlgorithm: TlvNode;
  readonly signature: Uint8Array;
}

export interface SignedData {
  readonly version: number;
  readonly eContentType: string;
  readonly eContent: Uint8Array;
  readonly certificates: readonly Certificate[];
  readonly signerInfos: readonly SignerInfo[];
}

const hex = (b: Uint8Array) => toHex(b).toUpperCase();

function octets(node: TlvNode): Uint8Array {
  if (node.tag === TAG.OCTET_STRING) return node.value;
  if (node.tag === 0x24) {
    // BER constructed OCTET STRING: concatenate the primitive chunks.
    const chunks = tlvChildren(node).map(octets);
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
  throw fail('ERR_SOD_STRUCTURE', { reason: 'content is not an OCTET STRING' });
}

function parseSignerInfo(node: TlvNode): SignerInfo {
  const parts = tlvChildren(expectTag(node, TAG.SEQUENCE, 'SignerInfo'));
  // version, sid, digestAlgorithm, signedAttrs (required here), signatureAlgorithm, signature,
  // unsignedAttrs [1] OPTIONAL (RFC 5652 §5.3)
  expectCount(parts, 6, 7, 'SignerInfo');
  let i = 0;
  const version = readSmallInt(parts[i++], 'SignerInfo version');
  const sid = parts[i++]!;
  let issuerRaw: Uint8Array | undefined;
  let serialNumber: string | undefined;
  let ski: string | undefined;
  if (sid.tag === TAG.SEQUENCE) {
    const issuerAndSerial = tlvChildren(sid);
    expectCount(issuerAndSerial, 2, 2, 'IssuerAndSerialNumber');
    const [issuer, serial] = issuerAndSerial;
    issuerRaw = expectTag(issuer, TAG.SEQUENCE, 'signer issuer').raw;
    serialNumber = hex(expectTag(serial, TAG.INTEGER, 'signer serial').value);
  } else if (sid.tag === 0x80) {
    ski = hex(sid.value);
  } else throw fail('ERR_SOD_STRUCTURE', { reason: 'signer identifier' });
  // RFC 5652 §5.3: version 1 with issuerAndSerialNumber, 3 with subjectKeyIdentifier.
  if (version !== (ski === undefined ? 1 : 3))
    throw fail('ERR_SOD_VERSION', { structure: 'SignerInfo', version });
  const digestAlgorithm = hashOfAlgorithm(parts[i++], 'SignerInfo digest algorithm');
  const attrs = parts[i];
  if (attrs?.tag !== 0xa0) throw fail('ERR_SOD_STRUCTURE', { reason: 'signed attributes are missing' });
  i++;
  // RFC 5652 §5.3: signedAttrs MUST be DER encoded; the signature covers these exact bytes.
  expectDer(attrs, 'signed attributes', true);
  // RFC 5652 §5.4: the signature covers the DER of the attributes with an explicit SET OF tag.
  const signedAttributesDer = new Uint8Array(attrs.raw);
  signedAttributesDer[0] = TAG.SET;
  let contentType: string | undefined;
  let messageDigest: Uint8Array | undefined;
  let signingTime: Date | undefined;
  const types: string[] = [];
  for (const attr of tlvChildren(attrs)) {
    const attribute = tlvChildren(expectTag(attr, TAG.SEQUENCE, 'attribute'));
    expectCount(attribute, 2, 2, 'attribute');
    const [type, values] = attribute;
    const oid = decodeOid(expectTag(type, TAG.OID, 'attribute type').value);
    const vals = tlvChildren(expectTag(values, TAG.SET, 'attribute values'));
    types.push(oid);
    if (oid === OID.contentType || oid === OID.messageDigest || oid === OID.signingTime) {
      if (types.filter((t) => t === oid).length > 1 || vals.length !== 1) {
        throw fail('ERR_SOD_STRUCTURE', { reason: `attribute ${oid} must appear once with one value` });
      }
    }
    if (oid === OID.contentType) contentType = decodeOid(expectTag(vals[0], TAG.OID, 'content type').value);
    else if (oid === OID.messageDigest)
      messageDigest = expectTag(vals[0], TAG.OCTET_STRING, 'message digest').value;
    else if (oid === OID.signingTime) {
      try {
        signingTime = readTime(vals[0]);
      } catch {
        throw fail('ERR_SOD_STRUCTURE', { reason: 'signing time' });
      }
    }
  }
  const signatureAlgorithm = expectTag(parts[i++], TAG.SEQUENCE, 'signature algorithm');
  const signature = expectTag(parts[i++], TAG.OCTET_STRING, 'signature').value;
  if (parts[i] !== undefined) expectTag(parts[i], 0xa1, 'unsigned attributes');
  return {
    version,
    ...(issuerRaw === undefined ? {} : { issuerRaw }),
    ...(serialNumber === undefined ? {} : { serialNumber }),
    ...(ski === undefined ? {} : { subjectKeyIdentifier: ski }),
    digestAlgorithm,
    signedAttributesDer,
    ...(contentType === undefined ? {} : { contentType }),
    ...(messageDigest === undefined ? {} : { messageDigest }),
    ...(signingTime === undefined ? {} : { signingTime }),
    signedAttributeTypes: types,
    signatureAlgorithm,
    signature,
  };
}

// The same Document Signer certificate comes with thousands of cards: keep the last parsed ones,
// keyed by their exact bytes (parsed certificates are immutable; see bytes-cache.ts).
const certificateCache = new ExactBytesCache<Certificate>(64);

function cachedCertificate(node: TlvNode): Certificate {
  const raw = node.raw;
  let cert = certificateCache.get(raw);
  if (!cert) {
    // Parsed from a private copy, so a caller reusing its buffer cannot change a cached certificate.
    cert = parseCertificate(raw.slice());
    certificateCache.set(cert, raw);
  }
  return cert;
}

/** Parses ContentInfo { signedData, [0] SignedData } (RFC 5652 §3, §5.1). */
export function parseSignedData(contentInfo: TlvNode): SignedData {
  // No full walk: every reader below descends a fixed number of levels and checks each framing it
  // uses; bytes it does not read are covered by the signatures.
  // Every fixed structure is read with its exact number of elements: bytes outside the signed
  // attributes and content are not covered by the signature, so nothing may hide there.
  const info = tlvChildren(expectTag(contentInfo, TAG.SEQUENCE, 'ContentInfo'));
  expectCount(info, 2, 2, 'ContentInfo');
  const [typeNode, wrapped] = info;
  const type = decodeOid(expectTag(typeNode, TAG.OID, 'content type').value);
  if (type !== OID.signedData) throw fail('ERR_SOD_CONTENT_TYPE', { oid: type });
  const wrapper = tlvChildren(expectTag(wrapped, 0xa0, 'SignedData wrapper'));
  expectCount(wrapper, 1, 1, 'SignedData wrapper');
  const sd = tlvChildren(expectTag(wrapper[0], TAG.SEQUENCE, 'SignedData'));
  let i = 0;
  const version = readSmallInt(sd[i++], 'SignedData version');
  const digestAlgorithms = tlvChildren(expectTag(sd[i++], TAG.SET, 'digest algorithms')).map(
    (a) => hashOfAlgorithm(a, 'digest algorithm').oid,
  );
  const encap = tlvChildren(expectTag(sd[i++], TAG.SEQUENCE, 'encapsulated content'));
  expectCount(encap, 2, 2, 'EncapsulatedContentInfo');
  const eContentType = decodeOid(expectTag(encap[0], TAG.OID, 'eContentType').value);
  const explicit = expectTag(encap[1], 0xa0, 'eContent');
  const inner = tlvChildren(explicit);
  if (inner.length !== 1) throw fail('ERR_SOD_STRUCTURE', { reason: 'eContent' });
  const eContent = octets(inner[0]!);
  const certificates: Certificate[] = [];
  if (sd[i]?.tag === 0xa0) {
    // Only X.509 certificates (the other CertificateChoices are never used by ICAO PKI).
    for (const c of tlvChildren(sd[i]!))
      certificates.push(cachedCertificate(expectTag(c, TAG.SEQUENCE, 'certificate')));
    i++;
  }
  if (sd[i]?.tag === 0xa1) i++; // CRLs are not used from the SOD
  const signerInfos = tlvChildren(expectTag(sd[i++], TAG.SET, 'signer infos')).map(parseSignerInfo);
  expectCount(sd, i, i, 'SignedData');
  if (signerInfos.length === 0) throw fail('ERR_SOD_STRUCTURE', { reason: 'no SignerInfo' });
  // RFC 5652 §5.1: digestAlgorithms lists the digest algorithm of every signer.
  for (const si of signerInfos) {
    if (!digestAlgorithms.includes(si.digestAlgorithm.oid)) {
      throw fail('ERR_SOD_STRUCTURE', {
        reason: 'signer digest algorithm is not listed in digestAlgorithms',
      });
    }
  }
  return { version, eContentType, eContent, certificates, signerInfos };
}

/** Reads a ContentInfo from bytes (strict framing). */
export function readContentInfo(bytes: Uint8Array): TlvNode {
  const node = readTlv(bytes);
  return node;
}

/**
 * The embedded certificate a SignerInfo names: by subject key identifier, or by serial number and
 * issuer (bytes, or the same attributes in another order as some SODs have them).
 */
export function findSignerCertificate(
  certificates: readonly Certificate[],
  signer: SignerInfo,
): Certificate | undefined {
  return certificates.find((c) =>
    signer.subjectKeyIdentifier !== undefined
      ? c.subjectKeyIdentifier === signer.subjectKeyIdentifier
      : c.serialNumber === signer.serialNumber &&
        signer.issuerRaw !== undefined &&
        (publicBytesEqual(c.issuerRaw, signer.issuerRaw) ||
          nameSetKey(c.issuerRaw) === nameSetKey(signer.issuerRaw)),
  );
}
