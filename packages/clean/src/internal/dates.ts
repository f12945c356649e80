import { isCalendarDate } from '@cancuoc/core';
import type { CleanIssueCode } from './issue-codes.js';

/** The outcome of reading a birth date: the value to keep and the finding, if any. */
export interface DateOutcome {
  value: string;
  code?: CleanIssueCode;
  details?: Record<string, string | number>;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const MIN_YEAR = 1880;
// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 the non-existent 1900-02-29.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function full(d: number, m: number, y: number): string {
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/**
 * Reads a birth date as data teams find it and repairs what has one sure repair. Hand-written:
 * it runs on every record, so it splits on separators with char codes instead of regexes, and
 * it knows the repairs (00/00/yyyy, swapped day and month, Excel serials) that a date parser
 * refuses by design.
 *
 * @param today `[year, month, day]` of today (for the future check).
 */
export function repairBirthDate(text: string, today: readonly [number, number, number]): DateOutcome {
  // Split into runs of digits; any other character is a separator.
  const nums: number[] = [];
  const lens: number[] = [];
  let cur = -1;
  let len = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      cur = cur < 0 ? c - 48 : cur * 10 + (c - 48);
      len++;
      if (len > 8) return { value: text, code: 'CLEAN_DATE_FORMAT' };
    } else {
      if (cur >= 0) {
        nums.push(cur);
        lens.push(len);
      }
      cur = -1;
      len = 0;
      // Letters (other than the T of an ISO timestamp) make it unreadable.
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        if (!(c === 84 && nums.length === 3)) return { value: text, code: 'CLEAN_DATE_FORMAT' };
        break;
      }
    }
  }
  if (cur >= 0) {
    nums.push(cur);
    lens.push(len);
  }
  let d = 0;
  let m = 0;
  let y = 0;
  let excel = false;
  if (nums.length >= 3 && lens[0] === 4) {
    // ISO yyyy-MM-dd (maybe followed by a time).
    y = nums[0] as number;
    m = nums[1] as number;
    d = nums[2] as number;
  } else if (nums.length === 3 && lens[2] === 4) {
    d = nums[0] as number;
    m = nums[1] as number;
    y = nums[2] as number;
  } else if (nums.length === 2 && lens[1] === 4) {
    m = nums[0] as number;
    y = nums[1] as number;
  } else if (nums.length === 2 && lens[0] === 4) {
    y = nums[0] as number;
    m = nums[1] as number;
  } else if (nums.length === 1 && lens[0] === 4) {
    y = nums[0] as number;
  } else if (nums.length === 1 && lens[0] === 8) {
    const n = nums[0] as number;
    // ddMMyyyy (as QR codes write it) or yyyyMMdd (as VNeID claims do): within plausible years
    // only one reading is a date.
    const a = [Math.floor(n / 1e6), Math.floor(n / 1e4) % 100, n % 1e4] as const;
    const b = [n % 100, Math.floor(n / 100) % 100, Math.floor(n / 1e4)] as const;
    if (a[2] >= MIN_YEAR && isCalendarDate(a[2], a[1], a[0])) [d, m, y] = a;
    else if (b[2] >= MIN_YEAR && isCalendarDate(b[2], b[1], b[0])) [d, m, y] = b;
    else return { value: text, code: 'CLEAN_DATE_FORMAT' };
  } else if (nums.length === 1 && (lens[0] === 5 || lens[0] === 4) && text.trim().length === lens[0]) {
    // Excel serial day number (a date column exported without its format): 1900-01-01 … 2173.
    const serial = nums[0] as number;
    if (serial < 61 || serial > 99999) return { value: text, code: 'CLEAN_DATE_FORMAT' };
    const date = new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
    d = date.getUTCDate();
    m = date.getUTCMonth() + 1;
    y = date.getUTCFullYear();
    excel = true;
  } else {
    return { value: text, code: 'CLEAN_DATE_FORMAT' };
  }
  if (y < MIN_YEAR) return { value: text, code: 'CLEAN_DATE_RANGE', details: { year: y } };
  if (y > today[0]) return { value: text, code: 'CLEAN_DATE_FUTURE' };
  if (m === 0 && d === 0 && nums.length >= 2) {
    return { value: String(y), code: 'CLEAN_DATE_YEAR_ONLY' };
  }
  if (d === 0 && nums.length === 3) {
    if (m < 1 || m > 12) return { value: text, code: 'CLEAN_DATE_IMPOSSIBLE', details: { value: text } };
    return { value: `${pad2(m)}/${y}`, code: 'CLEAN_DATE_MONTH_YEAR' };
  }
  if (nums.length === 2) {
    if (m < 1 || m > 12) return { value: text, code: 'CLEAN_DATE_IMPOSSIBLE', details: { value: text } };
    const out = `${pad2(m)}/${y}`;
    if (y === today[0] && m > today[1]) return { value: text, code: 'CLEAN_DATE_FUTURE' };
    return out === text ? { value: out } : { value: out, code: 'CLEAN_DATE_NORMALIZED' };
  }
  if (nums.length === 1 && !excel && lens[0] === 4) {
    return { value: String(y) };
  }
  let code: CleanIssueCode | undefined;
  if (!isCalendarDate(y, m, d)) {
    // Month/day order (08/15/1990): only when the swap is the single reading that is a date.
    if (m > 12 && d >= 1 && d <= 12 && isCalendarDate(y, d, m)) {
      const t = d;
      d = m;
      m = t;
      code = 'CLEAN_DATE_SWAPPED';
    } else return { value: text, code: 'CLEAN_DATE_IMPOSSIBLE', details: { value: text } };
  }
  if (y === today[0] && (m > today[1] || (m === today[1] && d > today[2]))) {
    return { value: text, code: 'CLEAN_DATE_FUTURE' };
  }
  const out = full(d, m, y);
  if (code !== undefined) return { value: out, code };
  if (excel) return { value: out, code: 'CLEAN_DATE_EXCEL_SERIAL' };
  return out === text ? { value: out } : { value: out, code: 'CLEAN_DATE_NORMALIZED' };
}
