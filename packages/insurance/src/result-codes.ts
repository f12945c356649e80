/**
 * The result codes (`maKetQua`) of the BHXH gateway's card check (tra cứu thông tin thẻ /
 * thông tuyến, `KQNhanLichSuKCB2024`), each with its meaning in Vietnamese (as the gateway's users
 * quote it) and English, the decision a receptionist can act on, and what to do next.
 *
 * Sources: the code tables of two open hospital information systems (the `insurance_error_code`
 * table of tracnn/qlbv_public `config/__tech.php`; NguyenSyHa/QLBV `frmHSBNNhapMoi.cs`) and two
 * more public clients, which agree; 054/055 come with CV 1923/BHXH-CNTT (2024) and 500 appears in
 * qlbv_public only. Codes that mean the check itself failed (054, 055, 100, 101, 205, 401, 500)
 * are raised as `ERR_INSURANCE_*` errors, never returned as a verdict.
 */

/** What the receptionist does with the patient: the decision behind a result code. */
export type InsuranceOutcome = 'eligible' | 'not-eligible' | 'needs-attention';

/** Result codes that are verdicts about the card. */
export type InsuranceVerdictCode =
  | '000'
  | '001'
  | '002'
  | '003'
  | '004'
  | '010'
  | '050'
  | '051'
  | '052'
  | '053'
  | '060'
  | '061'
  | '070'
  | '080'
  | '090'
  | '110'
  | '120'
  | '121'
  | '122'
  | '123'
  | '124'
  | '130';

/** Result codes that mean the check could not be done; they are raised as errors. */
export type InsuranceFailureCode = '054' | '055' | '100' | '101' | '205' | '401' | '500';

/** Every result code of the gateway's card check. */
export type InsuranceResultCode = InsuranceVerdictCode | InsuranceFailureCode;

/** One row of {@link insuranceResultCodes}. */
export interface InsuranceResultCodeInfo {
  /** The decision, or `'error'` for a code raised as an `ERR_INSURANCE_*` error. */
  readonly outcome: InsuranceOutcome | 'error';
  /** Meaning in English. */
  readonly en: string;
  /** Meaning in Vietnamese, as the gateway's users quote it. */
  readonly vi: string;
  /** What to do next, in English. */
  readonly adviceEn: string;
  /** What to do next, in Vietnamese (for the reception screen). */
  readonly adviceVi: string;
}

const ASK_PAPERS_EN = 'Accept the card after checking the holder’s identity papers.';
const ASK_PAPERS_VI = 'Tiếp nhận sau khi kiểm tra giấy tờ tùy thân của người bệnh.';
const NOT_FOUND_EN =
  'Check the code entered against the card or chip ID; if it is right, ask the patient to contact BHXH.';
const NOT_FOUND_VI =
  'Đối chiếu lại mã đã nhập với thẻ hoặc căn cước; nếu đúng, đề nghị người bệnh liên hệ cơ quan BHXH.';
const DATA_EN = 'Compare the data entered with the patient’s card and papers, correct them and check again.';
const DATA_VI = 'Đối chiếu thông tin đã nhập với thẻ và giấy tờ của người bệnh, sửa lại rồi tra cứu lại.';
const NO_COVER_EN = 'The visit is not covered by health insurance: register the patient as self-paying.';
const NO_COVER_VI = 'Lượt khám không được hưởng BHYT: tiếp nhận người bệnh theo diện tự chi trả (dịch vụ).';
const RETRY_EN = 'Try again in a moment; if it persists, tell the hospital’s IT staff.';
const RETRY_VI = 'Thử lại sau ít phút; nếu vẫn lỗi, báo bộ phận công nghệ thông tin của cơ sở.';

/**
 * The whole `maKetQua` table of the card check: meaning (Vietnamese and English), outcome and
 * advice for every code.
 *
 * @example
 * ```ts
 * insuranceResultCodes['010'].outcome; // 'not-eligible'
 * insuranceResultCodes['010'].vi;      // 'Thẻ hết giá trị sử dụng'
 * ```
 */
export const insuranceResultCodes: Readonly<Record<InsuranceResultCode, InsuranceResultCodeInfo>> = {
  '000': {
    outcome: 'eligible',
    en: 'The card data are correct',
    vi: 'Thông tin thẻ chính xác',
    adviceEn: 'Register the visit under health insurance.',
    adviceVi: 'Tiếp nhận khám chữa bệnh BHYT.',
  },
  '001': {
    outcome: 'eligible',
    en: 'Card managed by the Ministry of Defence’s social security: check the card and the holder’s identity papers',
    vi: 'Thẻ do BHXH Bộ Quốc phòng quản lý, đề nghị kiểm tra thẻ và thông tin giấy tờ tùy thân',
    adviceEn: ASK_PAPERS_EN,
    adviceVi: ASK_PAPERS_VI,
  },
  '002': {
    outcome: 'eligible',
    en: 'Card managed by the Ministry of Public Security: check the card and the holder’s identity papers',
    vi: 'Thẻ do Bộ Công an quản lý, đề nghị kiểm tra thẻ và thông tin giấy tờ tùy thân',
    adviceEn: ASK_PAPERS_EN,
    adviceVi: ASK_PAPERS_VI,
  },
  '003': {
    outcome: 'eligible',
    en: 'The old card is no longer valid but a new card has been issued',
    vi: 'Thẻ cũ hết giá trị sử dụng nhưng đã được cấp thẻ mới',
    adviceEn: 'Register the visit with the new card code and validity returned by the gateway.',
    adviceVi: 'Tiếp nhận theo mã thẻ mới và hạn thẻ mới do cổng BHXH trả về.',
  },
  '004': {
    outcome: 'eligible',
    en: 'The old card is still valid but a new card has been issued',
    vi: 'Thẻ cũ còn giá trị sử dụng nhưng đã được cấp thẻ mới',
    adviceEn: 'Register the visit with the new card code returned by the gateway.',
    adviceVi: 'Tiếp nhận theo mã thẻ mới do cổng BHXH trả về.',
  },
  '010': {
    outcome: 'not-eligible',
    en: 'The card has expired',
    vi: 'Thẻ hết giá trị sử dụng',
    adviceEn: `${NO_COVER_EN} Advise the patient to renew the card.`,
    adviceVi: `${NO_COVER_VI} Hướng dẫn người bệnh gia hạn thẻ.`,
  },
  '050': {
    outcome: 'needs-attention',
    en: 'No BHYT card found',
    vi: 'Không thấy thông tin thẻ BHYT',
    adviceEn: NOT_FOUND_EN,
    adviceVi: NOT_FOUND_VI,
  },
  '051': {
    outcome: 'needs-attention',
    en: 'The card code is wrong',
    vi: 'Mã thẻ không đúng',
    adviceEn: NOT_FOUND_EN,
    adviceVi: NOT_FOUND_VI,
  },
  '052': {
    outcome: 'needs-attention',
    en: 'The province code of the card (characters 4–5) is wrong',
    vi: 'Mã tỉnh cấp thẻ (kí tự thứ 4, 5 của mã thẻ) không đúng',
    adviceEn: NOT_FOUND_EN,
    adviceVi: NOT_FOUND_VI,
  },
  '053': {
    outcome: 'needs-attention',
    en: 'The benefit level of the card (character 3) is wrong',
    vi: 'Mã quyền lợi thẻ (kí tự thứ 3 của mã thẻ) không đúng',
    adviceEn: NOT_FOUND_EN,
    adviceVi: NOT_FOUND_VI,
  },
  '060': {
    outcome: 'needs-attention',
    en: 'The name does not match the card',
    vi: 'Thẻ sai họ tên',
    adviceEn: DATA_EN,
    adviceVi: DATA_VI,
  },
  '061': {
    outcome: 'needs-attention',
    en: 'The name does not match the card (the first letter is right)',
    vi: 'Thẻ sai họ tên (đúng kí tự đầu)',
    adviceEn: DATA_EN,
    adviceVi: DATA_VI,
  },
  '070': {
    outcome: 'needs-attention',
    en: 'The date of birth does not match the card',
    vi: 'Thẻ sai ngày sinh',
    adviceEn: DATA_EN,
    adviceVi: DATA_VI,
  },
  '080': {
    outcome: 'needs-attention',
    en: 'The sex does not match the card',
    vi: 'Thẻ sai giới tính',
    adviceEn: DATA_EN,
    adviceVi: DATA_VI,
  },
  '090': {
    outcome: 'needs-attention',
    en: 'The initial registration facility does not match the card',
    vi: 'Thẻ sai nơi đăng ký KCB ban đầu',
    adviceEn: DATA_EN,
    adviceVi: DATA_VI,
  },
  '110': {
    outcome: 'not-eligible',
    en: 'The card has been withdrawn',
    vi: 'Thẻ đã thu hồi',
    adviceEn: NO_COVER_EN,
    adviceVi: NO_COVER_VI,
  },
  '120': {
    outcome: 'not-eligible',
    en: 'The card has been reported as reduced (no longer covered)',
    vi: 'Thẻ đã báo giảm',
    adviceEn: NO_COVER_EN,
    adviceVi: NO_COVER_VI,
  },
  '121': {
    outcome: 'not-eligible',
    en: 'The card has been reported as reduced: moved to another province',
    vi: 'Thẻ đã báo giảm. Giảm chuyển ngoại tỉnh',
    adviceEn: NO_COVER_EN,
    adviceVi: NO_COVER_VI,
  },
  '122': {
    outcome: 'not-eligible',
    en: 'The card has been reported as reduced: moved within the province',
    vi: 'Thẻ đã báo giảm. Giảm chuyển nội tỉnh',
    adviceEn: NO_COVER_EN,
    adviceVi: NO_COVER_VI,
  },
  '123': {
    outcome: 'not-eligible',
    en: 'The card has been reported as reduced: withdrawn because it was re-registered by the same employer',
    vi: 'Thẻ đã báo giảm. Thu hồi do tăng lại cùng đơn vị',
    adviceEn: NO_COVER_EN,
    adviceVi: NO_COVER_VI,
  },
  '124': {
    outcome: 'not-eligible',
    en: 'The card has been reported as reduced: the holder stopped participating',
    vi: 'Thẻ đã báo giảm. Ngừng tham gia',
    adviceEn: NO_COVER_EN,
    adviceVi: NO_COVER_VI,
  },
  '130': {
    outcome: 'needs-attention',
    en: 'A child who did not present a card',
    vi: 'Trẻ em không xuất trình thẻ',
    adviceEn: 'Ask for the child’s birth certificate or personal ID number and check again.',
    adviceVi: 'Đề nghị xuất trình giấy khai sinh hoặc số định danh cá nhân của trẻ rồi tra cứu lại.',
  },
  '054': {
    outcome: 'error',
    en: 'The ID number of the staff member doing the check is not on the list of users the facility registered',
    vi: 'Số CCCD của cán bộ thực hiện tra cứu không tồn tại trong danh sách người sử dụng do CSKCB đăng ký',
    adviceEn: 'Register the staff member with BHXH, or configure the staff member who is.',
    adviceVi: 'Đăng ký cán bộ tra cứu với BHXH, hoặc cấu hình đúng cán bộ đã đăng ký.',
  },
  '055': {
    outcome: 'error',
    en: 'The name of the staff member doing the check does not match their ID number',
    vi: 'Họ và tên của cán bộ thực hiện tra cứu không khớp với số CCCD',
    adviceEn: 'Configure the staff member’s name exactly as registered with BHXH.',
    adviceVi: 'Cấu hình họ tên cán bộ đúng như đã đăng ký với BHXH.',
  },
  '100': {
    outcome: 'error',
    en: 'Error while reading the card register',
    vi: 'Lỗi khi lấy dữ liệu sổ thẻ',
    adviceEn: RETRY_EN,
    adviceVi: RETRY_VI,
  },
  '101': {
    outcome: 'error',
    en: 'Server error',
    vi: 'Lỗi server',
    adviceEn: RETRY_EN,
    adviceVi: RETRY_VI,
  },
  '205': {
    outcome: 'error',
    en: 'Badly formatted parameters',
    vi: 'Lỗi sai định dạng tham số',
    adviceEn: 'Tell the hospital’s IT staff: the request did not follow the gateway’s format.',
    adviceVi: 'Báo bộ phận công nghệ thông tin: dữ liệu gửi đi không đúng định dạng của cổng.',
  },
  '401': {
    outcome: 'error',
    en: 'Account authentication failed',
    vi: 'Lỗi xác thực tài khoản',
    adviceEn: 'Check the facility’s gateway username and password.',
    adviceVi: 'Kiểm tra tên đăng nhập và mật khẩu cổng BHXH của cơ sở.',
  },
  '500': {
    outcome: 'error',
    en: 'Server error',
    vi: 'Lỗi máy chủ',
    adviceEn: RETRY_EN,
    adviceVi: RETRY_VI,
  },
};

/**
 * Whether a string is one of the gateway's card-check result codes.
 *
 * @example
 * ```ts
 * isInsuranceResultCode('061'); // true
 * isInsuranceResultCode('003.1'); // false: invented by a userscript, not a BHXH code
 * ```
 */
export function isInsuranceResultCode(value: unknown): value is InsuranceResultCode {
  return typeof value === 'string' && Object.hasOwn(insuranceResultCodes, value);
}
