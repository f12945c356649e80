/**
 * Helpers shared by the card and BHYT payload codecs: scanner-text clean-up, field labels for
 * messages, strict dates and the sex field.
 */
import { createIssue, type Issue, isCalendarDate, normalizeText, type PartialDate } from '@cancuoc/core';
import { type QrErrorCode, qrError, qrErrorMessages } from '../errors.js';
import { repairMojibake } from './mojibake.js';

/** Longest payload accepted: a card QR holds well under 1 kB, a version-40 QR at most 7089 characters. */
export const MAX_PAYLOAD_LENGTH = 8192;

/** English and Vietnamese labels of every field a QR codec reports on. */
export const LABELS = {
  payload: ['QR text', 'nội dung mã QR'],
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

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
// Whitespace, BOM or NUL: what scanners leave around a payload.
const isEdge = (c: number): boolean =>
  c <= 32 || c === 0xfeff || c === 0xa0 || c === 0x85 || (c >= 0x2000 && c <= 0x3000);

/**
 * Cleans text as scanners hand it over: checks it is a string of sane length, strips a BOM,
 * surrounding whitespace, CR/LF and a leading label, and NFC-normalises it (NFD input from
 * some keyboard-wedge scanners and macOS).
 */
export function cleanPayload(text: unknown, fn: string): { payload: string; repaired: boolean } {
  if (typeof text !== 'string') throw new TypeError(`${fn} expects a string`);
  if (text.length > MAX_PAYLOAD_LENGTH) {
    throw qrError('ERR_QR_TOO_LONG', { length: text.length, max: MAX_PAYLOAD_LENGTH });
  }
  const repaired = repairMojibake(text);
  let cleaned = (repaired ?? text).normalize('NFC');
  if (isEdge(cleaned.charCodeAt(0)) || isEdge(cleaned.charCodeAt(cleaned.length - 1))) {
    cleaned = cleaned.replace(EDGE_RE, '');
  }
  // Payloads start with a digit (card QR) or a capital letter (BHYT); only others may carry a label.
  if (cleaned !== '' && !isDigit(cleaned.charCodeAt(0))) cleaned = cleaned.replace(LABEL_PREFIX_RE, '');
  if (cleaned === '') throw qrError('ERR_QR_EMPTY');
  return { payload: cleaned, repaired: repaired !== undefined };
}

const MIN_YEAR = 1850;
const MAX_YEAR = 2399;

/**
 * Reads a full date in one layout, raising the QR codes for a bad layout or a non-existent day.
 * Sliced by position rather than through `parsePartialDate`: the layout is fixed, and this runs
 * once per field of every scan (the codec's speed target is a million payloads a second).
 */
export function parseFieldDate(
  value: string,
  field: FieldName,
  layout: 'ddMMyyyy' | 'dd/MM/yyyy',
  allowYearOnly = false,
): PartialDate {
  const text = value.length === 8 || value.length === 10 ? value : value.trim();
  const expected = allowYearOnly ? `${layout} or yyyy` : layout;
  if (allowYearOnly && text.length === 4) {
    const year = digitsAt(text, 0, 4);
    if (year < MIN_YEAR || year > MAX_YEAR)
      throw qrError('ERR_QR_DATE_FORMAT', { ...fieldDetails(field), expected });
    return { year };
  }
  const compact = layout === 'ddMMyyyy';
  const slashed = !compact && text.charCodeAt(2) === 47 && text.charCodeAt(5) === 47;
  const day = text.length === (compact ? 8 : 10) && (compact || slashed) ? digitsAt(text, 0, 2) : -1;
  const month = digitsAt(text, compact ? 2 : 3, 2);
  const year = digitsAt(text, compact ? 4 : 6, 4);
  if (day < 0 || month < 0 || year < MIN_YEAR || year > MAX_YEAR) {
    throw qrError('ERR_QR_DATE_FORMAT', { ...fieldDetails(field), expected });
  }
  if (!isCalendarDate(year, month, day))
    throw qrError('ERR_QR_DATE_CALENDAR', { ...fieldDetails(field), expected });
  return { year, month, day };
}

/** The number written by `length` ASCII digits at `start`, or -1. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

// Anything `normalizeText` would change in NFC text (a space other than U+0020, two spaces in a
// row, a space at either end) or a C0/C1 control character: one scan tells whether either step
// has work to do.
const UNTIDY_RE =
  /[\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;
// C0 and C1 controls and DEL: no card prints them; a scanner or a forger put them there.
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;

/** `normalizeText` for text that is already NFC, skipping the work when there is nothing to do. */
export function tidy(text: string): string {
  return UNTIDY_RE.test(text) ? normalizeText(text) : text;
}

/**
 * {@link tidy} for a printed text field (name, address), refusing control characters before
 * they reach other systems.
 */
export function tidyText(text: string, field: FieldName): string {
  if (!UNTIDY_RE.test(text)) return text;
  const tidied = normalizeText(text);
  if (CONTROL_RE.test(tidied)) throw qrError('ERR_QR_CONTROL_CHARACTER', fieldDetails(field));
  return tidied;
}

/** Whether a field contains U+FFFD, the mark scanners leave for a lost character. */
export function hasReplacement(text: string): boolean {
  return text.includes('\ufffd');
}

/** Rejects `|` in a value about to be written into a pipe-separated payload. */
export function assertNoSeparator(value: string, field: FieldName): void {
  if (value.includes('|')) throw qrError('ERR_QR_FIELD_SEPARATOR', fieldDetails(field));
}
