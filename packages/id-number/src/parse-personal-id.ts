/**
 * The 12-digit personal ID number (số định danh cá nhân), printed on the CCCD and Căn cước cards:
 * `PPP G YY RRRRRR` (Decree 137/2015/NĐ-CP Art. 13; Circular 07/2016/TT-BCA, later 59/2021/TT-BCA):
 * PPP the birth-registration province (001–096) or country (101–295), G the century and sex,
 * YY the last two digits of the birth year, RRRRRR a random serial. There is no check digit.
 *
 * Written by hand: the decoding is a dozen integer operations, and parsing many millions of
 * numbers a second (data cleaning of whole registers) rules out regex- and allocation-heavy code.
 */
import { type BirthPlace, type DateInput, lookupBirthPlace } from '@cancuoc/admin-units';
import { maskId, type Result, toSafe } from '@cancuoc/core';
import { fail } from './errors.js';
import { cleanInput, isDigits, lengthError, PERSONAL_ID } from './internal/input.js';
import { currentYear } from './internal/year.js';

/** Sex as encoded in the ID number (giới tính: Nam / Nữ). */
export type Sex = 'male' | 'female';

/** A decoded personal ID number. */
export interface PersonalId {
  /** The 12 ASCII digits. */
  readonly value: string;
  /** Where the birth was registered: the province (with its name after the 2025 merger) or the country. */
  readonly birthPlace: BirthPlace;
  readonly sex: Sex;
  /** The first year of the birth century: 1900, 2000, 2100… */
  readonly century: number;
  readonly birthYear: number;
  /** The last six digits, a random serial. */
  readonly serial: string;
}

/** Options of {@link parsePersonalId}. */
export interface ParsePersonalIdOptions {
  /**
   * Remove spaces, dots and dashes and read full-width digits (`'001 098 012 345'`,
   * `'００１…'`). Off by default: such input is then an `ERR_ID_NEEDS_NORMALIZATION` error, so
   * nothing is changed silently.
   */
  readonly normalize?: boolean;
  /** The day that `birthPlace.currentProvince` answers for (default: today). */
  readonly date?: DateInput;
}

/** The birth year of 12 ASCII digits. */
function birthYearOf(value: string): number {
  // Circular 07/2016/TT-BCA Art. 7: G = 0/1 20th century male/female, 2/3 21st, … 8/9 24th.
  const g = value.charCodeAt(3) - 48;
  return 1900 + 100 * (g >> 1) + (value.charCodeAt(4) - 48) * 10 + (value.charCodeAt(5) - 48);
}

/**
 * Reads and decodes a personal ID number (số định danh cá nhân): birth-registration province or
 * country, sex, century and birth year.
 *
 * @throws TypeError when `input` is not a string; RangeError for an invalid `Date` as `date`.
 * @throws CancuocError `ERR_ID_EMPTY`, `ERR_ID_NOT_DIGITS`, `ERR_ID_NEEDS_NORMALIZATION`,
 *   `ERR_ID_LENGTH`, `ERR_ID_PROVINCE_UNKNOWN` (e.g. `003…`, `097…`), `ERR_ID_BIRTH_YEAR_FUTURE`.
 * @example
 * ```ts
 * const id = parsePersonalId('024198012345');
 * id.birthPlace.name // 'Bắc Giang' (since 1 July 2025 part of Bắc Ninh: id.birthPlace.currentProvince.name)
 * id.sex             // 'female'
 * id.birthYear       // 1980
 * ```
 */
export function parsePersonalId(input: string, options: ParsePersonalIdOptions = {}): PersonalId {
  if (typeof input !== 'string') throw new TypeError('parsePersonalId expects a string');
  // Misuse of the option is reported whatever the input (RangeError, as admin-units does).
  if (options.date instanceof Date && Number.isNaN(options.date.getTime()))
    throw new RangeError('date is an invalid Date');
  let value = input;
  if (!isDigits(value, 12)) {
    value = cleanInput(input, PERSONAL_ID, options.normalize === true, false);
    if (value.length !== 12) throw lengthError(PERSONAL_ID, value.length);
  }
  const code = value.slice(0, 3);
  const birthPlace = lookupBirthPlace(code, options.date === undefined ? {} : { date: options.date });
  if (birthPlace === undefined) throw fail('ERR_ID_PROVINCE_UNKNOWN', { code, id: maskId(value) });
  const g = value.charCodeAt(3) - 48;
  const birthYear = birthYearOf(value);
  const century = birthYear - (birthYear % 100);
  if (birthYear > currentYear())
    throw fail('ERR_ID_BIRTH_YEAR_FUTURE', { year: birthYear, id: maskId(value) });
  return { value, birthPlace, sex: g & 1 ? 'female' : 'male', century, birthYear, serial: value.slice(6) };
}

/**
 * {@link parsePersonalId} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * const r = safeParsePersonalId('003098012345');
 * if (!r.success) r.error.code // 'ERR_ID_PROVINCE_UNKNOWN'
 * ```
 */
export const safeParsePersonalId: (input: string, options?: ParsePersonalIdOptions) => Result<PersonalId> =
  /* @__PURE__ */ toSafe(parsePersonalId);

/**
 * Whether `input` is a valid personal ID number (12 digits, assigned birth-place code, birth year
 * not in the future). Never throws.
 *
 * @example
 * ```ts
 * isPersonalId('001098012345') // true
 * isPersonalId('097098012345') // false
 * ```
 */
export function isPersonalId(input: unknown, options: ParsePersonalIdOptions = {}): boolean {
  if (typeof input !== 'string') return false;
  // Fast path without building an error for plain 12-digit input (cleaning whole registers).
  if (isDigits(input, 12)) {
    if (lookupBirthPlace(input.slice(0, 3)) === undefined) return false;
    return birthYearOf(input) <= currentYear();
  }
  // The date option does not change validity: left out, so that an invalid one cannot make this throw.
  return options.normalize === true && safeParsePersonalId(input, { normalize: true }).success;
}
