/**
 * Vietnam time (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving since 1975. Computed from
 * the instant with a fixed offset, never from the host's time zone, so a server in any zone
 * writes the same `YYYY-MM-DD HH:mm:ss` the accommodation API expects.
 */

/** UTC+7 in milliseconds. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** The calendar fields of an instant in Vietnam. */
export interface VietnamParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The calendar fields of an instant, read in Vietnam time. */
export function vietnamParts(instant: number): VietnamParts {
  const d = new Date(instant + VIETNAM_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Days since 1970-01-01 of the Vietnam calendar day an instant falls on. */
export function vietnamDay(instant: number): number {
  return Math.floor((instant + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** The instant of a Vietnam wall-clock time. */
export function fromVietnamTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - VIETNAM_OFFSET_MS;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a year, month and day. */
export function formatYmd(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The API's date-time, `YYYY-MM-DD HH:mm:ss` in Vietnam time (KBTT API guide v1.4 §5.3, §6.3). */
export function formatApiDateTime(instant: number): string {
  const p = vietnamParts(instant);
  return `${formatYmd(p.year, p.month, p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** ISO 8601 with the Vietnam offset, `2026-12-06T14:30:00+07:00`, second precision. */
export function formatVietnamIso(instant: number): string {
  const p = vietnamParts(instant);
  return `${formatYmd(p.year, p.month, p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`;
}

const API_DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** Reads `YYYY-MM-DD HH:mm:ss` as Vietnam time; undefined when it is not a real date-time. */
export function parseApiDateTime(value: string): number | undefined {
  const m = API_DATE_TIME_RE.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(t);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return t - VIETNAM_OFFSET_MS;
}
