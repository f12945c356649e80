// An invalid Date as the `date` option (issue 13) is misuse: RangeError whatever the input, while
// isPersonalId, an `isX`, never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPersonalId, parsePersonalId, safeParsePersonalId } from '../src/index.js';

const invalidDate = new Date(Number.NaN);

describe('date option of parsePersonalId', () => {
  it('throws RangeError for an invalid Date, for valid and invalid numbers alike', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant('024198012345'), fc.string()), (input) => {
        expect(() => parsePersonalId(input, { date: invalidDate })).toThrow(RangeError);
        expect(() => safeParsePersonalId(input, { date: invalidDate })).toThrow(RangeError);
      }),
    );
  });

  it('answers for any valid Date', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (date) => {
        expect(parsePersonalId('024198012345', { date }).birthPlace.code).toBe('024');
      }),
    );
  });

  it('isPersonalId never throws, whatever the date option', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (input, normalize) => {
        expect(typeof isPersonalId(input, { date: invalidDate, normalize })).toBe('boolean');
      }),
    );
    expect(isPersonalId('024 198 012 345', { date: invalidDate, normalize: true })).toBe(true);
  });
});
