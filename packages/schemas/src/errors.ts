/**
 * Error and issue codes of `@cancuoc/schemas`, with messages in English and Vietnamese.
 * `{field}` / `{fieldVi}` are filled with the label of the field the issue points at
 * (see `internal/labels.ts`), so a front-desk UI can show the message as it is.
 */
import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/** Codes of the issues and errors raised by `@cancuoc/schemas`. */
export type SchemasErrorCode =
  | 'ERR_SCHEMA_INVALID'
  | 'ERR_SCHEMA_REQUIRED'
  | 'ERR_SCHEMA_TYPE'
  | 'ERR_SCHEMA_EMPTY'
  | 'ERR_SCHEMA_TOO_SHORT'
  | 'ERR_SCHEMA_TOO_LONG'
  | 'ERR_SCHEMA_NUMBER_RANGE'
  | 'ERR_SCHEMA_FORMAT'
  | 'ERR_SCHEMA_VALUE'
  | 'ERR_SCHEMA_CHARACTERS'
  | 'ERR_SCHEMA_REPLACEMENT_CHARACTER'
  | 'ERR_SCHEMA_DATE_FORMAT'
  | 'ERR_SCHEMA_DATE_CALENDAR'
  | 'ERR_SCHEMA_DATE_DAY_WITHOUT_MONTH'
  | 'ERR_SCHEMA_DATE_FUTURE'
  | 'ERR_SCHEMA_DATE_ORDER'
  | 'ERR_SCHEMA_COUNTRY_CODE'
  | 'ERR_SCHEMA_ETHNICITY_CODE'
  | 'ERR_SCHEMA_ETHNICITY_MISMATCH'
  | 'ERR_SCHEMA_ETHNICITY_UNKNOWN'
  | 'ERR_SCHEMA_ADDRESS_EMPTY'
  | 'ERR_SCHEMA_PROVINCE_UNKNOWN'
  | 'ERR_SCHEMA_DISTRICT_AFTER_2025'
  | 'ERR_SCHEMA_PROVINCE_MERGED'
  | 'ERR_SCHEMA_COMMUNE_UNKNOWN'
  | 'ERR_SCHEMA_COMMUNE_PROVINCE_MISMATCH'
  | 'ERR_SCHEMA_PROVINCE_NAME_MISMATCH'
  | 'ERR_SCHEMA_UNKNOWN';

/**
 * English and Vietnamese messages of every {@link SchemasErrorCode}.
 *
 * @example
 * ```ts
 * schemasErrorMessages.ERR_SCHEMA_REQUIRED.vi; // 'Thiếu {fieldVi}'
 * ```
 */
export const schemasErrorMessages: ErrorCatalog<SchemasErrorCode> = {
  ERR_SCHEMA_INVALID: {
    en: 'The record has {count} problem(s): {first}',
    vi: 'Hồ sơ có {count} lỗi: {firstVi}',
  },
  ERR_SCHEMA_REQUIRED: {
    en: 'The {field} is missing',
    vi: 'Thiếu {fieldVi}',
  },
  ERR_SCHEMA_TYPE: {
    en: 'The {field} has the wrong type (expected {expected})',
    vi: '{fieldVi} không đúng kiểu dữ liệu (cần {expectedVi})',
  },
  ERR_SCHEMA_EMPTY: {
    en: 'The {field} is empty',
    vi: '{fieldVi} đang để trống',
  },
  ERR_SCHEMA_TOO_SHORT: {
    en: 'The {field} is too short (at least {minimum})',
    vi: '{fieldVi} quá ngắn (tối thiểu {minimum})',
  },
  ERR_SCHEMA_TOO_LONG: {
    en: 'The {field} is too long (at most {maximum})',
    vi: '{fieldVi} quá dài (tối đa {maximum})',
  },
  ERR_SCHEMA_NUMBER_RANGE: {
    en: 'The {field} is out of range ({minimum} to {maximum})',
    vi: '{fieldVi} nằm ngoài khoảng cho phép ({minimum} đến {maximum})',
  },
  ERR_SCHEMA_FORMAT: {
    en: 'The {field} is not in the expected format ({expected})',
    vi: '{fieldVi} không đúng định dạng ({expectedVi})',
  },
  ERR_SCHEMA_VALUE: {
    en: 'The {field} must be one of: {options}',
    vi: '{fieldVi} phải là một trong các giá trị: {options}',
  },
  ERR_SCHEMA_CHARACTERS: {
    en: 'The {field} contains characters it cannot have (digits, symbols or control characters)',
    vi: '{fieldVi} có ký tự không hợp lệ (chữ số, ký hiệu hoặc ký tự điều khiển)',
  },
  ERR_SCHEMA_REPLACEMENT_CHARACTER: {
    en: 'The {field} contains "\ufffd": the text was damaged, probably by a scanner; type it again',
    vi: '{fieldVi} có ký tự "\ufffd": văn bản bị lỗi, có thể do máy quét; hãy nhập lại',
  },
  ERR_SCHEMA_DATE_FORMAT: {
    en: 'The {field} is not a recognised date (expected dd/MM/yyyy, MM/yyyy or yyyy)',
    vi: '{fieldVi} không đúng định dạng ngày (cần dd/MM/yyyy, MM/yyyy hoặc yyyy)',
  },
  ERR_SCHEMA_DATE_CALENDAR: {
    en: 'The {field} is not a real calendar date (for example 31/02)',
    vi: '{fieldVi} không phải là ngày có thật (ví dụ 31/02)',
  },
  ERR_SCHEMA_DATE_DAY_WITHOUT_MONTH: {
    en: 'The {field} has a day but no month',
    vi: '{fieldVi} có ngày nhưng thiếu tháng',
  },
  ERR_SCHEMA_DATE_FUTURE: {
    en: 'The {field} is in the future',
    vi: '{fieldVi} là một ngày trong tương lai',
  },
  ERR_SCHEMA_DATE_ORDER: {
    en: 'The {field} is earlier than the {other}',
    vi: '{fieldVi} sớm hơn {otherVi}',
  },
  ERR_SCHEMA_COUNTRY_CODE: {
    en: 'The {field} is not an ISO 3166-1 alpha-3 country code (for example VNM)',
    vi: '{fieldVi} không phải mã quốc gia ISO 3166-1 gồm 3 chữ cái (ví dụ VNM)',
  },
  ERR_SCHEMA_ETHNICITY_CODE: {
    en: 'The ethnicity code {code} is not one of the 54 GSO codes (01 to 54)',
    vi: 'Mã dân tộc {code} không thuộc danh mục 54 dân tộc của Tổng cục Thống kê (01 đến 54)',
  },
  ERR_SCHEMA_ETHNICITY_MISMATCH: {
    en: 'The ethnicity code {code} is {expected}, but the name says {name}',
    vi: 'Mã dân tộc {code} là dân tộc {expected}, nhưng tên dân tộc ghi là {name}',
  },
  ERR_SCHEMA_ETHNICITY_UNKNOWN: {
    en: 'The ethnicity name is not in the GSO list of 54 ethnic groups; check the spelling',
    vi: 'Tên dân tộc không có trong danh mục 54 dân tộc; hãy kiểm tra lại chính tả',
  },
  ERR_SCHEMA_ADDRESS_EMPTY: {
    en: 'The {field} has neither a text line nor any administrative unit',
    vi: '{fieldVi} không có địa chỉ chi tiết cũng không có đơn vị hành chính nào',
  },
  ERR_SCHEMA_PROVINCE_UNKNOWN: {
    en: 'The province code {code} is not a known GSO province code',
    vi: 'Mã tỉnh/thành phố {code} không có trong danh mục của Tổng cục Thống kê',
  },
  ERR_SCHEMA_DISTRICT_AFTER_2025: {
    en: 'The address has a district, but it follows the units in force from 1 July 2025, when districts were abolished (province {code})',
    vi: 'Địa chỉ có quận/huyện, nhưng lại theo đơn vị hành chính từ ngày 01/07/2025, khi đã bỏ cấp huyện (tỉnh/thành phố mã {code})',
  },
  ERR_SCHEMA_PROVINCE_MERGED: {
    en: 'The province code {code} is no longer in force: since 1 July 2025 it is part of {successor} (code {successorCode})',
    vi: 'Mã tỉnh {code} không còn hiệu lực: từ ngày 01/07/2025 đã hợp nhất vào {successor} (mã {successorCode})',
  },
  ERR_SCHEMA_COMMUNE_UNKNOWN: {
    en: 'The commune code {code} is not in the commune list',
    vi: 'Mã xã/phường {code} không có trong danh mục xã/phường',
  },
  ERR_SCHEMA_COMMUNE_PROVINCE_MISMATCH: {
    en: 'The commune {code} belongs to the province with code {expected}, not {provinceCode}',
    vi: 'Xã/phường mã {code} thuộc tỉnh/thành phố mã {expected}, không phải mã {provinceCode}',
  },
  ERR_SCHEMA_PROVINCE_NAME_MISMATCH: {
    en: 'The province name does not match the province code {code} ({expected}); check both',
    vi: 'Tên tỉnh/thành phố không khớp với mã tỉnh {code} ({expected}); hãy kiểm tra lại',
  },
  ERR_SCHEMA_UNKNOWN: {
    en: 'The {field} is not valid',
    vi: '{fieldVi} không hợp lệ',
  },
};

/** Raises a coded `SchemasError`. */
export const fail = createErrorFactory(schemasErrorMessages, 'SchemasError');
