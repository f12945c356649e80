import { fail } from './errors.js';
import { isDigits } from './internal/input.js';
import { parsePersonalId, type Sex } from './parse-personal-id.js';

/** The parts a personal ID number is made of. */
export interface PersonalIdParts {
  /** Three-digit birth-place code: a province (`'001'`–`'096'`) or a country (`'101'`–`'295'`). */
  readonly birthPlaceCode: string;
  readonly sex: Sex;
  /** 1900–2399. */
  readonly birthYear: number;
  /** Six digits. */
  readonly serial: string;
}

/**
 * Builds the personal ID number of the given parts, the inverse of {@link parsePersonalId}
 * (used to make synthetic numbers for tests and demos). The result is validated by parsing it.
 *
 * @throws RangeError for a birth year outside 1900–2399 or a serial that is not six digits.
 * @throws CancuocError `ERR_ID_PROVINCE_UNKNOWN`, `ERR_ID_BIRTH_YEAR_FUTURE` from parsing the result.
 * @example
 * ```ts
 * formatPersonalId({ birthPlaceCode: '001', sex: 'male', birthYear: 1998, serial: '012345' }) // '001098012345'
 * ```
 */
export function formatPersonalId(parts: PersonalIdParts): string {
  const { birthPlaceCode, sex, birthYear, serial } = parts;
  if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > 2399) {
    throw new RangeError('birthYear must be an integer from 1900 to 2399');
  }
  if (typeof serial !== 'string' || !isDigits(serial, 6)) throw new RangeError('serial must be six digits');
  if (typeof birthPlaceCode !== 'string' || !isDigits(birthPlaceCode, 3)) {
    throw fail('ERR_ID_PROVINCE_UNKNOWN', { code: String(birthPlaceCode).slice(0, 3) });
  }
  if (sex !== 'male' && sex !== 'female') throw new RangeError("sex must be 'male' or 'female'");
  // Circular 07/2016/TT-BCA Art. 7: G = 2 × (century − 20th) + (female ? 1 : 0).
  const g = 2 * Math.floor((birthYear - 1900) / 100) + (sex === 'female' ? 1 : 0);
  const value = `${birthPlaceCode}${g}${String(birthYear % 100).padStart(2, '0')}${serial}`;
  return parsePersonalId(value).value;
}
