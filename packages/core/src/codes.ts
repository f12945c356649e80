import { createErrorFactory, type ErrorCatalog } from './errors.js';

/** Error codes raised by `@cancuoc/core`. */
export type CoreErrorCode =
  | 'ERR_BYTES_HEX'
  | 'ERR_BYTES_BASE64'
  | 'ERR_TEXT_UTF8'
  | 'ERR_DATE_FORMAT'
  | 'ERR_DATE_CALENDAR'
  | 'ERR_DATE_RANGE';

/** English and Vietnamese messages of every {@link CoreErrorCode}. */
export const coreErrorMessages: ErrorCatalog<CoreErrorCode> = {
  ERR_BYTES_HEX: {
    en: 'Not a hexadecimal string: {reason}',
    vi: 'Chuỗi không phải dạng thập lục phân: {reason}',
  },
  ERR_BYTES_BASE64: {
    en: 'Not a base64 string: {reason}',
    vi: 'Chuỗi không phải dạng base64: {reason}',
  },
  ERR_TEXT_UTF8: {
    en: 'The bytes are not valid UTF-8',
    vi: 'Dữ liệu không phải văn bản UTF-8 hợp lệ',
  },
  ERR_DATE_FORMAT: {
    en: 'Not a recognised date: expected {expected}',
    vi: 'Ngày không đúng định dạng: cần {expected}',
  },
  ERR_DATE_CALENDAR: {
    en: 'The date does not exist in the calendar ({day}/{month}/{year})',
    vi: 'Ngày không có thật trên lịch ({day}/{month}/{year})',
  },
  ERR_DATE_RANGE: {
    en: 'The year {year} is outside the accepted range {min}–{max}',
    vi: 'Năm {year} nằm ngoài khoảng cho phép {min}–{max}',
  },
};

/** @internal */
export const coreError = createErrorFactory(coreErrorMessages, 'CoreError');
