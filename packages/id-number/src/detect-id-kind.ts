import type { NormalizeOptions } from './options.js';
import { safeParseInsuranceCode } from './parse-insurance-code.js';
import { safeParseLegacyId } from './parse-legacy-id.js';
import { safeParsePassportNumber } from './parse-passport-number.js';
import { safeParsePersonalId } from './parse-personal-id.js';
import { safeParseTaxCode } from './parse-tax-code.js';

/** The identifiers {@link detectIdKind} recognises. */
export type IdKind =
  | 'personal-id'
  | 'tax-code'
  | 'insurance-code'
  | 'social-insurance-number'
  | 'legacy-id'
  | 'passport';

/** What {@link detectIdKind} found. */
export interface IdKindDetection {
  /** The most likely kind, or `'unknown'` when the string is none of them. */
  readonly kind: IdKind | 'unknown';
  /**
   * Every kind the string is valid as, most likely first: a 12-digit personal ID is also an
   * individual's tax code and may be a 12-digit legacy CMND; ten digits with a valid tax check
   * digit may also be a social insurance number.
   */
  readonly candidates: readonly IdKind[];
}

/**
 * Says which Vietnamese identifier a string is: personal ID number (12 digits), tax code (10 or
 * 13 digits with a valid check digit, or a personal ID), BHYT card code (15 or 20 characters),
 * social insurance number (10 digits), legacy CMND (9 or 12 digits) or passport number (a letter
 * and 7 digits). Never throws on a string.
 *
 * @example
 * ```ts
 * detectIdKind('001098012345').kind    // 'personal-id'
 * detectIdKind('0100233488').candidates // ['tax-code', 'social-insurance-number']
 * detectIdKind('GD4790123456789').kind  // 'insurance-code'
 * ```
 */
export function detectIdKind(input: string, options: NormalizeOptions = {}): IdKindDetection {
  if (typeof input !== 'string') throw new TypeError('detectIdKind expects a string');
  const candidates: IdKind[] = [];
  if (safeParsePersonalId(input, options).success) candidates.push('personal-id');
  const tax = safeParseTaxCode(input, options);
  if (tax.success) candidates.push('tax-code');
  const insurance = safeParseInsuranceCode(input, options);
  if (insurance.success) {
    candidates.push(
      insurance.data.format === 'social-insurance-number' ? 'social-insurance-number' : 'insurance-code',
    );
  }
  if (safeParseLegacyId(input, options).success) candidates.push('legacy-id');
  if (safeParsePassportNumber(input, options).success) candidates.push('passport');
  return { kind: candidates[0] ?? 'unknown', candidates };
}
