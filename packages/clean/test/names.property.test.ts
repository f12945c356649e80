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

describe('tidyText', () => {
  // An independent statement of what it does: NFC when a combining mark (U+0300–U+036F) is
  // present, every kind of space (tab, CR, LF, no-break, U+2000–U+200B, U+202F, U+3000, BOM) to one
  // ASCII space, trimmed; the same string back when nothing changes.
  const SPACES = /[ \t\n\r\u00a0\u2000-\u200b\u202f\u3000\ufeff]+/g;
  const oracle = (t: string) =>
    (/[\u0300-\u036f]/.test(t) ? t.normalize('NFC') : t).replace(SPACES, ' ').replace(/^ | $/g, '');
  const piece = fc.constantFrom(
    ...'aĐễ ,\t\n\r\u00a0\u2003\u200b\u202f\u3000\ufeff\u0301\u0323ơ~!1',
    'e\u0302\u0303',
    '𝐀',
  );
  const text = fc.array(piece, { maxLength: 20 }).map((a) => a.join(''));
  it('equals the oracle on spaces, marks and letters of every kind', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (t) => {
        expect(tidyText(t)).toBe(oracle(t));
      }),
      { numRuns: 5000 },
    );
  });
});
