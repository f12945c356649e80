/**
 * The legal deadline of a stay notice: Law on Residence 68/2020/QH14 art. 30(2) — the notice is
 * due before 23:00 of the day the stay begins; for a guest who arrives after 23:00, before 08:00
 * the next day. Days and hours are Vietnam's (UTC+7), whatever the host's time zone.
 */
import { fromVietnamTime, vietnamParts } from './internal/vietnam-time.js';

/**
 * The moment a stay notice is due for a guest arriving at `arrival`: 23:00 (Vietnam time) of the
 * arrival day, or 08:00 of the next day for an arrival at or after 23:00. An arrival in the early
 * morning (00:00–07:59) starts the stay that day, so its notice is due at 23:00 the same day.
 *
 * @throws TypeError when `arrival` is not a valid `Date`.
 * @example
 * ```ts
 * deadlineFor(new Date('2026-12-06T14:30:00+07:00')).toISOString() // '2026-12-06T16:00:00.000Z' (23:00 in Vietnam)
 * deadlineFor(new Date('2026-12-06T23:15:00+07:00')).toISOString() // '2026-12-07T01:00:00.000Z' (08:00 next day)
 * ```
 */
export function deadlineFor(arrival: Date): Date {
  if (!(arrival instanceof Date) || Number.isNaN(arrival.getTime())) {
    throw new TypeError('deadlineFor expects a valid Date');
  }
  const p = vietnamParts(arrival.getTime());
  if (p.hour >= 23) return new Date(fromVietnamTime(p.year, p.month, p.day + 1, 8));
  return new Date(fromVietnamTime(p.year, p.month, p.day, 23));
}
