/**
 * `@cancuoc/chip/lite`: everything of `@cancuoc/chip` except the mapping to the resident schema
 * (`toCardData`, `toResident`), so that importing it loads neither `@cancuoc/schemas` nor zod
 * (about half of the import time of `@cancuoc/chip` in Node, see docs/benchmarks.md). For code
 * that parses and verifies chip files, and for `@cancuoc/reader`.
 *
 * @example
 * ```ts
 * import { parseDg13, verifyPassive } from '@cancuoc/chip/lite';
 * ```
 *
 * @packageDocumentation
 */

/** Trust store of CSCA certificates, master lists and CRLs. */
export { createTrustStore, type TrustStore, type TrustStoreInput } from './create-trust-store.js';
/**
 * Elliptic-curve domain parameters by PACE parameter ID (9303-11 §9.5.1) or named-curve OID, and the
 * one bounded cache of @noble/curves point constructors (shared with `@cancuoc/reader`).
 */
export {
  type CurvePointConstructor,
  curvePointConstructor,
  type NamedCurveParameters,
  namedCurveParameters,
  standardDomainParameters,
} from './curve-parameters.js';
/** BER-TLV writer with DER lengths, and DER INTEGERs. */
export { encodeDerInteger, encodeTlv, encodeTlvLength } from './encode-tlv.js';
/** Error codes of `@cancuoc/chip` and their messages in English and Vietnamese. */
export { type ChipErrorCode, chipErrorMessages } from './errors.js';
export type { SignatureScheme } from './internal/algorithm-identifiers.js';
export type { Certificate, Crl } from './internal/certificate.js';
export type { SignerInfo } from './internal/cms.js';
export type { CurveParams, NamedCurve } from './internal/curves.js';
/** Public keys of certificates, DG14 and DG15. */
export type { PublicKeyInfo } from './internal/keys.js';
/** The input-size limit every byte parser takes (`maxBytes`). */
export type { MaxBytesOptions } from './internal/limits.js';
export type { HashName } from './internal/oids.js';
/** OBJECT IDENTIFIER contents (X.690 §8.19), strict: one encoding per OID. */
export { decodeOid, encodeOid } from './object-identifier.js';
/** EF.CardAccess. */
export { parseCardAccess, safeParseCardAccess } from './parse-card-access.js';
/** EF.CardSecurity (chips with PACE-CAM or terminal authentication). */
export { type CardSecurity, parseCardSecurity, safeParseCardSecurity } from './parse-card-security.js';
/** EF.COM. */
export { type Com, parseCom, safeParseCom } from './parse-com.js';
/** DG1: the MRZ on the chip. */
export { type Dg1, parseDg1, safeParseDg1 } from './parse-dg1.js';
/** DG2: face images. */
export { type Dg2, type FaceImage, type FaceImageMimeType, parseDg2, safeParseDg2 } from './parse-dg2.js';
/** DG11: additional personal details (foreign passports: full name, birth place, address …). */
export { type Dg11, parseDg11, safeParseDg11 } from './parse-dg11.js';
/** DG12: additional document details (issuing authority, date of issue, personalization). */
export { type Dg12, parseDg12, safeParseDg12 } from './parse-dg12.js';
/** DG13: Vietnam's personal data group. */
export { type Dg13, type Dg13Entry, parseDg13, safeParseDg13 } from './parse-dg13.js';
/** DG14: chip authentication security infos. */
export { parseDg14, safeParseDg14 } from './parse-dg14.js';
/** DG15: active authentication public key. */
export { type Dg15, parseDg15, safeParseDg15 } from './parse-dg15.js';
/** Machine readable zone: TD1, TD2, TD3, Vietnamese TD1 rules, BAC key seed. */
export { bacKeySeed, type Mrz, type MrzFormat, mrzCheckDigit, parseMrz, safeParseMrz } from './parse-mrz.js';
/** EF.SOD. */
export {
  type LdsSecurityObject,
  type ParseSodOptions,
  parseSod,
  type Sod,
  safeParseSod,
} from './parse-sod.js';
/**
 * BER-TLV reader (hostile-input safe): one element filling the bytes, one at an offset, the children
 * of a constructed element, a file header from a file's first bytes, and non-throwing forms for APDUs.
 */
export {
  type ParseTlvOptions,
  parseTlv,
  readTlv,
  readTlvHeader,
  type TlvHeader,
  type TlvNode,
  tlvChildren,
  tryReadTlv,
  tryTlvChildren,
} from './parse-tlv.js';
/** SecurityInfos of EF.CardAccess and DG14. */
export type {
  ActiveAuthenticationInfo,
  ChipAuthenticationInfo,
  ChipAuthenticationPublicKeyInfo,
  PaceDomainParameterInfo,
  PaceInfo,
  SecureMessagingCipher,
  SecurityInfo,
  SecurityInfos,
  TerminalAuthenticationInfo,
  UnknownSecurityInfo,
} from './security-infos.js';
/** Active authentication (INTERNAL AUTHENTICATE) signature verification. */
export {
  type ActiveAuthenticationReport,
  type VerifyActiveAuthenticationInput,
  verifyActiveAuthentication,
} from './verify-active-authentication.js';
/** One verdict for a card read: passive authentication plus chip or active authentication. */
export {
  type ActiveAuthenticationProof,
  type AuthenticationStatus,
  type AuthenticationVerdict,
  type CardVerificationReport,
  type VerifyCardInput,
  verifyCard,
} from './verify-card.js';
export { type CardSecurityReport, verifyCardSecurity } from './verify-card-security.js';
/** Passive authentication. */
export {
  type DataGroupStatus,
  type PassiveAuthenticationReport,
  type VerifyPassiveInput,
  verifyPassive,
} from './verify-passive.js';
