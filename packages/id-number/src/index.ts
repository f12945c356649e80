/**
 * `@cancuoc/id-number`: Vietnamese identifiers. The 12-digit personal ID number (số định danh cá
 * nhân) with its birth place, sex and birth year; consistency with a birth date and sex; legacy ID
 * card (CMND) numbers; health insurance (BHYT) card codes; tax codes (MST); passport numbers; and
 * a detector that says which of these a string is.
 *
 * @packageDocumentation
 */

/** Shapes of `@cancuoc/admin-units` that decoded numbers carry, re-exported for convenience. */
export type {
  AbroadBirthPlace,
  BirthCountry,
  BirthPlace,
  Province,
  ProvinceBirthPlace,
} from '@cancuoc/admin-units';
/** Consistency of a birth date and sex with the ID number. */
export { type ConsistencyFacts, checkConsistency } from './check-consistency.js';
/** Which identifier a string is. */
export { detectIdKind, type IdKind, type IdKindDetection } from './detect-id-kind.js';
/** Error codes of this package and their messages. */
export { type IdNumberErrorCode, idNumberErrorMessages } from './errors.js';
/** Building a personal ID number from its parts. */
export { formatPersonalId, type PersonalIdParts } from './format-personal-id.js';
/** Options shared by the parsers of typed-in identifiers. */
export type { NormalizeOptions } from './options.js';
/** BHYT card codes and social insurance numbers. */
export {
  type InsuranceCardCode,
  type InsuranceCode,
  parseInsuranceCode,
  type SocialInsuranceNumber,
  safeParseInsuranceCode,
} from './parse-insurance-code.js';
/** Legacy ID card (CMND) numbers. */
export { type LegacyId, parseLegacyId, safeParseLegacyId } from './parse-legacy-id.js';
/** Vietnamese passport numbers. */
export {
  type PassportNumber,
  parsePassportNumber,
  safeParsePassportNumber,
} from './parse-passport-number.js';
/** The personal ID number. */
export {
  isPersonalId,
  type ParsePersonalIdOptions,
  type PersonalId,
  parsePersonalId,
  type Sex,
  safeParsePersonalId,
} from './parse-personal-id.js';
/** Tax codes (MST). */
export {
  type EnterpriseTaxCode,
  type PersonalTaxCode,
  parseTaxCode,
  safeParseTaxCode,
  type TaxCode,
  taxCodeCheckDigit,
} from './parse-tax-code.js';
