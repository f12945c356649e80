import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedVietnamTime, fromVietnamTime, vietnamDay, vietnamParts } from '../src/index.js';

describe('Vietnam time (UTC+7, no daylight saving)', () => {
  it('reads an instant as Vietnam wall-clock fields, whatever the host zone', () => {
    expect(vietnamParts(Date.parse('2026-12-06T16:30:00Z'))).toEqual({
      year: 2026,
      month: 12,
      day: 6,
      hour: 23,
      minute: 30,
      second: 0,
    });
    expect(vietnamParts(Date.parse('2026-12-31T17:00:00Z'))).toMatchObject({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
    });
  });

  it('turns a day at Vietnam midnight, not UTC midnight', () => {
    expect(
      vietnamDay(Date.parse('2026-12-06T17:00:00Z')) - vietnamDay(Date.parse('2026-12-06T16:59:59Z')),
    ).toBe(1);
  });

  it('rolls fields over in fromVietnamTime, refuses them in checkedVietnamTime', () => {
    expect(fromVietnamTime(2026, 12, 32, 8)).toBe(Date.parse('2027-01-01T08:00:00+07:00'));
    expect(checkedVietnamTime(2026, 2, 29)).toBeUndefined();
    expect(checkedVietnamTime(2028, 2, 29)).toBe(Date.parse('2028-02-29T00:00:00+07:00'));
    for (const bad of [
      [2026, 13, 1],
      [2026, 0, 1],
      [2026, 1, 0],
      [2026, 1, 1, 24],
      [2026, 1, 1, 0, 60],
      [2026, 1, 1, 0, 0, -1],
    ])
      expect(checkedVietnamTime(...(bad as [number, number, number]))).toBeUndefined();
  });

  it('reads back every instant it writes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1900-01-01'), max: Date.parse('2200-01-01') }), (ms) => {
        const t = Math.floor(ms / 1000) * 1000;
        const p = vietnamParts(t);
        expect(checkedVietnamTime(p.year, p.month, p.day, p.hour, p.minute, p.second)).toBe(t);
        expect(fromVietnamTime(p.year, p.month, p.day, p.hour, p.minute, p.second)).toBe(t);
      }),
    );
  });
});
