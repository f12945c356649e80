/**
 * Tax codes (mã số thuế, MST). Enterprises and organisations: 10 digits, N1N2 the tax office's
 * province range, N3–N9 a sequence, N10 a check digit; a branch or dependent unit: the parent's
 * 10 digits and a 3-digit branch number, written `XXXXXXXXXX-NNN` (Circular 105/2020/TT-BTC).
 * Individuals and household businesses: from 1 July 2025 the 12-digit personal ID number is the
 * tax code (Circular 86/2024/TT-BTC).
 *
 * Check digit (the rule of python-stdnum's `vn.mst`, which the published valid codes satisfy): s = Σ dᵢ·wᵢ over the first nine digits
 * with w = 31, 29, 23, 19, 17, 13, 7, 5, 3; r = s mod 11; the check digit is 10 − r, so r = 10
 * gives 0 and r = 0 gives none (no code starts with such nine digits). Digits 3–9 are never all
 * zero and the branch is never 000.
 */
import { type Result, toSafe } from '@cancuoc/core';
import { fail } from './errors.js';
import { cleanInput, isDigits, lengthError, TAX_CODE } from './internal/input.js';
import type { NormalizeOptions } from './options.js';
import { type PersonalId, parsePersonalId } from './parse-personal-id.js';

/** A tax code (mã số thuế). */
export type TaxCode = EnterpriseTaxCode | PersonalTaxCode;

/** A 10-digit tax code, or a 13-digit branch tax code. */
export interface EnterpriseTaxCode {
  readonly format: 'mst-10' | 'mst-13';
  /** The code as written officially: `'0100233488'` or `'0314409058-002'`. */
  readonly value: string;
  /** The first 10 digits (the parent's code for a branch). */
  readonly base: string;
  /** The 3-digit branch number of a 13-digit code. */
  readonly branch?: string;
}

/** A 12-digit personal ID number used as an individual's tax code. */
export interface PersonalTaxCode {
  readonly format: 'personal-id';
  readonly value: string;
  readonly personalId: PersonalId;
}

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/**
 * The check digit of the first nine digits of a tax code, or `undefined` when none exists
 * (r = 0). `digits` must hold at least nine ASCII digits.
 *
 * @example
 * ```ts
 * taxCodeCheckDigit('010023348') // 8, so 0100233488 is a valid tax code
 * ```
 */
export function taxCodeCheckDigit(digits: string): number | undefined {
  let s = 0;
  for (let i = 0; i < 9; i++) s += (digits.charCodeAt(i) - 48) * WEIGHTS[i]!;
  const r = s % 11;
  return r === 0 ? undefined : r === 10 ? 0 : 10 - r;
}

function parseEnterprise(base: string, branch: string | undefined): EnterpriseTaxCode {
  if (base.slice(2, 9) === '0000000') throw fail('ERR_ID_TAX_SEQUENCE');
  const check = taxCodeCheckDigit(base);
  if (check === undefined) throw fail('ERR_ID_TAX_NO_CHECK_DIGIT');
  if (base.charCodeAt(9) - 48 !== check) throw fail('ERR_ID_TAX_CHECK_DIGIT', { expected: check });
  if (branch === undefined) return { format: 'mst-10', value: base, base };
  if (branch === '000') throw fail('ERR_ID_TAX_BRANCH');
  return { format: 'mst-13', value: `${base}-${branch}`, base, branch };
}

/**
 * Reads a tax code: 10 digits, 13 digits (`0314409058-002` or `0314409058002`), or a 12-digit
 * personal ID number (an individual's tax code since 1 July 2025), checking the check digit.
 *
 * @throws CancuocError `ERR_ID_EMPTY`, `ERR_ID_NOT_DIGITS`, `ERR_ID_NEEDS_NORMALIZATION`,
 *   `ERR_ID_LENGTH`, `ERR_ID_TAX_CHECK_DIGIT`, `ERR_ID_TAX_NO_CHECK_DIGIT`, `ERR_ID_TAX_SEQUENCE`,
 *   `ERR_ID_TAX_BRANCH`, and for 12 digits the errors of `parsePersonalId`.
 * @example
 * ```ts
 * parseTaxCode('0314409058-002') // { format: 'mst-13', value: '0314409058-002', base: '0314409058', branch: '002' }
 * parseTaxCode('0100233480')     // throws ERR_ID_TAX_CHECK_DIGIT
 * ```
 */
export function parseTaxCode(input: string, options: NormalizeOptions = {}): TaxCode {
  if (typeof input !== 'string') throw new TypeError('parseTaxCode expects a string');
  // The official written forms need no normalisation: 10 digits, and 10 digits-3 digits.
  if (isDigits(input, 10)) return parseEnterprise(input, undefined);
  if (
    input.length === 14 &&
    input.charCodeAt(10) === 45 &&
    isDigits(input.slice(0, 10), 10) &&
    isDigits(input.slice(11), 3)
  ) {
    return parseEnterprise(input.slice(0, 10), input.slice(11));
  }
  const value =
    input.length <= 13 && isDigits(input, input.length) && input.length > 0
      ? input
      : cleanInput(input, TAX_CODE, options.normalize === true, false);
  switch (value.length) {
    case 10:
      return parseEnterprise(value, undefined);
    case 13:
      return parseEnterprise(value.slice(0, 10), value.slice(10));
    case 12:
      return { format: 'personal-id', value, personalId: parsePersonalId(value) };
    default:
      throw lengthError(TAX_CODE, value.length);
  }
}

/**
 * {@link parseTaxCode} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * safeParseTaxCode('0100233488').success // true
 * ```
 */
export const safeParseTaxCode: (input: string, options?: NormalizeOptions) => Result<TaxCode> =
  /* @__PURE__ */ toSafe(parseTaxCode);
