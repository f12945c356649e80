import { icaoCheckDigit, type PartialDate } from '@cancuoc/core';
import { fail } from './errors.js';

/**
 * MRZ access key (khóa truy cập từ MRZ): document number, birth date and expiry date as printed in
 * the MRZ, dates as `YYMMDD`. On a CCCD / Căn cước card the document number is the last 9 digits
 * of the 12-digit personal ID (số định danh cá nhân).
 */
export interface MrzAccessKey {
  readonly documentNumber: string;
  readonly dateOfBirth: string;
  readonly dateOfExpiry: string;
}

/** CAN access key (card access number): on a CCCD / Căn cước card, the last 6 digits of the ID. */
export interface CanAccessKey {
  readonly can: string;
}

/** What unlocks the chip: MRZ values (BAC or PACE) or the CAN (PACE only). */
export type AccessKey = MrzAccessKey | CanAccessKey;

const YYMMDD = /^\d{6}$/;

function toYymmdd(value: string | PartialDate | null, what: string, noExpiry: boolean): string {
  if (value === null) {
    // DESIGN facts: a card without expiry carries 991231 in its MRZ.
    if (noExpiry) return '991231';
    throw fail('ERR_READER_ACCESS_INVALID', { reason: `${what} is required` });
  }
  if (typeof value === 'object') {
    if (value.month === undefined || value.day === undefined) {
      throw fail('ERR_READER_ACCESS_INVALID', { reason: `${what} must be a full date` });
    }
    return (
      String(value.year % 100).padStart(2, '0') +
      String(value.month).padStart(2, '0') +
      String(value.day).padStart(2, '0')
    );
  }
  const text = value.trim();
  if (YYMMDD.test(text)) return text;
  const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (dmy) return `${dmy[3]?.slice(2)}${dmy[2]}${dmy[1]}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return `${iso[1]?.slice(2)}${iso[2]}${iso[3]}`;
  throw fail('ERR_READER_ACCESS_INVALID', { reason: `${what} must be YYMMDD, dd/MM/yyyy or yyyy-MM-dd` });
}

/**
 * Builds the MRZ access key of a CCCD / Căn cước card from its 12-digit personal ID and dates:
 * the MRZ document number is the ID's last 9 digits (ICAO TD1 as issued in Viet Nam).
 *
 * @param personalId - the 12-digit personal ID (số định danh cá nhân).
 * @param dateOfBirth - `YYMMDD`, `dd/MM/yyyy`, `yyyy-MM-dd` or a full `PartialDate`.
 * @param dateOfExpiry - same formats; `null` for a card without expiry (MRZ `991231`).
 * @throws CancuocError `ERR_READER_ACCESS_INVALID` when the ID or a date is malformed.
 * @example
 * ```ts
 * const access = accessFromPersonalId('001098012345', '12/03/1998', '12/03/2038');
 * // { documentNumber: '098012345', dateOfBirth: '980312', dateOfExpiry: '380312' }
 * ```
 */
export function accessFromPersonalId(
  personalId: string,
  dateOfBirth: string | PartialDate,
  dateOfExpiry: string | PartialDate | null,
): MrzAccessKey {
  if (typeof personalId !== 'string') throw new TypeError('personalId must be a string');
  const id = personalId.trim();
  if (!/^\d{12}$/.test(id)) throw fail('ERR_READER_ACCESS_INVALID', { reason: 'the ID must have 12 digits' });
  return {
    documentNumber: id.slice(3),
    dateOfBirth: toYymmdd(dateOfBirth, 'date of birth', false),
    dateOfExpiry: toYymmdd(dateOfExpiry, 'date of expiry', true),
  };
}

/**
 * Builds the CAN access key of a CCCD / Căn cước card from its 12-digit personal ID: the card
 * access number printed on the card is the ID's last 6 digits.
 *
 * @throws CancuocError `ERR_READER_ACCESS_INVALID` when the ID is not 12 digits.
 * @example
 * ```ts
 * canFromPersonalId('001098012345'); // { can: '012345' }
 * ```
 */
export function canFromPersonalId(personalId: string): CanAccessKey {
  if (typeof personalId !== 'string') throw new TypeError('personalId must be a string');
  const id = personalId.trim();
  if (!/^\d{12}$/.test(id)) throw fail('ERR_READER_ACCESS_INVALID', { reason: 'the ID must have 12 digits' });
  return { can: id.slice(6) };
}

/** An access key once validated: the MRZ information string (9303-11 §9.7.2) or the CAN. */
export type CheckedAccess =
  | { readonly kind: 'mrz'; readonly mrzInformation: string }
  | { readonly kind: 'can'; readonly can: string };

/**
 * Validates an access key and computes its MRZ information string (9303-11 §9.7.2: document number,
 * date of birth and date of expiry, each with its check digit), or keeps the CAN.
 *
 * @throws CancuocError `ERR_READER_ACCESS_INVALID` for a CAN that is not 6 digits or MRZ fields
 *   that are malformed; TypeError when `access` is not an object.
 * @example
 * ```ts
 * checkAccess({ documentNumber: 'L898902C', dateOfBirth: '690806', dateOfExpiry: '940623' });
 * // { kind: 'mrz', mrzInformation: 'L898902C<369080619406236' }
 * ```
 */
export function checkAccess(access: AccessKey): CheckedAccess {
  if (typeof access !== 'object' || access === null) throw new TypeError('access must be an object');
  if ('can' in access) {
    if (typeof access.can !== 'string' || !/^\d{6}$/.test(access.can.trim())) {
      throw fail('ERR_READER_ACCESS_INVALID', { reason: 'the CAN must have 6 digits' });
    }
    return { kind: 'can', can: access.can.trim() };
  }
  const { documentNumber, dateOfBirth, dateOfExpiry } = access as MrzAccessKey;
  if (typeof documentNumber !== 'string' || !/^[A-Z0-9<]{1,22}$/.test(documentNumber.trim().toUpperCase())) {
    throw fail('ERR_READER_ACCESS_INVALID', {
      reason: 'the document number must be 1 to 22 letters or digits',
    });
  }
  if (typeof dateOfBirth !== 'string' || !YYMMDD.test(dateOfBirth)) {
    throw fail('ERR_READER_ACCESS_INVALID', { reason: 'the date of birth must be YYMMDD' });
  }
  if (typeof dateOfExpiry !== 'string' || !YYMMDD.test(dateOfExpiry)) {
    throw fail('ERR_READER_ACCESS_INVALID', { reason: 'the date of expiry must be YYMMDD' });
  }
  // ICAO 9303-11 §9.7.2: document number padded with '<' to 9 characters (longer numbers in full).
  const doc = documentNumber.trim().toUpperCase().padEnd(9, '<');
  const digit = (field: string): string => {
    const d = icaoCheckDigit(field);
    // Unreachable after the checks above; refuse rather than guess.
    if (d === undefined) throw fail('ERR_READER_ACCESS_INVALID', { reason: 'not an MRZ character' });
    return String(d);
  };
  const info = doc + digit(doc) + dateOfBirth + digit(dateOfBirth) + dateOfExpiry + digit(dateOfExpiry);
  return { kind: 'mrz', mrzInformation: info };
}

/** PACE password reference of MSE:Set AT (9303-11 §4.4.4.1): 01 MRZ, 02 CAN. */
export function passwordReference(access: CheckedAccess): number {
  return access.kind === 'mrz' ? 1 : 2;
}
