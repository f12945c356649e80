import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  getFormerProvinces,
  getProvince,
  getSuccessorProvince,
  listProvinces,
  lookupBirthPlace,
  provincesBefore2025,
} from '../src/index.js';

const day = fc
  .date({ min: new Date('2008-08-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const code2 = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));

describe('date-aware lookups agree with each other', () => {
  it('getProvince answers exactly the provinces listProvinces gives for that day', () => {
    fc.assert(
      fc.property(day, code2, (date, code) => {
        const listed = listProvinces({ date }).find((p) => p.code === code);
        expect(getProvince(code, { date })).toBe(listed);
      }),
    );
  });

  it('lookupBirthPlace places every old province in the province of that day', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...provincesBefore2025), (date, old) => {
        const place = lookupBirthPlace(`0${old.code}`, { date });
        if (place?.kind !== 'province') throw new Error('expected a province');
        expect(place.province).toBe(old);
        const expected =
          date >= '2025-07-01' ? getSuccessorProvince(old.code) : getProvince(old.code, { date });
        expect(place.currentProvince).toBe(expected);
        expect(listProvinces({ date })).toContain(place.currentProvince);
      }),
    );
  });

  it('getFormerProvinces inverts getSuccessorProvince', () => {
    for (const old of provincesBefore2025) {
      const successor = getSuccessorProvince(old.code)!;
      expect(getFormerProvinces(successor.code)).toContain(old);
    }
  });

  it('answers hostile strings with undefined or an empty list', () => {
    for (const s of hostileStrings) {
      expect(getProvince(s)).toBeUndefined();
      expect(getSuccessorProvince(s)).toBeUndefined();
      expect(getFormerProvinces(s)).toEqual([]);
    }
  });
});
