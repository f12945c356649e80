/**
 * What a citizen card says about its holder, whichever way it was read (QR, chip DG13 or MRZ):
 * the common shape `qr`, `chip` and `eid` fill and integrations consume.
 */
import * as z from 'zod/mini';
import { checkOrder, checkPersonFacts, whenObject } from './internal/person-checks.js';
import { textField } from './internal/text-field.js';
import { described, FIELD, object } from './internal/zod.js';
import { PartialDateSchema } from './partial-date.js';
import { FullName } from './person-name.js';
import { Sex } from './sex.js';

/**
 * `cccd-2021`: the chip CCCD (Circular 06/2021/TT-BCA); `can-cuoc`: the card issued since
 * 1 July 2024 (Circular 16/2024/TT-BCA).
 *
 * @example
 * ```ts
 * CardKind.options; // ['cccd-2021', 'can-cuoc']
 * ```
 */
export const CardKind = /* @__PURE__ */ z.enum(['cccd-2021', 'can-cuoc'], FIELD);
/** One of the card kinds. */
export type CardKind = z.infer<typeof CardKind>;

/**
 * Where the card data was read: the printed QR code, the chip (DG1 + DG13) or the MRZ.
 *
 * @example
 * ```ts
 * CardDataSource.parse('qr');
 * ```
 */
export const CardDataSource = /* @__PURE__ */ z.enum(['qr', 'chip', 'mrz'], FIELD);
/** One of the card data sources. */
export type CardDataSource = z.infer<typeof CardDataSource>;

/**
 * The data of a citizen card as read from its QR code, chip or MRZ. Text fields are kept as
 * printed (nationality `Việt Nam`, ethnicity `Kinh`, religion `Không`); absent or empty card
 * fields are left out (an empty string fails with `ERR_SCHEMA_EMPTY`). `placeOfOrigin` holds
 * DG13 field 8 (quê quán; "Nơi đăng ký khai sinh" on the 2024 card) and `permanentResidence`
 * field 9 (nơi thường trú; "Nơi cư trú" on the 2024 card). `dateOfExpiry` is `null` for
 * "Không thời hạn". The personal ID number is checked against the sex and birth year as in
 * `ResidentRecord`. Convert to a resident record with `cardDataToResident`.
 *
 * @example
 * ```ts
 * CardData.parse({
 *   cardKind: 'cccd-2021', source: 'qr', personalId: '001098012345', fullName: 'NGUYỄN VĂN AN',
 *   dateOfBirth: { year: 1998, month: 8, day: 15 }, sex: 'male',
 * });
 * ```
 */
export const CardData = /* @__PURE__ */ object(
  {
    cardKind: described(
      CardKind,
      'Loại thẻ: cccd-2021 (CCCD gắn chip) or can-cuoc (thẻ căn cước, since 1 July 2024)',
    ),
    source: described(CardDataSource, 'Where the data was read: qr, chip or mrz'),
    // 12 digits here; the number itself is checked once, with the sex and birth year, below.
    personalId: described(
      z.string(FIELD).check(z.regex(/^\d{12}$/)),
      'Số định danh cá nhân: the 12-digit personal ID number',
    ),
    legacyId: described(
      z.optional(z.string(FIELD).check(z.regex(/^(?:\d{9}|\d{12})$/))),
      'Số CMND cũ: the old ID number (9 or 12 digits)',
    ),
    fullName: described(FullName, 'Họ và tên: full name as printed (NFC, diacritics kept)'),
    dateOfBirth: described(PartialDateSchema, 'Ngày sinh: date of birth; month and day may be unknown'),
    sex: described(Sex, 'Giới tính: male (Nam) or female (Nữ)'),
    nationality: described(z.optional(textField(100)), 'Quốc tịch as printed (Việt Nam)'),
    ethnicity: described(z.optional(textField(100)), 'Dân tộc as printed (Kinh)'),
    religion: described(z.optional(textField(100)), 'Tôn giáo as printed (Không = none)'),
    placeOfOrigin: described(
      z.optional(textField(500)),
      'DG13 field 8: quê quán (2021 card) or nơi đăng ký khai sinh (Căn cước card)',
    ),
    permanentResidence: described(
      z.optional(textField(500)),
      'DG13 field 9: nơi thường trú (2021 card) or nơi cư trú (Căn cước card)',
    ),
    identifyingMarks: described(z.optional(textField(500)), 'Đặc điểm nhận dạng: identifying marks'),
    dateOfIssue: described(z.optional(PartialDateSchema), 'Ngày cấp: date of issue'),
    dateOfExpiry: described(
      z.optional(z.nullable(PartialDateSchema)),
      'Có giá trị đến: date of expiry; null for không thời hạn (no expiry)',
    ),
    father: described(z.optional(FullName), 'Họ tên cha: father’s full name'),
    mother: described(z.optional(FullName), 'Họ tên mẹ: mother’s full name'),
    spouse: described(z.optional(FullName), 'Họ tên vợ/chồng: spouse’s full name'),
    cardId: described(
      z.optional(z.string(FIELD).check(z.regex(/^[A-Za-z0-9]{1,32}$/))),
      'DG13 field 16: the card or chip ID',
    ),
  },
  FIELD,
).check(
  z.superRefine(
    (card, ctx) => {
      checkPersonFacts(card, ctx);
      checkOrder(ctx, card.dateOfBirth, card.dateOfIssue, ['dateOfIssue'], ['date of birth', 'ngày sinh']);
      checkOrder(ctx, card.dateOfIssue, card.dateOfExpiry, ['dateOfExpiry'], ['date of issue', 'ngày cấp']);
    },
    { when: whenObject },
  ),
);
/** The data of a citizen card; see {@link CardData}. */
export type CardData = z.infer<typeof CardData>;
