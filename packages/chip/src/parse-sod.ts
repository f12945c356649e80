/**
 * EF.SOD, the document security object (ICAO 9303-10 §4.6.2): tag 77 { ContentInfo } holding CMS
 * SignedData over an LDSSecurityObject with the hash of every data group, signed by the Document
 * Signer whose certificate (DSC) it usually embeds.
 */
import { toSafe } from '@cancuoc/core';
import { asSodError, fail } from './errors.js';
import {
  hashOfAlgorithm,
  resolveSignatureAlgorithm,
  type SignatureScheme,
} from './internal/algorithm-identifiers.js';
import type { Certificate } from './internal/certificate.js';
import { findSignerCertificate, parseSignedData, type SignedData, type SignerInfo } from './internal/cms.js';
import { expectCount, expectTag, readSmallInt, readString, TAG } from './internal/der.js';
import { checkSize, DEFAULT_MAX_BYTES, maxBytesOption } from './internal/limits.js';
import { type HashName, LDS_CONTENT_TYPES } from './internal/oids.js';
import { parseTlv, readTlv, type TlvNode, tlvChildren } from './parse-tlv.js';

/** The signed content: hashes of the data groups (LDSSecurityObject, 9303-10 §4.6.2.2). */
export interface LdsSecurityObject {
  /** 0 (LDS 1.7) or 1 (with `ldsVersion`). */
  readonly version: number;
  readonly hashAlgorithm: HashName;
  /** Hash of each data group by number. */
  readonly dataGroupHashes: Readonly<Record<number, Uint8Array>>;
  readonly ldsVersion?: string;
  readonly unicodeVersion?: string;
}

/** A parsed EF.SOD. */
export interface Sod {
  readonly signedDataVersion: number;
  readonly eContentType: string;
  readonly ldsSecurityObject: LdsSecurityObject;
  /** The signature scheme from SignerInfo (not from the certificate). */
  readonly signatureAlgorithm: SignatureScheme & { readonly oid: string };
  readonly signer: SignerInfo;
  /** Certificates embedded in the SOD (normally the DSC). */
  readonly certificates: readonly Certificate[];
  /** The DSC: the embedded certificate that matches the SignerInfo identifier, if any. */
  readonly documentSigner?: Certificate;
  readonly signingTime?: Date;
  /** The encapsulated content bytes (DER of the LDSSecurityObject). */
  readonly eContent: Uint8Array;
}

/** Options of {@link parseSod}. */
export interface ParseSodOptions {
  /** Accept bytes after the 77 element (padding from some readers); default false. */
  readonly allowTrailing?: boolean;
  /**
   * Largest EF.SOD accepted, in bytes; default 65536 (real SODs are 1-3 KB). Larger input is
   * refused with `ERR_CHIP_INPUT_SIZE` before it is read.
   */
  readonly maxBytes?: number;
}

const MAX_DATA_GROUPS = 16;

function parseLds(eContent: Uint8Array): LdsSecurityObject {
  const parts = tlvChildren(expectTag(parseTlv(eContent), TAG.SEQUENCE, 'LDSSecurityObject'));
  const version = readSmallInt(parts[0], 'LDSSecurityObject version');
  if (version !== 0 && version !== 1)
    throw fail('ERR_SOD_VERSION', { structure: 'LDSSecurityObject', version });
  // 9303-10 §4.6.2.2: ldsVersionInfo is present exactly in version 1.
  expectCount(parts, 3 + version, 3 + version, 'LDSSecurityObject');
  const { hash } = hashOfAlgorithm(parts[1], 'LDS hash algorithm');
  const dataGroupHashes: Record<number, Uint8Array> = {};
  const list = tlvChildren(expectTag(parts[2], TAG.SEQUENCE, 'data group hashes'));
  if (list.length === 0 || list.length > MAX_DATA_GROUPS)
    throw fail('ERR_SOD_STRUCTURE', { reason: 'data group hash count' });
  for (const item of list) {
    const pair = tlvChildren(expectTag(item, TAG.SEQUENCE, 'data group hash'));
    expectCount(pair, 2, 2, 'data group hash');
    const [n, h] = pair;
    const dg = readSmallInt(n, 'data group number');
    if (dg < 1 || dg > MAX_DATA_GROUPS || dataGroupHashes[dg])
      throw fail('ERR_SOD_STRUCTURE', { reason: `data group ${dg}` });
    dataGroupHashes[dg] = expectTag(h, TAG.OCTET_STRING, 'data group hash').value;
  }
  let ldsVersion: string | undefined;
  let unicodeVersion: string | undefined;
  if (version === 1) {
    const info = tlvChildren(expectTag(parts[3], TAG.SEQUENCE, 'LDS version info'));
    expectCount(info, 2, 2, 'LDS version info');
    ldsVersion = readString(info[0], 'LDS version');
    unicodeVersion = readString(info[1], 'Unicode version');
  }
  return {
    version,
    hashAlgorithm: hash,
    dataGroupHashes,
    ...(ldsVersion === undefined ? {} : { ldsVersion }),
    ...(unicodeVersion === undefined ? {} : { unicodeVersion }),
  };
}

/**
 * Parses EF.SOD: CMS structure, versions and content types checked, data-group hashes extracted.
 * Parsing does not verify anything; use `verifyPassive` for that.
 *
 * @throws CancuocError `ERR_CHIP_INPUT_SIZE`, `ERR_CHIP_FILE_TAG`, `ERR_SOD_STRUCTURE`, `ERR_SOD_CONTENT_TYPE`, `ERR_SOD_VERSION`, `ERR_SOD_ALGORITHM`, `ERR_CERT_INVALID`, `ERR_TLV_*`.
 * @example
 * ```ts
 * const sod = parseSod(card.files.sod);
 * Object.keys(sod.ldsSecurityObject.dataGroupHashes); // ['1', '2', '13', '14', '15']
 * ```
 */
export function parseSod(bytes: Uint8Array, options: ParseSodOptions = {}): Sod {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseSod expects a Uint8Array');
  checkSize(bytes, maxBytesOption(options.maxBytes, DEFAULT_MAX_BYTES.sod, 'maxBytes'), 'EF.SOD');
  const file = parseTlv(bytes, { allowTrailing: options.allowTrailing ?? false });
  if (file.tag !== 0x77)
    throw fail('ERR_CHIP_FILE_TAG', { tag: file.tag.toString(16).toUpperCase(), expected: '77' });
  let contentInfo: TlvNode;
  try {
    contentInfo = readTlv(file.value);
  } catch (e) {
    throw fail('ERR_SOD_STRUCTURE', { reason: 'ContentInfo' }, { cause: e });
  }
  if (contentInfo.raw.length !== file.value.length)
    throw fail('ERR_SOD_STRUCTURE', { reason: 'bytes after ContentInfo' });
  let sd: SignedData;
  try {
    sd = parseSignedData(contentInfo);
  } catch (e) {
    throw asSodError(e, e instanceof Error ? e.message : 'malformed', ['ERR_SOD', 'ERR_CERT']);
  }
  // 9303-10 §4.6.2.3: SignedData version 3.
  if (sd.version !== 3) throw fail('ERR_SOD_VERSION', { structure: 'SignedData', version: sd.version });
  if (!LDS_CONTENT_TYPES.has(sd.eContentType)) throw fail('ERR_SOD_CONTENT_TYPE', { oid: sd.eContentType });
  let lds: LdsSecurityObject;
  try {
    lds = parseLds(sd.eContent);
  } catch (e) {
    throw asSodError(e, 'LDSSecurityObject', ['ERR_SOD']);
  }
  const signer = sd.signerInfos[0]!;
  let signatureAlgorithm: SignatureScheme & { readonly oid: string };
  try {
    signatureAlgorithm = resolveSignatureAlgorithm(signer.signatureAlgorithm, signer.digestAlgorithm.hash);
  } catch (e) {
    throw asSodError(e, 'signature algorithm', ['ERR_SOD']);
  }
  const documentSigner = findSignerCertificate(sd.certificates, signer);
  return {
    signedDataVersion: sd.version,
    eContentType: sd.eContentType,
    ldsSecurityObject: lds,
    signatureAlgorithm,
    signer,
    certificates: sd.certificates,
    ...(documentSigner === undefined ? {} : { documentSigner }),
    ...(signer.signingTime === undefined ? {} : { signingTime: signer.signingTime }),
    eContent: sd.eContent,
  };
}

/**
 * parseSod returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseSod(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseSod = toSafe(parseSod);
