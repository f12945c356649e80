import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/**
 * Error and warning codes of `@cancuoc/qr`. Warnings (`severity: 'warning'` issues on a parsed
 * result) use codes from the same table so that a UI shows one vocabulary.
 */
export type QrErrorCode =
  | 'ERR_QR_EMPTY'
  | 'ERR_QR_TOO_LONG'
  | 'ERR_QR_FIELD_COUNT'
  | 'ERR_QR_PERSONAL_ID'
  | 'ERR_QR_LEGACY_ID'
  | 'ERR_QR_NAME_EMPTY'
  | 'ERR_QR_CONTROL_CHARACTER'
  | 'ERR_QR_DATE_FORMAT'
  | 'ERR_QR_DATE_CALENDAR'
  | 'ERR_QR_DATE_ORDER'
  | 'ERR_QR_SEX'
  | 'ERR_QR_FIELD_SEPARATOR'
  | 'ERR_QR_INSURANCE_CODE'
  | 'ERR_QR_INSURANCE_TERMINATOR'
  | 'ERR_QR_INSURANCE_FACILITY'
  | 'ERR_QR_UNKNOWN_KIND'
  | 'ERR_QR_REPLACEMENT_CHARACTER'
  | 'ERR_QR_MOJIBAKE_REPAIRED'
  | 'ERR_QR_HEX_UNDECODED'
  | 'ERR_QR_IMAGE_INPUT'
  | 'ERR_QR_IMAGE_FORMAT'
  | 'ERR_QR_NOT_FOUND'
  | 'ERR_QR_WASM_NOT_CONFIGURED'
  | 'ERR_QR_WASM_LOAD';

/** English and Vietnamese messages of every {@link QrErrorCode}. */
export const qrErrorMessages: ErrorCatalog<QrErrorCode> = {
  ERR_QR_EMPTY: {
    en: 'The QR code text is empty',
    vi: 'Nội dung mã QR trống',
  },
  ERR_QR_TOO_LONG: {
    en: 'The QR code text is too long ({length} characters, at most {max})',
    vi: 'Nội dung mã QR quá dài ({length} ký tự, tối đa {max})',
  },
  ERR_QR_FIELD_COUNT: {
    en: 'The QR code has {count} fields separated by "|", at least {expected} are needed',
    vi: 'Mã QR có {count} trường ngăn cách bởi "|", cần ít nhất {expected} trường',
  },
  ERR_QR_PERSONAL_ID: {
    en: 'The personal ID number in the QR code is not 12 digits ({reason})',
    vi: 'Số định danh cá nhân trong mã QR không phải 12 chữ số ({reason})',
  },
  ERR_QR_LEGACY_ID: {
    en: 'The old ID number (CMND) in the QR code is not 9 or 12 digits ({reason})',
    vi: 'Số CMND cũ trong mã QR không phải 9 hoặc 12 chữ số ({reason})',
  },
  ERR_QR_NAME_EMPTY: {
    en: 'The full name in the QR code is empty',
    vi: 'Họ và tên trong mã QR bị trống',
  },
  ERR_QR_CONTROL_CHARACTER: {
    en: 'The {label} in the QR code contains control characters that no card prints',
    vi: 'Trường {labelVi} trong mã QR chứa ký tự điều khiển không có trên thẻ',
  },
  ERR_QR_DATE_FORMAT: {
    en: 'The {label} in the QR code is not a date in the form {expected}',
    vi: 'Trường {labelVi} trong mã QR không đúng định dạng ngày {expected}',
  },
  ERR_QR_DATE_CALENDAR: {
    en: 'The {label} in the QR code does not exist in the calendar',
    vi: 'Trường {labelVi} trong mã QR là ngày không có thật',
  },
  ERR_QR_DATE_ORDER: {
    en: 'The {label} in the QR code comes before the {beforeLabel}',
    vi: 'Trường {labelVi} trong mã QR sớm hơn {beforeLabelVi}',
  },
  ERR_QR_SEX: {
    en: 'The sex in the QR code is neither {expected}',
    vi: 'Giới tính trong mã QR không phải {expected}',
  },
  ERR_QR_FIELD_SEPARATOR: {
    en: 'The {label} contains "|", the QR field separator',
    vi: 'Trường {labelVi} chứa ký tự "|" dùng để ngăn cách các trường trong mã QR',
  },
  ERR_QR_INSURANCE_CODE: {
    en: 'The health-insurance card code in the QR code is neither 15 characters (2 letters, level 1–5, 12 digits) nor 10 digits ({reason})',
    vi: 'Mã thẻ BHYT trong mã QR không phải 15 ký tự (2 chữ cái, mức hưởng 1–5, 12 chữ số) hoặc 10 chữ số ({reason})',
  },
  ERR_QR_INSURANCE_TERMINATOR: {
    en: 'The health-insurance QR code does not end with "$": the text is cut off or damaged',
    vi: 'Mã QR thẻ BHYT không kết thúc bằng "$": nội dung bị thiếu hoặc hỏng',
  },
  ERR_QR_INSURANCE_FACILITY: {
    en: 'The primary-care facility in the health-insurance QR code is not in the form "PP - XXX"',
    vi: 'Nơi đăng ký khám chữa bệnh ban đầu trong mã QR thẻ BHYT không có dạng "PP - XXX"',
  },
  ERR_QR_UNKNOWN_KIND: {
    en: 'The QR code is neither a citizen ID card QR nor a health-insurance card QR',
    vi: 'Mã QR không phải mã của thẻ căn cước/CCCD hoặc thẻ BHYT',
  },
  ERR_QR_REPLACEMENT_CHARACTER: {
    en: 'The {label} contains "\ufffd": the scanner lost some accented letters; check the scanner is set to UTF-8',
    vi: 'Trường {labelVi} có ký tự "\ufffd": máy quét làm mất chữ có dấu; hãy đặt máy quét ở chế độ UTF-8',
  },
  ERR_QR_MOJIBAKE_REPAIRED: {
    en: 'The {label} arrived in the wrong character set (UTF-8 read as Windows-1252) and was repaired; set the scanner to UTF-8',
    vi: 'Trường {labelVi} bị đọc sai bảng mã (UTF-8 bị đọc thành Windows-1252) và đã được sửa lại; hãy đặt máy quét ở chế độ UTF-8',
  },
  ERR_QR_HEX_UNDECODED: {
    en: 'The {label} is not hex-encoded UTF-8 text; it is kept as it was read',
    vi: 'Trường {labelVi} không phải văn bản UTF-8 mã hoá hex; giữ nguyên giá trị đọc được',
  },
  ERR_QR_IMAGE_INPUT: {
    en: 'The image input is not usable: {reason}',
    vi: 'Ảnh đầu vào không dùng được: {reason}',
  },
  ERR_QR_IMAGE_FORMAT: {
    en: 'The image bytes could not be decoded (expected PNG, JPEG, BMP or GIF)',
    vi: 'Không đọc được dữ liệu ảnh (cần ảnh PNG, JPEG, BMP hoặc GIF)',
  },
  ERR_QR_NOT_FOUND: {
    en: 'No QR code was found in the image',
    vi: 'Không tìm thấy mã QR trong ảnh',
  },
  ERR_QR_WASM_NOT_CONFIGURED: {
    en: 'The QR decoder (.wasm file) location is not set: call configureQrImageDecoder({ wasmUrl }) with a URL your own server serves',
    vi: 'Chưa cấu hình vị trí tệp giải mã QR (.wasm): gọi configureQrImageDecoder({ wasmUrl }) với địa chỉ trên máy chủ của bạn',
  },
  ERR_QR_WASM_LOAD: {
    en: 'The QR decoder (.wasm file) could not be loaded: {reason}',
    vi: 'Không tải được bộ giải mã QR (tệp .wasm): {reason}',
  },
};

/** @internal */
export const qrError = createErrorFactory(qrErrorMessages, 'QrError');
