import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/** Error codes of `@cancuoc/reader`. */
export type ReaderErrorCode =
  | 'ERR_READER_ACCESS_INVALID'
  | 'ERR_READER_ACCESS_KEY_WRONG'
  | 'ERR_READER_ACCESS_DENIED'
  | 'ERR_READER_CONDITIONS_NOT_SATISFIED'
  | 'ERR_READER_CARD_REMOVED'
  | 'ERR_READER_TRANSPORT'
  | 'ERR_READER_TIMEOUT'
  | 'ERR_READER_ABORTED'
  | 'ERR_READER_RESPONSE_MALFORMED'
  | 'ERR_READER_SM_MAC'
  | 'ERR_READER_SM_MISSING'
  | 'ERR_READER_FILE_NOT_FOUND'
  | 'ERR_READER_FILE_MALFORMED'
  | 'ERR_READER_FILE_TOO_LARGE'
  | 'ERR_READER_WRONG_LENGTH'
  | 'ERR_READER_WRONG_PARAMETERS'
  | 'ERR_READER_NOT_SUPPORTED'
  | 'ERR_READER_STATUS'
  | 'ERR_READER_PROTOCOL_UNSUPPORTED'
  | 'ERR_READER_PACE_FAILED'
  | 'ERR_READER_CA_FAILED'
  | 'ERR_READER_AA_FAILED'
  | 'ERR_READER_PCSC_MISSING'
  | 'ERR_READER_PCSC_NO_READER'
  | 'ERR_READER_PCSC_UNAVAILABLE'
  | 'ERR_READER_WS_MISSING'
  | 'ERR_READER_BRIDGE_UNREACHABLE'
  | 'ERR_READER_BRIDGE_TIMEOUT'
  | 'ERR_READER_BRIDGE_TOKEN'
  | 'ERR_READER_BRIDGE_BUSY'
  | 'ERR_READER_BRIDGE_PROTOCOL'
  | 'ERR_READER_BRIDGE_MESSAGE_TOO_LARGE'
  | 'ERR_READER_BRIDGE_CLOSED';

/** English and Vietnamese messages of every {@link ReaderErrorCode}. */
export const readerErrorMessages: ErrorCatalog<ReaderErrorCode> = {
  ERR_READER_ACCESS_INVALID: {
    en: 'The access key is not valid: {reason}',
    vi: 'Thông tin mở khóa chip không hợp lệ: {reason}',
  },
  ERR_READER_ACCESS_KEY_WRONG: {
    en: 'The card refused the access key ({protocol}): check the CAN or the MRZ data (document number, birth date, expiry date)',
    vi: 'Thẻ từ chối khóa truy cập ({protocol}): kiểm tra lại số CAN hoặc thông tin MRZ (số giấy tờ, ngày sinh, ngày hết hạn)',
  },
  ERR_READER_ACCESS_DENIED: {
    en: 'The card refused access to {file} (status {sw}: security status not satisfied)',
    vi: 'Thẻ không cho phép đọc {file} (mã {sw}: chưa đủ điều kiện bảo mật)',
  },
  ERR_READER_CONDITIONS_NOT_SATISFIED: {
    en: 'The card refused the command (status {sw}: conditions of use not satisfied)',
    vi: 'Thẻ từ chối lệnh (mã {sw}: điều kiện sử dụng chưa thỏa mãn)',
  },
  ERR_READER_CARD_REMOVED: {
    en: 'The card was removed or the connection to it was lost; place the card on the reader and try again',
    vi: 'Thẻ đã bị nhấc ra hoặc mất kết nối; hãy đặt lại thẻ lên đầu đọc và thử lại',
  },
  ERR_READER_TRANSPORT: {
    en: 'The card reader failed: {reason}',
    vi: 'Đầu đọc thẻ gặp lỗi: {reason}',
  },
  ERR_READER_TIMEOUT: {
    en: 'The card did not answer within {timeoutMs} ms',
    vi: 'Thẻ không phản hồi trong {timeoutMs} ms',
  },
  ERR_READER_ABORTED: {
    en: 'Reading the card was cancelled',
    vi: 'Đã hủy việc đọc thẻ',
  },
  ERR_READER_RESPONSE_MALFORMED: {
    en: 'The card sent a malformed response: {reason}',
    vi: 'Thẻ trả về dữ liệu không đúng định dạng: {reason}',
  },
  ERR_READER_SM_MAC: {
    en: 'Secure messaging failed: the message authentication code does not match (status {sw})',
    vi: 'Lỗi kênh bảo mật: mã xác thực thông điệp không khớp (mã {sw})',
  },
  ERR_READER_SM_MISSING: {
    en: 'Secure messaging failed: the card answered without the expected secure-messaging objects (status {sw})',
    vi: 'Lỗi kênh bảo mật: phản hồi của thẻ thiếu các đối tượng bảo mật (mã {sw})',
  },
  ERR_READER_FILE_NOT_FOUND: {
    en: 'The card has no file {file} (status 6A82)',
    vi: 'Thẻ không có tệp {file} (mã 6A82)',
  },
  ERR_READER_FILE_MALFORMED: {
    en: 'The file {file} on the card does not start with a valid TLV header',
    vi: 'Tệp {file} trên thẻ không bắt đầu bằng tiêu đề TLV hợp lệ',
  },
  ERR_READER_FILE_TOO_LARGE: {
    en: 'The file {file} announces {length} bytes, more than the reader accepts ({max})',
    vi: 'Tệp {file} khai báo {length} byte, vượt quá giới hạn đọc ({max})',
  },
  ERR_READER_WRONG_LENGTH: {
    en: 'The card rejected the command length (status {sw})',
    vi: 'Thẻ không chấp nhận độ dài lệnh (mã {sw})',
  },
  ERR_READER_WRONG_PARAMETERS: {
    en: 'The card rejected the command parameters (status {sw})',
    vi: 'Thẻ không chấp nhận tham số của lệnh (mã {sw})',
  },
  ERR_READER_NOT_SUPPORTED: {
    en: 'The card does not support this command (status {sw})',
    vi: 'Thẻ không hỗ trợ lệnh này (mã {sw})',
  },
  ERR_READER_STATUS: {
    en: 'The card answered with status {sw}',
    vi: 'Thẻ trả về mã trạng thái {sw}',
  },
  ERR_READER_PROTOCOL_UNSUPPORTED: {
    en: 'No supported access protocol: {reason}',
    vi: 'Không có giao thức truy cập được hỗ trợ: {reason}',
  },
  ERR_READER_PACE_FAILED: {
    en: 'PACE failed: {reason}',
    vi: 'Xác thực PACE thất bại: {reason}',
  },
  ERR_READER_CA_FAILED: {
    en: 'Chip authentication failed: {reason}',
    vi: 'Xác thực chip thất bại: {reason}',
  },
  ERR_READER_AA_FAILED: {
    en: 'Active authentication failed: {reason}; the chip may be a copy',
    vi: 'Xác thực chủ động thất bại: {reason}; chip có thể là bản sao',
  },
  ERR_READER_PCSC_MISSING: {
    en: 'PC/SC support needs the optional package "smartcard" (npm install smartcard; on Debian/Ubuntu first apt-get install libpcsclite-dev pcscd)',
    vi: 'Cần cài gói tùy chọn "smartcard" để dùng đầu đọc PC/SC (npm install smartcard; trên Debian/Ubuntu cài trước libpcsclite-dev pcscd)',
  },
  ERR_READER_PCSC_NO_READER: {
    en: 'No card reader found{reader}',
    vi: 'Không tìm thấy đầu đọc thẻ{reader}',
  },
  ERR_READER_PCSC_UNAVAILABLE: {
    en: 'The PC/SC service is not available ({reason}): start pcscd (Linux) or the Smart Card service (Windows)',
    vi: 'Dịch vụ PC/SC không hoạt động ({reason}): hãy khởi động pcscd (Linux) hoặc dịch vụ Smart Card (Windows)',
  },
  ERR_READER_WS_MISSING: {
    en: 'The card reader agent needs the optional package "ws" (npm install ws)',
    vi: 'Phần mềm đầu đọc thẻ cần gói tùy chọn "ws" (npm install ws)',
  },
  ERR_READER_BRIDGE_UNREACHABLE: {
    en: "Could not connect to the card reader agent at {url}: is it running on this computer, and is this page's origin on its allow-list?",
    vi: 'Không kết nối được tới phần mềm đầu đọc thẻ tại {url}: phần mềm đã chạy trên máy này chưa, và địa chỉ trang này có trong danh sách được phép không?',
  },
  ERR_READER_BRIDGE_TIMEOUT: {
    en: 'The card reader agent at {url} did not answer within {timeoutMs} ms',
    vi: 'Phần mềm đầu đọc thẻ tại {url} không phản hồi trong {timeoutMs} ms',
  },
  ERR_READER_BRIDGE_TOKEN: {
    en: 'The card reader agent refused the pairing token; copy the token it printed at start',
    vi: 'Phần mềm đầu đọc thẻ từ chối mã ghép nối; hãy dùng mã mà phần mềm in ra khi khởi động',
  },
  ERR_READER_BRIDGE_BUSY: {
    en: 'The card reader agent is serving another page; close it and try again',
    vi: 'Phần mềm đầu đọc thẻ đang phục vụ một trang khác; hãy đóng trang đó rồi thử lại',
  },
  ERR_READER_BRIDGE_PROTOCOL: {
    en: 'The card reader agent and this page do not understand each other: {reason}',
    vi: 'Phần mềm đầu đọc thẻ và trang này không tương thích: {reason}',
  },
  ERR_READER_BRIDGE_MESSAGE_TOO_LARGE: {
    en: 'A message to or from the card reader agent is larger than the limit ({max} bytes)',
    vi: 'Thông điệp gửi tới hoặc nhận từ phần mềm đầu đọc thẻ vượt quá giới hạn ({max} byte)',
  },
  ERR_READER_BRIDGE_CLOSED: {
    en: 'The connection to the card reader agent closed ({reason}); start it again and retry',
    vi: 'Kết nối tới phần mềm đầu đọc thẻ đã đóng ({reason}); hãy khởi động lại phần mềm và thử lại',
  },
};

/** @internal */
export const fail = createErrorFactory(readerErrorMessages, 'ReaderError');
