/**
 * `@cancuoc/id-number`: Vietnamese identifiers. The 12-digit personal ID number (số định danh cá
 * nhân) with its birth place, sex and birth year; consistency with a birth date and sex; legacy ID
 * card (CMND) numbers; health insurance (BHYT) card codes; tax codes (MST); passport numbers; and
 * a detector that says which of these a string is.
 *
 * @packageDocumentation
 */

/** Consistency of a birth date and sex with the ID number. */
export { type ConsistencyFacts, checkConsistency } from './check-consistency.js';
/** Error codes of this package and their messages. */
export { type IdNumberErrorCode, idNumberErrorMessages } from './errors.js';
/** Building a personal ID number from its parts. */
export { formatPersonalId, type PersonalIdParts } from './format-personal-id.js';
/** The personal ID number. */
export {
  isPersonalId,
  type ParsePersonalIdOptions,
  type PersonalId,
  parsePersonalId,
  type Sex,
  safeParsePersonalId,
} from './parse-personal-id.js';
