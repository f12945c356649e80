import { changedStateOn } from './internal/changes.js';
import { eraOf } from './internal/date.js';
import { provinceOfEra } from './internal/tables.js';
import type { DateInput, Province, ProvinceChangeTable } from './types.js';

/** Options of the date-aware lookups. */
export interface AtDateOptions {
  /** The day to answer for (default: today in Vietnam). */
  readonly date?: DateInput;
  /**
   * Dated renames, type changes and merges after 1 July 2025 to apply, from
   * {@link parseProvinceChanges}; replaces the built-in `provinceChanges` (which holds only
   * changes verified against the act's text).
   */
  readonly changes?: ProvinceChangeTable;
}

/**
 * The province (tỉnh/thành phố) that bore a GSO code on a date: one of the 63 before
 * 1 July 2025, one of the 34 from then on. A code retired by the merger (`'27'` Bắc Ninh's old
 * code) answers `undefined` after the merger; see {@link getSuccessorProvince} for where it went.
 * Dated changes after the merger (the `changes` option, or the built-in table) are applied.
 *
 * @param code - the two-digit GSO code (`'24'`).
 * @throws CancuocError `ERR_DATE_*` from `@cancuoc/core` when `date` is an unreadable string.
 * @throws TypeError for a `changes` option not made by `parseProvinceChanges`.
 * @throws RangeError for an invalid `Date` (or a month or day out of range) as `date`, in every
 *   date-aware lookup.
 * @example
 * ```ts
 * getProvince('24', { date: '2025-06-30' })?.name // 'Bắc Giang'
 * getProvince('24', { date: '2025-07-01' })?.name // 'Bắc Ninh'
 * ```
 */
export function getProvince(code: string, options: AtDateOptions = {}): Province | undefined {
  if (typeof code !== 'string') throw new TypeError('getProvince expects a string code');
  const changed = changedStateOn(options.date, options.changes);
  if (changed) return changed.state.byCode.get(code);
  return provinceOfEra(code, eraOf(options.date));
}
