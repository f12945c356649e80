import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/**
 * Error codes raised by `@cancuoc/clean` when a file cannot be cleaned at all. Problems with a
 * record are not errors: they are {@link RecordIssue}s in the issue report.
 */
export type CleanErrorCode =
  | 'ERR_CLEAN_INPUT_FORMAT'
  | 'ERR_CLEAN_INPUT_ENCODING'
  | 'ERR_CLEAN_INPUT_BINARY'
  | 'ERR_CLEAN_CSV_SYNTAX'
  | 'ERR_CLEAN_FIELD_TOO_LARGE'
  | 'ERR_CLEAN_NO_HEADER'
  | 'ERR_CLEAN_MAPPING'
  | 'ERR_CLEAN_ABORTED';

/**
 * English and Vietnamese messages of every {@link CleanErrorCode}.
 *
 * @example
 * ```ts
 * cleanErrorMessages.ERR_CLEAN_FIELD_TOO_LARGE.vi // 'Ô dữ liệu ở dòng {row} dài hơn …'
 * ```
 */
export const cleanErrorMessages: ErrorCatalog<CleanErrorCode> = {
  ERR_CLEAN_INPUT_FORMAT: {
    en: 'The input format cannot be read: {reason}',
    vi: 'Không đọc được định dạng tệp đầu vào: {reasonVi}',
  },
  ERR_CLEAN_INPUT_ENCODING: {
    en: 'The text encoding of the input ({encoding}) is not supported',
    vi: 'Bảng mã của tệp đầu vào ({encoding}) không được hỗ trợ',
  },
  ERR_CLEAN_INPUT_BINARY: {
    en: 'The input looks like binary data, not a CSV, JSON Lines or Excel file',
    vi: 'Tệp đầu vào có vẻ là dữ liệu nhị phân, không phải tệp CSV, JSON Lines hay Excel',
  },
  ERR_CLEAN_CSV_SYNTAX: {
    en: 'The CSV file is malformed near data row {row}: {reason}',
    vi: 'Tệp CSV sai cú pháp gần dòng dữ liệu {row}: {reasonVi}',
  },
  ERR_CLEAN_FIELD_TOO_LARGE: {
    en: 'A field or line near data row {row} is longer than the limit of {limit} characters',
    vi: 'Ô dữ liệu ở dòng {row} dài hơn giới hạn {limit} ký tự',
  },
  ERR_CLEAN_NO_HEADER: {
    en: 'The input has no header row, or none of its columns is a known resident field',
    vi: 'Tệp đầu vào không có dòng tiêu đề, hoặc không cột nào là trường thông tin công dân đã biết',
  },
  ERR_CLEAN_MAPPING: {
    en: 'The column mapping is wrong: {reason}',
    vi: 'Cấu hình ánh xạ cột không đúng: {reasonVi}',
  },
  ERR_CLEAN_ABORTED: {
    en: 'The cleaning was cancelled',
    vi: 'Đã hủy quá trình làm sạch dữ liệu',
  },
};

/** @internal */
export const cleanError = createErrorFactory(cleanErrorMessages, 'CleanError');
