import { formatPartialDate, isFullDate, normalizeText, type PartialDate } from '@cancuoc/core';
import { qrError } from './errors.js';
import { assertNoSeparator, type FieldName, fieldDetails } from './internal/fields.js';
import type { CardQr } from './parse-card-qr.js';

/** What {@link formatCardQr} writes: a {@link CardQr} without its warnings, `extra` optional. */
export type CardQrInput = Omit<CardQr, 'warnings' | 'extra'> & { readonly extra?: readonly string[] };

function date(value: PartialDate, field: FieldName): string {
  if (!isFullDate(value))
    throw qrError('ERR_QR_DATE_FORMAT', { ...fieldDetails(field), expected: 'ddMMyyyy' });
  return formatPartialDate(value, 'ddMMyyyy');
}

/**
 * Writes the text of a card QR code (the inverse of `parseCardQr`): seven `|`-separated fields,
 * then any `extra` fields. Text is NFC-normalised; an absent old ID or address is written as an
 * empty field, as the cards do.
 *
 * @throws CancuocError `ERR_QR_PERSONAL_ID`, `ERR_QR_LEGACY_ID`, `ERR_QR_NAME_EMPTY`,
 *   `ERR_QR_DATE_FORMAT` (a date without day or month), `ERR_QR_FIELD_SEPARATOR` (a value
 *   containing `|`).
 * @example
 * ```ts
 * formatCardQr({
 *   personalId: '001098012345', fullName: 'Nguyễn Văn A', sex: 'male',
 *   dateOfBirth: { year: 1998, month: 8, day: 15 }, dateOfIssue: { year: 2021, month: 5, day: 25 },
 *   permanentResidence: 'Hà Nội',
 * }) // '001098012345||Nguyễn Văn A|15081998|Nam|Hà Nội|25052021'
 * ```
 */
export function formatCardQr(data: CardQrInput): string {
  if (typeof data !== 'object' || data === null) throw new TypeError('formatCardQr expects an object');
  if (!/^\d{12}$/.test(data.personalId)) {
    throw qrError('ERR_QR_PERSONAL_ID', { ...fieldDetails('personalId'), reason: 'not 12 digits' });
  }
  const legacyId = data.legacyId ?? '';
  if (legacyId !== '' && !/^(?:\d{9}|\d{12})$/.test(legacyId)) {
    throw qrError('ERR_QR_LEGACY_ID', { ...fieldDetails('legacyId'), reason: 'not 9 or 12 digits' });
  }
  const fullName = normalizeText(data.fullName);
  if (fullName === '') throw qrError('ERR_QR_NAME_EMPTY', fieldDetails('fullName'));
  assertNoSeparator(fullName, 'fullName');
  const address = normalizeText(data.permanentResidence ?? '');
  assertNoSeparator(address, 'permanentResidence');
  const extra = (data.extra ?? []).map((value) => {
    assertNoSeparator(value, 'extra');
    return value.normalize('NFC');
  });
  if (data.sex !== 'male' && data.sex !== 'female') throw new TypeError("sex must be 'male' or 'female'");
  return [
    data.personalId,
    legacyId,
    fullName,
    date(data.dateOfBirth, 'dateOfBirth'),
    data.sex === 'male' ? 'Nam' : 'Nữ',
    address,
    date(data.dateOfIssue, 'dateOfIssue'),
    ...extra,
  ].join('|');
}
