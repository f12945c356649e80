/**
 * The resident record: the fields the national population database (CSDLQG về dân cư) keeps
 * for a person (Law on Identification 26/2023/QH15 Art. 9; Decree 70/2024/NĐ-CP).
 */
import * as z from 'zod/mini';
import { Address } from './address.js';
import { Ethnicity } from './ethnicity.js';
import { IdentityDocument } from './identity-document.js';
import { checkOrder, checkPersonFacts, whenObject } from './internal/person-checks.js';
import { textField } from './internal/text-field.js';
import { described, FIELD, object } from './internal/zod.js';
import { Nationality } from './nationality.js';
import { PartialDateSchema } from './partial-date.js';
import { FullName } from './person-name.js';
import { PersonRef } from './person-ref.js';
import { Religion } from './religion.js';
import { Sex } from './sex.js';

/** A legacy ID (CMND) number: 9 digits, or 12 for the CMND issued in some provinces from 2012. */
const LegacyIdField = /* @__PURE__ */ z.string(FIELD).check(z.regex(/^(?:\d{9}|\d{12})$/));

/**
 * A resident record (hồ sơ công dân): personal ID number, full name, date of birth (partial
 * allowed), sex, nationality (ISO alpha-3, `VNM` when absent for a citizen), ethnicity,
 * religion, the places (birth registration, origin, permanent, temporary and current
 * residence), identifying marks, old ID numbers, identity documents, and the parents and spouse.
 *
 * Refinements: the personal ID number must be valid (`ERR_ID_*` from `@cancuoc/id-number` at
 * `['personalId']`) and agree with the record: a sex the ID does not encode fails at `['sex']`
 * (`ERR_ID_SEX_MISMATCH`), another birth year at `['dateOfBirth']` (`ERR_ID_BIRTH_YEAR_MISMATCH`).
 * The date of birth cannot be in the future (`ERR_SCHEMA_DATE_FUTURE`); a document cannot be
 * issued before the holder's birth (`ERR_SCHEMA_DATE_ORDER`). Province codes of addresses are
 * checked against `@cancuoc/admin-units` (see {@link Address}).
 *
 * @example
 * ```ts
 * const r = ResidentRecord.safeParse({
 *   personalId: '001098012345', fullName: 'Nguyễn Văn An',
 *   dateOfBirth: { year: 1998, month: 8, day: 15 }, sex: 'male',
 * });
 * if (!r.success) console.error(mapZodIssues(r.error));
 * ```
 */
export const ResidentRecord = /* @__PURE__ */ object(
  {
    // 12 digits here; the number itself is checked once, with the sex and birth year, below.
    personalId: described(
      z.string(FIELD).check(z.regex(/^\d{12}$/)),
      'Số định danh cá nhân: the 12-digit personal ID number',
    ),
    fullName: described(FullName, 'Họ và tên: full name as printed (NFC, diacritics kept)'),
    dateOfBirth: described(PartialDateSchema, 'Ngày sinh: date of birth; month and day may be unknown'),
    sex: described(Sex, 'Giới tính: male (Nam) or female (Nữ)'),
    nationality: described(
      z.optional(Nationality),
      'Quốc tịch: ISO 3166-1 alpha-3 code; VNM when absent for a citizen',
    ),
    ethnicity: described(z.optional(Ethnicity), 'Dân tộc: GSO code 01–54 and name'),
    religion: described(
      z.optional(Religion),
      'Tôn giáo: name as recorded (Không = none) and an optional code',
    ),
    placeOfBirthRegistration: described(
      z.optional(Address),
      'Nơi đăng ký khai sinh: place of birth registration',
    ),
    placeOfOrigin: described(z.optional(Address), 'Quê quán: place of origin'),
    permanentResidence: described(z.optional(Address), 'Nơi thường trú: permanent residence'),
    temporaryResidence: described(z.optional(Address), 'Nơi tạm trú: temporary residence'),
    currentResidence: described(z.optional(Address), 'Nơi ở hiện tại / nơi cư trú: current residence'),
    identifyingMarks: described(z.optional(textField(500)), 'Đặc điểm nhận dạng: identifying marks'),
    legacyIds: described(
      z.optional(z.array(LegacyIdField, FIELD).check(z.maxLength(10))),
      'Số CMND cũ: old ID card numbers (9 or 12 digits)',
    ),
    documents: described(
      z.optional(z.array(IdentityDocument, FIELD).check(z.maxLength(50))),
      'Giấy tờ tùy thân: identity documents held',
    ),
    father: described(z.optional(PersonRef), 'Cha: father'),
    mother: described(z.optional(PersonRef), 'Mẹ: mother'),
    spouse: described(z.optional(PersonRef), 'Vợ/chồng: spouse'),
  },
  FIELD,
).check(
  z.superRefine(
    (record, ctx) => {
      checkPersonFacts(record, ctx);
      const documents: unknown = record.documents;
      if (!Array.isArray(documents)) return;
      for (let i = 0; i < documents.length; i++) {
        const doc: unknown = documents[i];
        if (typeof doc !== 'object' || doc === null) continue;
        checkOrder(
          ctx,
          record.dateOfBirth,
          (doc as { dateOfIssue?: unknown }).dateOfIssue,
          ['documents', i, 'dateOfIssue'],
          ['date of birth', 'ngày sinh'],
        );
      }
    },
    { when: whenObject },
  ),
);
/** A resident record; see {@link ResidentRecord}. */
export type ResidentRecord = z.infer<typeof ResidentRecord>;
