import { birthCountries } from '../data/birth-countries.js';
import { provincesBefore2025 } from '../data/provinces-before-2025.js';
import { provinceMerges, provincesFrom2025 } from '../data/provinces-from-2025.js';
import type { BirthCountry, Province } from '../types.js';
import type { Era } from './date.js';

export const HUE_CODE = '46';

const byCode = (list: readonly Province[]): Map<string, Province> => new Map(list.map((p) => [p.code, p]));

export const before2025ByCode = byCode(provincesBefore2025);
export const from2025ByCode = byCode(provincesFrom2025);
export const hueCity = from2025ByCode.get(HUE_CODE)!;

/** Old (63-list) code → the province of the 34 it became part of. */
export const successorByOldCode: ReadonlyMap<string, Province> = new Map(
  provinceMerges.flatMap((m) => m.formedFrom.map((old) => [old, from2025ByCode.get(m.code)!] as const)),
);

/** The province table of an era, by code. */
export function provinceOfEra(code: string, era: Era): Province | undefined {
  if (era === 2) return from2025ByCode.get(code);
  if (era === 1 && code === HUE_CODE) return hueCity;
  return before2025ByCode.get(code);
}

/** Birth countries indexed by code − 101. */
export function countryByCode(code: string): BirthCountry | undefined {
  return birthCountries[Number(code) - 101];
}
