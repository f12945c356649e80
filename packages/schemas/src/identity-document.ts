/**
 * Identity documents (giấy tờ tùy thân) a person holds: chip ID cards, the Căn cước card,
 * old CMND, passports.
 */
import { comparePartialDates } from '@cancuoc/core';
import * as z from 'zod/mini';
import { pushCodedIssue } from './internal/custom-issue.js';
import { textField } from './internal/text-field.js';
import { FIELD, object } from './internal/zod.js';
import { PartialDateSchema } from './partial-date.js';

/**
 * The kinds of identity document: `citizen-card` (thẻ CCCD, 2016–2024), `can-cuoc` (thẻ căn
 * cước, since 1 July 2024), `legacy-id` (CMND), `passport` (hộ chiếu), `other`.
 *
 * @example
 * ```ts
 * IdentityDocumentKind.parse('can-cuoc');
 * ```
 */
export const IdentityDocumentKind = /* @__PURE__ */ z.enum(
  ['citizen-card', 'can-cuoc', 'legacy-id', 'passport', 'other'],
  FIELD,
);
/** One of the identity document kinds. */
export type IdentityDocumentKind = z.infer<typeof IdentityDocumentKind>;

const NUMBER_SHAPES: Partial<Record<IdentityDocumentKind, { pattern: RegExp; en: string; vi: string }>> = {
  'citizen-card': { pattern: /^\d{12}$/, en: '12 digits', vi: '12 chữ số' },
  'can-cuoc': { pattern: /^\d{12}$/, en: '12 digits', vi: '12 chữ số' },
  'legacy-id': { pattern: /^(?:\d{9}|\d{12})$/, en: '9 or 12 digits', vi: '9 hoặc 12 chữ số' },
};

/**
 * An identity document: its kind, number (5–20 letters or digits; for the cards it is the
 * personal ID number, 12 digits; a CMND has 9 or 12 digits), date of issue, date of expiry (`null` = no expiry, "không thời hạn")
 * and issuing authority (nơi cấp). An expiry before the issue date fails with
 * `ERR_SCHEMA_DATE_ORDER` at `['dateOfExpiry']`.
 *
 * @example
 * ```ts
 * IdentityDocument.parse({ kind: 'can-cuoc', number: '001098012345', dateOfIssue: { year: 2024, month: 8, day: 1 }, dateOfExpiry: null });
 * ```
 */
export const IdentityDocument = /* @__PURE__ */ object(
  {
    kind: IdentityDocumentKind,
    number: z.string(FIELD).check(z.regex(/^[A-Z0-9]{5,20}$/)),
    dateOfIssue: z.optional(PartialDateSchema),
    dateOfExpiry: z.optional(z.nullable(PartialDateSchema)),
    issuer: z.optional(textField(200)),
  },
  FIELD,
).check((payload) => {
  const doc = payload.value;
  // The number of a CCCD or Căn cước card is the holder's 12-digit personal ID number; a CMND
  // has 9 digits, or 12 on the plastic CMND issued from 2012 (shared/reference/cccd-formats.md §1.2).
  const shape = NUMBER_SHAPES[doc.kind];
  if (shape && /^[A-Z0-9]{5,20}$/.test(doc.number) && !shape.pattern.test(doc.number)) {
    pushCodedIssue(payload, 'ERR_SCHEMA_FORMAT', ['number'], { expected: shape.en, expectedVi: shape.vi });
  }
  if (doc.dateOfIssue && doc.dateOfExpiry) {
    const order = comparePartialDates(doc.dateOfExpiry, doc.dateOfIssue);
    if (order !== undefined && order < 0) {
      pushCodedIssue(payload, 'ERR_SCHEMA_DATE_ORDER', ['dateOfExpiry'], {
        other: 'date of issue',
        otherVi: 'ngày cấp',
      });
    }
  }
});
/** An identity document; see {@link IdentityDocument}. */
export type IdentityDocument = z.infer<typeof IdentityDocument>;
