import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/** Error codes raised by `@cancuoc/admin-units`. */
export type AdminUnitsErrorCode =
  | 'ERR_ADMIN_COMMUNE_LIST'
  | 'ERR_ADMIN_COMMUNE_ROW'
  | 'ERR_ADMIN_COMMUNE_CODE'
  | 'ERR_ADMIN_COMMUNE_NAME'
  | 'ERR_ADMIN_COMMUNE_TYPE'
  | 'ERR_ADMIN_COMMUNE_PROVINCE'
  | 'ERR_ADMIN_COMMUNE_DUPLICATE'
  | 'ERR_ADMIN_CHANGE_TABLE'
  | 'ERR_ADMIN_CHANGE_ENTRY'
  | 'ERR_ADMIN_CHANGE_DATE'
  | 'ERR_ADMIN_CHANGE_KIND'
  | 'ERR_ADMIN_CHANGE_UNIT'
  | 'ERR_ADMIN_CHANGE_SOURCE'
  | 'ERR_ADMIN_CHANGE_CONFLICT';

/**
 * English and Vietnamese messages of every {@link AdminUnitsErrorCode}, for UIs that show their
 * own text per code.
 *
 * @example
 * ```ts
 * adminUnitsErrorMessages.ERR_ADMIN_COMMUNE_CODE.vi // 'Mã xã/phường phải gồm đúng 5 chữ số …'
 * ```
 */
export const adminUnitsErrorMessages: ErrorCatalog<AdminUnitsErrorCode> = {
  ERR_ADMIN_COMMUNE_LIST: {
    en: 'The commune list is invalid: {count} problem(s), the first: {first}',
    vi: 'Danh sách xã/phường không hợp lệ: có {count} lỗi, lỗi đầu tiên: {first}',
  },
  ERR_ADMIN_COMMUNE_ROW: {
    en: 'Each entry of a commune list must be an object with code, name and provinceCode',
    vi: 'Mỗi dòng của danh sách xã/phường phải có mã, tên và mã tỉnh',
  },
  ERR_ADMIN_COMMUNE_CODE: {
    en: 'A commune code must be a string of 5 digits (leading zeros kept)',
    vi: 'Mã xã/phường phải gồm đúng 5 chữ số (giữ nguyên các số 0 ở đầu)',
  },
  ERR_ADMIN_COMMUNE_NAME: {
    en: 'A commune name must be non-empty text',
    vi: 'Tên xã/phường không được để trống',
  },
  ERR_ADMIN_COMMUNE_TYPE: {
    en: 'Unknown commune type {type}: expected commune, ward, township or special-zone (Xã, Phường, Thị trấn, Đặc khu)',
    vi: 'Loại đơn vị cấp xã không hợp lệ ({type}): chỉ nhận xã, phường, thị trấn hoặc đặc khu',
  },
  ERR_ADMIN_COMMUNE_PROVINCE: {
    en: 'Province code {provinceCode} is not a province of the {era} list',
    vi: 'Mã tỉnh {provinceCode} không có trong danh sách tỉnh, thành phố {era}',
  },
  ERR_ADMIN_COMMUNE_DUPLICATE: {
    en: 'Commune code {code} appears more than once',
    vi: 'Mã xã/phường {code} bị trùng lặp',
  },
  ERR_ADMIN_CHANGE_TABLE: {
    en: 'The table of administrative-unit changes is invalid: {count} problem(s), the first: {first}',
    vi: 'Bảng thay đổi đơn vị hành chính không hợp lệ: có {count} lỗi, lỗi đầu tiên: {first}',
  },
  ERR_ADMIN_CHANGE_ENTRY: {
    en: 'The table must be an array (at most 10 000 entries) of change objects',
    vi: 'Bảng thay đổi phải là một danh sách (tối đa 10 000 dòng), mỗi dòng là một thay đổi',
  },
  ERR_ADMIN_CHANGE_DATE: {
    en: 'The effective date must be a real yyyy-MM-dd date on or after 2025-07-01',
    vi: 'Ngày có hiệu lực phải là ngày hợp lệ dạng yyyy-MM-dd, từ ngày 01/07/2025 trở đi',
  },
  ERR_ADMIN_CHANGE_KIND: {
    en: 'Unknown change kind {kind}: expected rename, type-change or merge',
    vi: 'Loại thay đổi không hợp lệ ({kind}): chỉ nhận đổi tên, đổi loại đơn vị hoặc nhập',
  },
  ERR_ADMIN_CHANGE_UNIT: {
    en: 'A unit needs a 2-digit code, non-empty names and type province or city',
    vi: 'Đơn vị hành chính phải có mã 2 chữ số, tên không trống và loại là tỉnh hoặc thành phố',
  },
  ERR_ADMIN_CHANGE_SOURCE: {
    en: 'Every change needs its legal source: source.citation, and source.url only as https',
    vi: 'Mỗi thay đổi phải ghi căn cứ pháp lý: source.citation, và source.url (nếu có) phải là https',
  },
  ERR_ADMIN_CHANGE_CONFLICT: {
    en: 'The change does not follow from the units in force the day before: {reason}',
    vi: 'Thay đổi không khớp với đơn vị hành chính đang có hiệu lực ngày trước đó: {reason}',
  },
};

/** @internal */
export const fail = /* @__PURE__ */ createErrorFactory(adminUnitsErrorMessages, 'AdminUnitsError');
