import { birthCountries } from '../data/birth-countries.js';
import { provincesBefore2025 } from '../data/provinces-before-2025.js';
import { provinceMerges, provincesFrom2025 } from '../data/provinces-from-2025.js';
import type { BirthCountry, Province } from '../types.js';
import type { Era } from './date.js';

export const HUE_CODE = '46';

// Indexes built on first use, so that importing one function of the package does not build (or
// keep in a bundle) the tables it never reads.
interface Tables {
  readonly before2025: ReadonlyMap<string, Province>;
  readonly from2025: ReadonlyMap<string, Province>;
  readonly hueCity: Province;
  /** Old (63-list) code → the province of the 34 it became part of. */
  readonly successor: ReadonlyMap<string, Province>;
}

let tables: Tables | undefined;

export function provinceTables(): Tables {
  if (tables) return tables;
  const byCode = (list: readonly Province[]) => new Map(list.map((p) => [p.code, p]));
  const from2025 = byCode(provincesFrom2025);
  tables = {
    before2025: byCode(provincesBefore2025),
    from2025,
    hueCity: from2025.get(HUE_CODE)!,
    successor: new Map(
      provinceMerges.flatMap((m) => m.formedFrom.map((old) => [old, from2025.get(m.code)!] as const)),
    ),
  };
  return tables;
}

/** The province table of an era, by code. */
export function provinceOfEra(code: string, era: Era): Province | undefined {
  const t = provinceTables();
  if (era === 2) return t.from2025.get(code);
  if (era === 1 && code === HUE_CODE) return t.hueCity;
  return t.before2025.get(code);
}

/** Birth countries indexed by code − 101. */
export function countryByCode(code: string): BirthCountry | undefined {
  return birthCountries[Number(code) - 101];
}
