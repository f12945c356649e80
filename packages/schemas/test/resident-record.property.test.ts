import { isCancuocError } from '@cancuoc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardData, cardDataToResident, ResidentRecord, validateResident } from '../src/index.js';
import { residentRecord } from './arbitraries.js';

describe('ResidentRecord properties', () => {
  it('accepts every generated valid record and returns it unchanged', () => {
    fc.assert(
      fc.property(residentRecord, (record) => {
        const r = validateResident(record);
        expect(r.success).toBe(true);
        expect(r.success && r.data).toEqual(record);
      }),
    );
  });

  const mutations: Array<[string, (r: Record<string, unknown>) => void, string, string]> = [
    ['drop the ID', (r) => delete r.personalId, 'personalId', 'ERR_SCHEMA_REQUIRED'],
    [
      'shorten the ID',
      (r) => (r.personalId = String(r.personalId).slice(1)),
      'personalId',
      'ERR_SCHEMA_FORMAT',
    ],
    ['drop the name', (r) => delete r.fullName, 'fullName', 'ERR_SCHEMA_REQUIRED'],
    ['put a digit in the name', (r) => (r.fullName = `${r.fullName} 2`), 'fullName', 'ERR_SCHEMA_CHARACTERS'],
    ['write sex in Vietnamese', (r) => (r.sex = 'Nữ'), 'sex', 'ERR_SCHEMA_VALUE'],
    [
      'make the birth day impossible',
      (r) => (r.dateOfBirth = { year: 1999, month: 2, day: 30 }),
      'dateOfBirth.day',
      'ERR_SCHEMA_DATE_CALENDAR',
    ],
    ['use a 2-letter nationality', (r) => (r.nationality = 'VN'), 'nationality', 'ERR_SCHEMA_COUNTRY_CODE'],
    [
      'use ethnicity code 99',
      (r) => (r.ethnicity = { code: '99', name: 'Kinh' }),
      'ethnicity.code',
      'ERR_SCHEMA_ETHNICITY_CODE',
    ],
    [
      'empty the residence',
      (r) => (r.permanentResidence = {}),
      'permanentResidence',
      'ERR_SCHEMA_ADDRESS_EMPTY',
    ],
  ];

  for (const [name, mutate, path, code] of mutations) {
    it(`fails every mutated record: ${name}`, () => {
      fc.assert(
        fc.property(residentRecord, (record) => {
          const copy = structuredClone(record);
          mutate(copy);
          const r = validateResident(copy);
          expect(r.success).toBe(false);
          expect(r.issues.map((i) => [i.path.join('.'), i.code])).toContainEqual([path, code]);
        }),
        { numRuns: 50 },
      );
    });
  }

  it('never throws on arbitrary input, and every issue is coded and bilingual', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
        (value) => {
          for (const coerceDates of [false, true]) {
            const r = validateResident(value, { coerceDates });
            for (const i of r.issues) {
              expect(i.code).toMatch(/^ERR_[A-Z_]+$/);
              expect(i.message.length).toBeGreaterThan(0);
              expect(i.messageVi.length).toBeGreaterThan(0);
            }
          }
        },
      ),
    );
  });

  it('never throws anything but a CancuocError when mapping arbitrary card data', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          cardDataToResident(value as CardData);
        } catch (error) {
          expect(isCancuocError(error)).toBe(true);
        }
      }),
    );
  });

  it('maps every valid card to a valid resident record', () => {
    fc.assert(
      fc.property(
        residentRecord,
        fc.constantFrom('cccd-2021' as const, 'can-cuoc' as const),
        (record, cardKind) => {
          const card = CardData.parse({
            cardKind,
            source: 'chip',
            personalId: record.personalId,
            fullName: record.fullName,
            dateOfBirth: record.dateOfBirth,
            sex: record.sex,
            nationality: 'Việt Nam',
          });
          const resident = cardDataToResident(card);
          expect(ResidentRecord.safeParse(resident).success).toBe(true);
          expect(resident).toMatchObject({
            personalId: record.personalId,
            fullName: record.fullName,
            dateOfBirth: record.dateOfBirth,
            sex: record.sex,
            nationality: 'VNM',
            documents: [
              { kind: cardKind === 'can-cuoc' ? 'can-cuoc' : 'citizen-card', number: record.personalId },
            ],
          });
        },
      ),
    );
  });
});
