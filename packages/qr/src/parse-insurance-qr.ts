/**
 * The QR code printed on the health-insurance card (thẻ BHYT).
 *
 * Layout (`|`-separated, ends with `$`; reference notes cccd-formats.md §5.2, from three public
 * samples and three independent parsers): card code | name (hex UTF-8) | birth date dd/MM/yyyy or
 * yyyy | sex 1/2 | address (hex, `-` on new cards) | facility `PP - XXX` | valid from | valid to
 * (`-` = open) | issue date | management code | parents (hex, `-`) | a small code | date of five
 * years' continuous coverage | check field `<16 hex>-<4 digits>` (algorithm not public) |
 * new cards only: `4`, issuing place (hex) | `$`. Older cards stop after the issue date.
 */
import { type Issue, type PartialDate, toSafe } from '@cancuoc/core';
import { type InsuranceCode, safeParseInsuranceCode } from '@cancuoc/id-number';
import { qrError } from './errors.js';
import {
  cleanPayload,
  type FieldName,
  fieldDetails,
  hasReplacement,
  parseFieldDate,
  tidy,
  tidyText,
  warning,
} from './internal/fields.js';
import { decodeHexText } from './internal/hex-text.js';
import type { Sex } from './parse-card-qr.js';

/** The fields of a BHYT card QR code. Hex fields are decoded; see `warnings` for those kept raw. */
export interface InsuranceQr {
  /** The card code as printed (`insuranceCardCode`): 15 characters or 10 digits. */
  readonly cardCode: string;
  /**
   * The card code decoded by `@cancuoc/id-number`: beneficiary group, benefit level, province and
   * social-insurance number (mã số BHXH) of a 15-character code, or the 10-digit number alone.
   */
  readonly card: InsuranceCode;
  /** Full name, decoded from hex UTF-8 (kept as read when it is not hex; see `warnings`). */
  readonly fullName: string;
  /** Date of birth: a full date or the year alone. */
  readonly dateOfBirth: PartialDate;
  readonly sex: Sex;
  /** Address (old cards), decoded from hex; absent when `-`. */
  readonly address?: string;
  /**
   * The `PP - XXX` field: `code` is the 5-character primary-care facility code (mã ĐKBĐ, as
   * `79032`). Public parsers disagree on this field's meaning (one calls it an object code), so
   * `text` keeps it as printed.
   */
  readonly primaryCareFacility: { readonly text: string; readonly code?: string };
  /** Start of validity. */
  readonly validFrom: PartialDate;
  /** End of validity; `null` when the card has none (`-`). */
  readonly validTo: PartialDate | null;
  /** Date of issue. */
  readonly dateOfIssue: PartialDate;
  /** Management code (e.g. `7909002xxxxx`), verbatim. */
  readonly managementCode?: string;
  /** Parents' names (children's cards), decoded from hex; absent when `-`. */
  readonly parents?: string;
  /** Field 11, a one-digit code whose meaning is not public, verbatim. */
  readonly field11?: string;
  /** Date of five years of continuous coverage (thời điểm đủ 5 năm liên tục). */
  readonly fiveYearDate?: PartialDate;
  /** The check field (`<16 hex>-<4 digits>`), verbatim: its algorithm is not public. */
  readonly checkField?: string;
  /** Issuing place (new cards), decoded from hex. */
  readonly issuingPlace?: string;
  /** Fields after the check field, before `$`, verbatim. */
  readonly extra: readonly string[];
  /** Fields kept raw (`ERR_QR_HEX_UNDECODED`), replacement characters, an unusual facility field. */
  readonly warnings: readonly Issue[];
}

/** Fields before `$` on the shortest (old) card QR: code … issue date. */
const MIN_FIELDS = 9;

/** @internal Reads the card code with `@cancuoc/id-number`; a QR holds 15 characters or 10 digits. */
export function parseCardCode(value: string): InsuranceCode {
  const r = safeParseInsuranceCode(value.trim().toUpperCase());
  if (r.success && r.data.format !== 'card-with-facility') return r.data;
  throw qrError(
    'ERR_QR_INSURANCE_CODE',
    { ...fieldDetails('cardCode'), reason: r.success ? '20 characters' : r.error.code },
    r.success ? {} : { cause: r.error },
  );
}

function optional(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' || v === '-' ? undefined : v;
}

/**
 * Parses the text of a BHYT (health-insurance) card QR code. Hex-encoded fields (name, address,
 * parents, issuing place) are decoded defensively: a value that is not even-length hex or not
 * valid UTF-8 is kept as read, with an `ERR_QR_HEX_UNDECODED` warning.
 *
 * @throws CancuocError `ERR_QR_EMPTY`, `ERR_QR_TOO_LONG`, `ERR_QR_INSURANCE_TERMINATOR` (no `$`),
 *   `ERR_QR_FIELD_COUNT` (fewer than 9 fields before `$`), `ERR_QR_INSURANCE_CODE`,
 *   `ERR_QR_NAME_EMPTY`, `ERR_QR_CONTROL_CHARACTER` (in a field kept as read), `ERR_QR_DATE_FORMAT`,
 *   `ERR_QR_DATE_CALENDAR`, `ERR_QR_SEX`.
 * @throws TypeError when `text` is not a string.
 * @example
 * ```ts
 * const qr = parseInsuranceQr('GD4790123456789|4e677579e1bb856e2056c4836e2041|01/01/1990|1|-|79 - 001|01/01/2024|31/12/2024|15/12/2023|$');
 * qr.fullName // 'Nguyễn Văn A'
 * qr.card.benefitLevel // 4
 * ```
 */
export function parseInsuranceQr(text: string): InsuranceQr {
  const { payload, repaired } = cleanPayload(text, 'parseInsuranceQr');
  const all = payload.split('|');
  if (all[all.length - 1]?.trim() !== '$') throw qrError('ERR_QR_INSURANCE_TERMINATOR');
  const fields = all.slice(0, -1);
  if (fields.length < MIN_FIELDS) {
    throw qrError('ERR_QR_FIELD_COUNT', { count: fields.length, expected: MIN_FIELDS });
  }
  const at = (i: number): string => fields[i] ?? '';
  const warnings: Issue[] = repaired ? [warning('ERR_QR_MOJIBAKE_REPAIRED', [], 'payload')] : [];
  const hexText = (value: string, field: FieldName): string => {
    const decoded = decodeHexText(value.trim());
    if (decoded !== undefined) return tidy(decoded);
    const kept = tidyText(value, field);
    warnings.push(warning('ERR_QR_HEX_UNDECODED', [field], field));
    return kept;
  };

  const cardCode = at(0).trim().toUpperCase();
  const card = parseCardCode(cardCode);
  const fullName = hexText(at(1), 'fullName');
  if (fullName === '') throw qrError('ERR_QR_NAME_EMPTY', fieldDetails('fullName'));
  const dateOfBirth = parseFieldDate(at(2), 'dateOfBirth', 'dd/MM/yyyy', true);
  const sexCode = at(3).trim();
  // Field 3: 1 = Nam (male), 2 = Nữ (female).
  if (sexCode !== '1' && sexCode !== '2') throw qrError('ERR_QR_SEX', { expected: '1 / 2' });
  const sex: Sex = sexCode === '1' ? 'male' : 'female';
  const addressRaw = optional(at(4));
  const facilityText = tidy(at(5));
  const facility = /^(\d{2})\s*-\s*([0-9A-Z]{3})$/i.exec(facilityText);
  if (!facility)
    warnings.push(warning('ERR_QR_INSURANCE_FACILITY', ['primaryCareFacility'], 'primaryCareFacility'));
  const validFrom = parseFieldDate(at(6), 'validFrom', 'dd/MM/yyyy');
  const validTo = optional(at(7)) === undefined ? null : parseFieldDate(at(7), 'validTo', 'dd/MM/yyyy');
  const dateOfIssue = parseFieldDate(at(8), 'dateOfIssue', 'dd/MM/yyyy');
  const managementCode = optional(at(9));
  const parentsRaw = optional(at(10));
  const field11 = optional(at(11));
  const fiveYearText = optional(at(12));
  const fiveYearDate =
    fiveYearText === undefined ? undefined : parseFieldDate(fiveYearText, 'fiveYearDate', 'dd/MM/yyyy');
  const checkField = optional(at(13));
  const extra = fields.slice(14);
  // New cards (one public sample): `4`, then the issuing place in hex.
  const placeRaw = extra.length >= 2 ? optional(extra[1]) : undefined;
  const issuingPlace = placeRaw === undefined ? undefined : decodeHexText(placeRaw);

  const address = addressRaw === undefined ? undefined : hexText(addressRaw, 'address');
  const parents = parentsRaw === undefined ? undefined : hexText(parentsRaw, 'parents');
  for (const [field, value] of [
    ['fullName', fullName],
    ['address', address],
    ['parents', parents],
  ] as const) {
    if (value !== undefined && hasReplacement(value)) {
      warnings.push(warning('ERR_QR_REPLACEMENT_CHARACTER', [field], field));
    }
  }

  return {
    cardCode,
    card,
    fullName,
    dateOfBirth,
    sex,
    ...(address === undefined ? {} : { address }),
    primaryCareFacility: facility
      ? { text: facilityText, code: `${facility[1]}${facility[2]!.toUpperCase()}` }
      : { text: facilityText },
    validFrom,
    validTo,
    dateOfIssue,
    ...(managementCode === undefined ? {} : { managementCode }),
    ...(parents === undefined ? {} : { parents }),
    ...(field11 === undefined ? {} : { field11 }),
    ...(fiveYearDate === undefined ? {} : { fiveYearDate }),
    ...(checkField === undefined ? {} : { checkField }),
    ...(issuingPlace === undefined ? {} : { issuingPlace: tidy(issuingPlace) }),
    extra,
    warnings,
  };
}

/**
 * {@link parseInsuranceQr} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * const r = safeParseInsuranceQr('not a BHYT QR');
 * if (!r.success) console.error(r.error.code); // 'ERR_QR_INSURANCE_TERMINATOR'
 * ```
 */
export const safeParseInsuranceQr = toSafe(parseInsuranceQr);
