// Round trips: what testkit encodes (DG13, TD1 MRZ of a Vietnamese card) parses back to the same facts.
import { encodeDg13, type TestPerson, testPerson, vietnameseTd1 } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDg13, parseMrz } from '../src/index.js';

const pad = (n: number) => String(n).padStart(2, '0');
const text = fc
  .string({
    unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBĐÊÔƠƯ àáảãạếềểễệ,./-0123456789'.split('')),
    minLength: 1,
    maxLength: 60,
  })
  .map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 0);
const date = fc.record({
  year: fc.integer({ min: 1900, max: 2099 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});

const person = fc
  .record({
    province: fc.constantFrom('001', '031', '079', '096', '175'),
    birth: date,
    sex: fc.constantFrom('male' as const, 'female' as const),
    serial: fc.integer({ min: 0, max: 999_999 }),
    fullName: text,
    placeOfOrigin: text,
    permanentResidence: text,
    identifyingMarks: text,
    father: text,
    mother: text,
    spouse: fc.option(text, { nil: undefined }),
    legacyId: fc.option(fc.stringMatching(/^[0-9]{9}$/), { nil: undefined }),
    // Expiry years 2000-2098: 991231 is reserved for "no expiry" on Vietnamese cards.
    expiry: fc.option(
      fc.record({
        year: fc.integer({ min: 2000, max: 2098 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      { nil: null },
    ),
  })
  .map((r): TestPerson => {
    const centuryDigit = 2 * Math.floor((r.birth.year - 1900) / 100) + (r.sex === 'female' ? 1 : 0);
    return {
      ...testPerson,
      personalId: `${r.province}${centuryDigit}${pad(r.birth.year % 100)}${String(r.serial).padStart(6, '0')}`,
      fullName: r.fullName,
      dateOfBirth: `${pad(r.birth.day)}/${pad(r.birth.month)}/${r.birth.year}`,
      sex: r.sex,
      placeOfOrigin: r.placeOfOrigin,
      permanentResidence: r.permanentResidence,
      identifyingMarks: r.identifyingMarks,
      father: r.father,
      mother: r.mother,
      spouse: r.spouse ?? '',
      legacyId: r.legacyId ?? '',
      dateOfExpiry: r.expiry === null ? null : `${pad(r.expiry.day)}/${pad(r.expiry.month)}/${r.expiry.year}`,
    };
  });

describe('round trips', () => {
  it('DG13: every field comes back by number, in both nestings and with fields left out', () => {
    fc.assert(
      fc.property(
        person,
        fc.constantFrom('separate' as const, 'combined' as const),
        fc.subarray([10, 14, 15, 16]),
        (p, nesting, omit) => {
          const dg13 = parseDg13(encodeDg13(p, { parentsNesting: nesting, omitFields: omit }));
          expect(dg13.personalId).toBe(p.personalId);
          expect(dg13.fullName).toBe(p.fullName);
          expect(dg13.sex).toBe(p.sex);
          const [d, m, y] = p.dateOfBirth.split('/').map(Number);
          expect(dg13.dateOfBirth).toEqual({ year: y, month: m, day: d });
          expect(dg13.placeOfOrigin).toBe(p.placeOfOrigin);
          expect(dg13.permanentResidence).toBe(p.permanentResidence);
          expect(dg13.identifyingMarks).toBe(omit.includes(10) ? undefined : p.identifyingMarks);
          expect(dg13.father).toBe(p.father);
          expect(dg13.mother).toBe(p.mother);
          expect(dg13.spouse).toBe(omit.includes(14) || !p.spouse ? undefined : p.spouse);
          expect(dg13.legacyId).toBe(omit.includes(15) || !p.legacyId ? undefined : p.legacyId);
          if (p.dateOfExpiry === null) expect(dg13.dateOfExpiry).toBeNull();
          else expect(dg13.dateOfExpiry).toBeTruthy();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('TD1 MRZ of a Vietnamese card: ID, CAN, dates (century from the ID), sex, 991231', () => {
    fc.assert(
      fc.property(person, (p) => {
        const mrz = parseMrz(vietnameseTd1(p).text);
        expect(mrz.personalId).toBe(p.personalId);
        expect(mrz.documentNumber).toBe(p.personalId.slice(3));
        expect(mrz.can).toBe(p.personalId.slice(6));
        const [d, m, y] = p.dateOfBirth.split('/').map(Number);
        expect(mrz.dateOfBirth).toEqual({ year: y, month: m, day: d });
        expect(mrz.sex).toBe(p.sex);
        if (p.dateOfExpiry === null) expect(mrz.dateOfExpiry).toBeNull();
        else expect(mrz.dateOfExpiry?.day).toBe(Number(p.dateOfExpiry.slice(0, 2)));
      }),
      { numRuns: 300 },
    );
  });
});
