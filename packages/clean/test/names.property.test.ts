import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeName, rewriteName, tidyText } from '../src/internal/names.js';

// Names in every case, with apostrophes, hyphens, odd spaces, decomposed marks and letters
// beyond the case table.
const unit = fc.constantFrom(
  ..."nguyễn NGUYỄN văn Văn thị Đặng đỗ ÁNH ư Ư ơ ǅ ß İ ı '’-. 1\u00a0\u0301\u2003",
  '𝐀',
);
const name = fc.array(unit, { maxLength: 24 }).map((a) => a.join(''));

describe('normalizeName', () => {
  it('gives what rewriting the name gives, whether or not the fast path takes it', () => {
    fc.assert(
      fc.property(fc.oneof(name, fc.string({ unit: 'binary' })), (s) => {
        expect(normalizeName(s)).toEqual(rewriteName(tidyText(s)));
      }),
      { numRuns: 5000 },
    );
  });

  it('returns a name already written right as it is', () => {
    const n = normalizeName("Nguyễn Thị H'Hen Niê");
    expect(n).toEqual({ value: "Nguyễn Thị H'Hen Niê", badCharacters: false, noDiacritics: false });
    expect(normalizeName('Tran Van An')).toEqual({
      value: 'Tran Van An',
      badCharacters: false,
      noDiacritics: true,
    });
  });
});
