import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthCountries, lookupBirthPlace } from '../src/index.js';

describe('lookupBirthPlace', () => {
  it('decodes 024 as Bắc Giang, part of Bắc Ninh from 1 July 2025', () => {
    const before = lookupBirthPlace('024', { date: '2025-06-30' });
    expect(before).toMatchObject({ kind: 'province', code: '024', name: 'Bắc Giang', merged: false });
    expect(before?.kind === 'province' && before.currentProvince.name).toBe('Bắc Giang');
    const after = lookupBirthPlace('024', { date: '2025-07-01' });
    expect(after).toMatchObject({ kind: 'province', name: 'Bắc Giang', merged: true });
    expect(after?.kind === 'province' && after.currentProvince.name).toBe('Bắc Ninh');
  });

  it('keeps an unchanged province unmerged', () => {
    const p = lookupBirthPlace('001');
    expect(p).toMatchObject({ kind: 'province', name: 'Hà Nội', merged: false });
  });

  it('decodes country codes of births registered abroad', () => {
    expect(lookupBirthPlace('175')).toMatchObject({ kind: 'abroad', name: 'Hoa Kỳ (Mỹ)' });
    expect(lookupBirthPlace('279')?.name).toBe('Trung Quốc');
    expect(lookupBirthPlace('101')?.name).toBe('Afghanistan');
    expect(lookupBirthPlace('295')?.name).toBe('Zimbabwe (Dim-ba-bu-ê)');
    expect(birthCountries.map((c) => Number(c.code))).toEqual(Array.from({ length: 195 }, (_, i) => 101 + i));
  });

  it('gives each country its ISO 3166-1 alpha-3 code', () => {
    const iso = (code: string) => birthCountries.find((c) => c.code === code)?.iso3;
    expect([iso('175'), iso('279'), iso('232'), iso('174'), iso('277'), iso('191'), iso('107')]).toEqual([
      'USA',
      'CHN',
      'JPN',
      'KOR',
      'PRK',
      'CYP',
      'GBR',
    ]);
    for (const c of birthCountries) expect(c.iso3).toMatch(/^[A-Z]{3}$/);
    // Only the circular's own duplicates (Azerbaijan, Croatia) share a code.
    const seen = new Map<string, string[]>();
    for (const c of birthCountries) seen.set(c.iso3, [...(seen.get(c.iso3) ?? []), c.code]);
    expect([...seen.values()].filter((codes) => codes.length > 1)).toEqual([
      ['113', '114'],
      ['147', '148'],
    ]);
  });

  it('answers undefined for every unassigned code', () => {
    for (const code of ['000', '003', '005', '097', '099', '100', '296', '999']) {
      expect(lookupBirthPlace(code), code).toBeUndefined();
    }
    let assigned = 0;
    for (let n = 0; n < 1000; n++) if (lookupBirthPlace(String(n).padStart(3, '0'))) assigned++;
    expect(assigned).toBe(63 + 195);
  });

  it('answers undefined for anything but three ASCII digits', () => {
    for (const code of ['24', '0024', ' 24', '０２４', '02a', ...hostileStrings]) {
      expect(lookupBirthPlace(code)).toBeUndefined();
    }
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = lookupBirthPlace(s);
        if (r) expect(s).toMatch(/^\d{3}$/);
      }),
    );
  });
});
