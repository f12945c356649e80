/**
 * Nationality (quốc tịch) and country codes: ISO 3166-1 alpha-3, `VNM` for Viet Nam.
 */
import { foldDiacritics } from '@cancuoc/core';
import * as z from 'zod/mini';
import { countryCodeSet, isoCountryCodes } from './data/countries.js';
import { pushCodedIssue } from './internal/custom-issue.js';
import { FIELD } from './internal/zod.js';

/**
 * The nationality of a Vietnamese citizen, and the country assumed when an address has none.
 *
 * @example
 * ```ts
 * const nationality = record.nationality ?? DEFAULT_NATIONALITY; // 'VNM'
 * ```
 */
export const DEFAULT_NATIONALITY = 'VNM';

/**
 * Whether a string is a country code the schemas accept: one of the 249 ISO 3166-1 alpha-3
 * codes, or an ICAO Doc 9303 code for stateless persons and refugees (`XXA`, `XXB`, `XXC`,
 * `XXX`) or Kosovo (`RKS`). Never throws.
 *
 * @example
 * ```ts
 * isCountryCode('VNM'); // true
 * isCountryCode('VN');  // false
 * ```
 */
export function isCountryCode(value: unknown): boolean {
  return typeof value === 'string' && countryCodeSet.has(value);
}

/**
 * A country code (ISO 3166-1 alpha-3, upper case, e.g. `VNM`); anything else fails with
 * `ERR_SCHEMA_COUNTRY_CODE`. Used for `nationality` and `Address.country`.
 *
 * @example
 * ```ts
 * CountryCode.parse('VNM');
 * ```
 */
export const CountryCode = /* @__PURE__ */ z.string(FIELD).check((payload) => {
  const value = payload.value;
  if (!countryCodeSet.has(value)) pushCodedIssue(payload, 'ERR_SCHEMA_COUNTRY_CODE', []);
});
/** An ISO 3166-1 alpha-3 country code. */
export type CountryCode = z.infer<typeof CountryCode>;

/**
 * Nationality (quốc tịch) as an ISO 3166-1 alpha-3 code; {@link DEFAULT_NATIONALITY} (`VNM`)
 * for Vietnamese citizens. The schema has no default so that the field stays optional in the
 * inferred type: read an absent nationality as `VNM` where the record is a citizen's.
 *
 * @example
 * ```ts
 * Nationality.parse('VNM');
 * ```
 */
export const Nationality = CountryCode;
/** An ISO 3166-1 alpha-3 nationality code. */
export type Nationality = CountryCode;

// How Vietnamese cards and forms write Viet Nam (DG13 field 5 holds "Việt Nam").
const VIETNAM_NAMES = new Set(['viet nam', 'vietnam', 'vn', 'vnm', 'socialist republic of viet nam']);

/**
 * Reads a nationality written as text on a card or a form (`Việt Nam`, `VIỆT NAM`, `Vietnam`,
 * `VN`) or as an ISO alpha-3 code into the alpha-3 code; `undefined` when it is neither.
 *
 * @example
 * ```ts
 * nationalityFromText('Việt Nam'); // 'VNM'
 * nationalityFromText('usa');      // 'USA'
 * ```
 */
export function nationalityFromText(text: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  const key = foldDiacritics(text).trim().toLowerCase().replace(/\s+/g, ' ');
  if (VIETNAM_NAMES.has(key)) return DEFAULT_NATIONALITY;
  const upper = key.toUpperCase();
  return countryCodeSet.has(upper) ? upper : undefined;
}

export { isoCountryCodes };
