import { cleanError } from './errors.js';
import { runRules } from './internal/rules.js';
import type { CleanedRecord, InputRecord, Profile } from './types.js';

/** Options of {@link cleanRecords}. */
export interface CleanRecordsOptions {
  /** Which fields are required (default `'population'`). */
  readonly profile?: Profile;
  readonly signal?: AbortSignal;
}

/**
 * Cleans records held in memory or produced by another stream (a database cursor, an API
 * page by page): yields each {@link CleanedRecord} in order, numbering rows from 1.
 *
 * @param records a sync or async iterable of records.
 * @throws TypeError when `records` is not iterable.
 * @throws CancuocError `ERR_CLEAN_ABORTED` when the signal fires.
 * @example
 * ```ts
 * for await (const r of cleanRecords([{ fullName: 'le thi  hoa', birthDate: '00/00/1970' }])) {
 *   r.values.birthDate // '1970'
 * }
 * ```
 */
export async function* cleanRecords(
  records: Iterable<InputRecord> | AsyncIterable<InputRecord>,
  options: CleanRecordsOptions = {},
): AsyncGenerator<CleanedRecord> {
  if (
    records === null ||
    typeof records !== 'object' ||
    (!(Symbol.iterator in records) && !(Symbol.asyncIterator in records))
  )
    throw new TypeError('cleanRecords expects an iterable of records');
  const profile = options.profile ?? 'population';
  let row = 0;
  for await (const record of records) {
    if (options.signal?.aborted) throw cleanError('ERR_CLEAN_ABORTED');
    if (record === null || typeof record !== 'object')
      throw new TypeError(`record ${row + 1} is not an object`);
    yield runRules(record, ++row, profile);
  }
}
