/**
 * `@cancuoc/clean`: clean lists of residents (patients, tenants, members, beneficiaries) so that
 * they are correct, complete, clean and current ("đúng, đủ, sạch, sống"): streaming rules for ID
 * numbers, dates, names, addresses, phone numbers and codes, bilingual issue reports, duplicates
 * and an HTML summary.
 *
 * @packageDocumentation
 */

/** The per-record rules. */
export { type CleanRecordOptions, cleanRecord } from './clean-record.js';
/** The duplicate index: groups of rows that look like one person, in memory or in DuckDB. */
export {
  createDuplicateIndex,
  type DuplicateErrorCode,
  type DuplicateGroup,
  type DuplicateIndex,
  type DuplicateIndexOptions,
  type DuplicateReason,
  type DuplicateStore,
  duplicateErrorMessages,
} from './duplicates/index.js';
/** Error codes of this package and their messages in English and Vietnamese. */
export { type CleanErrorCode, cleanErrorMessages } from './errors.js';
/** The record contract: fields, issues, duplicate keys, profiles. */
export {
  type CleanedRecord,
  type CleanField,
  cleanFields,
  type DuplicateKeys,
  type InputRecord,
  type Profile,
  type RecordIssue,
  type Severity,
} from './types.js';
