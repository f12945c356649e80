import { daysInMonth } from '@cancuoc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanRecord } from '../src/index.js';
import {
  decodeTcvn3,
  decodeViqr,
  decodeVni,
  encodeTcvn3,
  encodeViqr,
  encodeVni,
  fixLegacyFont,
  vietnameseLetters,
} from '../src/internal/legacy-fonts.js';

const NONE = { profile: { name: 'none', required: [] as const } };
const lower = vietnameseLetters.filter((c) => c === c.toLowerCase());
// Upper-case letters that TCVN3 (VN3) encodes: Ă Â Ê Ô Ơ Ư Đ (toned capitals need the .VnTimeH fonts).
const TCVN3_CAPITALS = ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'];
// Words of lower-case letters ('d' left out: VIQR writes đ as "dd", so "dd" has two readings).
const vietWord = (letters: readonly string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...letters), fc.constantFrom(...'bcghklmnpqrstvx')), {
      minLength: 1,
      maxLength: 7,
    })
    .map((a) => a.join(''));
// A word as names are written: capitalised.
const capitalised = (w: string) => (w[0] ?? '').toUpperCase() + w.slice(1);

describe('legacy font tables', () => {
  it('round-trips every Vietnamese letter through VNI and VIQR', () => {
    for (const c of vietnameseLetters) {
      expect(decodeVni(encodeVni(c)), c).toBe(c);
      expect(decodeViqr(encodeViqr(c)), c).toBe(c);
    }
  });
  it('round-trips every lower-case letter and the seven toneless capitals through TCVN3', () => {
    for (const c of [...lower, ...TCVN3_CAPITALS]) expect(decodeTcvn3(encodeTcvn3(c)), c).toBe(c);
  });
  it('round-trips arbitrary Vietnamese text', () => {
    fc.assert(
      fc.property(fc.array(vietWord(vietnameseLetters), { minLength: 1, maxLength: 5 }), (words) => {
        const text = words.map(capitalised).join(' ');
        expect(decodeVni(encodeVni(text))).toBe(text);
        expect(decodeViqr(encodeViqr(text))).toBe(text);
        const low = text.toLowerCase();
        expect(decodeTcvn3(encodeTcvn3(low))).toBe(low);
      }),
    );
  });
  it('matches the published appearance of the legacy fonts', () => {
    expect(encodeTcvn3('Nguyễn Văn A')).toBe('NguyÔn V¨n A');
    expect(encodeTcvn3('hà nội')).toBe('hµ néi');
    expect(encodeVni('Nguyễn Văn A')).toBe('Nguyeãn Vaên A');
    expect(encodeViqr('Nguyễn Văn A')).toBe('Nguye^~n Va(n A');
  });
});

describe('legacy font detection', () => {
  it('never touches text that is already Unicode Vietnamese', () => {
    fc.assert(
      fc.property(fc.array(vietWord(lower), { minLength: 1, maxLength: 6 }), fc.boolean(), (words, caps) => {
        // Real syllables carry one marked vowel at most; random strings of marked vowels are not
        // Vietnamese (and some are VNI), so each word keeps its first non-ASCII letter only.
        const text = words
          .map((w) => w.replace(/[^\x00-\x7f]/g, (m, i, s) => (s.search(/[^\x00-\x7f]/) === i ? m : 'a')))
          .map((w) => (caps ? capitalised(w) : w))
          .join(' ');
        expect(fixLegacyFont(text)).toBeUndefined();
      }),
    );
  });
  it('detects and converts real names typed in TCVN3 and VNI', () => {
    const names = [
      'Nguyễn Văn An',
      'Trần Thị Bích Phượng',
      'Lê Hữu Thọ',
      'Đặng Ngọc Ánh',
      'Phạm Thị Hoà',
      'Vũ Đức Thắng',
      'Bùi Thị Tuyết Nhung',
    ];
    for (const n of names) {
      expect(fixLegacyFont(encodeVni(n)), n).toEqual({ encoding: 'vni', text: n });
      const t = fixLegacyFont(encodeTcvn3(n));
      expect(t?.encoding, n).toBe('tcvn3');
      expect(cleanRecord({ fullName: encodeTcvn3(n) }, 1, NONE).values.fullName, n).toBe(n);
    }
  });
});

const pad = (n: number) => String(n).padStart(2, '0');
const realDate = fc
  .record({
    y: fc.integer({ min: 1900, max: 2020 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));

describe('date repair', () => {
  it('keeps every real dd/MM/yyyy date unchanged', () => {
    fc.assert(
      fc.property(realDate, ({ y, m, d }) => {
        const text = `${pad(d)}/${pad(m)}/${y}`;
        const r = cleanRecord({ birthDate: text }, 1, NONE);
        expect(r.issues).toEqual([]);
        expect(r.values.birthDate).toBe(text);
      }),
    );
  });
  it('repairs month-first dates exactly when the day is above 12', () => {
    fc.assert(
      fc.property(realDate, ({ y, m, d }) => {
        const r = cleanRecord({ birthDate: `${pad(m)}/${pad(d)}/${y}` }, 1, NONE);
        if (d > 12) {
          expect(r.values.birthDate).toBe(`${pad(d)}/${pad(m)}/${y}`);
          expect(r.issues.map((i) => i.code)).toEqual(['CLEAN_DATE_SWAPPED']);
        } else {
          // Both readings are dates: nothing to repair, nothing guessed.
          expect(r.issues).toEqual([]);
        }
      }),
    );
  });
  it('gives the same date from every layout it rewrites', () => {
    fc.assert(
      fc.property(
        realDate,
        fc.constantFrom('iso', 'dots', 'dashes', 'short', 'compact'),
        ({ y, m, d }, layout) => {
          const text =
            layout === 'iso'
              ? `${y}-${pad(m)}-${pad(d)}`
              : layout === 'dots'
                ? `${pad(d)}.${pad(m)}.${y}`
                : layout === 'dashes'
                  ? `${pad(d)}-${pad(m)}-${y}`
                  : layout === 'short'
                    ? `${d}/${m}/${y}`
                    : `${pad(d)}${pad(m)}${y}`;
          expect(cleanRecord({ birthDate: text }, 1, NONE).values.birthDate).toBe(`${pad(d)}/${pad(m)}/${y}`);
        },
      ),
    );
  });
  it('reports every day past the end of its month as impossible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2020 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const d = daysInMonth(y, m) + 1;
        if (d > 31) return;
        // A swapped reading is tried only when the month is above 12: not the case here.
        const r = cleanRecord({ birthDate: `${pad(d)}/${pad(m)}/${y}` }, 1, NONE);
        expect(r.issues.map((i) => i.code)).toEqual(['CLEAN_DATE_IMPOSSIBLE']);
        expect(r.values.birthDate).toBe(`${pad(d)}/${pad(m)}/${y}`);
      }),
    );
  });
  it('reads 00/00/yyyy as the year for any year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2020 }), (y) => {
        expect(cleanRecord({ birthDate: `00/00/${y}` }, 1, NONE).values.birthDate).toBe(String(y));
      }),
    );
  });
});

describe('name normalisation', () => {
  const name = fc.array(vietWord(lower).map(capitalised), { minLength: 1, maxLength: 5 });
  it('is idempotent', () => {
    fc.assert(
      fc.property(name, (words) => {
        const once = cleanRecord({ fullName: words.join(' ') }, 1, NONE).values.fullName as string;
        const twice = cleanRecord({ fullName: once }, 1, NONE);
        expect(twice.values.fullName).toBe(once);
        expect(twice.issues.filter((i) => i.code === 'CLEAN_NAME_NORMALIZED')).toEqual([]);
      }),
    );
  });
  it('gives the same name whatever the case, spacing and normalisation form', () => {
    fc.assert(
      fc.property(name, fc.constantFrom('upper', 'lower', 'nfd', 'spaces'), (words, form) => {
        const base = cleanRecord({ fullName: words.join(' ') }, 1, NONE).values.fullName as string;
        const text = words.join(' ');
        const variant =
          form === 'upper'
            ? text.toUpperCase()
            : form === 'lower'
              ? text.toLowerCase()
              : form === 'nfd'
                ? text.normalize('NFD')
                : `  ${words.join('   ')}\u00a0`;
        const out = cleanRecord({ fullName: variant }, 1, NONE).values.fullName;
        expect(out).toBe(base);
        // Each word starts with a capital, and the text is NFC with single spaces.
        expect(out).toBe(out?.normalize('NFC'));
        for (const w of out?.split(' ') ?? []) expect(w[0]).toBe(w[0]?.toUpperCase());
      }),
    );
  });
});
