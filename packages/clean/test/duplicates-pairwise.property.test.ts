import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import type { IndexedKeys } from '../src/duplicates/keys.js';
import { groupKeys, oneEditApartAt, PAIRWISE_MAX } from '../src/duplicates/memory-store.js';

/** `oneEditApartAt` on two strings laid one after the other, as the index lays its names. */
function oneEditApart(a: string, b: string): boolean {
  const s = a + b;
  const units = Uint16Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
  return oneEditApartAt(units, 0, a.length, a.length, a.length + b.length);
}

// similar-name links the names of a birth date pairwise when the day has few of them and through
// deletion variants when it has many: both must give the same groups.
const name = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 });

describe('similar-name on small and large days', () => {
  it('oneEditApart is a Levenshtein distance of exactly 1', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(oneEditApart(a, b)).toBe(distance(a, b) === 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same groups whether the day is compared pairwise or by deletion variants', () => {
    const row = fc.record({
      name,
      place: fc.constantFrom(null, '001', '079', 'ha noi', 'hue'),
      id: fc.constantFrom(null, '001090012345', '079185012346'),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: PAIRWISE_MAX - 1 }), (rows) => {
        const small: IndexedKeys[] = rows.map((r, i) => ({ row: i + 1, date: '01/02/1990', ...r }));
        // Names 2 letters apart in length from each other and far from every generated name:
        // they link to nothing but push the day over the pairwise limit.
        const filler: IndexedKeys[] = Array.from({ length: PAIRWISE_MAX + 1 }, (_, k) => ({
          row: small.length + k + 1,
          name: 'x'.repeat(20 + 2 * k),
          date: '01/02/1990',
          place: null,
          id: null,
        }));
        expect(groupKeys([...small, ...filler])).toEqual(groupKeys(small));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same groups whether IDs are grouped as numbers or as text', () => {
    const row = fc.record({
      name: fc.constantFrom(null, 'an', 'anh', 'binh'),
      place: fc.constantFrom(null, '001', 'hue'),
      date: fc.constantFrom(null, '01/02/1990', '02/01/1990'),
      // 9- and 12-digit IDs that are equal as numbers but not as text (leading zeros).
      id: fc.constantFrom(null, '001090012345', '000001090012', '001090012', '079185012346'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const numeric: IndexedKeys[] = rows.map((r, i) => ({ row: i + 1, ...r }));
        // A letter after each ID keeps equal IDs equal but takes them off the numeric path.
        const text = numeric.map((r) => ({ ...r, id: r.id === null ? null : `${r.id}x` }));
        expect(groupKeys(numeric)).toEqual(groupKeys(text));
      }),
      { numRuns: 500 },
    );
  });
});
