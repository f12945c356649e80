/**
 * The form of a card check (`maThe, hoTen, ngaySinh, hoTenCb, cccdCb`, CV 1923/BHXH-CNTT 2024),
 * checked before anything is sent: a malformed query would only come back as a 205 or a 051.
 */
import { formatPartialDate, type PartialDate, safeParsePartialDate } from '@cancuoc/core';
import { safeParseInsuranceCode, safeParsePersonalId } from '@cancuoc/id-number';
import { insuranceError } from '../errors.js';

/** What a card check needs; see `InsuranceQuery` in check-card.ts. */
export interface QueryInput {
  readonly cardCode?: string | undefined;
  readonly personalId?: string | undefined;
  readonly fullName: string;
  readonly dateOfBirth: PartialDate | string;
}

/** The staff member doing the check (hoTenCb, cccdCb). */
export interface Staff {
  readonly fullName: string;
  readonly personalId: string;
}

const queryError = (reason: string, reasonVi: string, field: string, cause?: unknown) =>
  insuranceError('ERR_INSURANCE_QUERY', { reason, reasonVi, field }, cause === undefined ? {} : { cause });

/** NFC, trimmed, inner runs of spaces collapsed. */
export function cleanName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * `maThe`: the 15-character card code (a 20-character scan loses its facility suffix), the
 * 10-digit social insurance number of newer cards, or the 12-digit personal ID number.
 */
export function cardKey(query: Pick<QueryInput, 'cardCode' | 'personalId'>): string {
  if (query.cardCode !== undefined && query.cardCode !== '') {
    if (typeof query.cardCode !== 'string') throw new TypeError('cardCode must be a string');
    const r = safeParseInsuranceCode(query.cardCode, { normalize: true });
    if (!r.success) {
      throw queryError('the BHYT card code is not valid', 'mã thẻ BHYT không hợp lệ', 'cardCode', r.error);
    }
    return r.data.value;
  }
  if (query.personalId !== undefined && query.personalId !== '') {
    if (typeof query.personalId !== 'string') throw new TypeError('personalId must be a string');
    const r = safeParsePersonalId(query.personalId, { normalize: true });
    if (!r.success) {
      throw queryError(
        'the personal ID number is not valid',
        'số định danh cá nhân không hợp lệ',
        'personalId',
        r.error,
      );
    }
    return r.data.value;
  }
  throw queryError(
    'give the BHYT card code or the personal ID number',
    'cần mã thẻ BHYT hoặc số định danh cá nhân',
    'cardCode',
  );
}

/** `ngaySinh`: `dd/MM/yyyy`, or `yyyy` when the day or month is unknown (the gateway takes these two). */
export function birthDateText(value: PartialDate | string): string {
  let date: PartialDate;
  if (typeof value === 'string') {
    const r = safeParsePartialDate(value);
    if (!r.success) {
      throw queryError('the date of birth is not a date', 'ngày sinh không hợp lệ', 'dateOfBirth', r.error);
    }
    date = r.data;
  } else if (typeof value === 'object' && value !== null && Number.isInteger(value.year)) {
    const r = safeParsePartialDate(formatPartialDate(value, 'dd/MM/yyyy'));
    if (!r.success) {
      throw queryError('the date of birth is not a date', 'ngày sinh không hợp lệ', 'dateOfBirth', r.error);
    }
    date = r.data;
  } else {
    throw new TypeError('dateOfBirth must be a partial date { year, month?, day? } or text');
  }
  return date.day !== undefined ? formatPartialDate(date, 'dd/MM/yyyy') : formatPartialDate(date, 'yyyy');
}

/** The form fields of a card check (also sent to the visit-history function). */
export function cardCheckForm(query: QueryInput, staff: Staff): Record<string, string> {
  if (typeof query !== 'object' || query === null) throw new TypeError('checkCard expects a query object');
  if (typeof query.fullName !== 'string') throw new TypeError('fullName must be a string');
  const maThe = cardKey(query);
  const hoTen = cleanName(query.fullName);
  if (hoTen === '' || hoTen.length > 100) {
    throw queryError('the full name is empty or too long', 'họ và tên trống hoặc quá dài', 'fullName');
  }
  if (query.dateOfBirth === undefined) {
    throw queryError('the date of birth is missing', 'thiếu ngày sinh', 'dateOfBirth');
  }
  return {
    maThe,
    hoTen,
    ngaySinh: birthDateText(query.dateOfBirth),
    hoTenCb: staff.fullName,
    cccdCb: staff.personalId,
  };
}
