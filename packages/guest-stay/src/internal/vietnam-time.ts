/**
 * Vietnam time (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving since 1975. Computed from
 * the instant with a fixed offset, never from the host's time zone, so a server in any zone
 * writes the same `YYYY-MM-DD HH:mm:ss` the accommodation API expects.
 */

import { checkedVietnamTime, VIETNAM_UTC_OFFSET_MS, vietnamParts } from '@cancuoc/core';

export { fromVietnamTime, vietnamDay, vietnamParts } from '@cancuoc/core';
/** UTC+7 in milliseconds. */
export const VIETNAM_OFFSET_MS = VIETNAM_UTC_OFFSET_MS;
/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

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
  return checkedVietnamTime(y, mo, d, h, mi, s);
}
