/**
 * Health insurance (BHYT) card codes (mã thẻ BHYT). Decision 1351/QĐ-BHXH (2015): 15 characters,
 * 2 letters for the beneficiary group (mã đối tượng: DN, HS, TE, HT, GD…), 1 digit for the benefit
 * level (mức hưởng, 1–5), 2 digits for the province, and the 10-digit social insurance number
 * (mã số BHXH). Reception software often scans 20 characters: the 15-character code followed by
 * the 5-character code of the registered primary-care facility (mã nơi ĐKKCB ban đầu: 2-digit
 * province and 3 characters, e.g. `01C54`). Newer cards print only the 10-digit social insurance number. Sources: reference notes cccd-formats.md §5.1 (hospital software and the
 * card QR samples).
 */
import { provincesBefore2025 } from '@cancuoc/admin-units';
import { type Result, toSafe } from '@cancuoc/core';
import { fail } from './errors.js';
import { cleanInput, INSURANCE, isDigits, lengthError } from './internal/input.js';
import type { NormalizeOptions } from './options.js';

/** A BHYT card code or social insurance number. */
export type InsuranceCode = InsuranceCardCode | SocialInsuranceNumber;

/** The 15-character card code, or the 20-character form with the facility code. */
export interface InsuranceCardCode {
  readonly format: 'card' | 'card-with-facility';
  /** The 15-character card code (without the facility code). */
  readonly value: string;
  /** Beneficiary group (mã đối tượng), two capital letters: `'DN'`, `'HS'`, `'TE'`, `'GD'`… */
  readonly beneficiaryGroup: string;
  /**
   * Benefit level (mức hưởng): 1 = 100% without cap, 2 = 100% with cap, 3 = 95%, 4 = 80%,
   * 5 = 100% including services outside the list.
   */
  readonly benefitLevel: 1 | 2 | 3 | 4 | 5;
  /** Two-digit province code (the GSO code). */
  readonly provinceCode: string;
  /** The 10-digit social insurance number (mã số BHXH). */
  readonly socialInsuranceNumber: string;
  /** The 5-character primary-care facility code, when the 20-character form was given. */
  readonly facilityCode?: string;
}

/** The 10-digit social insurance number alone, as printed on newer cards. */
export interface SocialInsuranceNumber {
  readonly format: 'social-insurance-number';
  readonly value: string;
  readonly socialInsuranceNumber: string;
}

// The card's province is a GSO code of the 63 (the 34 of 1 July 2025 are all among them); the
// set is built on first use so that a bundle without this parser leaves the table out.
let provinceCodes: ReadonlySet<string> | undefined;
const PLAIN_RE = /^(?:[0-9A-Z]{10}|[0-9A-Z]{15}|[0-9A-Z]{20})$/;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function parseCard(value: string): InsuranceCode {
  const c0 = value.charCodeAt(0);
  const c1 = value.charCodeAt(1);
  const level = value.charCodeAt(2) - 48;
  if (!isUpper(c0) || !isUpper(c1) || level < 0 || level > 9 || !isDigits(value.slice(3, 15), 12)) {
    throw fail('ERR_ID_INSURANCE_FORMAT');
  }
  if (level < 1 || level > 5) throw fail('ERR_ID_INSURANCE_BENEFIT_LEVEL', { level });
  const provinceCode = value.slice(3, 5);
  provinceCodes ??= new Set(provincesBefore2025.map((p) => p.code));
  if (!provinceCodes.has(provinceCode)) {
    throw fail('ERR_ID_INSURANCE_PROVINCE', { code: provinceCode });
  }
  const card = {
    value: value.slice(0, 15),
    beneficiaryGroup: value.slice(0, 2),
    benefitLevel: level as 1 | 2 | 3 | 4 | 5,
    provinceCode,
    socialInsuranceNumber: value.slice(5, 15),
  };
  if (value.length === 15) return { format: 'card', ...card };
  const facilityCode = value.slice(15);
  const f = [...facilityCode].map((ch) => ch.charCodeAt(0));
  if (!isDigit(f[0]!) || !isDigit(f[1]!) || !f.slice(2).every((c) => isDigit(c) || isUpper(c))) {
    throw fail('ERR_ID_INSURANCE_FORMAT');
  }
  return { format: 'card-with-facility', ...card, facilityCode };
}

/**
 * Reads a BHYT card code (15 characters), the 20-character form with the facility code, or the
 * 10-digit social insurance number of newer cards.
 *
 * @throws CancuocError `ERR_ID_EMPTY`, `ERR_ID_NOT_DIGITS`, `ERR_ID_NEEDS_NORMALIZATION`,
 *   `ERR_ID_LENGTH`, `ERR_ID_INSURANCE_FORMAT`, `ERR_ID_INSURANCE_BENEFIT_LEVEL`,
 *   `ERR_ID_INSURANCE_PROVINCE`.
 * @example
 * ```ts
 * const card = parseInsuranceCode('GD4790123456789');
 * card.format === 'card' && card.benefitLevel // 4
 * parseInsuranceCode('0111077012').format      // 'social-insurance-number'
 * ```
 */
export function parseInsuranceCode(input: string, options: NormalizeOptions = {}): InsuranceCode {
  if (typeof input !== 'string') throw new TypeError('parseInsuranceCode expects a string');
  let value = input;
  if (!PLAIN_RE.test(value)) value = cleanInput(input, INSURANCE, options.normalize === true, true);
  if (value.length === 10) {
    if (!isDigits(value, 10)) throw fail('ERR_ID_INSURANCE_FORMAT');
    return { format: 'social-insurance-number', value, socialInsuranceNumber: value };
  }
  if (value.length !== 15 && value.length !== 20) throw lengthError(INSURANCE, value.length);
  return parseCard(value);
}

/**
 * {@link parseInsuranceCode} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * safeParseInsuranceCode('GD6790123456789').success // false: benefit level 6
 * ```
 */
export const safeParseInsuranceCode: (input: string, options?: NormalizeOptions) => Result<InsuranceCode> =
  /* @__PURE__ */ toSafe(parseInsuranceCode);
