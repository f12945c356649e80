/**
 * Partial dates (ngày sinh may be year-only or month/year on Vietnamese records) with real
 * calendar checks: 31/02 is an error, never a roll-over into March.
 */
import { coreError } from './codes.js';
import { toSafe } from './result.js';

/**
 * A date that may lack its day, or its day and month (`dateOfBirth` — ngày sinh — on
 * records of people whose exact birth date was never registered).
 */
export interface PartialDate {
  readonly year: number;
  /** 1–12, absent when only the year is known. */
  readonly month?: number;
  /** 1–31, absent when only the month and year are known. */
  readonly day?: number;
}

/** The textual layouts {@link parsePartialDate} reads and {@link formatPartialDate} writes. */
export type PartialDateFormat = 'yyyy' | 'MM/yyyy' | 'dd/MM/yyyy' | 'ddMMyyyy' | 'yyyyMMdd' | 'iso';

/** Options of {@link parsePartialDate}. */
export interface ParsePartialDateOptions {
  /** Accept only this layout. By default every layout is tried (they never overlap within the year range). */
  readonly format?: PartialDateFormat;
  /** Earliest accepted year (default 1800). */
  readonly minYear?: number;
  /** Latest accepted year (default 2399, the last year a personal ID number can encode). */
  readonly maxYear?: number;
  /** Require day, month and year (default false). */
  readonly requireFullDate?: boolean;
}

const EXPECTED = 'yyyy, MM/yyyy, dd/MM/yyyy, ddMMyyyy, yyyyMMdd or yyyy-MM-dd';

/** Whether year-month-day is a day of the proleptic Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

interface Parts {
  year: string;
  month?: string | undefined;
  day?: string | undefined;
}

// Each layout as a regular expression; `00` in a day or month means "unknown", as some
// registers write 00/00/1985 for a year-only birth date.
const LAYOUTS: ReadonlyArray<[PartialDateFormat, RegExp, (m: RegExpExecArray) => Parts]> = [
  ['yyyy', /^(\d{4})$/, (m) => ({ year: m[1]! })],
  ['MM/yyyy', /^(\d{1,2})[/.-](\d{4})$/, (m) => ({ year: m[2]!, month: m[1] })],
  ['dd/MM/yyyy', /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/, (m) => ({ year: m[3]!, month: m[2], day: m[1] })],
  ['ddMMyyyy', /^(\d{2})(\d{2})(\d{4})$/, (m) => ({ year: m[3]!, month: m[2], day: m[1] })],
  ['yyyyMMdd', /^(\d{4})(\d{2})(\d{2})$/, (m) => ({ year: m[1]!, month: m[2], day: m[3] })],
  ['iso', /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/, (m) => ({ year: m[1]!, month: m[2], day: m[3] })],
];

type Attempt =
  | { ok: true; date: PartialDate }
  | { ok: false; code: 'calendar' | 'range'; details: Record<string, unknown> };

function build(parts: Parts, minYear: number, maxYear: number): Attempt {
  const year = Number(parts.year);
  let month = parts.month === undefined ? undefined : Number(parts.month);
  let day = parts.day === undefined ? undefined : Number(parts.day);
  if (year < minYear || year > maxYear) {
    return { ok: false, code: 'range', details: { year, min: minYear, max: maxYear } };
  }
  if (month === 0) {
    // 00/00/yyyy: only the year is known. A known day with an unknown month is not a date.
    if (day !== undefined && day !== 0) return { ok: false, code: 'calendar', details: { year, month, day } };
    month = undefined;
    day = undefined;
  }
  if (day === 0) day = undefined;
  if (month !== undefined && (month < 1 || month > 12)) {
    return { ok: false, code: 'calendar', details: { year, month, day: day ?? '?' } };
  }
  if (month !== undefined && day !== undefined && !isCalendarDate(year, month, day)) {
    return { ok: false, code: 'calendar', details: { year, month, day } };
  }
  const date: PartialDate =
    month === undefined ? { year } : day === undefined ? { year, month } : { year, month, day };
  return { ok: true, date };
}

/**
 * Reads a date written as `yyyy`, `MM/yyyy`, `dd/MM/yyyy` (also with `-` or `.`), `ddMMyyyy`,
 * `yyyyMMdd` or ISO `yyyy-MM-dd` / `yyyy-MM`. Eight-digit forms are unambiguous: within the
 * accepted years a `ddMMyyyy` string never reads as a valid `yyyyMMdd` one.
 *
 * @throws CancuocError `ERR_DATE_FORMAT` (no layout fits), `ERR_DATE_CALENDAR` (e.g. 31/02),
 *   `ERR_DATE_RANGE` (year outside the accepted range).
 * @example
 * ```ts
 * parsePartialDate('15/08/1998') // { year: 1998, month: 8, day: 15 }
 * parsePartialDate('1998')       // { year: 1998 }
 * ```
 */
export function parsePartialDate(text: string, options: ParsePartialDateOptions = {}): PartialDate {
  if (typeof text !== 'string') throw new TypeError('parsePartialDate expects a string');
  const minYear = options.minYear ?? 1800;
  const maxYear = options.maxYear ?? 2399;
  const input = text.trim();
  let failure: Attempt | undefined;
  for (const [format, re, pick] of LAYOUTS) {
    if (options.format !== undefined && options.format !== format) continue;
    const m = re.exec(input);
    if (!m) continue;
    const attempt = build(pick(m), minYear, maxYear);
    if (attempt.ok) {
      if (options.requireFullDate && attempt.date.day === undefined) {
        throw coreError('ERR_DATE_FORMAT', { expected: 'dd/MM/yyyy' });
      }
      return attempt.date;
    }
    // Keep the first concrete failure: it explains the most likely layout.
    failure ??= attempt;
  }
  if (failure && !failure.ok) {
    throw coreError(failure.code === 'range' ? 'ERR_DATE_RANGE' : 'ERR_DATE_CALENDAR', failure.details);
  }
  throw coreError('ERR_DATE_FORMAT', { expected: options.format ?? EXPECTED });
}

/**
 * {@link parsePartialDate} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * safeParsePartialDate('31/02/2000').success // false
 * ```
 */
export const safeParsePartialDate = toSafe(parsePartialDate);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Writes a partial date in a layout. A layout that needs a part the date lacks writes the
 * coarser layout that fits (a year-only date formatted as `dd/MM/yyyy` gives `yyyy`).
 *
 * @example
 * ```ts
 * formatPartialDate({ year: 1998, month: 8, day: 15 }, 'ddMMyyyy') // '15081998'
 * ```
 */
export function formatPartialDate(date: PartialDate, format: PartialDateFormat = 'dd/MM/yyyy'): string {
  const y = pad(date.year, 4);
  if (date.month === undefined) return y;
  const m = pad(date.month);
  if (format === 'yyyy') return y;
  if (format === 'iso') return date.day === undefined ? `${y}-${m}` : `${y}-${m}-${pad(date.day)}`;
  if (date.day === undefined || format === 'MM/yyyy') return `${m}/${y}`;
  const d = pad(date.day);
  switch (format) {
    case 'ddMMyyyy':
      return `${d}${m}${y}`;
    case 'yyyyMMdd':
      return `${y}${m}${d}`;
    default:
      return `${d}/${m}/${y}`;
  }
}

/** Whether the date has a day, a month and a year. */
export function isFullDate(date: PartialDate): date is Required<PartialDate> {
  return date.month !== undefined && date.day !== undefined;
}

/** The partial date of a JavaScript `Date`, read in UTC (or in the given IANA time zone). */
export function partialDateFromDate(value: Date, timeZone = 'UTC'): Required<PartialDate> {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError('Invalid Date');
  if (timeZone === 'UTC') {
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .formatToParts(value)
    .reduce<Record<string, string>>((acc, p) => {
      acc[p.type] = p.value;
      return acc;
    }, {});
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/**
 * Compares two partial dates. Returns a negative number, zero or a positive number, or
 * `undefined` when the known parts agree but one date is less precise, so the order is unknown.
 *
 * @example
 * ```ts
 * comparePartialDates({ year: 1990 }, { year: 1991, month: 2 }) // < 0
 * comparePartialDates({ year: 1990 }, { year: 1990, month: 2 }) // undefined
 * ```
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number | undefined {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === undefined || b.month === undefined) return a.month === b.month ? 0 : undefined;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === undefined || b.day === undefined) return a.day === b.day ? 0 : undefined;
  return a.day - b.day;
}
