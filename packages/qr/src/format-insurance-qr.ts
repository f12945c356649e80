import { formatPartialDate, isFullDate, normalizeText, type PartialDate } from '@cancuoc/core';
import { qrError } from './errors.js';
import { assertNoSeparator, type FieldName, fieldDetails } from './internal/fields.js';
import { encodeHexText } from './internal/hex-text.js';
import { type InsuranceQr, parseCardCode } from './parse-insurance-qr.js';

/** What {@link formatInsuranceQr} writes: an {@link InsuranceQr} without its derived parts. */
export type InsuranceQrInput = Omit<InsuranceQr, 'warnings' | 'card' | 'extra' | 'primaryCareFacility'> & {
  /** `79 - 032` as printed, or the 5-character code (`79032`), written as `79 - 032`. */
  readonly primaryCareFacility: string;
};

function fullDate(value: PartialDate, field: FieldName): string {
  if (!isFullDate(value))
    throw qrError('ERR_QR_DATE_FORMAT', { ...fieldDetails(field), expected: 'dd/MM/yyyy' });
  return formatPartialDate(value, 'dd/MM/yyyy');
}

/**
 * Writes the text of a BHYT card QR code (the inverse of `parseInsuranceQr`): names and
 * addresses as hex of their UTF-8 bytes, absent optional fields as `-`, `$` at the end. Useful to
 * make test payloads and to re-print a card's QR.
 *
 * @throws CancuocError `ERR_QR_INSURANCE_CODE`, `ERR_QR_NAME_EMPTY`, `ERR_QR_DATE_FORMAT`,
 *   `ERR_QR_FIELD_SEPARATOR`.
 * @example
 * ```ts
 * formatInsuranceQr({
 *   cardCode: 'GD4790123456789', fullName: 'Nguyễn Văn A', dateOfBirth: { year: 1990 }, sex: 'male',
 *   primaryCareFacility: '79 - 001', validFrom: { year: 2024, month: 1, day: 1 }, validTo: null,
 *   dateOfIssue: { year: 2023, month: 12, day: 15 },
 * }) // 'GD4790123456789|4e677579e1bb856e2056c4836e2041|1990|1|-|79 - 001|01/01/2024|-|15/12/2023|$'
 * ```
 */
export function formatInsuranceQr(data: InsuranceQrInput): string {
  if (typeof data !== 'object' || data === null) throw new TypeError('formatInsuranceQr expects an object');
  parseCardCode(data.cardCode);
  if (/[^A-Z0-9]/.test(data.cardCode)) {
    throw qrError('ERR_QR_INSURANCE_CODE', {
      ...fieldDetails('cardCode'),
      reason: 'not upper-case letters and digits',
    });
  }
  const fullName = normalizeText(data.fullName);
  if (fullName === '') throw qrError('ERR_QR_NAME_EMPTY', fieldDetails('fullName'));
  const facility = normalizeText(data.primaryCareFacility);
  const facilityText = /^\d{2}[0-9A-Z]{3}$/.test(facility)
    ? `${facility.slice(0, 2)} - ${facility.slice(2)}`
    : facility;
  assertNoSeparator(facilityText, 'primaryCareFacility');
  const hex = (value: string | undefined): string => {
    const text = normalizeText(value ?? '');
    return text === '' ? '-' : encodeHexText(text);
  };
  const plain = (value: string | undefined, field: FieldName): string => {
    const text = value?.trim() ?? '';
    assertNoSeparator(text, field);
    return text === '' ? '-' : text;
  };
  const birth = isFullDate(data.dateOfBirth)
    ? fullDate(data.dateOfBirth, 'dateOfBirth')
    : String(data.dateOfBirth.year).padStart(4, '0');
  if (!isFullDate(data.dateOfBirth) && data.dateOfBirth.month !== undefined) {
    throw qrError('ERR_QR_DATE_FORMAT', { ...fieldDetails('dateOfBirth'), expected: 'dd/MM/yyyy or yyyy' });
  }
  const fields = [
    data.cardCode,
    hex(fullName),
    birth,
    data.sex === 'male' ? '1' : '2',
    hex(data.address),
    facilityText,
    fullDate(data.validFrom, 'validFrom'),
    data.validTo === null ? '-' : fullDate(data.validTo, 'validTo'),
    fullDate(data.dateOfIssue, 'dateOfIssue'),
  ];
  const tail = [
    plain(data.managementCode, 'managementCode'),
    hex(data.parents),
    plain(data.field11, 'extra'),
    data.fiveYearDate === undefined ? '-' : fullDate(data.fiveYearDate, 'fiveYearDate'),
    plain(data.checkField, 'extra'),
  ];
  const hasTail =
    data.managementCode !== undefined ||
    data.parents !== undefined ||
    data.field11 !== undefined ||
    data.fiveYearDate !== undefined ||
    data.checkField !== undefined ||
    data.issuingPlace !== undefined;
  if (hasTail) fields.push(...tail);
  // New cards: `4`, then the issuing place in hex (reference notes §5.2).
  if (data.issuingPlace !== undefined) fields.push('4', hex(data.issuingPlace));
  fields.push('$');
  return fields.join('|');
}
