import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/** Error codes raised by `@cancuoc/eid`. Each names the check that failed. */
export type EidErrorCode =
  | 'ERR_EID_TOKEN_FORMAT'
  | 'ERR_EID_TOKEN_SIZE'
  | 'ERR_EID_ALGORITHM'
  | 'ERR_EID_KEY_NOT_FOUND'
  | 'ERR_EID_SIGNATURE'
  | 'ERR_EID_EXPIRED'
  | 'ERR_EID_NOT_YET_VALID'
  | 'ERR_EID_ISSUED_AT'
  | 'ERR_EID_ISSUER'
  | 'ERR_EID_AUDIENCE'
  | 'ERR_EID_AZP'
  | 'ERR_EID_NONCE'
  | 'ERR_EID_AT_HASH'
  | 'ERR_EID_ACR'
  | 'ERR_EID_CLAIMS'
  | 'ERR_EID_PERSONAL_ID'
  | 'ERR_EID_JWKS_UNAVAILABLE'
  | 'ERR_EID_JWKS_TIMEOUT'
  | 'ERR_EID_JWKS_INVALID'
  | 'ERR_EID_STATE'
  | 'ERR_EID_CALLBACK'
  | 'ERR_EID_PROVIDER_ERROR'
  | 'ERR_EID_DISCOVERY'
  | 'ERR_EID_TOKEN_RESPONSE'
  | 'ERR_EID_USERINFO'
  | 'ERR_EID_USERINFO_SUBJECT'
  | 'ERR_EID_NETWORK'
  | 'ERR_EID_TIMEOUT'
  | 'ERR_EID_SESSION'
  | 'ERR_EID_RETURN_TO'
  | 'ERR_EID_REQUEST'
  | 'ERR_EID_METHOD'
  | 'ERR_EID_LOGOUT_FORBIDDEN'
  | 'ERR_EID_LOGOUT_TOKEN'
  | 'ERR_EID_LOGOUT_REPLAY'
  | 'ERR_EID_BACKCHANNEL_UNAVAILABLE';

/**
 * English and Vietnamese messages of every {@link EidErrorCode}.
 *
 * @example
 * ```ts
 * eidErrorMessages.ERR_EID_EXPIRED.vi // 'Mã xác thực đã hết hạn, vui lòng đăng nhập lại'
 * ```
 */
export const eidErrorMessages: ErrorCatalog<EidErrorCode> = {
  ERR_EID_TOKEN_FORMAT: {
    en: 'The e-ID token is not a well-formed signed JWT ({reason})',
    vi: 'Mã xác thực định danh điện tử không đúng định dạng ({reason})',
  },
  ERR_EID_TOKEN_SIZE: {
    en: 'The e-ID token is {size} bytes long, over the {max}-byte limit',
    vi: 'Mã xác thực định danh điện tử quá dài ({size} byte, tối đa {max} byte)',
  },
  ERR_EID_ALGORITHM: {
    en: 'The token is signed with algorithm "{alg}", which is not allowed (allowed: {allowed})',
    vi: 'Mã xác thực dùng thuật toán ký "{alg}" không được chấp nhận (chấp nhận: {allowed})',
  },
  ERR_EID_KEY_NOT_FOUND: {
    en: 'No key of the identity provider matches the token (kid {kid})',
    vi: 'Không tìm thấy khóa của máy chủ định danh khớp với mã xác thực (kid {kid})',
  },
  ERR_EID_SIGNATURE: {
    en: 'The token signature is invalid',
    vi: 'Chữ ký của mã xác thực không hợp lệ',
  },
  ERR_EID_EXPIRED: {
    en: 'The token has expired',
    vi: 'Mã xác thực đã hết hạn, vui lòng đăng nhập lại',
  },
  ERR_EID_NOT_YET_VALID: {
    en: 'The token is not valid yet (check the server clock)',
    vi: 'Mã xác thực chưa đến thời điểm có hiệu lực (kiểm tra đồng hồ máy chủ)',
  },
  ERR_EID_ISSUED_AT: {
    en: 'The token issue time is missing, in the future or too old',
    vi: 'Thời điểm phát hành mã xác thực bị thiếu, ở tương lai hoặc quá cũ',
  },
  ERR_EID_ISSUER: {
    en: 'The token was issued by an unexpected identity provider',
    vi: 'Mã xác thực do một máy chủ định danh không được tin cậy phát hành',
  },
  ERR_EID_AUDIENCE: {
    en: 'The token was issued for another application',
    vi: 'Mã xác thực được cấp cho ứng dụng khác',
  },
  ERR_EID_AZP: {
    en: 'The token names another authorized party (azp)',
    vi: 'Mã xác thực ghi bên được ủy quyền (azp) không phải ứng dụng này',
  },
  ERR_EID_NONCE: {
    en: 'The token nonce does not match this login (replayed or mixed-up login)',
    vi: 'Mã nonce không khớp với lần đăng nhập này (có thể bị dùng lại)',
  },
  ERR_EID_AT_HASH: {
    en: 'The ID token does not match the access token (at_hash)',
    vi: 'Mã định danh không khớp với mã truy cập (at_hash)',
  },
  ERR_EID_ACR: {
    en: 'The login assurance level "{acr}" is below the required "{required}"',
    vi: 'Mức xác thực "{acr}" thấp hơn mức yêu cầu "{required}"',
  },
  ERR_EID_CLAIMS: {
    en: 'The identity claims are missing or malformed ({reason})',
    vi: 'Thông tin định danh bị thiếu hoặc sai định dạng ({reason})',
  },
  ERR_EID_PERSONAL_ID: {
    en: 'The personal ID number in the e-ID claims is invalid ({id})',
    vi: 'Số định danh cá nhân trong thông tin định danh điện tử không hợp lệ ({id})',
  },
  ERR_EID_JWKS_UNAVAILABLE: {
    en: 'The identity provider keys (JWKS) could not be fetched ({reason})',
    vi: 'Không tải được khóa công khai (JWKS) của máy chủ định danh ({reason})',
  },
  ERR_EID_JWKS_TIMEOUT: {
    en: 'The identity provider keys (JWKS) did not arrive within {timeoutMs} ms',
    vi: 'Máy chủ định danh không trả khóa công khai (JWKS) trong {timeoutMs} ms',
  },
  ERR_EID_JWKS_INVALID: {
    en: 'The identity provider returned a malformed key set (JWKS)',
    vi: 'Máy chủ định danh trả về bộ khóa công khai (JWKS) sai định dạng',
  },
  ERR_EID_STATE: {
    en: 'The login callback does not belong to the login that was started (state mismatch)',
    vi: 'Kết quả đăng nhập không khớp với phiên đăng nhập đã bắt đầu (state không khớp)',
  },
  ERR_EID_CALLBACK: {
    en: 'The login callback is malformed ({reason})',
    vi: 'Kết quả đăng nhập trả về không hợp lệ ({reason})',
  },
  ERR_EID_PROVIDER_ERROR: {
    en: 'The identity provider refused the login: {error}',
    vi: 'Máy chủ định danh từ chối đăng nhập: {error}',
  },
  ERR_EID_DISCOVERY: {
    en: 'The identity provider configuration could not be read ({reason})',
    vi: 'Không đọc được cấu hình của máy chủ định danh ({reason})',
  },
  ERR_EID_TOKEN_RESPONSE: {
    en: 'The identity provider token response is invalid ({reason})',
    vi: 'Phản hồi cấp mã của máy chủ định danh không hợp lệ ({reason})',
  },
  ERR_EID_USERINFO: {
    en: 'The user information response is invalid ({reason})',
    vi: 'Thông tin người dùng trả về không hợp lệ ({reason})',
  },
  ERR_EID_USERINFO_SUBJECT: {
    en: 'The user information belongs to another person than the ID token (sub mismatch)',
    vi: 'Thông tin người dùng thuộc về người khác với mã định danh (sub không khớp)',
  },
  ERR_EID_NETWORK: {
    en: 'The identity provider could not be reached ({reason})',
    vi: 'Không kết nối được máy chủ định danh ({reason})',
  },
  ERR_EID_TIMEOUT: {
    en: 'The identity provider did not answer within {timeoutMs} ms',
    vi: 'Máy chủ định danh không phản hồi trong {timeoutMs} ms',
  },
  ERR_EID_SESSION: {
    en: 'The login session is missing, expired or was tampered with',
    vi: 'Phiên đăng nhập không tồn tại, đã hết hạn hoặc bị sửa đổi',
  },
  ERR_EID_RETURN_TO: {
    en: 'The address to return to after login is refused ({reason})',
    vi: 'Địa chỉ quay lại sau khi đăng nhập không được chấp nhận ({reason})',
  },
  ERR_EID_REQUEST: {
    en: 'The request is malformed ({reason})',
    vi: 'Yêu cầu gửi đến không hợp lệ ({reason})',
  },
  ERR_EID_METHOD: {
    en: 'The method {method} is not allowed on this address',
    vi: 'Phương thức {method} không được dùng cho địa chỉ này',
  },
  ERR_EID_LOGOUT_FORBIDDEN: {
    en: 'The logout request did not come from this site (no valid confirmation token)',
    vi: 'Yêu cầu đăng xuất không xuất phát từ trang này (thiếu mã xác nhận hợp lệ)',
  },
  ERR_EID_LOGOUT_TOKEN: {
    en: 'The back-channel logout token is invalid ({reason})',
    vi: 'Mã đăng xuất gửi từ máy chủ định danh không hợp lệ ({reason})',
  },
  ERR_EID_LOGOUT_REPLAY: {
    en: 'The back-channel logout token was already used (replayed jti)',
    vi: 'Mã đăng xuất gửi từ máy chủ định danh đã được dùng trước đó (jti bị gửi lại)',
  },
  ERR_EID_BACKCHANNEL_UNAVAILABLE: {
    en: 'Back-channel logout needs a server-side session store and a client that verifies logout tokens',
    vi: 'Đăng xuất từ máy chủ định danh cần kho phiên phía máy chủ và ứng dụng có kiểm tra mã đăng xuất',
  },
};

/** @internal */
export const eidError = createErrorFactory(eidErrorMessages, 'EidError');
