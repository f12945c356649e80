/**
 * From chip data groups to the SDK's shared types: `toCardData` fills `@cancuoc/schemas` CardData
 * from DG13 (Vietnamese text, diacritics kept) with DG1 as a fallback, and `toResident` turns it into
 * a ResidentRecord with a reference to the DG2 photo.
 */
import type { PartialDate } from '@cancuoc/core';
import { type CardData, cardDataToResident, type ResidentRecord } from '@cancuoc/schemas';
import { fail } from './errors.js';
import { parseDg1 } from './parse-dg1.js';
import { type FaceImage, parseDg2 } from './parse-dg2.js';
import { type Dg13, parseDg13 } from './parse-dg13.js';

/** Input of {@link toCardData} and {@link toResident}. */
export interface ToResidentInput {
  /** Data groups read from the chip (DG13 and/or DG1; DG2 for the photo). Verify them first. */
  readonly dataGroups: Readonly<Record<number, Uint8Array>>;
  /**
   * `cccd-2021` or `can-cuoc`; by default inferred from the date of issue (Căn cước cards are
   * issued from 1 July 2024, Law on Identification 26/2023/QH15 Art. 46).
   */
  readonly cardKind?: 'cccd-2021' | 'can-cuoc';
}

/** A resident record read from the chip, with the face image of DG2 when it was given. */
export type ChipResident = ResidentRecord & {
  /** The DG2 portrait (bytes, MIME type, size); never written anywhere by the SDK. */
  readonly photo?: FaceImage;
};

function before(a: PartialDate, y: number, m: number, d: number): boolean {
  return a.year * 10000 + (a.month ?? 12) * 100 + (a.day ?? 31) < y * 10000 + m * 100 + d;
}

/**
 * The card data of the chip as `CardData` (source `chip`).
 *
 * @throws CancuocError from the DG parsers, or `ERR_CHIP_STRUCTURE` when neither DG13 nor DG1 is given.
 * @example
 * ```ts
 * const card = toCardData({ dataGroups: { 1: dg1, 13: dg13 } });
 * card.fullName; // 'Nguyễn Văn An'
 * ```
 */
export function toCardData(input: ToResidentInput): CardData {
  const groups = input.dataGroups ?? {};
  const dg13: Dg13 | undefined = groups[13] ? parseDg13(groups[13]) : undefined;
  const mrz = groups[1] ? parseDg1(groups[1]).mrz : undefined;
  if (!dg13 && !mrz) throw fail('ERR_CHIP_STRUCTURE', { reason: 'DG13 or DG1 is needed' });
  // Both groups come from one chip: a personal ID that differs between them means mixed-up files.
  if (dg13?.personalId && mrz?.personalId && dg13.personalId !== mrz.personalId) {
    throw fail('ERR_CHIP_VALUE', { reason: 'the personal IDs in DG1 and DG13 differ' });
  }
  const personalId = dg13?.personalId ?? mrz?.personalId;
  const fullName = dg13?.fullName ?? (mrz ? `${mrz.surname} ${mrz.givenNames}`.trim() : undefined);
  const dateOfBirth = dg13?.dateOfBirth ?? mrz?.dateOfBirth;
  const sex = dg13?.sex ?? (mrz?.sex === 'unspecified' ? undefined : mrz?.sex);
  if (!personalId || !fullName || !dateOfBirth || !sex) {
    throw fail('ERR_CHIP_STRUCTURE', { reason: 'personal ID, name, birth date or sex is missing' });
  }
  const dateOfIssue = dg13?.dateOfIssue;
  const dateOfExpiry = dg13 && 'dateOfExpiry' in dg13 ? dg13.dateOfExpiry : mrz?.dateOfExpiry;
  const cardKind =
    input.cardKind ?? (dateOfIssue && !before(dateOfIssue, 2024, 7, 1) ? 'can-cuoc' : 'cccd-2021');
  const card: Record<string, unknown> = {
    cardKind,
    source: 'chip',
    personalId,
    fullName,
    dateOfBirth,
    sex,
    nationality: dg13?.nationality,
    ethnicity: dg13?.ethnicity,
    religion: dg13?.religion,
    placeOfOrigin: dg13?.placeOfOrigin,
    permanentResidence: dg13?.permanentResidence,
    identifyingMarks: dg13?.identifyingMarks,
    dateOfIssue,
    dateOfExpiry,
    father: dg13?.father,
    mother: dg13?.mother,
    spouse: dg13?.spouse,
    legacyId: dg13?.legacyId,
    cardId: dg13?.cardId,
  };
  for (const key of Object.keys(card)) if (card[key] === undefined) delete card[key];
  return card as CardData;
}

/**
 * A `@cancuoc/schemas` ResidentRecord from DG13 (+ DG1), with the DG2 photo attached.
 *
 * @throws CancuocError from the DG parsers, or `ERR_SCHEMA_INVALID` (with issues) from schemas.
 * @example
 * ```ts
 * const report = await verifyPassive({ sod, dataGroups, trust });
 * if (report.verified) {
 *   const resident = toResident({ dataGroups });
 *   resident.permanentResidence?.text;
 * }
 * ```
 */
export function toResident(input: ToResidentInput): ChipResident {
  const resident = cardDataToResident(toCardData(input));
  const dg2 = input.dataGroups?.[2];
  const photo = dg2 ? parseDg2(dg2).faces[0] : undefined;
  return photo ? { ...resident, photo } : resident;
}
