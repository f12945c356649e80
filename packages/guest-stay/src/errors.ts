import {
  createErrorFactory,
  createIssue,
  type ErrorCatalog,
  type ErrorDetails,
  type Issue,
} from '@cancuoc/core';

/** Error codes raised (or reported as issues) by `@cancuoc/guest-stay`. */
export type GuestStayErrorCode =
  // building and validating a notice
  | 'ERR_STAY_INVALID'
  | 'ERR_STAY_GUEST_UNKNOWN'
  | 'ERR_STAY_FIELD_MISSING'
  | 'ERR_STAY_NAME'
  | 'ERR_STAY_BIRTH_DATE'
  | 'ERR_STAY_DOCUMENT_TYPE'
  | 'ERR_STAY_DOCUMENT_NUMBER'
  | 'ERR_STAY_NATIONALITY'
  | 'ERR_STAY_DATE'
  | 'ERR_STAY_DEPARTURE_BEFORE_ARRIVAL'
  | 'ERR_STAY_ARRIVAL_NOT_RECENT'
  | 'ERR_STAY_DEPARTURE_PAST'
  | 'ERR_STAY_TOO_LONG'
  | 'ERR_STAY_PERMIT_EXPIRED'
  | 'ERR_STAY_REASON'
  | 'ERR_STAY_REASON_DETAIL'
  | 'ERR_STAY_ROOM'
  | 'ERR_STAY_TEXT'
  // talking to the accommodation API
  | 'ERR_STAY_TIMEOUT'
  | 'ERR_STAY_NETWORK'
  | 'ERR_STAY_ABORTED'
  | 'ERR_STAY_AUTH'
  | 'ERR_STAY_SERVER'
  | 'ERR_STAY_HTTP'
  | 'ERR_STAY_RESPONSE'
  | 'ERR_STAY_REFUSED'
  | 'ERR_STAY_API_REJECTED'
  | 'ERR_STAY_DUPLICATE'
  | 'ERR_STAY_CHANGE'
  | 'ERR_STAY_NOT_STAYING'
  // export
  | 'ERR_STAY_EXPORT_PEER';

/**
 * English and Vietnamese messages of every {@link GuestStayErrorCode}. The Vietnamese text is for
 * the front desk: it says what to fix on the notice.
 *
 * @example
 * ```ts
 * guestStayErrorMessages.ERR_STAY_ROOM.vi // 'Chưa nhập số phòng; cơ sở lưu trú là khách sạn, nhà nghỉ… phải ghi số phòng'
 * ```
 */
export const guestStayErrorMessages: ErrorCatalog<GuestStayErrorCode> = {
  ERR_STAY_INVALID: {
    en: 'The stay notice has {count} problem(s): {summary}',
    vi: 'Thông báo lưu trú có {count} lỗi: {summaryVi}',
  },
  ERR_STAY_GUEST_UNKNOWN: {
    en: 'The guest is neither card data, a resident record, a card QR, an e-ID identity nor typed guest fields',
    vi: 'Không nhận ra thông tin khách: cần dữ liệu thẻ, hồ sơ công dân, mã QR trên thẻ, định danh điện tử hoặc các trường nhập tay',
  },
  ERR_STAY_FIELD_MISSING: {
    en: 'The {field} is missing',
    vi: 'Chưa nhập {fieldVi}',
  },
  ERR_STAY_NAME: {
    en: 'The full name must be 1 to 100 letters, spaces, apostrophes, dots or hyphens',
    vi: 'Họ và tên phải gồm 1 đến 100 chữ cái, dấu cách, dấu nháy, dấu chấm hoặc gạch nối',
  },
  ERR_STAY_BIRTH_DATE: {
    en: 'The date of birth is not a valid past date',
    vi: 'Ngày sinh không hợp lệ hoặc ở tương lai',
  },
  ERR_STAY_DOCUMENT_TYPE: {
    en: 'Unknown document type {type}; expected one of citizen-card, can-cuoc, legacy-id, passport, driving-licence, birth-certificate, insurance-card, id-notice',
    vi: 'Loại giấy tờ {type} không hợp lệ',
  },
  ERR_STAY_DOCUMENT_NUMBER: {
    en: 'A {documentName} number must be {rule}',
    vi: 'Số {documentNameVi} phải {ruleVi}',
  },
  ERR_STAY_NATIONALITY: {
    en: 'Nationality {nationality} is not in the ministry’s nationality catalogue (its codes are not ISO codes)',
    vi: 'Quốc tịch {nationality} không có trong danh mục quốc tịch của Bộ Công an (mã danh mục không phải mã ISO)',
  },
  ERR_STAY_DATE: {
    en: 'The {field} is not a valid date',
    vi: '{fieldVi} không phải là ngày giờ hợp lệ',
  },
  ERR_STAY_DEPARTURE_BEFORE_ARRIVAL: {
    en: 'The expected departure is before the arrival',
    vi: 'Ngày đi dự kiến phải lớn hơn hoặc bằng ngày đến cơ sở lưu trú',
  },
  ERR_STAY_ARRIVAL_NOT_RECENT: {
    en: 'The arrival must be today or yesterday (Vietnam time); it is {arrivalDate}',
    vi: 'Ngày đến cơ sở lưu trú phải là hôm nay hoặc hôm qua (giờ Việt Nam); đang ghi {arrivalDate}',
  },
  ERR_STAY_DEPARTURE_PAST: {
    en: 'The expected departure must be yesterday or later',
    vi: 'Ngày đi dự kiến phải từ ngày hôm qua trở đi',
  },
  ERR_STAY_TOO_LONG: {
    en: 'A stay notice covers at most {maxDays} days from the arrival; this one covers {days}',
    vi: 'Thời gian lưu trú tối đa {maxDays} ngày kể từ ngày đến; đang khai {days} ngày',
  },
  ERR_STAY_PERMIT_EXPIRED: {
    en: 'The permitted stay (visa or residence card) must end today or later',
    vi: 'Thời hạn tạm trú (thị thực, thẻ tạm trú) phải từ hôm nay trở đi',
  },
  ERR_STAY_REASON: {
    en: 'The reason for the stay must be a reason id of the ministry’s catalogue (a positive integer), not {reason}',
    vi: 'Lý do lưu trú phải là mã trong danh mục lý do cư trú (số nguyên dương), không phải {reason}',
  },
  ERR_STAY_REASON_DETAIL: {
    en: 'The reason "other" (id 20) needs a detailed reason',
    vi: 'Lý do cư trú "Khác" (mã 20) phải ghi lý do chi tiết',
  },
  ERR_STAY_ROOM: {
    en: 'The room number is missing; hotels, guesthouses, dormitories, apartments and medical facilities must give it',
    vi: 'Chưa nhập số phòng; cơ sở lưu trú là khách sạn, nhà nghỉ… phải ghi số phòng',
  },
  ERR_STAY_TEXT: {
    en: 'The {field} must be at most {max} characters with no control characters',
    vi: '{fieldVi} tối đa {max} ký tự và không chứa ký tự điều khiển',
  },
  ERR_STAY_TIMEOUT: {
    en: 'The accommodation API did not answer within {timeoutMs} ms; the notices may or may not have arrived',
    vi: 'Hệ thống lưu trú không trả lời trong {timeoutMs} ms; chưa rõ thông báo đã đến hay chưa',
  },
  ERR_STAY_NETWORK: {
    en: 'The connection to the accommodation API failed or was dropped; the notices may or may not have arrived',
    vi: 'Mất kết nối tới hệ thống lưu trú; chưa rõ thông báo đã đến hay chưa',
  },
  ERR_STAY_ABORTED: {
    en: 'The request to the accommodation API was cancelled; the notices may or may not have arrived',
    vi: 'Yêu cầu gửi hệ thống lưu trú đã bị huỷ; chưa rõ thông báo đã đến hay chưa',
  },
  ERR_STAY_AUTH: {
    en: 'The accommodation API refused the credentials (HTTP {status}): check the client credentials and the facility account',
    vi: 'Hệ thống lưu trú từ chối thông tin đăng nhập (HTTP {status}): kiểm tra thông tin client và tài khoản cơ sở lưu trú',
  },
  ERR_STAY_SERVER: {
    en: 'The accommodation API failed (HTTP {status}); nothing was stored, try again later',
    vi: 'Hệ thống lưu trú gặp lỗi (HTTP {status}); thông báo chưa được ghi nhận, hãy gửi lại sau',
  },
  ERR_STAY_HTTP: {
    en: 'The accommodation API answered HTTP {status} unexpectedly',
    vi: 'Hệ thống lưu trú trả về HTTP {status} ngoài dự kiến',
  },
  ERR_STAY_RESPONSE: {
    en: 'The accommodation API answered something that could not be read ({reason})',
    vi: 'Không đọc được câu trả lời của hệ thống lưu trú ({reason})',
  },
  ERR_STAY_REFUSED: {
    en: 'The accommodation API refused the request: {apiMessage}',
    vi: 'Hệ thống lưu trú từ chối yêu cầu: {apiMessage}',
  },
  ERR_STAY_API_REJECTED: {
    en: 'The accommodation API refused this notice: {apiMessage}',
    vi: 'Hệ thống lưu trú từ chối thông báo: {apiMessage}',
  },
  ERR_STAY_DUPLICATE: {
    en: 'The accommodation API already holds this stay',
    vi: 'Hệ thống lưu trú đã có khai báo trùng thời gian tại cơ sở lưu trú',
  },
  ERR_STAY_CHANGE: {
    en: 'Only a Vietnamese guest’s departure can be changed through the API, by early checkout or an extension of at most 30 days from the arrival',
    vi: 'Chỉ đổi được ngày đi của khách Việt Nam qua API: trả phòng sớm hoặc gia hạn tối đa 30 ngày kể từ ngày đến',
  },
  ERR_STAY_NOT_STAYING: {
    en: 'The accommodation API holds no current stay for this document',
    vi: 'Hệ thống lưu trú không có khách đang lưu trú với giấy tờ này',
  },
  ERR_STAY_EXPORT_PEER: {
    en: 'Excel export needs the optional peer dependency exceljs: install it (npm i exceljs)',
    vi: 'Xuất tệp Excel cần cài thêm gói exceljs (npm i exceljs)',
  },
};

/** @internal Raises a coded error of this package. */
export const stayError = createErrorFactory(guestStayErrorMessages, 'GuestStayError');

/** @internal Builds an issue of this package. */
export function stayIssue(
  code: GuestStayErrorCode,
  path: readonly (string | number)[],
  details: ErrorDetails = {},
  severity: 'error' | 'warning' = 'error',
): Issue {
  return createIssue(guestStayErrorMessages, code, path, details, severity);
}
