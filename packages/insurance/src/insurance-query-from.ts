/**
 * From what the other packages read to the input of a card check, so that "read card → check
 * insurance" is two lines. The source is recognised by its shape, not by importing the other
 * packages: `CardData` / `ResidentRecord` (`@cancuoc/schemas`, also from the chip's `toCardData` and
 * `toResident`), a parsed card QR (`CardQr`) or BHYT QR (`InsuranceQr`) or the tagged result of
 * `readIdentityQr` (`@cancuoc/qr`), an e-ID identity (`EidIdentity`, `@cancuoc/eid`), or typed fields.
 */
import type { PartialDate } from '@cancuoc/core';
import type { InsuranceQuery } from './check-card.js';
import { insuranceError } from './errors.js';

/**
 * The fields a source may carry: every shape named above has at least these (the personal ID
 * number or the BHYT card code, the full name, the date of birth).
 */
export interface InsuranceQueryFields {
  /** BHYT card code (`InsuranceQr.cardCode`, typed fields). */
  readonly cardCode?: string | undefined;
  /** Personal ID number (`CardData`, `ResidentRecord`, `CardQr`, `EidIdentity`). */
  readonly personalId?: string | undefined;
  readonly fullName?: string | undefined;
  readonly dateOfBirth?: SourceDate | string | undefined;
}

/** A partial date as the sources type it (zod-inferred types allow explicit `undefined`). */
export interface SourceDate {
  readonly year: number;
  readonly month?: number | undefined;
  readonly day?: number | undefined;
}

/**
 * What {@link insuranceQueryFrom} accepts: a record with the fields above, or the tagged result of
 * `readIdentityQr` (`{ kind: 'card', card }` / `{ kind: 'insurance', insurance }`).
 */
export type InsuranceQuerySource =
  | InsuranceQueryFields
  | { readonly kind: 'card'; readonly card: InsuranceQueryFields }
  | { readonly kind: 'insurance'; readonly insurance: InsuranceQueryFields };

function strictDate(date: SourceDate): PartialDate {
  if (date.month === undefined) return { year: date.year };
  return date.day === undefined
    ? { year: date.year, month: date.month }
    : { year: date.year, month: date.month, day: date.day };
}

function sourceError(reason: string, reasonVi: string, missing?: readonly string[]) {
  return insuranceError('ERR_INSURANCE_SOURCE', { reason, reasonVi, ...(missing ? { missing } : {}) });
}

/**
 * Builds the input of `checkCard` from a card read, a QR scan, an e-ID login or typed fields. The
 * BHYT card code is used when the source has one (a BHYT QR), the personal ID number otherwise.
 * Values are taken as they are: `checkCard` validates them before sending.
 *
 * @throws CancuocError `ERR_INSURANCE_SOURCE` when the source lacks a code, the name or the date of
 *   birth (an e-ID login whose provider released no `SoDinhDanh`, for instance).
 * @example
 * ```ts
 * const card = toCardData({ dataGroups: read.dataGroups }); // after verifyPassive
 * const result = await bhyt.checkCard(insuranceQueryFrom(card));
 * ```
 */
export function insuranceQueryFrom(source: InsuranceQuerySource): InsuranceQuery {
  if (typeof source !== 'object' || source === null) {
    throw new TypeError('insuranceQueryFrom expects an object');
  }
  let fields: InsuranceQueryFields = source as InsuranceQueryFields;
  const tagged = source as { kind?: unknown; card?: unknown; insurance?: unknown };
  if (tagged.kind === 'card' && typeof tagged.card === 'object' && tagged.card !== null) {
    fields = tagged.card as InsuranceQueryFields;
  } else if (
    tagged.kind === 'insurance' &&
    typeof tagged.insurance === 'object' &&
    tagged.insurance !== null
  ) {
    fields = tagged.insurance as InsuranceQueryFields;
  }
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  const cardCode = text(fields.cardCode);
  const personalId = text(fields.personalId);
  const fullName = text(fields.fullName);
  const dob = fields.dateOfBirth;
  const dateOfBirth =
    typeof dob === 'string'
      ? text(dob)
      : typeof dob === 'object' && dob !== null && typeof dob.year === 'number'
        ? strictDate(dob)
        : undefined;
  const missing = [
    ...(cardCode === undefined && personalId === undefined ? ['personalId'] : []),
    ...(fullName === undefined ? ['fullName'] : []),
    ...(dateOfBirth === undefined ? ['dateOfBirth'] : []),
  ];
  if (missing.length > 0) {
    throw sourceError(
      `it has no ${missing.join(', ')}`,
      `thiếu ${missing
        .map((m) =>
          m === 'personalId' ? 'số định danh / mã thẻ BHYT' : m === 'fullName' ? 'họ và tên' : 'ngày sinh',
        )
        .join(', ')}`,
      missing,
    );
  }
  return {
    ...(cardCode !== undefined ? { cardCode } : {}),
    ...(personalId !== undefined ? { personalId } : {}),
    fullName: fullName as string,
    dateOfBirth: dateOfBirth as PartialDate | string,
  };
}
