/**
 * Vietnamese passport numbers (số hộ chiếu): one capital letter and seven digits (`C1234567`),
 * printed on the data page and in the MRZ. The letter is a series letter (B, C, N, P… over the
 * years); there is no check digit in the number itself (the MRZ adds an ICAO 9303 one, which
 * `@cancuoc/chip` checks).
 */
import { type Result, toSafe } from '@cancuoc/core';
import { fail } from './errors.js';
import { cleanInput, lengthError, PASSPORT } from './internal/input.js';
import type { NormalizeOptions } from './options.js';

/** A Vietnamese passport number. */
export interface PassportNumber {
  /** One capital letter and seven digits. */
  readonly value: string;
  /** The series letter. */
  readonly series: string;
}

const PASSPORT_RE = /^[A-Z]\d{7}$/;

/**
 * Checks the shape of a Vietnamese passport number.
 *
 * @throws CancuocError `ERR_ID_EMPTY`, `ERR_ID_NOT_DIGITS`, `ERR_ID_NEEDS_NORMALIZATION`,
 *   `ERR_ID_LENGTH`, `ERR_ID_PASSPORT_FORMAT`.
 * @example
 * ```ts
 * parsePassportNumber('C1234567') // { value: 'C1234567', series: 'C' }
 * parsePassportNumber('c 1234567', { normalize: true }).value // 'C1234567'
 * ```
 */
export function parsePassportNumber(input: string, options: NormalizeOptions = {}): PassportNumber {
  if (typeof input !== 'string') throw new TypeError('parsePassportNumber expects a string');
  const value = PASSPORT_RE.test(input)
    ? input
    : cleanInput(input, PASSPORT, options.normalize === true, true);
  if (value.length !== 8) throw lengthError(PASSPORT, value.length);
  if (!PASSPORT_RE.test(value)) throw fail('ERR_ID_PASSPORT_FORMAT');
  return { value, series: value[0]! };
}

/**
 * {@link parsePassportNumber} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * safeParsePassportNumber('12345678').success // false
 * ```
 */
export const safeParsePassportNumber: (input: string, options?: NormalizeOptions) => Result<PassportNumber> =
  /* @__PURE__ */ toSafe(parsePassportNumber);
