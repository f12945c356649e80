/**
 * X.509 certificates and CRLs as ICAO PKI uses them (9303-12 §7). Read with the package's TLV reader
 * rather than a general X.509 library because verification needs the exact signed bytes (TBS), keys
 * with explicit EC parameters (which @peculiar/x509 and pkijs reject), and tolerance for real-world
 * encodings, while staying runtime-neutral.
 */
import { equalBytes, isCancuocError, toHex } from '@cancuoc/core';
import { fail } from '../errors.js';
import { readTlv, type TlvNode, tlvChildren } from '../parse-tlv.js';
import { decodeOid, expectCount, expectDer, expectTag, readString, TAG } from './der.js';
import { type PublicKeyInfo, parsePublicKeyInfo } from './keys.js';

/** A parsed certificate. */
export interface Certificate {
  readonly raw: Uint8Array;
  readonly tbs: Uint8Array;
  readonly serialNumber: string;
  readonly issuer: string;
  readonly subject: string;
  readonly issuerRaw: Uint8Array;
  readonly subjectRaw: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly publicKey: PublicKeyInfo | undefined;
  readonly publicKeyError?: string;
  readonly signatureAlgorithm: TlvNode;
  /** Whether the outer signature algorithm equals the one inside the TBS (RFC 5280 §4.1.1.2). */
  readonly algorithmsAgree: boolean;
  readonly signature: Uint8Array;
  readonly subjectKeyIdentifier?: string;
  readonly authorityKeyIdentifier?: string;
  readonly isCa: boolean;
  readonly selfIssued: boolean;
}

const NAME_KEYS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/** Readable form of a Name, e.g. `C=VN, O=…, CN=…`. */
export function nameToString(node: TlvNode): string {
  const parts: string[] = [];
  for (const rdn of tlvChildren(expectTag(node, TAG.SEQUENCE, 'name'))) {
    for (const atv of tlvChildren(expectTag(rdn, TAG.SET, 'relative distinguished name'))) {
      const [type, value, extra] = tlvChildren(expectTag(atv, TAG.SEQUENCE, 'name attribute'));
      if (extra) throw fail('ERR_CERT_INVALID', { reason: 'name attribute' });
      const oid = decodeOid(expectTag(type, TAG.OID, 'name attribute').value);
      const text = readString(value, 'name value');
      parts.push(`${NAME_KEYS[oid] ?? oid}=${text}`);
    }
  }
  return parts.join(', ');
}

/** Comparison key of a Name already turned into text by {@link nameToString}. */
export const canonical = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

/** Canonical comparison key of a Name (attribute OIDs and case-folded values). */
export function nameKey(raw: Uint8Array): string {
  try {
    return canonical(nameToString(readTlv(raw)));
  } catch {
    return '';
  }
}

/**
 * Order-insensitive comparison key of a Name: its RDNs' exact DER bytes, sorted. Some SODs (MY)
 * list the signer's issuer RDNs in a different order than the certificate does; used only together
 * with an exact serial number. Each RDN must match byte for byte (string type and case included):
 * the SignerInfo's sid is not signed, so any looser match would let its bytes change unnoticed.
 */
export function nameSetKey(raw: Uint8Array): string {
  try {
    return tlvChildren(expectTag(readTlv(raw), TAG.SEQUENCE, 'Name'))
      .map((rdn) => toHex(rdn.raw))
      .sort()
      .join('.');
  } catch {
    return '';
  }
}

export function readTime(node: TlvNode | undefined): Date {
  if (node === undefined) throw fail('ERR_CERT_INVALID', { reason: 'time is missing' });
  const v = node.value;
  if (v.length > 32) throw fail('ERR_CERT_INVALID', { reason: 'bad time' });
  // At most 32 bytes: a loop is cheaper than a TextDecoder call (one per SOD signing time).
  let text = '';
  for (let i = 0; i < v.length; i++) text += String.fromCharCode(v[i]!);
  const utc = node.tag === TAG.UTC_TIME ? text.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/) : null;
  const gen =
    node.tag === TAG.GENERALIZED_TIME
      ? text.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/)
      : null;
  const m = utc ?? gen;
  if (!m) throw fail('ERR_CERT_INVALID', { reason: 'bad time' });
  let year = Number(m[1]);
  // RFC 5280 §4.1.2.5.1: in UTCTime, YY ≥ 50 is 19YY.
  if (utc) year = year >= 50 ? 1900 + year : 2000 + year;
  return new Date(
    Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)),
  );
}

const hex = (b: Uint8Array) => toHex(b).toUpperCase();

/**
 * Parses a DER certificate.
 *
 * @throws CancuocError `ERR_CERT_INVALID`.
 */
export function parseCertificate(input: Uint8Array | TlvNode): Certificate {
  try {
    const node = input instanceof Uint8Array ? readTlv(input) : input;
    const parts = tlvChildren(expectTag(node, TAG.SEQUENCE, 'certificate'));
    expectCount(parts, 3, 3, 'certificate');
    const [tbsNode, algNode, sigNode] = parts as [TlvNode, TlvNode, TlvNode];
    // RFC 5280 §4.1: certificates are DER. The issuer's signature covers the TBS bytes; the outer
    // framing, the signature algorithm and the signature value it does not, so they are checked here.
    expectDer(node, 'certificate', false);
    expectDer(
      expectTag(algNode, TAG.SEQUENCE, 'signature algorithm'),
      'certificate signature algorithm',
      true,
    );
    expectCount(tlvChildren(algNode), 1, 2, 'certificate signature algorithm');
    expectDer(sigNode, 'certificate signature', false);
    const tbs = tlvChildren(expectTag(tbsNode, TAG.SEQUENCE, 'TBSCertificate'));
    let i = 0;
    if (tbs[0]?.tag === 0xa0) i++; // [0] version
    const serial = expectTag(tbs[i++], TAG.INTEGER, 'serial number');
    const innerAlgorithm = expectTag(tbs[i++], TAG.SEQUENCE, 'TBS signature algorithm');
    const issuer = expectTag(tbs[i++], TAG.SEQUENCE, 'issuer');
    const validity = tlvChildren(expectTag(tbs[i++], TAG.SEQUENCE, 'validity'));
    expectCount(validity, 2, 2, 'validity');
    const subject = expectTag(tbs[i++], TAG.SEQUENCE, 'subject');
    const spki = expectTag(tbs[i++], TAG.SEQUENCE, 'subject public key');
    let ski: string | undefined;
    let aki: string | undefined;
    let isCa = false;
    // After the key: issuerUniqueID [1], subjectUniqueID [2], extensions [3], each optional, in order.
    let last = 0x80;
    for (const rest of tbs.slice(i)) {
      if ((rest.tag & 0xdf) <= last || (rest.tag & 0xdf) > 0x83)
        throw fail('ERR_CERT_INVALID', { reason: 'unexpected element after the TBS public key' });
      last = rest.tag & 0xdf;
      if (rest.tag !== 0xa3) continue;
      const wrapper = tlvChildren(rest);
      expectCount(wrapper, 1, 1, 'extensions wrapper');
      for (const ext of tlvChildren(expectTag(wrapper[0], TAG.SEQUENCE, 'extensions'))) {
        const extension = tlvChildren(expectTag(ext, TAG.SEQUENCE, 'extension'));
        // extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING
        expectCount(extension, 2, 3, 'extension');
        if (extension.length === 3) expectTag(extension[1], 0x01, 'extension criticality');
        const oid = decodeOid(expectTag(extension[0], TAG.OID, 'extension').value);
        const value = expectTag(extension[extension.length - 1], TAG.OCTET_STRING, 'extension value');
        if (oid === '2.5.29.14') ski = hex(expectTag(readTlv(value.value), TAG.OCTET_STRING, 'SKI').value);
        else if (oid === '2.5.29.35') {
          const id = tlvChildren(readTlv(value.value)).find((c) => c.tag === 0x80);
          if (id) aki = hex(id.value);
        } else if (oid === '2.5.29.19') {
          const bc = tlvChildren(readTlv(value.value));
          isCa = bc[0]?.tag === 0x01 && bc[0].value[0] !== 0;
        }
      }
    }
    let publicKey: PublicKeyInfo | undefined;
    let publicKeyError: string | undefined;
    try {
      publicKey = parsePublicKeyInfo(spki);
    } catch (e) {
      // A malformed SubjectPublicKeyInfo makes the certificate malformed; a well-formed key of a kind
      // or size this package does not support leaves the certificate readable, without its key.
      if (isCancuocError(e) && (e.code === 'ERR_CHIP_STRUCTURE' || e.code.startsWith('ERR_TLV'))) throw e;
      publicKeyError = e instanceof Error ? e.message : 'unreadable key';
    }
    const sigBits = expectTag(sigNode, TAG.BIT_STRING, 'signature').value;
    if (sigBits.length < 2 || sigBits[0] !== 0)
      throw fail('ERR_CERT_INVALID', { reason: 'signature bit string' });
    const subjectText = nameToString(subject);
    const issuerText = nameToString(issuer);
    return {
      raw: node.raw,
      tbs: tbsNode!.raw,
      serialNumber: hex(serial.value),
      issuer: issuerText,
      subject: subjectText,
      issuerRaw: issuer.raw,
      subjectRaw: subject.raw,
      notBefore: readTime(validity[0]),
      notAfter: readTime(validity[1]),
      publicKey,
      ...(publicKeyError === undefined ? {} : { publicKeyError }),
      signatureAlgorithm: expectTag(algNode, TAG.SEQUENCE, 'signature algorithm'),
      algorithmsAgree: equalBytes(innerAlgorithm.raw, algNode!.raw),
      signature: sigBits.subarray(1),
      ...(ski === undefined ? {} : { subjectKeyIdentifier: ski }),
      ...(aki === undefined ? {} : { authorityKeyIdentifier: aki }),
      isCa,
      selfIssued: canonical(issuerText) === canonical(subjectText),
    };
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e && (e as { code: string }).code === 'ERR_CERT_INVALID')
      throw e;
    throw fail('ERR_CERT_INVALID', { reason: e instanceof Error ? e.message : 'malformed' }, { cause: e });
  }
}

/** A parsed CRL: issuer and revoked serial numbers. */
export interface Crl {
  readonly raw: Uint8Array;
  readonly tbs: Uint8Array;
  readonly issuer: string;
  readonly issuerRaw: Uint8Array;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  readonly revoked: ReadonlySet<string>;
  readonly signatureAlgorithm: TlvNode;
  readonly signature: Uint8Array;
  readonly authorityKeyIdentifier?: string;
}

function crlSignature(node: TlvNode | undefined): Uint8Array {
  const v = expectTag(node, TAG.BIT_STRING, 'CRL signature').value;
  if (v.length < 2 || v[0] !== 0) throw fail('ERR_TRUST_CRL', { reason: 'signature bit string' });
  return v.subarray(1);
}

/** Parses a DER CRL (RFC 5280 §5.1). */
export function parseCrl(bytes: Uint8Array): Crl {
  try {
    const node = readTlv(bytes);
    const [tbsNode, algNode, sigNode] = tlvChildren(expectTag(node, TAG.SEQUENCE, 'CRL'));
    const tbs = tlvChildren(expectTag(tbsNode, TAG.SEQUENCE, 'TBSCertList'));
    let i = 0;
    if (tbs[0]?.tag === TAG.INTEGER) i++;
    i++; // signature
    const issuer = expectTag(tbs[i++], TAG.SEQUENCE, 'CRL issuer');
    const thisUpdate = readTime(tbs[i++]);
    let nextUpdate: Date | undefined;
    if (tbs[i]?.tag === TAG.UTC_TIME || tbs[i]?.tag === TAG.GENERALIZED_TIME) nextUpdate = readTime(tbs[i++]);
    const revoked = new Set<string>();
    if (tbs[i]?.tag === TAG.SEQUENCE) {
      for (const entry of tlvChildren(tbs[i++]!))
        revoked.add(hex(expectTag(tlvChildren(entry)[0], TAG.INTEGER, 'revoked serial').value));
    }
    let aki: string | undefined;
    const ext = tbs[i];
    if (ext?.tag === 0xa0) {
      for (const e of tlvChildren(tlvChildren(ext)[0]!)) {
        const parts = tlvChildren(e);
        if (decodeOid(expectTag(parts[0], TAG.OID, 'extension').value) === '2.5.29.35') {
          const id = tlvChildren(readTlv(parts[parts.length - 1]!.value)).find((c) => c.tag === 0x80);
          if (id) aki = hex(id.value);
        }
      }
    }
    return {
      raw: node.raw,
      tbs: tbsNode!.raw,
      issuer: nameToString(issuer),
      issuerRaw: issuer.raw,
      thisUpdate,
      ...(nextUpdate === undefined ? {} : { nextUpdate }),
      revoked,
      signatureAlgorithm: expectTag(algNode, TAG.SEQUENCE, 'CRL signature algorithm'),
      signature: crlSignature(sigNode),
      ...(aki === undefined ? {} : { authorityKeyIdentifier: aki }),
    };
  } catch (e) {
    throw fail('ERR_TRUST_CRL', { reason: e instanceof Error ? e.message : 'malformed' }, { cause: e });
  }
}
