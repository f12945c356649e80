import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  daysInMonth,
  formatPartialDate,
  isCalendarDate,
  isCancuocError,
  isFullDate,
  type PartialDate,
  type PartialDateFormat,
  parsePartialDate,
  partialDateFromDate,
  safeParsePartialDate,
} from '../src/index.js';

describe('parsePartialDate', () => {
  it.each([
    ['1998', { year: 1998 }],
    ['08/1998', { year: 1998, month: 8 }],
    ['15/08/1998', { year: 1998, month: 8, day: 15 }],
    ['15-08-1998', { year: 1998, month: 8, day: 15 }],
    ['5.8.1998', { year: 1998, month: 8, day: 5 }],
    ['15081998', { year: 1998, month: 8, day: 15 }],
    ['19980815', { year: 1998, month: 8, day: 15 }],
    ['1998-08-15', { year: 1998, month: 8, day: 15 }],
    ['1998-08', { year: 1998, month: 8 }],
    ['00/00/1985', { year: 1985 }],
    ['00/03/1985', { year: 1985, month: 3 }],
    [' 29/02/2000 ', { year: 2000, month: 2, day: 29 }],
  ])('reads %s', (text, expected) => {
    expect(parsePartialDate(text)).toEqual(expected);
  });

  it.each([
    ['31/02/2000', 'ERR_DATE_CALENDAR'],
    ['29/02/1900', 'ERR_DATE_CALENDAR'],
    ['31022000', 'ERR_DATE_CALENDAR'],
    ['13/2000', 'ERR_DATE_CALENDAR'],
    ['2000-13-01', 'ERR_DATE_CALENDAR'],
    ['05/00/2000', 'ERR_DATE_CALENDAR'],
    ['1700', 'ERR_DATE_RANGE'],
    ['15/08/98', 'ERR_DATE_FORMAT'],
    ['', 'ERR_DATE_FORMAT'],
    ['abc', 'ERR_DATE_FORMAT'],
    ['１９９８', 'ERR_DATE_FORMAT'],
  ])('rejects %s with %s', (text, code) => {
    const r = safeParsePartialDate(text);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.code).toBe(code);
  });

  it('honours an explicit format and requireFullDate', () => {
    expect(() => parsePartialDate('1998', { format: 'dd/MM/yyyy' })).toThrowError(
      expect.objectContaining({ code: 'ERR_DATE_FORMAT' }),
    );
    expect(() => parsePartialDate('1998', { requireFullDate: true })).toThrowError(
      expect.objectContaining({ code: 'ERR_DATE_FORMAT' }),
    );
  });

  it('throws TypeError on misuse', () => {
    expect(() => parsePartialDate(42 as unknown as string)).toThrow(TypeError);
  });

  const fullDate = fc
    .record({
      year: fc.integer({ min: 1800, max: 2399 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter((d) => isCalendarDate(d.year, d.month, d.day));
  const partial: fc.Arbitrary<PartialDate> = fc.oneof(
    fullDate,
    fullDate.map(({ year, month }) => ({ year, month })),
    fullDate.map(({ year }) => ({ year })),
  );

  it('round-trips every layout', () => {
    const formats: PartialDateFormat[] = ['dd/MM/yyyy', 'ddMMyyyy', 'yyyyMMdd', 'iso', 'MM/yyyy', 'yyyy'];
    fc.assert(
      fc.property(partial, fc.constantFrom(...formats), (d, f) => {
        const text = formatPartialDate(d, f);
        const back = parsePartialDate(text);
        if (f === 'yyyy') expect(back).toEqual({ year: d.year });
        else if (f === 'MM/yyyy')
          expect(back).toEqual(d.month === undefined ? { year: d.year } : { year: d.year, month: d.month });
        else expect(back).toEqual(d);
      }),
    );
  });

  it('agrees with the platform calendar on every full date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2300 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const js = new Date(Date.UTC(y, m - 1, d));
          const real = js.getUTCMonth() === m - 1 && js.getUTCDate() === d;
          expect(isCalendarDate(y, m, d)).toBe(real);
        },
      ),
    );
  });

  it('never throws anything but a cancuoc error on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          parsePartialDate(s);
        } catch (e) {
          expect(isCancuocError(e)).toBe(true);
        }
      }),
    );
  });
});

describe('comparePartialDates and partialDateFromDate', () => {
  it('orders dates and reports an unknown order', () => {
    expect(comparePartialDates({ year: 1990 }, { year: 1991 })).toBeLessThan(0);
    expect(
      comparePartialDates({ year: 1990, month: 5, day: 2 }, { year: 1990, month: 5, day: 1 }),
    ).toBeGreaterThan(0);
    expect(comparePartialDates({ year: 1990 }, { year: 1990, month: 1 })).toBeUndefined();
    expect(comparePartialDates({ year: 1990, month: 1 }, { year: 1990, month: 1 })).toBe(0);
  });
  it('reads a Date in UTC or in Asia/Ho_Chi_Minh', () => {
    const d = new Date('2024-06-30T20:00:00Z');
    expect(partialDateFromDate(d)).toEqual({ year: 2024, month: 6, day: 30 });
    expect(partialDateFromDate(d, 'Asia/Ho_Chi_Minh')).toEqual({ year: 2024, month: 7, day: 1 });
  });
});

describe('isFullDate and daysInMonth', () => {
  it('tells full dates from partial ones', () => {
    expect(isFullDate({ year: 1998, month: 8, day: 15 })).toBe(true);
    expect(isFullDate({ year: 1998, month: 8 })).toBe(false);
    expect(isFullDate({ year: 1998 })).toBe(false);
  });
  it('counts the days of every month, leap years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });
});
