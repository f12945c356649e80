import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareNames,
  foldDiacritics,
  hasDiacritics,
  hasReplacementCharacter,
  namesMatch,
  normalizeText,
} from '../src/index.js';
import { foldByCodePoint } from '../src/text.js';

describe('normalizeText', () => {
  it('composes NFD input and folds every kind of space', () => {
    const nfd = 'Nguye\u0302\u0303n\u00a0 Va\u0306n  A ';
    expect(normalizeText(nfd)).toBe('Nguyễn Văn A');
  });
});

describe('foldDiacritics', () => {
  it('folds Vietnamese letters including Đ/đ', () => {
    expect(foldDiacritics('Đặng Thị Ngọc Ánh')).toBe('Dang Thi Ngoc Anh');
    expect(foldDiacritics('ĐỖ ƯU ƠN Ỹ')).toBe('DO UU ON Y');
  });
  it('folds decomposed (NFD) input the same way as composed input', () => {
    const s = 'Đặng Thị Ngọc Ánh Nguyễn Hữu Phước';
    expect(foldDiacritics(s.normalize('NFD'))).toBe(foldDiacritics(s));
  });
  it('folds Ede and Bahnar letters (Ĕ Ŏ Ŭ Č)', () => {
    expect(foldDiacritics('Ĕ Ŏ Ŭ Č ĕ ŏ ŭ č')).toBe('E O U C e o u c');
  });
  it('folds from its table exactly as code point by code point', () => {
    const vietnamese = fc
      .array(
        fc.constantFrom(
          ...'ĐđÐðƊɗ ăâêôơưĂÂÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ aZ\u0301\u0323ß',
        ),
        {
          maxLength: 30,
        },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), vietnamese), (s) => {
        expect(foldDiacritics(s)).toBe(foldByCodePoint(s));
      }),
      { numRuns: 3000 },
    );
  });
  it('leaves ASCII untouched and never leaves a combining mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(/\p{M}/u.test(foldDiacritics(s).normalize('NFD'))).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (s) => {
        expect(foldDiacritics(s)).toBe(s);
      }),
    );
  });
});

describe('name comparison', () => {
  it('matches a name written without diacritics', () => {
    expect(compareNames('NGUYEN VAN A', 'Nguyễn Văn A')).toBe('folded');
    expect(namesMatch('nguyen van a', 'NGUYỄN VĂN A')).toBe(true);
  });
  it('matches decomposed input exactly', () => {
    expect(compareNames('Nguyễn Văn A'.normalize('NFD'), 'NGUYỄN  VĂN A')).toBe('exact');
  });
  it('does not match two different diacritics', () => {
    expect(compareNames('Nguyễn Văn A', 'Nguyên Văn A')).toBe('different');
    expect(namesMatch('Lê Thị Hà', 'Lê Thị Hạ')).toBe(false);
  });
  it('does not match different words or word counts', () => {
    expect(namesMatch('Nguyễn Văn A', 'Nguyễn Văn B')).toBe(false);
    expect(namesMatch('Nguyễn Văn A', 'Nguyễn A')).toBe(false);
    expect(namesMatch('Dang', 'Đặng')).toBe(true);
  });
  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(compareNames(a, b)).toBe(compareNames(b, a));
      }),
    );
  });
});

describe('detectors', () => {
  it('finds diacritics and replacement characters', () => {
    expect(hasDiacritics('Nguyen')).toBe(false);
    expect(hasDiacritics('Đ')).toBe(true);
    expect(hasDiacritics('Vă')).toBe(true);
    expect(hasReplacementCharacter('NGUY\ufffdN')).toBe(true);
    expect(hasReplacementCharacter('NGUYỄN')).toBe(false);
  });
});

describe('foldDiacritics against the whole-string reference', () => {
  const reference = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ĐđÐðƊɗ]/g, (c) => ({ Đ: 'D', đ: 'd', Ð: 'D', ð: 'd', Ɗ: 'D', ɗ: 'd' })[c] ?? c)
      .normalize('NFC');
  it('folds every string as whole-string NFD + mark removal + NFC does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(foldDiacritics(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
    const vietnamese = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    const all = vietnamese + vietnamese.toUpperCase();
    expect(foldDiacritics(all)).toBe(reference(all));
    expect(foldDiacritics(all.normalize('NFD'))).toBe(reference(all));
    expect(foldDiacritics('\u1100\u1161 한국')).toBe(reference('\u1100\u1161 한국'));
  });
});
