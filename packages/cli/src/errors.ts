import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/** Error codes of the `cancuoc` command's own input checks (files, folders, keys). */
export type CliErrorCode =
  | 'ERR_CLI_FILE_NOT_FOUND'
  | 'ERR_CLI_FILE_READ'
  | 'ERR_CLI_FILE_TOO_LARGE'
  | 'ERR_CLI_FOLDER_EMPTY'
  | 'ERR_CLI_CHIP_NO_SOD'
  | 'ERR_CLI_TRUST_UNUSABLE'
  | 'ERR_CLI_JWKS_UNUSABLE'
  | 'ERR_CLI_ACCESS_KEY'
  | 'ERR_CLI_MAPPING'
  | 'ERR_CLI_TESTKIT_MISSING';

/**
 * English and Vietnamese messages of every {@link CliErrorCode}.
 *
 * @example
 * ```ts
 * cliErrorMessages.ERR_CLI_FILE_NOT_FOUND.vi // 'Không tìm thấy tệp {path}'
 * ```
 */
export const cliErrorMessages: ErrorCatalog<CliErrorCode> = {
  ERR_CLI_FILE_NOT_FOUND: {
    en: 'File or folder not found: {path}',
    vi: 'Không tìm thấy tệp hoặc thư mục {path}',
  },
  ERR_CLI_FILE_READ: { en: 'Cannot read {path}: {reason}', vi: 'Không đọc được {path}: {reason}' },
  ERR_CLI_FILE_TOO_LARGE: {
    en: '{path} is larger than {limit} bytes; this is not a {what}',
    vi: '{path} lớn hơn {limit} byte; đây không phải {whatVi}',
  },
  ERR_CLI_FOLDER_EMPTY: {
    en: 'No chip file found in {path} (expected names such as EF.SOD, DG1.bin, DG13.bin)',
    vi: 'Không có tệp chip nào trong {path} (cần các tên như EF.SOD, DG1.bin, DG13.bin)',
  },
  ERR_CLI_CHIP_NO_SOD: {
    en: 'No EF.SOD in {path}: the data groups cannot be verified without it',
    vi: 'Thư mục {path} không có EF.SOD: không thể xác thực các nhóm dữ liệu khi thiếu tệp này',
  },
  ERR_CLI_TRUST_UNUSABLE: {
    en: 'The trust file {path} is not a CSCA certificate (PEM/DER) or an ICAO master list: {reason}',
    vi: 'Tệp tin cậy {path} không phải chứng thư CSCA (PEM/DER) hay danh sách CSCA của ICAO: {reason}',
  },
  ERR_CLI_JWKS_UNUSABLE: {
    en: 'The key set {path} is not a JSON Web Key Set ({reason})',
    vi: 'Tệp khóa {path} không phải JSON Web Key Set ({reason})',
  },
  ERR_CLI_ACCESS_KEY: {
    en: 'Unusable access key: {reason}',
    vi: 'Khóa truy cập chip không dùng được: {reasonVi}',
  },
  ERR_CLI_MAPPING: {
    en: 'Unusable column mapping "{mapping}": write field=Header, with a field among {fields}',
    vi: 'Ánh xạ cột "{mapping}" không hợp lệ: viết trường=Tiêu đề cột, với trường thuộc {fields}',
  },
  ERR_CLI_TESTKIT_MISSING: {
    en: 'The simulated card needs @cancuoc/testkit (npm install @cancuoc/testkit)',
    vi: 'Thẻ mô phỏng cần gói @cancuoc/testkit (npm install @cancuoc/testkit)',
  },
};

/** @internal */
export const cliError = createErrorFactory(cliErrorMessages, 'CliError');
