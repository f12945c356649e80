/**
 * EF.CardSecurity (ICAO 9303-11 §9.2.2, BSI TR-03110-3): CMS SignedData over SecurityInfos
 * (eContentType id-SecurityObject 0.4.0.127.0.7.3.2.1), signed by the same Document Signer as EF.SOD.
 * Chips with PACE-CAM or terminal authentication carry it; the CCCD does not announce it.
 */
import { toSafe } from '@cancuoc/core';
import { asSodError, fail } from './errors.js';
import { resolveSignatureAlgorithm, type SignatureScheme } from './internal/algorithm-identifiers.js';
import type { Certificate } from './internal/certificate.js';
import { findSignerCertificate, parseSignedData, type SignedData, type SignerInfo } from './internal/cms.js';
import { checkSize, DEFAULT_MAX_BYTES, type MaxBytesOptions, maxBytesOption } from './internal/limits.js';
import { parseTlv, type TlvNode } from './parse-tlv.js';
import { parseSecurityInfos, type SecurityInfos } from './security-infos.js';

const ID_SECURITY_OBJECT = '0.4.0.127.0.7.3.2.1';

/** A parsed EF.CardSecurity. */
export interface CardSecurity {
  readonly securityInfos: SecurityInfos;
  readonly eContentType: string;
  readonly eContent: Uint8Array;
  readonly signer: SignerInfo;
  readonly signatureAlgorithm: SignatureScheme & { readonly oid: string };
  readonly certificates: readonly Certificate[];
  readonly documentSigner?: Certificate;
  readonly signingTime?: Date;
}

/**
 * Parses EF.CardSecurity (does not verify it; see `verifyCardSecurity`).
 *
 * @param options.maxBytes - largest file accepted, default 65536 bytes (real ones are about 2 KB).
 * @throws CancuocError `ERR_CHIP_INPUT_SIZE`, `ERR_SOD_STRUCTURE`, `ERR_SOD_CONTENT_TYPE`, `ERR_SOD_VERSION`, `ERR_SOD_ALGORITHM`, `ERR_CHIP_*`, `ERR_TLV_*`.
 * @example
 * ```ts
 * parseCardSecurity(bytes).securityInfos.chipAuthenticationPublicKeys;
 * ```
 */
export function parseCardSecurity(bytes: Uint8Array, options: MaxBytesOptions = {}): CardSecurity {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseCardSecurity expects a Uint8Array');
  const max = maxBytesOption(options.maxBytes, DEFAULT_MAX_BYTES.cardSecurity, 'maxBytes');
  checkSize(bytes, max, 'EF.CardSecurity');
  const node: TlvNode = parseTlv(bytes);
  let sd: SignedData;
  try {
    sd = parseSignedData(node);
  } catch (e) {
    throw asSodError(e, e instanceof Error ? e.message : 'malformed', ['ERR_SOD', 'ERR_CERT']);
  }
  if (sd.version !== 3) throw fail('ERR_SOD_VERSION', { structure: 'SignedData', version: sd.version });
  if (sd.eContentType !== ID_SECURITY_OBJECT) throw fail('ERR_SOD_CONTENT_TYPE', { oid: sd.eContentType });
  const securityInfos = parseSecurityInfos(parseTlv(sd.eContent));
  const signer = sd.signerInfos[0]!;
  const documentSigner = findSignerCertificate(sd.certificates, signer);
  let signatureAlgorithm: SignatureScheme & { readonly oid: string };
  try {
    signatureAlgorithm = resolveSignatureAlgorithm(signer.signatureAlgorithm, signer.digestAlgorithm.hash);
  } catch (e) {
    throw asSodError(e, 'signature algorithm', ['ERR_SOD']);
  }
  return {
    securityInfos,
    eContentType: sd.eContentType,
    eContent: sd.eContent,
    signer,
    signatureAlgorithm,
    certificates: sd.certificates,
    ...(documentSigner === undefined ? {} : { documentSigner }),
    ...(signer.signingTime === undefined ? {} : { signingTime: signer.signingTime }),
  };
}

/**
 * parseCardSecurity returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseCardSecurity(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseCardSecurity = toSafe(parseCardSecurity);
