// The `date` option of every date-aware lookup (issue 13): an invalid Date, or a month or day out of
// range, is misuse and throws RangeError whatever the other argument; any valid date never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DateInput,
  findProvinceInText,
  getProvince,
  listProvinces,
  lookupBirthPlace,
} from '../src/index.js';

const lookups: [string, (date: DateInput, text: string) => unknown][] = [
  ['getProvince', (date, text) => getProvince(text, { date })],
  ['listProvinces', (date) => listProvinces({ date })],
  ['lookupBirthPlace', (date, text) => lookupBirthPlace(text, { date })],
  ['findProvinceInText', (date, text) => findProvinceInText(text, { date })],
];

const invalid = fc.oneof(
  fc.constant<DateInput>(new Date(Number.NaN)),
  fc.constant<DateInput>(new Date(8.64e15 + 1)),
  fc.record({
    year: fc.integer({ min: 1900, max: 2100 }),
    month: fc.oneof(fc.constant(0), fc.constant(13), fc.double()),
  }),
  fc.record({
    year: fc.integer({ min: 1900, max: 2100 }),
    day: fc.oneof(fc.constant(0), fc.constant(32), fc.constant(Number.NaN)),
  }),
);

describe('date option of the lookups', () => {
  it.each(lookups)('%s throws RangeError for an invalid date, whatever the code or text', (_, lookup) => {
    fc.assert(
      fc.property(invalid, fc.oneof(fc.constant('24'), fc.constant('024'), fc.string()), (date, text) => {
        expect(() => lookup(date, text)).toThrow(RangeError);
      }),
    );
  });

  it.each(lookups)('%s never throws for a valid Date', (_, lookup) => {
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true }),
        fc.oneof(fc.constant('24'), fc.constant('024'), fc.string()),
        (date, text) => {
          lookup(date, text);
        },
      ),
    );
  });
});
