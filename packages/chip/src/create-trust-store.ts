/**
 * The set of Country Signing CA certificates (CSCA) a verifier trusts, built from certificates
 * (DER or PEM), ICAO CSCA master lists (9303-12 §9, CMS with eContentType 2.23.136.1.1.2, accepted
 * only when their signer chains to a CSCA already trusted), and CRLs (9303-12 §7.1.4).
 */
import { fromBase64, isCancuocError } from '@cancuoc/core';
import { fail } from './errors.js';
import { resolveSignatureAlgorithm, type SignatureScheme } from './internal/algorithm-identifiers.js';
import { ExactBytesCache } from './internal/bytes-cache.js';
import { type Certificate, type Crl, canonical, parseCertificate, parseCrl } from './internal/certificate.js';
import { checkAtOption } from './internal/check-signed-object.js';
import { parseSignedData, type SignedData } from './internal/cms.js';
import { expectTag, readSmallInt, TAG } from './internal/der.js';
import { digest } from './internal/digest.js';
import { readLdif } from './internal/ldif.js';
import { checkSize, DEFAULT_MAX_BYTES, maxBytesOption } from './internal/limits.js';
import { OID } from './internal/oids.js';
import { verifySignature } from './internal/verify-signature.js';
import { readTlv, tlvChildren } from './parse-tlv.js';

/** Input of {@link createTrustStore}. */
export interface TrustStoreInput {
  /** CSCA certificates: DER bytes, or PEM text (one or many `BEGIN CERTIFICATE` blocks). */
  readonly certificates?: readonly (Uint8Array | string)[];
  /** ICAO CSCA master lists (`.ml` files), verified against the certificates above. */
  readonly masterLists?: readonly Uint8Array[];
  /** CRLs (DER); each is used only if its signature verifies with a trusted CSCA. */
  readonly crls?: readonly Uint8Array[];
  /**
   * LDIF files from the ICAO PKD download service. They hold the master lists and CRLs of many
   * states: those whose signer chains to a trusted CSCA are loaded, the others are skipped and
   * listed in the store's `notes`; it is an error if nothing in them could be used.
   */
  readonly ldif?: readonly string[];
  /** Date at which master-list signers must be valid; default: the master list's own signing time. */
  readonly at?: Date;
  /** Largest certificate accepted (DER bytes or PEM characters); default 65536. */
  readonly maxCertificateBytes?: number;
  /** Largest master list accepted, in bytes; default 16 MiB (the German one is 0.9 MB). */
  readonly maxMasterListBytes?: number;
  /** Largest CRL accepted, in bytes; default 16 MiB. */
  readonly maxCrlBytes?: number;
  /** Largest LDIF text accepted, in characters; default 256 Mi. */
  readonly maxLdifLength?: number;
}

/** A trust store of CSCA certificates. */
export interface TrustStore {
  /** Number of trusted CSCA certificates. */
  readonly size: number;
  /** The trusted CSCA certificates. */
  readonly certificates: readonly Certificate[];
  /** CRLs whose signature verified. */
  readonly crls: readonly Crl[];
  /** What was skipped while loading LDIF files, one line each. */
  readonly notes: readonly string[];
  /** CSCA certificates whose subject is the issuer of `cert` (key identifiers checked when present). */
  issuersOf(cert: Certificate): Certificate[];
  /** Whether a verified CRL of `issuer` lists `cert`'s serial number. */
  isRevoked(cert: Certificate, issuer: Certificate): boolean;
  /** Whether `issuer` signed `cert` (cached per pair). */
  signed(issuer: Certificate, cert: Certificate): Promise<boolean>;
}

function pemBlocks(text: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  const re =
    /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/g;
  for (const m of text.matchAll(re)) out.push(fromBase64(m[1]!.replace(/\s+/g, '')));
  return out;
}

/** Verifies `cert`'s signature with `issuer`'s key; false for any failure or unsupported algorithm. */
export async function certificateSignedBy(
  cert: { tbs: Uint8Array; signatureAlgorithm: Certificate['signatureAlgorithm']; signature: Uint8Array },
  issuer: Certificate,
): Promise<boolean> {
  if (!issuer.publicKey) return false;
  if ('algorithmsAgree' in cert && cert.algorithmsAgree === false) return false;
  try {
    const alg = resolveSignatureAlgorithm(cert.signatureAlgorithm);
    return await verifySignature(issuer.publicKey, alg, cert.tbs, cert.signature);
  } catch {
    return false;
  }
}

const latin1 = new TextDecoder('latin1');

class Store implements TrustStore {
  readonly certificates: Certificate[] = [];
  readonly crls: Crl[] = [];
  readonly notes: string[] = [];
  private readonly bySubject = new Map<string, Certificate[]>();
  private readonly seen = new Set<string>();
  private readonly cache = new WeakMap<Certificate, ExactBytesCache<boolean>>();

  get size(): number {
    return this.certificates.length;
  }

  add(cert: Certificate): void {
    // The same certificate often appears in several master lists: keep one, compared by all its bytes.
    const id = latin1.decode(cert.raw);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.certificates.push(cert);
    const key = canonical(cert.subject);
    const list = this.bySubject.get(key) ?? [];
    list.push(cert);
    this.bySubject.set(key, list);
  }

  issuersOf(cert: Certificate): Certificate[] {
    const list = this.bySubject.get(canonical(cert.issuer)) ?? [];
    return list.filter(
      (c) =>
        cert.authorityKeyIdentifier === undefined ||
        c.subjectKeyIdentifier === undefined ||
        c.subjectKeyIdentifier === cert.authorityKeyIdentifier,
    );
  }

  isRevoked(cert: Certificate, issuer: Certificate): boolean {
    const key = canonical(issuer.subject);
    return this.crls.some((crl) => canonical(crl.issuer) === key && crl.revoked.has(cert.serialNumber));
  }

  async signed(issuer: Certificate, cert: Certificate): Promise<boolean> {
    // Per issuer object (the store's own parsed CSCA), then by the complete bytes of the signed
    // certificate, so a look-alike certificate never hits.
    let byCertificate = this.cache.get(issuer);
    if (!byCertificate) {
      byCertificate = new ExactBytesCache<boolean>(1_000);
      this.cache.set(issuer, byCertificate);
    }
    const hit = byCertificate.get(cert.raw);
    if (hit !== undefined) return hit;
    const ok = await certificateSignedBy(cert, issuer);
    byCertificate.set(ok, cert.raw);
    return ok;
  }
}

function validAt(cert: Certificate, at: Date): boolean {
  return cert.notBefore.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.getTime();
}

async function loadMasterList(store: Store, bytes: Uint8Array, at: Date | undefined): Promise<void> {
  const failML = (reason: string, cause?: unknown) =>
    fail('ERR_TRUST_MASTER_LIST', { reason }, cause === undefined ? {} : { cause });
  let sd: SignedData;
  try {
    sd = parseSignedData(readTlv(bytes));
  } catch (e) {
    throw failML('not a CMS SignedData structure', e);
  }
  // 9303-12 §9: eContentType id-icao-cscaMasterList, SignedData version 3.
  if (sd.eContentType !== OID.cscaMasterList) throw failML(`content type ${sd.eContentType}`);
  if (sd.version !== 3) throw failML(`SignedData version ${sd.version}`);
  const signer = sd.signerInfos[0]!;
  const signerCert = sd.certificates.find((c) =>
    signer.subjectKeyIdentifier !== undefined
      ? c.subjectKeyIdentifier === signer.subjectKeyIdentifier
      : c.serialNumber === signer.serialNumber,
  );
  if (!signerCert?.publicKey) throw failML('signer certificate is missing');
  const md = await digest(signer.digestAlgorithm.hash, sd.eContent);
  if (
    !signer.messageDigest ||
    !md.every((b, i) => b === signer.messageDigest![i]) ||
    md.length !== signer.messageDigest.length
  ) {
    throw failML('content digest does not match');
  }
  if (signer.contentType !== OID.cscaMasterList) throw failML('content-type attribute does not match');
  let alg: SignatureScheme;
  try {
    alg = resolveSignatureAlgorithm(signer.signatureAlgorithm, signer.digestAlgorithm.hash);
  } catch (e) {
    throw failML('unsupported signature algorithm', e);
  }
  if (!(await verifySignature(signerCert.publicKey, alg, signer.signedAttributesDer, signer.signature))) {
    throw failML('signature is invalid');
  }
  const when = at ?? signer.signingTime ?? new Date();
  let trusted = false;
  for (const issuer of store.issuersOf(signerCert)) {
    if ((await store.signed(issuer, signerCert)) && validAt(signerCert, when)) {
      trusted = true;
      break;
    }
  }
  if (!trusted) throw failML('its signer does not chain to a trusted CSCA');
  const content = tlvChildren(expectTag(readTlv(sd.eContent), TAG.SEQUENCE, 'CscaMasterList'));
  readSmallInt(content[0], 'master list version');
  for (const node of tlvChildren(expectTag(content[1], TAG.SET, 'certificate list'))) {
    try {
      store.add(parseCertificate(node));
    } catch {
      // A certificate this library cannot read is left out (it could never verify a DSC here).
    }
  }
}

async function loadCrl(store: Store, bytes: Uint8Array): Promise<void> {
  const crl = parseCrl(bytes);
  const issuers = store.issuersOf({
    issuer: crl.issuer,
    ...(crl.authorityKeyIdentifier ? { authorityKeyIdentifier: crl.authorityKeyIdentifier } : {}),
  } as Certificate);
  for (const issuer of issuers) {
    if (await certificateSignedBy(crl, issuer)) {
      store.crls.push(crl);
      return;
    }
  }
  throw fail('ERR_TRUST_CRL', { reason: 'its signature does not verify with a trusted CSCA' });
}

/**
 * Builds a trust store. Fails closed: an unreadable certificate, a master list whose signer is not
 * trusted, or a CRL that does not verify raises an error instead of being skipped silently.
 *
 * @throws CancuocError `ERR_TRUST_CERTIFICATE`, `ERR_TRUST_MASTER_LIST`, `ERR_TRUST_CRL`;
 *   `ERR_CHIP_INPUT_SIZE` for an input larger than its limit (`maxCertificateBytes`…).
 * @example
 * ```ts
 * const trust = await createTrustStore({ certificates: [cscaPem] });
 * trust.size; // 1
 * ```
 */
export async function createTrustStore(input: TrustStoreInput = {}): Promise<TrustStore> {
  checkAtOption(input.at, 'at', false);
  const maxCertificate = maxBytesOption(
    input.maxCertificateBytes,
    DEFAULT_MAX_BYTES.certificate,
    'maxCertificateBytes',
  );
  const maxMasterList = maxBytesOption(
    input.maxMasterListBytes,
    DEFAULT_MAX_BYTES.masterList,
    'maxMasterListBytes',
  );
  const maxCrl = maxBytesOption(input.maxCrlBytes, DEFAULT_MAX_BYTES.crl, 'maxCrlBytes');
  const maxLdif = maxBytesOption(input.maxLdifLength, DEFAULT_MAX_BYTES.ldif, 'maxLdifLength');
  const store = new Store();
  (input.certificates ?? []).forEach((item, index) => {
    checkSize(item, maxCertificate, `trust-store certificate ${index}`);
    const ders =
      typeof item === 'string'
        ? pemBlocks(item)
        : item[0] === 0x30
          ? [item]
          : pemBlocks(new TextDecoder('latin1').decode(item));
    if (ders.length === 0) throw fail('ERR_TRUST_CERTIFICATE', { index });
    for (const der of ders) {
      try {
        store.add(parseCertificate(der));
      } catch (e) {
        throw fail('ERR_TRUST_CERTIFICATE', { index }, { cause: e });
      }
    }
  });
  for (const [i, ml] of (input.masterLists ?? []).entries()) checkSize(ml, maxMasterList, `master list ${i}`);
  for (const [i, crl] of (input.crls ?? []).entries()) checkSize(crl, maxCrl, `CRL ${i}`);
  for (const [i, text] of (input.ldif ?? []).entries()) checkSize(text, maxLdif, `LDIF ${i}`);
  for (const ml of input.masterLists ?? []) await loadMasterList(store, ml, input.at);
  for (const bytes of input.crls ?? []) await loadCrl(store, bytes);
  for (const [index, text] of (input.ldif ?? []).entries()) {
    const { masterLists, crls } = readLdif(text);
    let used = 0;
    for (const [i, ml] of masterLists.entries()) {
      try {
        checkSize(ml, maxMasterList, `master list ${i}`);
        await loadMasterList(store, ml, input.at);
        used++;
      } catch (e) {
        store.notes.push(
          `LDIF ${index}: master list ${i} skipped (${isCancuocError(e) ? e.message : 'unreadable'})`,
        );
      }
    }
    for (const [i, crl] of crls.entries()) {
      try {
        checkSize(crl, maxCrl, `CRL ${i}`);
        await loadCrl(store, crl);
        used++;
      } catch (e) {
        store.notes.push(
          `LDIF ${index}: CRL ${i} skipped (${isCancuocError(e) && e.code === 'ERR_CHIP_INPUT_SIZE' ? e.message : 'no trusted CSCA signed it'})`,
        );
      }
    }
    if (used === 0)
      throw fail('ERR_TRUST_MASTER_LIST', { reason: `nothing in LDIF ${index} could be verified` });
  }
  return store;
}
