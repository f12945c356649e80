import { parsePartialDate, VIETNAM_UTC_OFFSET_MS } from '@cancuoc/core';
import type { DateInput } from '../types.js';

// Vietnam keeps UTC+7 all year (no daylight saving since 1975), so a fixed offset reads a
// Date as the calendar day in Vietnam without Intl.
const VIETNAM_OFFSET_MS = VIETNAM_UTC_OFFSET_MS;

/**
 * yyyymmdd as a number, for cheap comparisons.
 *
 * @throws TypeError for a value that is no date input; RangeError for an invalid `Date` or a
 *   month or day out of range (misuse of the `date` option, not bad data).
 */
export function dayNumberOf(date: DateInput | undefined): number {
  if (date === undefined) return dayNumberOfTime(Date.now());
  if (date instanceof Date) {
    const t = date.getTime();
    if (Number.isNaN(t)) throw new RangeError('date is an invalid Date');
    return dayNumberOfTime(t);
  }
  if (typeof date === 'string') return partsToDayNumber(parsePartialDate(date));
  if (typeof date === 'object' && date !== null && Number.isInteger(date.year)) {
    if (!inRange(date.month, 12) || !inRange(date.day, 31))
      throw new RangeError('date month or day is out of range');
    return partsToDayNumber(date);
  }
  throw new TypeError('Expected a Date, a date string or a { year, month?, day? } object');
}

function inRange(value: number | undefined, max: number): boolean {
  return value === undefined || (Number.isInteger(value) && value >= 1 && value <= max);
}

function dayNumberOfTime(t: number): number {
  const d = new Date(t + VIETNAM_OFFSET_MS);
  return d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

function partsToDayNumber(d: {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}): number {
  return d.year * 10_000 + (d.month ?? 1) * 100 + (d.day ?? 1);
}

/** The provinces of the 34 took effect on this day (Resolution 202/2025/QH15, Art. 2). */
export const MERGE_DAY = 20250701;
/** Thành phố Huế replaced Thừa Thiên Huế on this day (Resolution 175/2024/QH15). */
export const HUE_CITY_DAY = 20250101;

/** The first millisecond of 1 July 2025 and of 1 January 2025 in Vietnam. */
export const MERGE_TIME = Date.UTC(2025, 6, 1) - VIETNAM_OFFSET_MS;
export const HUE_CITY_TIME = Date.UTC(2025, 0, 1) - VIETNAM_OFFSET_MS;

/** Which province table applies on a day: the 63 (with Thừa Thiên Huế), the 63 with Huế city, or the 34. */
export type Era = 0 | 1 | 2;

export function eraOfDay(day: number): Era {
  return day >= MERGE_DAY ? 2 : day >= HUE_CITY_DAY ? 1 : 0;
}

/** The era of today, read from the clock without allocating. */
export function currentEra(): Era {
  const t = Date.now();
  return t >= MERGE_TIME ? 2 : t >= HUE_CITY_TIME ? 1 : 0;
}

export function eraOf(date: DateInput | undefined): Era {
  return date === undefined ? currentEra() : eraOfDay(dayNumberOf(date));
}
