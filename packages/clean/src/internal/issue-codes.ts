import type { ErrorCatalog } from '@cancuoc/core';

/**
 * Codes of the findings that are new with this package (`CLEAN_*`). Findings that other packages
 * already name keep their code (`ERR_ID_*` from `@cancuoc/id-number`, `ERR_SCHEMA_REQUIRED`,
 * `ERR_SCHEMA_ETHNICITY_UNKNOWN` from `@cancuoc/schemas`).
 */
export type CleanIssueCode =
  | 'CLEAN_LEGACY_FONT'
  | 'CLEAN_REPLACEMENT_CHARACTER'
  | 'CLEAN_NAME_NORMALIZED'
  | 'CLEAN_NAME_CHARACTERS'
  | 'CLEAN_NAME_NO_DIACRITICS'
  | 'CLEAN_ID_NORMALIZED'
  | 'CLEAN_ID_LEADING_ZERO'
  | 'CLEAN_ID_LEGACY_IN_ID_COLUMN'
  | 'CLEAN_DATE_NORMALIZED'
  | 'CLEAN_DATE_YEAR_ONLY'
  | 'CLEAN_DATE_MONTH_YEAR'
  | 'CLEAN_DATE_SWAPPED'
  | 'CLEAN_DATE_EXCEL_SERIAL'
  | 'CLEAN_DATE_IMPOSSIBLE'
  | 'CLEAN_DATE_FORMAT'
  | 'CLEAN_DATE_FUTURE'
  | 'CLEAN_DATE_RANGE'
  | 'CLEAN_SEX_NORMALIZED'
  | 'CLEAN_SEX_UNKNOWN'
  | 'CLEAN_ADDRESS_PROVINCE_MIGRATED'
  | 'CLEAN_ADDRESS_NEEDS_REVIEW'
  | 'CLEAN_ETHNICITY_NORMALIZED'
  | 'CLEAN_RELIGION_NORMALIZED'
  | 'CLEAN_RELIGION_UNKNOWN'
  | 'CLEAN_NATIONALITY_NORMALIZED'
  | 'CLEAN_NATIONALITY_UNKNOWN'
  | 'CLEAN_PHONE_NORMALIZED'
  | 'CLEAN_PHONE_OLD_PREFIX'
  | 'CLEAN_PHONE_INVALID'
  | 'CLEAN_EMAIL_NORMALIZED'
  | 'CLEAN_EMAIL_INVALID'
  | 'ERR_SCHEMA_REQUIRED'
  | 'ERR_SCHEMA_ETHNICITY_UNKNOWN';

/** Messages of every {@link CleanIssueCode} (placeholders in braces). */
export const cleanIssueMessages: ErrorCatalog<CleanIssueCode> = {
  CLEAN_LEGACY_FONT: {
    en: 'Text typed in the legacy {encoding} font encoding was converted to Unicode',
    vi: 'Đã chuyển văn bản gõ bằng bảng mã cũ {encoding} sang Unicode',
  },
  CLEAN_REPLACEMENT_CHARACTER: {
    en: 'The text contains the replacement character (�): letters were lost when the file was converted; retype it from the source',
    vi: 'Văn bản có ký tự thay thế (�): một số chữ đã bị mất khi chuyển đổi tệp; hãy nhập lại từ bản gốc',
  },
  CLEAN_NAME_NORMALIZED: {
    en: 'The name was normalised (Unicode NFC, spacing, capitalisation)',
    vi: 'Đã chuẩn hoá họ tên (Unicode dựng sẵn, khoảng trắng, viết hoa chữ cái đầu)',
  },
  CLEAN_NAME_CHARACTERS: {
    en: 'The name contains digits or symbols that a Vietnamese name cannot have',
    vi: 'Họ tên có chữ số hoặc ký hiệu không thể có trong họ tên',
  },
  CLEAN_NAME_NO_DIACRITICS: {
    en: 'The name is written without diacritics; the national population database stores it with them',
    vi: 'Họ tên viết không dấu; Cơ sở dữ liệu quốc gia về dân cư lưu họ tên có dấu',
  },
  CLEAN_ID_NORMALIZED: {
    en: 'Spaces, dots or dashes were removed from the number',
    vi: 'Đã bỏ dấu cách, dấu chấm hoặc gạch ngang trong số',
  },
  CLEAN_ID_LEADING_ZERO: {
    en: 'The leading zero of the 12-digit ID number, dropped by a spreadsheet, was put back',
    vi: 'Đã thêm lại chữ số 0 đầu của số định danh 12 số (bị bảng tính làm mất)',
  },
  CLEAN_ID_LEGACY_IN_ID_COLUMN: {
    en: 'A 9-digit ID card (CMND) number was entered as the personal ID number; it belongs in the CMND column (moved there unless that column holds another number)',
    vi: 'Số CMND 9 số được nhập vào cột số định danh; số này thuộc cột số CMND (đã chuyển sang nếu cột đó chưa có số khác)',
  },
  CLEAN_DATE_NORMALIZED: {
    en: 'The date was rewritten as dd/MM/yyyy',
    vi: 'Đã viết lại ngày theo dạng ngày/tháng/năm (dd/MM/yyyy)',
  },
  CLEAN_DATE_YEAR_ONLY: {
    en: 'Day and month 00 mean that only the birth year is known; kept as the year alone',
    vi: 'Ngày và tháng 00 nghĩa là chỉ biết năm sinh; đã giữ lại năm sinh',
  },
  CLEAN_DATE_MONTH_YEAR: {
    en: 'Day 00 means that only the month and year are known; kept as MM/yyyy',
    vi: 'Ngày 00 nghĩa là chỉ biết tháng và năm sinh; đã giữ lại tháng/năm',
  },
  CLEAN_DATE_SWAPPED: {
    en: 'Day and month were swapped (month/day order); the only reading that gives a real date was kept',
    vi: 'Ngày và tháng bị đảo (nhập theo thứ tự tháng/ngày); đã sửa theo cách đọc duy nhất hợp lệ',
  },
  CLEAN_DATE_EXCEL_SERIAL: {
    en: 'The date was an Excel serial number; it was converted to dd/MM/yyyy',
    vi: 'Ngày là số ngày của Excel; đã đổi sang dạng ngày/tháng/năm',
  },
  CLEAN_DATE_IMPOSSIBLE: {
    en: 'This day does not exist in the calendar ({value})',
    vi: 'Ngày này không có trong lịch ({value})',
  },
  CLEAN_DATE_FORMAT: {
    en: 'The date cannot be read; write it as dd/MM/yyyy, MM/yyyy or yyyy',
    vi: 'Không đọc được ngày; hãy ghi theo dạng ngày/tháng/năm, tháng/năm hoặc năm',
  },
  CLEAN_DATE_FUTURE: {
    en: 'The birth date is in the future',
    vi: 'Ngày sinh ở tương lai',
  },
  CLEAN_DATE_RANGE: {
    en: 'The birth year {year} is not plausible',
    vi: 'Năm sinh {year} không hợp lý',
  },
  CLEAN_SEX_NORMALIZED: {
    en: 'The sex was written as "Nam" or "Nữ"',
    vi: 'Đã ghi giới tính theo dạng "Nam" hoặc "Nữ"',
  },
  CLEAN_SEX_UNKNOWN: {
    en: 'The sex cannot be read; write "Nam" (male) or "Nữ" (female)',
    vi: 'Không đọc được giới tính; hãy ghi "Nam" hoặc "Nữ"',
  },
  CLEAN_ADDRESS_PROVINCE_MIGRATED: {
    en: 'Since 1 July 2025 {old} is part of {new} (Resolution 202/2025/QH15); the province was updated',
    vi: 'Từ ngày 1/7/2025 {old} thuộc {new} (Nghị quyết 202/2025/QH15); đã cập nhật tỉnh, thành phố',
  },
  CLEAN_ADDRESS_NEEDS_REVIEW: {
    en: 'The address needs review: {reasonEn}',
    vi: 'Địa chỉ cần rà soát: {reasonVi}',
  },
  CLEAN_ETHNICITY_NORMALIZED: {
    en: 'The ethnic group was written with its official name (code {code})',
    vi: 'Đã ghi dân tộc theo tên chính thức (mã {code})',
  },
  CLEAN_RELIGION_NORMALIZED: {
    en: 'The religion was written with its official name (code {code})',
    vi: 'Đã ghi tôn giáo theo tên chính thức (mã {code})',
  },
  CLEAN_RELIGION_UNKNOWN: {
    en: 'The religion is not in the official list',
    vi: 'Tôn giáo không có trong danh mục',
  },
  CLEAN_NATIONALITY_NORMALIZED: {
    en: 'The nationality was written with its official name (code {code})',
    vi: 'Đã ghi quốc tịch theo tên chính thức (mã {code})',
  },
  CLEAN_NATIONALITY_UNKNOWN: {
    en: 'The nationality is not a known country',
    vi: 'Quốc tịch không phải tên hoặc mã quốc gia đã biết',
  },
  CLEAN_PHONE_NORMALIZED: {
    en: 'The phone number was written in the national format',
    vi: 'Đã ghi số điện thoại theo định dạng trong nước',
  },
  CLEAN_PHONE_OLD_PREFIX: {
    en: 'The 11-digit mobile number was converted to its 10-digit form (Decision 798/QĐ-BTTTT, 2018)',
    vi: 'Đã chuyển số di động 11 số sang 10 số (Quyết định 798/QĐ-BTTTT năm 2018)',
  },
  CLEAN_PHONE_INVALID: {
    en: 'This is not a valid Vietnamese phone number',
    vi: 'Số điện thoại không hợp lệ',
  },
  CLEAN_EMAIL_NORMALIZED: {
    en: 'Spaces were removed from the e-mail address and its domain written in lower case',
    vi: 'Đã bỏ khoảng trắng và viết thường tên miền của địa chỉ thư điện tử',
  },
  CLEAN_EMAIL_INVALID: {
    en: 'This is not a valid e-mail address',
    vi: 'Địa chỉ thư điện tử không hợp lệ',
  },
  ERR_SCHEMA_REQUIRED: {
    en: 'The {fieldEn} is required for the {profile} profile',
    vi: 'Thiếu {fieldVi} (bắt buộc với hồ sơ {profile})',
  },
  ERR_SCHEMA_ETHNICITY_UNKNOWN: {
    en: 'The ethnic group is not one of the 54 in the official list',
    vi: 'Dân tộc không thuộc danh mục 54 dân tộc',
  },
};

/** Formats the English and Vietnamese messages of a code. */
export function messagesOf(
  code: CleanIssueCode,
  details?: Readonly<Record<string, string | number>>,
): { messageEn: string; messageVi: string } {
  const entry = cleanIssueMessages[code];
  if (details === undefined) return { messageEn: entry.en, messageVi: entry.vi };
  return { messageEn: fill(entry.en, details), messageVi: fill(entry.vi, details) };
}

// The catalogue's templates split once at their `{name}` placeholders (odd entries are names):
// filling them is core's formatMessage without a regular expression and a callback per message,
// which showed in the profile of a million-record run (≈ 1.5 issues with details per record).
const compiled = new Map<string, readonly string[]>();

function fill(template: string, details: Readonly<Record<string, string | number>>): string {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  if (parts.length === 1) return template;
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] as string;
    const value: unknown = details[key];
    if (value === undefined || value === null) out += `{${key}}`;
    else out += Array.isArray(value) ? value.join(', ') : String(value);
    out += parts[i + 1] as string;
  }
  return out;
}
