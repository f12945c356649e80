// ICAO 9303-3 §4.9 check digits: the worked examples of 9303-3 Appendix A / 9303-4 (the specimen
// passport L898902C, born 690806, expiring 940623), the character values, and the property that
// makes the 7-3-1 scheme useful: any single changed digit changes the check digit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { icaoCheckDigit } from '../src/index.js';

describe('icaoCheckDigit', () => {
  it('gives the check digits of the ICAO specimen MRZ', () => {
    expect(icaoCheckDigit('L898902C<')).toBe(3);
    expect(icaoCheckDigit('690806')).toBe(1);
    expect(icaoCheckDigit('940623')).toBe(6);
    expect(icaoCheckDigit('ZE184226B')).toBe(1); // 9303-3 Appendix A, 4.9 example
    expect(icaoCheckDigit('')).toBe(0);
  });

  it('values letters 10–35 and the filler 0', () => {
    expect(icaoCheckDigit('A')).toBe((10 * 7) % 10);
    expect(icaoCheckDigit('<A')).toBe((10 * 3) % 10);
    expect(icaoCheckDigit('<<Z')).toBe(35 % 10);
    expect(icaoCheckDigit('<<<')).toBe(0);
  });

  it('answers undefined for characters outside 0-9 A-Z <', () => {
    for (const bad of ['a', 'l898902c', ' ', 'Đ', '1-2', '\u0000', '９'])
      expect(icaoCheckDigit(bad)).toBeUndefined();
  });

  it('changes when any one digit changes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (digits, at, delta) => {
          const i = at % digits.length;
          const changed = digits.slice(0, i) + String((Number(digits[i]) + delta) % 10) + digits.slice(i + 1);
          expect(icaoCheckDigit(changed)).not.toBe(icaoCheckDigit(digits));
        },
      ),
    );
  });
});
