import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { birthCountries, provincesBefore2025, provincesFrom2025 } from '../src/index.js';

// The tables as they were written before they became rows (full and unaccented names spelled
// out by hand for every entry): the rows must expand to exactly the same objects.
const before = JSON.parse(
  readFileSync(new URL('./fixtures/tables-as-objects.json', import.meta.url), 'utf8'),
);

describe('tables written as rows', () => {
  it('expand to the same 63 provinces before 1 July 2025, names and types included', () => {
    expect(provincesBefore2025).toHaveLength(63);
    expect(provincesBefore2025).toStrictEqual(before.provincesBefore2025);
  });

  it('expand to the same 34 provinces from 1 July 2025', () => {
    expect(provincesFrom2025).toHaveLength(34);
    expect(provincesFrom2025).toStrictEqual(before.provincesFrom2025);
  });

  it('expand to the same 195 birth countries, codes 101–295 in order', () => {
    expect(birthCountries).toHaveLength(195);
    expect(birthCountries).toStrictEqual(before.birthCountries);
    expect(birthCountries.every((c, i) => Number(c.code) === 101 + i)).toBe(true);
  });
});
