/**
 * Vietnam time (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving since 1975. Computed with the
 * fixed offset, never from the host's time zone, so a server anywhere reads and writes the same
 * wall-clock times as the Vietnamese services it talks to.
 */

/** UTC+7 in milliseconds. */
export const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;

const DAY_MS = 86_400_000;

/** The calendar fields of an instant in Vietnam (month 1–12). */
export interface VietnamParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * The calendar fields of an instant (milliseconds since the epoch), read in Vietnam time.
 *
 * @example
 * ```ts
 * vietnamParts(Date.parse('2026-12-06T16:30:00Z')) // { year: 2026, month: 12, day: 6, hour: 23, minute: 30, second: 0 }
 * ```
 */
export function vietnamParts(instant: number): VietnamParts {
  const d = new Date(instant + VIETNAM_UTC_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * The Vietnam calendar day an instant falls on, as days since 1970-01-01: two instants are on the
 * same day in Vietnam when their numbers are equal.
 *
 * @example
 * ```ts
 * vietnamDay(Date.parse('2026-12-06T17:00:00Z')) - vietnamDay(Date.parse('2026-12-06T16:59:59Z')) // 1 (midnight in Vietnam)
 * ```
 */
export function vietnamDay(instant: number): number {
  return Math.floor((instant + VIETNAM_UTC_OFFSET_MS) / DAY_MS);
}

/**
 * The instant of a Vietnam wall-clock time. Fields out of range roll over like `Date.UTC`
 * (day 32 is the next month's first): use it for arithmetic such as "08:00 the next day".
 *
 * @example
 * ```ts
 * new Date(fromVietnamTime(2026, 12, 6, 23)).toISOString() // '2026-12-06T16:00:00.000Z'
 * ```
 */
export function fromVietnamTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - VIETNAM_UTC_OFFSET_MS;
}

/**
 * The instant of a Vietnam wall-clock time read from text, or `undefined` when the fields are not a
 * real date and time (month 13, 31 February, hour 24): for parsers of the services' date-times.
 *
 * @example
 * ```ts
 * checkedVietnamTime(2026, 2, 31, 10, 0, 0) // undefined
 * ```
 */
export function checkedVietnamTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (hour < 0 || minute < 0 || second < 0) return undefined;
  const t = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(t);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  return t - VIETNAM_UTC_OFFSET_MS;
}
