/**
 * `@cancuoc/clean`: clean lists of residents (patients, tenants, members, beneficiaries) so that
 * they are correct, complete, clean and current ("đúng, đủ, sạch, sống"): streaming rules for ID
 * numbers, dates, names, addresses, phone numbers and codes, bilingual issue reports, duplicates
 * and an HTML summary.
 *
 * @packageDocumentation
 */

/** Cleaning a CSV, JSON Lines or .xlsx file into a cleaned file, an issue report, duplicates and a summary. */
export { type CleanFileOptions, type CleanProgress, cleanFile } from './clean-file.js';
/** The per-record rules. */
export { type CleanRecordOptions, cleanRecord } from './clean-record.js';
/** Cleaning records in memory or from another stream. */
export { type CleanRecordsOptions, cleanRecords } from './clean-records.js';
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
/** Column mapping: field → header text. */
export type { ColumnMapping } from './internal/columns.js';
/** Codes and messages of the findings new with this package (`CLEAN_*`). */
export { type CleanIssueCode, cleanIssueMessages } from './internal/issue-codes.js';
/** Input formats. */
export type { InputFormat } from './internal/read-input.js';
/** The summary of a run (also written as JSON and HTML). */
export type { CleanSummary, CodeCount } from './internal/summary.js';
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
