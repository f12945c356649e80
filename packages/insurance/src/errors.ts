import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/**
 * Error codes raised by `@cancuoc/insurance`. A card check that the gateway answered with a verdict
 * (eligible, not eligible, ask the patient) is a result, not an error: these codes are for checks
 * that could not be done (the hospital's account or staff registration, the network, the gateway).
 */
export type InsuranceErrorCode =
  | 'ERR_INSURANCE_QUERY'
  | 'ERR_INSURANCE_SOURCE'
  | 'ERR_INSURANCE_AUTH'
  | 'ERR_INSURANCE_LOGIN_REFUSED'
  | 'ERR_INSURANCE_STAFF_NOT_REGISTERED'
  | 'ERR_INSURANCE_STAFF_NAME_MISMATCH'
  | 'ERR_INSURANCE_PARAMETERS'
  | 'ERR_INSURANCE_SERVER'
  | 'ERR_INSURANCE_CARD_DATA'
  | 'ERR_INSURANCE_UNKNOWN_RESULT'
  | 'ERR_INSURANCE_RESPONSE'
  | 'ERR_INSURANCE_HTTP'
  | 'ERR_INSURANCE_NETWORK'
  | 'ERR_INSURANCE_TIMEOUT'
  | 'ERR_INSURANCE_ABORTED';

/**
 * English and Vietnamese messages of every {@link InsuranceErrorCode}. The Vietnamese text is
 * written for the reception desk and the hospital's IT staff: what failed and who can fix it.
 *
 * @example
 * ```ts
 * insuranceErrorMessages.ERR_INSURANCE_STAFF_NOT_REGISTERED.vi
 * // 'Số CCCD của cán bộ tra cứu chưa có trong danh sách người sử dụng …'
 * ```
 */
export const insuranceErrorMessages: ErrorCatalog<InsuranceErrorCode> = {
  ERR_INSURANCE_QUERY: {
    en: 'The card check cannot be sent: {reason}',
    vi: 'Chưa thể tra cứu thẻ: {reasonVi}',
  },
  ERR_INSURANCE_SOURCE: {
    en: 'The card check cannot be built from this source: {reason}',
    vi: 'Không lập được thông tin tra cứu từ dữ liệu này: {reasonVi}',
  },
  ERR_INSURANCE_AUTH: {
    en: 'The BHXH gateway refused the hospital account (code {gatewayCode}): check the username and password registered with Vietnam Social Security',
    vi: 'Cổng BHXH từ chối tài khoản của cơ sở (mã {gatewayCode}): kiểm tra lại tên đăng nhập và mật khẩu đã đăng ký với BHXH',
  },
  ERR_INSURANCE_LOGIN_REFUSED: {
    en: 'The BHXH gateway refused to open a session (code {gatewayCode})',
    vi: 'Cổng BHXH không cấp phiên làm việc (mã {gatewayCode})',
  },
  ERR_INSURANCE_STAFF_NOT_REGISTERED: {
    en: 'The ID number of the staff member doing the check is not on the list of users the facility registered with BHXH (code 054)',
    vi: 'Số CCCD của cán bộ tra cứu chưa có trong danh sách người sử dụng do cơ sở khám chữa bệnh đăng ký với BHXH (mã 054)',
  },
  ERR_INSURANCE_STAFF_NAME_MISMATCH: {
    en: 'The name of the staff member doing the check does not match their ID number in the BHXH registration (code 055)',
    vi: 'Họ và tên của cán bộ tra cứu không khớp với số CCCD đã đăng ký với BHXH (mã 055)',
  },
  ERR_INSURANCE_PARAMETERS: {
    en: 'The BHXH gateway rejected the request parameters as badly formatted (code 205)',
    vi: 'Cổng BHXH báo sai định dạng tham số truyền vào (mã 205)',
  },
  ERR_INSURANCE_SERVER: {
    en: 'The BHXH gateway had a server error ({reason}); try again in a moment',
    vi: 'Máy chủ cổng BHXH gặp lỗi ({reasonVi}); vui lòng thử lại sau ít phút',
  },
  ERR_INSURANCE_CARD_DATA: {
    en: 'The BHXH gateway could not read its card register (code 100); try again in a moment',
    vi: 'Cổng BHXH lỗi khi lấy dữ liệu sổ thẻ (mã 100); vui lòng thử lại sau ít phút',
  },
  ERR_INSURANCE_UNKNOWN_RESULT: {
    en: 'The BHXH gateway answered with result code {gatewayCode}, which is not in the published table',
    vi: 'Cổng BHXH trả về mã kết quả {gatewayCode}, không có trong bảng mã đã công bố',
  },
  ERR_INSURANCE_RESPONSE: {
    en: 'The BHXH gateway sent a response that cannot be read ({reason})',
    vi: 'Không đọc được dữ liệu cổng BHXH trả về ({reasonVi})',
  },
  ERR_INSURANCE_HTTP: {
    en: 'The BHXH gateway answered HTTP {status}',
    vi: 'Cổng BHXH trả về mã HTTP {status}',
  },
  ERR_INSURANCE_NETWORK: {
    en: 'The BHXH gateway cannot be reached after {attempts} attempt(s)',
    vi: 'Không kết nối được cổng BHXH sau {attempts} lần thử',
  },
  ERR_INSURANCE_TIMEOUT: {
    en: 'The BHXH gateway did not answer within {timeoutMs} ms',
    vi: 'Cổng BHXH không phản hồi trong {timeoutMs} ms',
  },
  ERR_INSURANCE_ABORTED: {
    en: 'The card check was cancelled',
    vi: 'Đã hủy tra cứu thẻ',
  },
};

/** @internal */
export const insuranceError = createErrorFactory(insuranceErrorMessages, 'InsuranceError');
