import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import type { IndexedKeys } from '../src/duplicates/keys.js';
import { groupKeys, oneEditApart, PAIRWISE_MAX } from '../src/duplicates/memory-store.js';

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
});
