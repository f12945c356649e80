import { birthCountries, provincesBefore2025 } from '@cancuoc/admin-units';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPersonalId, isPersonalId, parsePersonalId, safeParsePersonalId } from '../src/index.js';
import { expectResultOrCancuocError } from './helpers.js';

const codes = [...provincesBefore2025.map((p) => `0${p.code}`), ...birthCountries.map((c) => c.code)];
const thisYear = new Date().getUTCFullYear() - 1;
const parts = fc.record({
  birthPlaceCode: fc.constantFrom(...codes),
  sex: fc.constantFrom('male' as const, 'female' as const),
  birthYear: fc.integer({ min: 1900, max: thisYear }),
  serial: fc.stringMatching(/^\d{6}$/),
});

describe('parsePersonalId properties', () => {
  it('round-trips every valid set of parts through formatPersonalId', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const value = formatPersonalId(p);
        expect(value).toMatch(/^\d{12}$/);
        const id = parsePersonalId(value);
        expect(id).toMatchObject({ value, sex: p.sex, birthYear: p.birthYear, serial: p.serial });
        expect(id.birthPlace.code).toBe(p.birthPlaceCode);
        expect(id.century).toBe(Math.floor(p.birthYear / 100) * 100);
      }),
    );
  });

  it('reads back a valid number written with separators when normalising', () => {
    fc.assert(
      fc.property(parts, fc.constantFrom(' ', '.', '-', '\u00a0'), (p, sep) => {
        const value = formatPersonalId(p);
        const spaced = `${value.slice(0, 3)}${sep}${value.slice(3, 6)}${sep}${value.slice(6)}`;
        expect(parsePersonalId(spaced, { normalize: true }).value).toBe(value);
        expect(safeParsePersonalId(spaced).success).toBe(false);
      }),
    );
  });

  it('answers any string with a result or a CancuocError, never anything else', () => {
    expectResultOrCancuocError(parsePersonalId, (id) => expect(id.value).toMatch(/^\d{12}$/), 2000);
  });

  it('accepts without normalisation exactly the 12-digit strings it decodes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (s) => {
        const r = safeParsePersonalId(s);
        expect(isPersonalId(s)).toBe(r.success);
        if (r.success) expect(r.data.value).toBe(s);
        else expect(['ERR_ID_PROVINCE_UNKNOWN', 'ERR_ID_BIRTH_YEAR_FUTURE']).toContain(r.error.code);
      }),
    );
  });
});
