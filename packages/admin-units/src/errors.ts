import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/** Error codes raised by `@cancuoc/admin-units`. */
export type AdminUnitsErrorCode =
  | 'ERR_ADMIN_COMMUNE_LIST'
  | 'ERR_ADMIN_COMMUNE_ROW'
  | 'ERR_ADMIN_COMMUNE_CODE'
  | 'ERR_ADMIN_COMMUNE_NAME'
  | 'ERR_ADMIN_COMMUNE_TYPE'
  | 'ERR_ADMIN_COMMUNE_PROVINCE'
  | 'ERR_ADMIN_COMMUNE_DUPLICATE';

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
};

/** @internal */
export const fail = /* @__PURE__ */ createErrorFactory(adminUnitsErrorMessages, 'AdminUnitsError');
