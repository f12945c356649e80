/**
 * Error codes of `@cancuoc/chip`, with messages in English and Vietnamese for front-desk UIs.
 * Details never carry a full ID number, a name, a face image or key material.
 */
import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/** Every code `@cancuoc/chip` raises. */
export type ChipErrorCode =
  | 'ERR_TLV_TRUNCATED'
  | 'ERR_TLV_TAG'
  | 'ERR_TLV_LENGTH'
  | 'ERR_TLV_DEPTH'
  | 'ERR_TLV_TRAILING'
  | 'ERR_MRZ_FORMAT'
  | 'ERR_MRZ_CHECK_DIGIT'
  | 'ERR_MRZ_DATE'
  | 'ERR_CHIP_FILE_TAG'
  | 'ERR_CHIP_STRUCTURE'
  | 'ERR_CHIP_VALUE'
  | 'ERR_DG2_IMAGE'
  | 'ERR_DG13_FIELD'
  | 'ERR_SOD_STRUCTURE'
  | 'ERR_SOD_CONTENT_TYPE'
  | 'ERR_SOD_VERSION'
  | 'ERR_SOD_ALGORITHM'
  | 'ERR_CERT_INVALID'
  | 'ERR_KEY_UNSUPPORTED'
  | 'ERR_TRUST_CERTIFICATE'
  | 'ERR_TRUST_MASTER_LIST'
  | 'ERR_TRUST_CRL'
  | 'ERR_AA_INPUT'
  | 'ERR_CHIP_INPUT_SIZE';

/** English and Vietnamese messages of every {@link ChipErrorCode}. */
export const chipErrorMessages: ErrorCatalog<ChipErrorCode> = {
  ERR_TLV_TRUNCATED: {
    en: 'The chip data ends too early (at byte {offset})',
    vi: 'Dữ liệu chip bị cụt (tại byte {offset})',
  },
  ERR_TLV_TAG: {
    en: 'The chip data has an invalid tag at byte {offset}',
    vi: 'Dữ liệu chip có thẻ (tag) không hợp lệ tại byte {offset}',
  },
  ERR_TLV_LENGTH: {
    en: 'The chip data has an invalid length at byte {offset}',
    vi: 'Dữ liệu chip có độ dài không hợp lệ tại byte {offset}',
  },
  ERR_TLV_DEPTH: {
    en: 'The chip data is nested deeper than {maxDepth} levels',
    vi: 'Dữ liệu chip lồng nhau quá {maxDepth} cấp',
  },
  ERR_TLV_TRAILING: {
    en: 'The chip data has {count} unexpected bytes at the end',
    vi: 'Dữ liệu chip có {count} byte thừa ở cuối',
  },
  ERR_MRZ_FORMAT: {
    en: 'The MRZ is not a valid TD1, TD2 or TD3 zone ({reason})',
    vi: 'Vùng MRZ không đúng định dạng TD1, TD2 hoặc TD3 ({reason})',
  },
  ERR_MRZ_CHECK_DIGIT: {
    en: 'The MRZ check digit of the {field} is wrong',
    vi: 'Chữ số kiểm tra của trường {field} trong MRZ bị sai',
  },
  ERR_MRZ_DATE: {
    en: 'The MRZ {field} is not a valid date',
    vi: 'Trường {field} trong MRZ không phải ngày hợp lệ',
  },
  ERR_CHIP_FILE_TAG: {
    en: 'This is not the expected chip file (tag {tag}, expected {expected})',
    vi: 'Đây không phải tệp chip cần đọc (thẻ {tag}, cần {expected})',
  },
  ERR_CHIP_STRUCTURE: {
    en: 'The chip file is malformed: {reason}',
    vi: 'Tệp dữ liệu chip sai cấu trúc: {reason}',
  },
  ERR_CHIP_VALUE: {
    en: 'The chip file holds an invalid value: {reason}',
    vi: 'Tệp dữ liệu chip có giá trị không hợp lệ: {reason}',
  },
  ERR_DG2_IMAGE: {
    en: 'The face image in DG2 cannot be read: {reason}',
    vi: 'Không đọc được ảnh khuôn mặt trong DG2: {reason}',
  },
  ERR_DG13_FIELD: {
    en: 'DG13 field {field} is malformed: {reason}',
    vi: 'Trường {field} của DG13 sai cấu trúc: {reason}',
  },
  ERR_SOD_STRUCTURE: {
    en: 'The document security object (EF.SOD) is malformed: {reason}',
    vi: 'Đối tượng bảo mật (EF.SOD) sai cấu trúc: {reason}',
  },
  ERR_SOD_CONTENT_TYPE: {
    en: 'The EF.SOD has an unexpected content type {oid}',
    vi: 'EF.SOD có kiểu nội dung không đúng {oid}',
  },
  ERR_SOD_VERSION: {
    en: 'The EF.SOD has an unsupported {structure} version {version}',
    vi: 'EF.SOD có phiên bản {structure} không được hỗ trợ: {version}',
  },
  ERR_SOD_ALGORITHM: {
    en: 'The algorithm {oid} is not supported',
    vi: 'Thuật toán {oid} không được hỗ trợ',
  },
  ERR_CERT_INVALID: {
    en: 'The certificate cannot be read: {reason}',
    vi: 'Không đọc được chứng thư số: {reason}',
  },
  ERR_KEY_UNSUPPORTED: {
    en: 'The public key is not supported: {reason}',
    vi: 'Khóa công khai không được hỗ trợ: {reason}',
  },
  ERR_TRUST_CERTIFICATE: {
    en: 'A trust-store certificate cannot be read (item {index})',
    vi: 'Không đọc được chứng thư tin cậy (mục {index})',
  },
  ERR_TRUST_MASTER_LIST: {
    en: 'The CSCA master list cannot be used: {reason}',
    vi: 'Không dùng được danh sách CSCA (master list): {reason}',
  },
  ERR_TRUST_CRL: {
    en: 'The certificate revocation list cannot be used: {reason}',
    vi: 'Không dùng được danh sách thu hồi chứng thư (CRL): {reason}',
  },
  ERR_AA_INPUT: {
    en: 'The active authentication input is invalid: {reason}',
    vi: 'Dữ liệu xác thực chủ động (AA) không hợp lệ: {reason}',
  },
  ERR_CHIP_INPUT_SIZE: {
    en: 'The {what} is {size} bytes, more than the {max} accepted',
    vi: 'Dữ liệu {what} dài {size} byte, vượt giới hạn {max} byte',
  },
};

/** Raises a coded chip error. */
export const fail = createErrorFactory(chipErrorMessages, 'ChipError');

/**
 * Keeps an error whose code starts with one of `keep` (it already says what is wrong) and turns any
 * other failure into `ERR_SOD_STRUCTURE` with `reason`.
 */
export function asSodError(e: unknown, reason: string, keep: readonly string[]): unknown {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (keep.some((prefix) => code.startsWith(prefix))) return e;
  return fail('ERR_SOD_STRUCTURE', { reason }, { cause: e });
}
