import { runRules } from './internal/rules.js';
import type { CleanedRecord, InputRecord, Profile } from './types.js';

/** Options of {@link cleanRecord}. */
export interface CleanRecordOptions {
  /** Which fields are required (default `'population'`). */
  readonly profile?: Profile;
}

/**
 * Applies every per-record rule to one resident record: repairs what can be repaired (names,
 * dates, legacy font encodings, phone numbers, merged provinces, codes of ethnicity, religion and
 * nationality) and reports what is wrong, each finding with a stable code, a severity and a
 * message in Vietnamese and English. Pure and synchronous.
 *
 * @param input the record's fields as text.
 * @param row the 1-based data row the record came from (reported in its issues).
 * @throws TypeError when `input` is not an object or `row` is not a positive integer.
 * @example
 * ```ts
 * const r = cleanRecord({ fullName: 'nguyễn  văn an', personalId: '001098012345' }, 1);
 * r.values.fullName // 'Nguyễn Văn An'
 * r.issues[0]?.code // 'CLEAN_NAME_NORMALIZED'
 * ```
 */
export function cleanRecord(
  input: InputRecord,
  row: number,
  options: CleanRecordOptions = {},
): CleanedRecord {
  if (input === null || typeof input !== 'object') throw new TypeError('cleanRecord expects a record object');
  if (!Number.isInteger(row) || row < 1) throw new RangeError('row must be a positive integer');
  return runRules(input, row, options.profile ?? 'population');
}
