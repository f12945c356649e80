/**
 * The QR code printed on the chip citizen ID card (CCCD, 2021) and the Căn cước card (2024).
 *
 * Layout (plain text, unsigned, `|`-separated; cancuoc reference notes cccd-formats.md §1.2,
 * confirmed by the Ministry of Public Security's C06 description of the 7 fields):
 * `personalId | legacyId (may be empty) | fullName | ddMMyyyy birth | Nam/Nữ | permanent
 * residence (may be empty) | ddMMyyyy issue`. The Căn cước card may append fields (Decree
 * 70/2024/NĐ-CP Art. 12(1)); they are returned as `extra` and never rejected.
 */
import { comparePartialDates, type Issue, type PartialDate, toSafe } from '@cancuoc/core';
import type { Sex } from '@cancuoc/id-number';
import { qrError } from './errors.js';
import {
  cleanPayload,
  type FieldName,
  fieldDetails,
  hasReplacement,
  parseFieldDate,
  tidyText,
  warning,
} from './internal/fields.js';
import { crossCheckPersonalId } from './internal/id-check.js';

/** Sex as the SDK names it (`giới tính`: Nam = male, Nữ = female), shared with `@cancuoc/id-number`. */
export type { Sex } from '@cancuoc/id-number';

/** The fields of a card QR code (mã QR trên thẻ căn cước / CCCD), NFC-normalised. */
export interface CardQr {
  /** Personal ID number (số định danh cá nhân), 12 digits. */
  readonly personalId: string;
  /** Old ID number (số CMND), 9 or 12 digits; absent when the field is empty. */
  readonly legacyId?: string;
  /** Full name (họ và tên) as printed, diacritics kept. */
  readonly fullName: string;
  /** Date of birth (ngày sinh), always a full date on the card QR. */
  readonly dateOfBirth: PartialDate;
  readonly sex: Sex;
  /** Permanent residence (nơi thường trú) as printed; absent when the field is empty. */
  readonly permanentResidence?: string;
  /** Date of issue (ngày cấp). */
  readonly dateOfIssue: PartialDate;
  /** Fields after the seventh (Căn cước cards), verbatim. */
  readonly extra: readonly string[];
  /**
   * Problems that did not stop parsing: text repaired from the wrong character set
   * (`ERR_QR_MOJIBAKE_REPAIRED`), replacement characters left by a scanner
   * (`ERR_QR_REPLACEMENT_CHARACTER`), and disagreements between the personal ID number and the
   * birth date or sex (`ERR_ID_BIRTH_YEAR_MISMATCH`, `ERR_ID_SEX_MISMATCH` from `@cancuoc/id-number`).
   */
  readonly warnings: readonly Issue[];
}

/**
 * Number of fields every card QR has (a Căn cước card may add more).
 *
 * @example
 * ```ts
 * text.split('|').length >= CARD_QR_FIELD_COUNT
 * ```
 */
export const CARD_QR_FIELD_COUNT = 7;

const FIELD_NAMES: readonly FieldName[] = [
  'personalId',
  'legacyId',
  'fullName',
  'dateOfBirth',
  'sex',
  'permanentResidence',
  'dateOfIssue',
];

/** @internal Reads `Nam` / `Nữ`, tolerating `Nu` and a `Nữ` whose `ữ` a scanner lost. */
export function parseCardSex(value: string): Sex {
  const t = value.trim().toLocaleLowerCase('vi');
  if (t === 'nam') return 'male';
  // `Nu`: the same word typed or printed without diacritics; `N�`: ữ lost by a keyboard-wedge scanner.
  if (t === 'nữ' || t === 'nu' || /^n\ufffd{1,3}$/.test(t)) return 'female';
  throw qrError('ERR_QR_SEX', { expected: 'Nam / Nữ' });
}

function parsePersonalIdField(value: string): string {
  const id = value.trim();
  if (!/^\d{12}$/.test(id)) {
    throw qrError('ERR_QR_PERSONAL_ID', {
      ...fieldDetails('personalId'),
      reason: /^\d*$/.test(id) ? `${id.length} digits` : 'not only digits',
      length: id.length,
    });
  }
  return id;
}

function parseLegacyIdField(value: string): string | undefined {
  const id = value.trim();
  if (id === '') return undefined;
  // 9-digit CMND, or the 12-digit CMND issued around 2012–2016 (reference notes §1.2, §4.2).
  if (!/^(?:\d{9}|\d{12})$/.test(id)) {
    throw qrError('ERR_QR_LEGACY_ID', {
      ...fieldDetails('legacyId'),
      reason: /^\d*$/.test(id) ? `${id.length} digits` : 'not only digits',
      length: id.length,
    });
  }
  return id;
}

/**
 * Parses the text of a card QR code, as a camera decoder or a keyboard-wedge scanner hands it
 * over. Tolerates what scanners really produce: surrounding whitespace and CR/LF, a leading
 * label (`CCCD: …`), decomposed (NFD) text, `Nu` for `Nữ`, UTF-8 read as Windows-1252
 * (repaired) and U+FFFD replacement characters (both reported as warnings). Empty old-ID and address fields are allowed; fields after the
 * seventh are kept in `extra`.
 *
 * @throws CancuocError `ERR_QR_EMPTY`, `ERR_QR_TOO_LONG`, `ERR_QR_FIELD_COUNT` (fewer than 7
 *   fields), `ERR_QR_PERSONAL_ID`, `ERR_QR_LEGACY_ID`, `ERR_QR_NAME_EMPTY`, `ERR_QR_CONTROL_CHARACTER`,
 *   `ERR_QR_DATE_FORMAT`,
 *   `ERR_QR_DATE_CALENDAR` (e.g. 31/02), `ERR_QR_DATE_ORDER` (issued before birth), `ERR_QR_SEX`.
 * @throws TypeError when `text` is not a string.
 * @example
 * ```ts
 * const qr = parseCardQr('001098012345||NGUYỄN VĂN A|15081998|Nam|Hà Nội|25052021');
 * qr.dateOfBirth // { year: 1998, month: 8, day: 15 }
 * qr.warnings    // [] when the ID agrees with the birth year and sex
 * ```
 */
export function parseCardQr(text: string): CardQr {
  const { payload, repaired } = cleanPayload(text, 'parseCardQr');
  const fields = payload.split('|');
  if (fields.length < CARD_QR_FIELD_COUNT) {
    throw qrError('ERR_QR_FIELD_COUNT', { count: fields.length, expected: CARD_QR_FIELD_COUNT });
  }
  const [idText, legacyText, nameText, birthText, sexText, addressText, issueText] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const personalId = parsePersonalIdField(idText);
  const legacyId = parseLegacyIdField(legacyText);
  const fullName = tidyText(nameText, 'fullName');
  if (fullName === '') throw qrError('ERR_QR_NAME_EMPTY', fieldDetails('fullName'));
  const dateOfBirth = parseFieldDate(birthText, 'dateOfBirth', 'ddMMyyyy');
  const sex = parseCardSex(sexText);
  const permanentResidence = tidyText(addressText, 'permanentResidence');
  const dateOfIssue = parseFieldDate(issueText, 'dateOfIssue', 'ddMMyyyy');
  if ((comparePartialDates(dateOfIssue, dateOfBirth) ?? 0) < 0) {
    throw qrError('ERR_QR_DATE_ORDER', {
      ...fieldDetails('dateOfIssue'),
      beforeLabel: 'date of birth',
      beforeLabelVi: 'ngày sinh',
    });
  }
  const extra = fields.slice(CARD_QR_FIELD_COUNT);

  const warnings: Issue[] = repaired ? [warning('ERR_QR_MOJIBAKE_REPAIRED', [], 'payload')] : [];
  fields.forEach((value, i) => {
    if (!hasReplacement(value)) return;
    const name = FIELD_NAMES[i];
    warnings.push(
      name === undefined
        ? warning('ERR_QR_REPLACEMENT_CHARACTER', ['extra', i - CARD_QR_FIELD_COUNT], 'extra')
        : warning('ERR_QR_REPLACEMENT_CHARACTER', [name], name),
    );
  });
  warnings.push(...crossCheckPersonalId(personalId, dateOfBirth, sex));

  return {
    personalId,
    ...(legacyId === undefined ? {} : { legacyId }),
    fullName,
    dateOfBirth,
    sex,
    ...(permanentResidence === '' ? {} : { permanentResidence }),
    dateOfIssue,
    extra,
    warnings,
  };
}

/**
 * {@link parseCardQr} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * const r = safeParseCardQr('001099012345||Nguyễn Văn A|31022000|Nam|Hà Nội|01012021');
 * if (!r.success) console.error(r.error.code); // 'ERR_QR_DATE_CALENDAR'
 * ```
 */
export const safeParseCardQr = toSafe(parseCardQr);
