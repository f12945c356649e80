/**
 * Cross-check of the personal ID number against the birth date and sex printed next to it.
 * The rules live in `@cancuoc/id-number` (`checkConsistency`); this file only adapts its issues
 * into warnings on a parsed QR code.
 */
import type { Issue, PartialDate } from '@cancuoc/core';

/** Issues (as warnings) where the ID's encoded birth year or sex disagree with the fields. */
export function crossCheckPersonalId(
  _id: string,
  _dateOfBirth: PartialDate,
  _sex: 'male' | 'female',
): Issue[] {
  // Wired to @cancuoc/id-number's checkConsistency once that package lands.
  return [];
}
