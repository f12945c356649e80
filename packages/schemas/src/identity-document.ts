/**
 * Identity documents (giấy tờ tùy thân) a person holds: chip ID cards, the Căn cước card,
 * old CMND, passports.
 */
import { comparePartialDates } from '@cancuoc/core';
import { z } from 'zod';
import { pushCodedIssue } from './internal/custom-issue.js';
import { textField } from './internal/text-field.js';
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
export const IdentityDocumentKind = z.enum(['citizen-card', 'can-cuoc', 'legacy-id', 'passport', 'other']);
/** One of the identity document kinds. */
export type IdentityDocumentKind = z.infer<typeof IdentityDocumentKind>;

/**
 * An identity document: its kind, number (5–20 letters or digits; for the cards it is the
 * personal ID number), date of issue, date of expiry (`null` = no expiry, "không thời hạn")
 * and issuing authority (nơi cấp). An expiry before the issue date fails with
 * `ERR_SCHEMA_DATE_ORDER` at `['dateOfExpiry']`.
 *
 * @example
 * ```ts
 * IdentityDocument.parse({ kind: 'can-cuoc', number: '001098012345', dateOfIssue: { year: 2024, month: 8, day: 1 }, dateOfExpiry: null });
 * ```
 */
export const IdentityDocument = z
  .object({
    kind: IdentityDocumentKind,
    number: z.string().regex(/^[A-Z0-9]{5,20}$/),
    dateOfIssue: PartialDateSchema.optional(),
    dateOfExpiry: PartialDateSchema.nullable().optional(),
    issuer: textField(200).optional(),
  })
  .check((payload) => {
    const doc = payload.value;
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
