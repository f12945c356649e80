import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineFor } from '../src/deadline-for.js';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('deadlineFor (Law on Residence 68/2020/QH14 art. 30)', () => {
  it('is 23:00 the same day for an arrival before 23:00', () => {
    expect(deadlineFor(vn('2026-12-06T14:30:00'))).toEqual(vn('2026-12-06T23:00:00'));
    expect(deadlineFor(vn('2026-12-06T22:59:59'))).toEqual(vn('2026-12-06T23:00:00'));
  });

  it('is 08:00 the next day for an arrival at or after 23:00', () => {
    expect(deadlineFor(vn('2026-12-06T23:00:00'))).toEqual(vn('2026-12-07T08:00:00'));
    expect(deadlineFor(vn('2026-12-06T23:59:59'))).toEqual(vn('2026-12-07T08:00:00'));
  });

  it('rolls over months and years', () => {
    expect(deadlineFor(vn('2026-12-31T23:30:00'))).toEqual(vn('2027-01-01T08:00:00'));
    expect(deadlineFor(vn('2028-02-28T23:10:00'))).toEqual(vn('2028-02-29T08:00:00'));
  });

  it('is 08:00 the same morning for an arrival after midnight (the night is one late-arrival window)', () => {
    expect(deadlineFor(vn('2026-12-07T00:30:00'))).toEqual(vn('2026-12-07T08:00:00'));
    expect(deadlineFor(vn('2026-12-07T07:59:59'))).toEqual(vn('2026-12-07T08:00:00'));
    expect(deadlineFor(vn('2026-12-07T08:00:00'))).toEqual(vn('2026-12-07T23:00:00'));
  });

  it('is never later than either reading of the law for a night arrival', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 * 3600 - 1 }), (secondsAfterMidnight) => {
        const arrival = new Date(vn('2026-12-07T00:00:00').getTime() + secondsAfterMidnight * 1000);
        // Reading A: due 08:00 after a night arrival; reading B: due 23:00 of the arrival day.
        expect(deadlineFor(arrival).getTime()).toBeLessThanOrEqual(vn('2026-12-07T08:00:00').getTime());
        expect(deadlineFor(arrival).getTime()).toBeLessThanOrEqual(vn('2026-12-07T23:00:00').getTime());
      }),
    );
  });

  it('reads the day in Vietnam, not in UTC', () => {
    // 2026-12-06T16:30Z is 23:30 in Vietnam.
    expect(deadlineFor(new Date('2026-12-06T16:30:00Z'))).toEqual(new Date('2026-12-07T01:00:00Z'));
  });

  it('is always after the arrival, at most 24 h later, at 23:00 or 08:00 Vietnam time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (d) => {
          const deadline = deadlineFor(d);
          const gap = deadline.getTime() - d.getTime();
          expect(gap).toBeGreaterThan(0);
          expect(gap).toBeLessThanOrEqual(24 * 3_600_000);
          const vnHour = new Date(deadline.getTime() + 7 * 3_600_000);
          expect([23, 8]).toContain(vnHour.getUTCHours());
          expect(vnHour.getUTCMinutes() + vnHour.getUTCSeconds() + vnHour.getUTCMilliseconds()).toBe(0);
        },
      ),
    );
  });

  it('refuses what is not a valid Date', () => {
    expect(() => deadlineFor(new Date('x'))).toThrow(TypeError);
    expect(() => deadlineFor('2026-12-06' as never)).toThrow(TypeError);
  });
});
