/**
 * Addresses: a free-text line as printed, and/or the administrative units — two levels
 * (province, commune) since 1 July 2025, three (province, district, commune) before.
 */
import * as z from 'zod/mini';
import { pushCodedIssue } from './internal/custom-issue.js';
import { isKnownProvinceCode, isMergedProvince, provinceNameEra } from './internal/provinces.js';
import { textField } from './internal/text-field.js';
import { FIELD, object } from './internal/zod.js';
import { CountryCode } from './nationality.js';

/**
 * One administrative unit of an address: its name and, when known, its GSO code
 * (`digits` long: 2 for a province, 3 for a district, 5 for a commune).
 */
function unit(digits: number) {
  return object(
    {
      code: z.optional(z.string(FIELD).check(z.regex(new RegExp(`^\\d{${digits}}$`)))),
      name: textField(100),
    },
    FIELD,
  );
}

/**
 * A province or city (tỉnh/thành phố trực thuộc trung ương) with its 2-digit GSO code.
 *
 * @example
 * ```ts
 * ProvinceRef.parse({ code: '01', name: 'Thành phố Hà Nội' });
 * ```
 */
export const ProvinceRef = /* @__PURE__ */ unit(2);
/** `{ code?: string; name: string }`. */
export type ProvinceRef = z.infer<typeof ProvinceRef>;

/**
 * A district (quận/huyện/thị xã/thành phố thuộc tỉnh), with its 3-digit GSO code; this level
 * was abolished on 1 July 2025 (Resolution 202/2025/QH15), so only older addresses have it.
 *
 * @example
 * ```ts
 * DistrictRef.parse({ code: '001', name: 'Quận Ba Đình' });
 * ```
 */
export const DistrictRef = /* @__PURE__ */ unit(3);
/** `{ code?: string; name: string }`. */
export type DistrictRef = z.infer<typeof DistrictRef>;

/**
 * A commune (xã/phường/thị trấn; xã/phường/đặc khu since 1 July 2025) with its 5-digit GSO code.
 *
 * @example
 * ```ts
 * CommuneRef.parse({ code: '00004', name: 'Phường Ba Đình' });
 * ```
 */
export const CommuneRef = /* @__PURE__ */ unit(5);
/** `{ code?: string; name: string }`. */
export type CommuneRef = z.infer<typeof CommuneRef>;

/** The fields of an address, shared by {@link Address} and `createAddressSchema`. */
export function addressShape() {
  return object(
    {
      text: z.optional(textField(500)),
      street: z.optional(textField(200)),
      commune: z.optional(CommuneRef),
      district: z.optional(DistrictRef),
      province: z.optional(ProvinceRef),
      country: z.optional(CountryCode),
    },
    FIELD,
  );
}

type AddressValue = z.infer<ReturnType<typeof addressShape>>;

/**
 * The checks every address gets: something in it (`ERR_SCHEMA_ADDRESS_EMPTY`). Returns the
 * province code when it is well formed, for the province checks that follow.
 */
export function checkAddressBasics(payload: z.core.ParsePayload<AddressValue>): string | undefined {
  const a = payload.value;
  if (
    a.text === undefined &&
    a.street === undefined &&
    a.commune === undefined &&
    a.district === undefined &&
    a.province === undefined
  ) {
    pushCodedIssue(payload, 'ERR_SCHEMA_ADDRESS_EMPTY', []);
  }
  const code = a.province?.code;
  // A malformed code is reported by its regex alone.
  return code !== undefined && /^\d{2}$/.test(code) ? code : undefined;
}

/**
 * An address (địa chỉ): `text` is the line as printed on a card or typed by a person; `street`
 * the house number and street; `commune`, `district` (before 1 July 2025 only) and `province`
 * the administrative units; `country` an ISO 3166-1 alpha-3 code, `VNM` when absent. At least
 * one of `text`, `street`, `commune`, `district` or `province` must be present
 * (`ERR_SCHEMA_ADDRESS_EMPTY`). A province code must be one of the GSO codes of
 * `@cancuoc/admin-units` (`ERR_SCHEMA_PROVINCE_UNKNOWN`); a district beside a province named as
 * it is after the 1 July 2025 merger (`{ code: '24', name: 'Bắc Ninh' }`) fails with
 * `ERR_SCHEMA_DISTRICT_AFTER_2025`. A province name that does not match its code is reported as a
 * warning by `validateResident` (names are often abbreviated, "TP.HCM").
 *
 * @example
 * ```ts
 * Address.parse({ street: '12 Lý Thái Tổ', commune: { name: 'Phường Hoàn Kiếm' }, province: { code: '01', name: 'Hà Nội' } });
 * Address.parse({ text: 'Thôn 3, xã Ea Tu, TP. Buôn Ma Thuột, Đắk Lắk' });
 * ```
 */
export const Address = /* @__PURE__ */ addressShape().check((payload) => {
  const a = payload.value;
  const code = checkAddressBasics(payload);
  if (code === undefined) return;
  if (!isKnownProvinceCode(code)) {
    pushCodedIssue(payload, 'ERR_SCHEMA_PROVINCE_UNKNOWN', ['province', 'code'], { code });
  } else if (
    a.district !== undefined &&
    isMergedProvince(code) &&
    provinceNameEra(code, a.province!.name) === 'after'
  ) {
    // A district with a province as it is named after the merger: districts were abolished
    // on 1 July 2025 (Resolution 202/2025/QH15), so the address mixes the two schemes.
    pushCodedIssue(payload, 'ERR_SCHEMA_DISTRICT_AFTER_2025', ['district'], { code });
  }
});
/** An address; see {@link Address}. */
export type Address = z.infer<typeof Address>;
