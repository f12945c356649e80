/**
 * The legacy ID card number (số chứng minh nhân dân, CMND): 9 digits on cards issued until 2016,
 * and 12 digits on the CMND cards issued in some provinces from 2012 to 2016. Its leading digits
 * name the issuing provincial police's number range, but the ranges overlap and were never
 * published as one table, and there is no check digit: only the shape can be checked.
 */
import { maskId, type Result, toSafe } from '@cancuoc/core';
import { fail } from './errors.js';
import { cleanInput, isDigits, LEGACY_ID, lengthError } from './internal/input.js';
import type { NormalizeOptions } from './options.js';

/** A legacy ID card (CMND) number. */
export interface LegacyId {
  /** The digits. */
  readonly value: string;
  /** `'cmnd-9'` (the 9-digit CMND) or `'cmnd-12'` (the 12-digit CMND, issued 2012–2016). */
  readonly format: 'cmnd-9' | 'cmnd-12';
}

/**
 * Reads a legacy ID card number (CMND), as found in the "old ID" field of a card's QR code or
 * chip.
 *
 * @throws CancuocError `ERR_ID_EMPTY`, `ERR_ID_NOT_DIGITS`, `ERR_ID_NEEDS_NORMALIZATION`,
 *   `ERR_ID_LENGTH` (not 9 or 12 digits), `ERR_ID_LEGACY_ZERO`.
 * @example
 * ```ts
 * parseLegacyId('012345678') // { value: '012345678', format: 'cmnd-9' }
 * ```
 */
export function parseLegacyId(input: string, options: NormalizeOptions = {}): LegacyId {
  if (typeof input !== 'string') throw new TypeError('parseLegacyId expects a string');
  let value = input;
  if (!isDigits(value, 9) && !isDigits(value, 12)) {
    value = cleanInput(input, LEGACY_ID, options.normalize === true, false);
    if (value.length !== 9 && value.length !== 12) throw lengthError(LEGACY_ID, value.length);
  }
  if (/^0+$/.test(value)) throw fail('ERR_ID_LEGACY_ZERO', { id: maskId(value) });
  return { value, format: value.length === 9 ? 'cmnd-9' : 'cmnd-12' };
}

/**
 * {@link parseLegacyId} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * safeParseLegacyId('12345').success // false
 * ```
 */
export const safeParseLegacyId: (input: string, options?: NormalizeOptions) => Result<LegacyId> =
  /* @__PURE__ */ toSafe(parseLegacyId);
