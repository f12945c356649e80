import { foldDiacritics } from '@cancuoc/core';
import { describe, expect, it } from 'vitest';
import { Ethnicity, ethnicities, findEthnicity, mapZodIssues } from '../src/index.js';

const codes = (v: unknown) => {
  const r = Ethnicity.safeParse(v);
  return r.success ? [] : mapZodIssues(r.error).map((i) => [i.path.join('.'), i.code]);
};

describe('ethnicities (Decision 121-TCTK/PPCĐ)', () => {
  it('lists 54 groups with codes 01 to 54 in order', () => {
    expect(ethnicities).toHaveLength(54);
    expect(ethnicities.map((e) => e.code)).toEqual(
      Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(ethnicities[0]!.name).toBe('Kinh');
    expect(ethnicities[3]!.name).toBe('Hoa');
    expect(ethnicities[4]!.name).toBe('Khơ-me');
    expect(ethnicities[53]!.name).toBe('Rơ-măm');
  });

  it('has no spelling that folds to two different groups', () => {
    const owner = new Map<string, string>();
    for (const e of ethnicities) {
      for (const n of [e.name, ...e.aliases]) {
        const k = foldDiacritics(n)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '');
        expect(owner.get(k) ?? e.code, `${n}`).toBe(e.code);
        owner.set(k, e.code);
      }
    }
  });

  it('finds a group by code or by any usual spelling', () => {
    expect(findEthnicity('1')?.name).toBe('Kinh');
    expect(findEthnicity('08')?.name).toBe('HMông');
    expect(findEthnicity("H'Mông")?.code).toBe('08');
    expect(findEthnicity('MONG')?.code).toBe('08');
    expect(findEthnicity('Khmer')?.code).toBe('05');
    expect(findEthnicity('dân tộc Tày')?.code).toBe('02');
    expect(findEthnicity('Ê Đê')?.code).toBe('12');
    expect(findEthnicity('Co')?.code).toBe('30');
    expect(findEthnicity('Cờ Lao')?.code).toBe('47');
    expect(findEthnicity('55')).toBeUndefined();
    expect(findEthnicity('Martian')).toBeUndefined();
  });
});

describe('Ethnicity', () => {
  it('accepts a code with its name, a name alone, and an unlisted name', () => {
    expect(codes({ code: '01', name: 'Kinh' })).toEqual([]);
    expect(codes({ code: '05', name: 'Khmer' })).toEqual([]);
    expect(codes({ name: 'Tày' })).toEqual([]);
    expect(codes({ name: 'Người nước ngoài' })).toEqual([]);
  });

  it('rejects an unknown code and a name that belongs to another code', () => {
    expect(codes({ code: '55', name: 'Kinh' })).toEqual([['code', 'ERR_SCHEMA_ETHNICITY_CODE']]);
    expect(codes({ code: '1', name: 'Kinh' })).toEqual([['code', 'ERR_SCHEMA_ETHNICITY_CODE']]);
    expect(codes({ code: '01', name: 'Tày' })).toEqual([['name', 'ERR_SCHEMA_ETHNICITY_MISMATCH']]);
  });
});
