import { describe, expect, it } from 'vitest';
import { CardData, mapZodIssues, PersonRef, validateResident } from '../src/index.js';
import { femaleId, goodCard, goodResident } from './fixtures.js';

const codes = (input: unknown) => {
  const r = validateResident(input);
  return r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.code]);
};

describe('refinements that reuse @cancuoc/id-number', () => {
  it('fails at [sex] when the ID says female but the record says male', () => {
    expect(codes({ ...goodResident, personalId: femaleId, dateOfBirth: { year: 2003 } })).toEqual([
      ['sex', 'ERR_ID_SEX_MISMATCH'],
    ]);
  });

  it('fails at [dateOfBirth] when the birth year is not the one the ID encodes', () => {
    expect(codes({ ...goodResident, dateOfBirth: { year: 1989, month: 8, day: 15 } })).toEqual([
      ['dateOfBirth', 'ERR_ID_BIRTH_YEAR_MISMATCH'],
    ]);
  });

  it('reports both mismatches with bilingual messages from id-number', () => {
    const r = validateResident({ ...goodResident, personalId: femaleId });
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path.join('.'), i]));
    expect(byPath.sex?.messageVi.length).toBeGreaterThan(0);
    expect(byPath.dateOfBirth?.code).toBe('ERR_ID_BIRTH_YEAR_MISMATCH');
    expect(r.issues).toHaveLength(2);
  });

  it('fails at [personalId], once, with an unassigned birth-place code', () => {
    expect(codes({ ...goodResident, personalId: '003098012345' })).toEqual([
      ['personalId', 'ERR_ID_PROVINCE_UNKNOWN'],
    ]);
    expect(codes({ ...goodResident, personalId: '097098012345' })).toEqual([
      ['personalId', 'ERR_ID_PROVINCE_UNKNOWN'],
    ]);
  });

  it('does not check consistency against fields that are themselves invalid', () => {
    expect(codes({ ...goodResident, personalId: femaleId, sex: 'nữ', dateOfBirth: '2003' })).toEqual([
      ['dateOfBirth', 'ERR_SCHEMA_TYPE'],
      ['sex', 'ERR_SCHEMA_VALUE'],
    ]);
  });

  it('still reports the ID mismatch when another field has a type error', () => {
    expect(
      codes({ ...goodResident, personalId: femaleId, dateOfBirth: { year: 2003 }, religion: 'Không' }),
    ).toEqual([
      ['religion', 'ERR_SCHEMA_TYPE'],
      ['sex', 'ERR_ID_SEX_MISMATCH'],
    ]);
    const r = CardData.safeParse({ ...goodCard, sex: 'female', cardKind: 'cmnd' });
    expect(mapZodIssues(r.error!).map((i) => [i.path.join('.'), i.code])).toEqual([
      ['cardKind', 'ERR_SCHEMA_VALUE'],
      ['sex', 'ERR_ID_SEX_MISMATCH'],
    ]);
  });

  it('checks relatives’ ID numbers too', () => {
    const r = PersonRef.safeParse({ fullName: 'Nguyễn Văn Bình', personalId: '003060012345' });
    expect(r.success).toBe(false);
    expect(mapZodIssues(r.error!).map((i) => [i.path.join('.'), i.code])).toEqual([
      ['personalId', 'ERR_ID_PROVINCE_UNKNOWN'],
    ]);
    expect(
      codes({ ...goodResident, father: { fullName: 'Nguyễn Văn Bình', personalId: '001060012345' } }),
    ).toEqual([]);
  });

  it('applies the same checks to card data', () => {
    const r = CardData.safeParse({ ...goodCard, sex: 'female' });
    expect(r.success).toBe(false);
    expect(mapZodIssues(r.error!).map((i) => [i.path.join('.'), i.code])).toEqual([
      ['sex', 'ERR_ID_SEX_MISMATCH'],
    ]);
  });
});
