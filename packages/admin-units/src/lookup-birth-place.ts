import { provincesBefore2025 } from './data/provinces-before-2025.js';
import type { AtDateOptions } from './get-province.js';
import { changedStateOn, followChanges } from './internal/changes.js';
import { type Era, eraOf } from './internal/date.js';
import { countryByCode, provinceOfEra, provinceTables } from './internal/tables.js';
import type { BirthPlace } from './types.js';

// One frozen BirthPlace per code (0–295) and era, built on first use, so that decoding an ID
// number costs an array read and allocates nothing.
let tables: [BirthPlace[], BirthPlace[], BirthPlace[]] | undefined;

function build(): [BirthPlace[], BirthPlace[], BirthPlace[]] {
  const out: [BirthPlace[], BirthPlace[], BirthPlace[]] = [[], [], []];
  for (const era of [0, 1, 2] as const) {
    const table = out[era];
    for (const province of provincesBefore2025) {
      // Circular 07/2016/TT-BCA Appendix 1: the birth-place code is "0" + the GSO code.
      const code = `0${province.code}`;
      const current =
        era === 2 ? provinceTables().successor.get(province.code)! : provinceOfEra(province.code, era)!;
      table[Number(code)] = Object.freeze({
        kind: 'province',
        code,
        name: province.name,
        province,
        currentProvince: current,
        merged: current.name !== province.name || current.code !== province.code,
      });
    }
    for (let n = 101; n <= 295; n++) {
      const country = countryByCode(String(n))!;
      table[n] = Object.freeze({ kind: 'abroad', code: country.code, name: country.name, country });
    }
  }
  return out;
}

/** The birth place of a numeric code (0–999) in an era. */
function birthPlaceByNumber(n: number, era: Era): BirthPlace | undefined {
  tables ??= build();
  return tables[era][n];
}

/**
 * Decodes the three-digit birth-place code that opens a personal ID number: a province
 * (`001`–`096`, Circular 07/2016/TT-BCA Appendix 1) or, for a birth registered abroad, a country
 * (`101`–`295`, Appendix 2). Codes assigned to nothing (`000`, `003`, `097`–`100`, `296`+)
 * answer `undefined`.
 *
 * The answer carries the province the code was assigned to and the province that territory
 * belongs to on the date asked for (by default today): numbers are never reissued when provinces
 * merge, so `024` stays Bắc Giang's code and, from 1 July 2025, points into Bắc Ninh.
 *
 * @param code - exactly three ASCII digits.
 * @example
 * ```ts
 * const p = lookupBirthPlace('024', { date: '2025-07-01' });
 * // { kind: 'province', name: 'Bắc Giang', currentProvince: { name: 'Bắc Ninh', … }, merged: true, … }
 * lookupBirthPlace('175')?.name // 'Hoa Kỳ (Mỹ)'
 * lookupBirthPlace('003')       // undefined
 * ```
 */
export function lookupBirthPlace(code: string, options: AtDateOptions = {}): BirthPlace | undefined {
  if (typeof code !== 'string') throw new TypeError('lookupBirthPlace expects a string code');
  // The date option is checked whatever the code, so misuse is reported consistently.
  const era = eraOf(options.date);
  if (code.length !== 3) return undefined;
  let n = 0;
  for (let i = 0; i < 3; i++) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  const place = birthPlaceByNumber(n, era);
  if (place?.kind !== 'province') return place;
  const changed = changedStateOn(options.date, options.changes);
  if (!changed) return place;
  const current = followChanges(place.currentProvince, changed.changes, changed.count, changed.state);
  if (current === place.currentProvince) return place;
  return Object.freeze({
    ...place,
    currentProvince: current,
    merged: current.name !== place.province.name || current.code !== place.province.code,
  });
}
