import { describe, expect, it } from 'vitest';
import { coercePartialDate, mapZodIssues, PartialDateInput, PartialDateSchema } from '../src/index.js';

const codes = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : mapZodIssues(r.error as never).map((i) => [i.path.join('.'), i.code]);
};

describe('PartialDateSchema', () => {
  it('accepts full, month-year and year-only dates', () => {
    for (const d of [
      { year: 1998, month: 8, day: 15 },
      { year: 1998, month: 8 },
      { year: 1998 },
      { year: 2000, month: 2, day: 29 },
    ]) {
      expect(PartialDateSchema.parse(d)).toEqual(d);
    }
  });

  it('rejects 31/02 and 29/02 of a common year at [day] with ERR_SCHEMA_DATE_CALENDAR', () => {
    expect(codes(PartialDateSchema, { year: 2000, month: 2, day: 31 })).toEqual([
      ['day', 'ERR_SCHEMA_DATE_CALENDAR'],
    ]);
    expect(codes(PartialDateSchema, { year: 1900, month: 2, day: 29 })).toEqual([
      ['day', 'ERR_SCHEMA_DATE_CALENDAR'],
    ]);
  });

  it('rejects a day without a month', () => {
    expect(codes(PartialDateSchema, { year: 2000, day: 3 })).toEqual([
      ['day', 'ERR_SCHEMA_DATE_DAY_WITHOUT_MONTH'],
    ]);
  });

  it('rejects out-of-range and fractional parts with ERR_SCHEMA_NUMBER_RANGE / ERR_SCHEMA_TYPE', () => {
    expect(codes(PartialDateSchema, { year: 1799 })).toEqual([['year', 'ERR_SCHEMA_NUMBER_RANGE']]);
    expect(codes(PartialDateSchema, { year: 2400 })).toEqual([['year', 'ERR_SCHEMA_NUMBER_RANGE']]);
    expect(codes(PartialDateSchema, { year: 2000, month: 13 })).toEqual([
      ['month', 'ERR_SCHEMA_NUMBER_RANGE'],
    ]);
    expect(codes(PartialDateSchema, { year: 2000, month: 0 })).toEqual([
      ['month', 'ERR_SCHEMA_NUMBER_RANGE'],
    ]);
    expect(codes(PartialDateSchema, { year: 2000.5 })).toEqual([['year', 'ERR_SCHEMA_TYPE']]);
    expect(codes(PartialDateSchema, '15/08/1998')).toEqual([['', 'ERR_SCHEMA_TYPE']]);
  });
});

describe('PartialDateInput and coercePartialDate', () => {
  it('reads every textual layout core supports', () => {
    expect(PartialDateInput.parse('15/08/1998')).toEqual({ year: 1998, month: 8, day: 15 });
    expect(PartialDateInput.parse('15081998')).toEqual({ year: 1998, month: 8, day: 15 });
    expect(PartialDateInput.parse('19980815')).toEqual({ year: 1998, month: 8, day: 15 });
    expect(PartialDateInput.parse('1998-08')).toEqual({ year: 1998, month: 8 });
    expect(PartialDateInput.parse('1998')).toEqual({ year: 1998 });
    expect(PartialDateInput.parse({ year: 1998 })).toEqual({ year: 1998 });
  });

  it('reports unreadable strings and impossible days with their own codes', () => {
    expect(codes(PartialDateInput, 'yesterday')).toEqual([['', 'ERR_SCHEMA_DATE_FORMAT']]);
    expect(codes(PartialDateInput, '31/02/2000')).toEqual([['', 'ERR_SCHEMA_DATE_CALENDAR']]);
  });

  it('leaves non-strings and unreadable strings as they are', () => {
    const d = { year: 1 };
    expect(coercePartialDate(d)).toBe(d);
    expect(coercePartialDate('x')).toBe('x');
    expect(coercePartialDate('08/1998')).toEqual({ year: 1998, month: 8 });
  });
});
