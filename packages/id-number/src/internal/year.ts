// The current year in Vietnam (UTC+7, no daylight saving), refreshed when the clock passes the
// next New Year, so that the hot path reads Date.now() and compares two numbers.
import { VIETNAM_UTC_OFFSET_MS } from '@cancuoc/core';

const OFFSET_MS = VIETNAM_UTC_OFFSET_MS;
let year = 0;
let nextYearStart = Number.NEGATIVE_INFINITY;
let yearStart = Number.POSITIVE_INFINITY;

export function currentYear(): number {
  const now = Date.now();
  if (now >= nextYearStart || now < yearStart) {
    year = new Date(now + OFFSET_MS).getUTCFullYear();
    yearStart = Date.UTC(year, 0, 1) - OFFSET_MS;
    nextYearStart = Date.UTC(year + 1, 0, 1) - OFFSET_MS;
  }
  return year;
}
