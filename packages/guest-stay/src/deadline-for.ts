/**
 * The legal deadline of a stay notice: Law on Residence 68/2020/QH14 art. 30(2) — the notice is
 * due before 23:00 of the day the stay begins; for a guest who arrives after 23:00, before 08:00
 * the next day. Days and hours are Vietnam's (UTC+7), whatever the host's time zone.
 */
import { fromVietnamTime, vietnamParts } from './internal/vietnam-time.js';

/**
 * The moment a stay notice is due for a guest arriving at `arrival`: 23:00 (Vietnam time) of the
 * arrival day, or 08:00 of the next morning for an arrival in the night, from 23:00 to 07:59.
 *
 * The law does not say which day "after 23:00" belongs to for an arrival past midnight. We read the
 * night from 23:00 to 08:00 as one late-arrival window due at 08:00, as the VNeID app does (a notice
 * sent before 08:00 may start at 23:00 of the previous day, VNeID user guide §2.11): for 00:30 the
 * notice is due at 08:00 the same morning, not at 23:00. That is the earlier of the two readings,
 * so a hotel that meets it is on time under either; deadline alerts fire sooner, never too late.
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
  if (p.hour < 8) return new Date(fromVietnamTime(p.year, p.month, p.day, 8));
  return new Date(fromVietnamTime(p.year, p.month, p.day, 23));
}
