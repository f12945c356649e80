/**
 * The data tables are written as rows (code, name, type) and expanded once at load: the full
 * and unaccented names follow from the name (checked against the earlier object tables by
 * test/tables.test.ts), so a bundle that decodes ID numbers carries half the bytes.
 */
import { foldDiacritics } from '@cancuoc/core';
import type { BirthCountry, Province } from '../types.js';

export const CITY = 'city';
export const PROVINCE = 'province';

/** A province as written in the data files: GSO code, short name, city or province. */
export type ProvinceRow = readonly [code: string, name: string, type: Province['type']];
/** A birth country as written in the data files: code 101–295, Vietnamese name, ISO alpha-3. */
export type CountryRow = readonly [code: string, name: string, iso3: string];

/** Provinces from rows: "Thành phố Hà Nội" / "Tỉnh Hà Giang", and the name without diacritics. */
export function provincesOf(rows: readonly ProvinceRow[]): Province[] {
  return rows.map(([code, name, type]) => ({
    code,
    name,
    fullName: `${type === CITY ? 'Thành phố' : 'Tỉnh'} ${name}`,
    unaccentedName: foldDiacritics(name),
    type,
  }));
}

/** Birth countries from rows, with the name without diacritics. */
export function countriesOf(rows: readonly CountryRow[]): BirthCountry[] {
  return rows.map(([code, name, iso3]) => ({ code, name, unaccentedName: foldDiacritics(name), iso3 }));
}
