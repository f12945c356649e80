/**
 * Cross-check of the personal ID number against the birth date and sex printed next to it.
 * The rules live in `@cancuoc/id-number` (`checkConsistency`); this file only turns its issues
 * into warnings on a parsed QR code: the QR is what the card says, and a front desk must see the
 * disagreement rather than lose the scan.
 */
import type { Issue, PartialDate } from '@cancuoc/core';
import { checkConsistency } from '@cancuoc/id-number';

/**
 * Warnings where the ID's encoded birth year or sex disagree with the fields
 * (`ERR_ID_BIRTH_YEAR_MISMATCH` at `['dateOfBirth']`, `ERR_ID_SEX_MISMATCH` at `['sex']`), or
 * where the number does not decode (e.g. `ERR_ID_PROVINCE_UNKNOWN` at `['personalId']`).
 */
export function crossCheckPersonalId(id: string, dateOfBirth: PartialDate, sex: 'male' | 'female'): Issue[] {
  return checkConsistency(id, { dateOfBirth, sex }).map((issue) => ({ ...issue, severity: 'warning' }));
}
