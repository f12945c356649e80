/**
 * Helpers shared by the card and BHYT payload codecs: scanner-text clean-up, field labels for
 * messages, strict dates and the sex field.
 */
import { createIssue, type Issue, type PartialDate, safeParsePartialDate } from '@cancuoc/core';
import { type QrErrorCode, qrError, qrErrorMessages } from '../errors.js';

/** Longest payload accepted: a card QR holds well under 1 kB, a version-40 QR at most 7089 characters. */
export const MAX_PAYLOAD_LENGTH = 8192;

/** English and Vietnamese labels of every field a QR codec reports on. */
export const LABELS = {
  personalId: ['personal ID number', 'số định danh cá nhân'],
  legacyId: ['old ID number', 'số CMND cũ'],
  fullName: ['full name', 'họ và tên'],
  dateOfBirth: ['date of birth', 'ngày sinh'],
  sex: ['sex', 'giới tính'],
  permanentResidence: ['permanent residence', 'nơi thường trú'],
  dateOfIssue: ['date of issue', 'ngày cấp'],
  extra: ['extra field', 'trường bổ sung'],
  cardCode: ['card code', 'mã thẻ'],
  address: ['address', 'địa chỉ'],
  primaryCareFacility: ['primary-care facility', 'nơi đăng ký KCB ban đầu'],
  validFrom: ['start of validity', 'ngày bắt đầu hiệu lực'],
  validTo: ['end of validity', 'ngày hết hiệu lực'],
  managementCode: ['management code', 'mã quản lý'],
  parents: ['parents', 'cha mẹ'],
  fiveYearDate: ['date of five years of continuous coverage', 'thời điểm đủ 5 năm liên tục'],
  issuingPlace: ['issuing place', 'nơi cấp'],
} as const satisfies Record<string, readonly [string, string]>;

/** A field name that has labels. */
export type FieldName = keyof typeof LABELS;

/** Details naming a field for a message template (`{label}`, `{labelVi}`), never its value. */
export function fieldDetails(field: FieldName): { field: FieldName; label: string; labelVi: string } {
  const [label, labelVi] = LABELS[field];
  return { field, label, labelVi };
}

/** A warning issue about one field. */
export function warning(code: QrErrorCode, path: readonly (string | number)[], field: FieldName): Issue {
  return createIssue(qrErrorMessages, code, path, fieldDetails(field), 'warning');
}

// Labels some scanner apps and integrations put in front of the payload ("CCCD: …", "QR=…").
export const LABEL_PREFIX_RE = /^(?:cccd|cc|căn cước|can cuoc|cancuoc|qr|bhyt|data)\s*[:=]\s*/iu;
// Control characters other than the field content (NUL, CR, LF, TAB are stripped at the ends).
const EDGE_RE = /^[\s\ufeff\u0000]+|[\s\ufeff\u0000]+$/g;

/**
 * Cleans text as scanners hand it over: checks it is a string of sane length, strips a BOM,
 * surrounding whitespace, CR/LF and a leading label, and NFC-normalises it (NFD input from
 * some keyboard-wedge scanners and macOS).
 */
export function cleanPayload(text: unknown, fn: string): string {
  if (typeof text !== 'string') throw new TypeError(`${fn} expects a string`);
  if (text.length > MAX_PAYLOAD_LENGTH) {
    throw qrError('ERR_QR_TOO_LONG', { length: text.length, max: MAX_PAYLOAD_LENGTH });
  }
  const cleaned = text.normalize('NFC').replace(EDGE_RE, '').replace(LABEL_PREFIX_RE, '');
  if (cleaned === '') throw qrError('ERR_QR_EMPTY');
  return cleaned;
}

/** Reads a full date in one layout, raising the QR codes for a bad layout or a non-existent day. */
export function parseFieldDate(
  value: string,
  field: FieldName,
  layout: 'ddMMyyyy' | 'dd/MM/yyyy',
  allowYearOnly = false,
): PartialDate {
  const text = value.trim();
  const pattern = layout === 'ddMMyyyy' ? /^\d{8}$/ : /^\d{2}\/\d{2}\/\d{4}$/;
  const yearOnly = allowYearOnly && /^\d{4}$/.test(text);
  if (!pattern.test(text) && !yearOnly) {
    throw qrError('ERR_QR_DATE_FORMAT', {
      ...fieldDetails(field),
      expected: allowYearOnly ? `${layout} or yyyy` : layout,
    });
  }
  const r = safeParsePartialDate(text, {
    format: yearOnly ? 'yyyy' : layout,
    requireFullDate: !yearOnly,
    minYear: 1850,
    maxYear: 2399,
  });
  if (r.success && (yearOnly || r.data.day !== undefined)) return r.data;
  const code =
    !r.success && r.error.code === 'ERR_DATE_RANGE' ? 'ERR_QR_DATE_FORMAT' : 'ERR_QR_DATE_CALENDAR';
  throw qrError(code, { ...fieldDetails(field), expected: layout }, r.success ? {} : { cause: r.error });
}

/** Whether a field contains U+FFFD, the mark scanners leave for a lost character. */
export function hasReplacement(text: string): boolean {
  return text.includes('\ufffd');
}

/** Rejects `|` in a value about to be written into a pipe-separated payload. */
export function assertNoSeparator(value: string, field: FieldName): void {
  if (value.includes('|')) throw qrError('ERR_QR_FIELD_SEPARATOR', fieldDetails(field));
}
