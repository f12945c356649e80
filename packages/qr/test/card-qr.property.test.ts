import { isCalendarDate, isCancuocError } from '@cancuoc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CardQrInput, formatCardQr, parseCardQr, safeParseCardQr } from '../src/index.js';

// Every Vietnamese vowel with each of the five tone marks, the hooked/breved/circumflexed
// vowels, and Đ/đ: the letters a name or address may carry.
const VIETNAMESE_LETTERS = [
  ...'aăâeêioôơuưy'
    .split('')
    .flatMap((v) => [
      v,
      ...['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'].map((t) => (v + t).normalize('NFC')),
    ]),
  'đ',
  ...'bcdghklmnpqrstvx'.split(''),
];
const LETTERS = [...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.map((c) => c.toLocaleUpperCase('vi'))];

const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
const name = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
const address = fc
  .array(fc.oneof(word, fc.stringMatching(/^[0-9]{1,3}$/), fc.constantFrom(',', '.', '/', '-')), {
    maxLength: 12,
  })
  .map((ws) => ws.join(' ').trim());
const date = (minYear: number, maxYear: number) =>
  fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter((d) => isCalendarDate(d.year, d.month, d.day));

const record: fc.Arbitrary<CardQrInput> = fc.record(
  {
    personalId: fc.stringMatching(/^\d{12}$/),
    legacyId: fc.stringMatching(/^(?:\d{9}|\d{12})$/),
    fullName: name,
    dateOfBirth: date(1900, 2010),
    sex: fc.constantFrom('male' as const, 'female' as const),
    permanentResidence: address.filter((a) => a !== ''),
    dateOfIssue: date(2011, 2099),
    extra: fc.array(
      fc.string({ unit: 'grapheme' }).map((s) => s.replace(/[|\s]/g, '')),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: ['personalId', 'fullName', 'dateOfBirth', 'sex', 'dateOfIssue'] },
);

describe('card QR properties', () => {
  it('parseCardQr(formatCardQr(x)) gives x back, diacritics included', () => {
    fc.assert(
      fc.property(record, (x) => {
        const parsed = parseCardQr(formatCardQr(x));
        const { warnings: _w, extra, ...fields } = parsed;
        const { extra: inputExtra, ...inputFields } = x;
        expect(fields).toEqual(inputFields);
        expect(extra).toEqual((inputExtra ?? []).map((e) => e.normalize('NFC')));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips from NFD text as well', () => {
    fc.assert(
      fc.property(record, (x) => {
        const text = formatCardQr(x);
        expect(parseCardQr(text.normalize('NFD'))).toEqual(parseCardQr(text));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a payload garbled into Windows-1252 as the original', () => {
    const cp1252 = new TextDecoder('windows-1252');
    fc.assert(
      fc.property(record, (x) => {
        const text = formatCardQr(x);
        const garbled = cp1252.decode(new TextEncoder().encode(text));
        const { warnings: _a, ...repaired } = parseCardQr(garbled);
        const { warnings: _b, ...original } = parseCardQr(text);
        expect(repaired).toEqual(original);
      }),
      { numRuns: 300 },
    );
  });

  it('never mistakes genuine text for mojibake', () => {
    fc.assert(
      fc.property(record, (x) => {
        expect(parseCardQr(formatCardQr(x)).warnings.map((w) => w.code)).not.toContain(
          'ERR_QR_MOJIBAKE_REPAIRED',
        );
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but a CancuocError for an arbitrary string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.array(fc.string(), { minLength: 5, maxLength: 10 }).map((a) => a.join('|')),
        ),
        (text) => {
          try {
            parseCardQr(text);
          } catch (error) {
            expect(isCancuocError(error)).toBe(true);
          }
          expect(typeof safeParseCardQr(text).success).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws anything but a CancuocError when one field of a valid payload is mutated', () => {
    fc.assert(
      fc.property(record, fc.integer({ min: 0, max: 6 }), fc.string({ unit: 'binary' }), (x, i, junk) => {
        const fields = formatCardQr(x).split('|');
        fields[i] = junk;
        try {
          parseCardQr(fields.join('|'));
        } catch (error) {
          expect(isCancuocError(error)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
