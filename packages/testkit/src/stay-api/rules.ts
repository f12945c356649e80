/**
 * The checks the accommodation-API simulator applies to each item of a submitted batch, with the
 * messages of the BCA KBTT API guide v1.4 (§5.6, §6.3 note (*), §6.6, §14.6) where it gives them;
 * the simulator's own wording where it does not (marked "own").
 */
import { checkedVietnamTime, vietnamDay } from '@cancuoc/core';
import type { StayApiCatalogs } from './catalogs.js';

/**
 * The messages the simulator answers with: the real API's, as the guide prints them, and its own
 * wording where the guide gives none.
 *
 * @example
 * ```ts
 * STAY_API_MESSAGES.duplicate // 'Đã tồn tại khai báo trùng thời gian tại CSLT'
 * ```
 */
export const STAY_API_MESSAGES = {
  duplicate: 'Đã tồn tại khai báo trùng thời gian tại CSLT',
  passportStaying: 'Số hộ chiếu đang tạm trú tại CSLT và chưa checkout',
  arrivalNotRecent: 'Ngày đến Cslt phải là ngày hiện tại hoặc hôm qua',
  departureBeforeYesterday: 'Ngày đi dự kiến phải lớn hoặc bằng ngày hôm qua',
  departureBeforeArrival: 'Ngày đi dự kiến phải lớn hoặc bằng ngày đến Cslt',
  permitBeforeToday: 'Thời hạn tạm trú phải lớn hoặc bằng hôm nay',
  documentType: 'Loại giấy tờ phải có giá trị từ 1 đến 8',
  citizenCard: 'Thẻ CCCD phải gồm đúng 12 chữ số',
  canCuoc: 'Thẻ Căn Cước phải gồm đúng 12 chữ số',
  legacyId: 'CMND phải gồm 9 hoặc 12 chữ số',
  drivingLicence: 'Giấy phép lái xe chỉ được chứa chữ và số, tối đa 20 ký tự',
  passport: 'Hộ chiếu chỉ được chứa chữ cái và số, tối đa 10 ký tự',
  insuranceCard: 'Thẻ BHYT chỉ được chứa chữ và số, tối đa 20 ký tự',
  specialCharacters: 'Số giấy tờ không được có ký tự đặc biệt hoặc khoảng trắng',
  changeKind: 'Loại phải là GH hoặc TS',
  // own wording from here on
  required: (field: string) => `${field} không được để trống`,
  format: (field: string) => `${field} không đúng định dạng`,
  reason: 'Lý do cư trú không hợp lệ',
  reasonDetail: 'Lý do chi tiết không được để trống khi lý do cư trú là Khác',
  room: 'Số phòng không được để trống',
  nationality: 'Quốc tịch không hợp lệ',
  sex: 'Giới tính phải là M hoặc F',
  birthDateKind: 'Loại ngày tháng năm sinh phải là D hoặc Y',
  sameDocument: (first: number) => `Bị trùng giấy tờ với bản khai báo ${first}`,
  sameRecord: (first: number) => `Bị trùng giấy tờ với bản ghi ${first}`,
  extensionTooLong: 'Thời gian gia hạn không được quá 30 ngày kể từ ngày đến',
  notStaying: (number: string, type: string) =>
    `Số Giấy tờ ${number} với loại giấy tờ là ${type} đang không tồn tại trong hệ thống Cslt`,
} as const;

const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads the API's `YYYY-MM-DD HH:mm:ss` (Vietnam time, UTC+7) as an instant; undefined when malformed. */
export function parseVietnamDateTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_TIME_RE.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return checkedVietnamTime(y, mo, d, h, mi, s);
}

export { vietnamDay };

function isDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
}

const present = (value: unknown): boolean =>
  (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';

const DOCUMENT_TYPE_NAMES: Record<number, string> = {
  1: 'Thẻ CCCD',
  2: 'CMND',
  3: 'Giấy phép lái xe',
  4: 'Hộ chiếu',
  5: 'Giấy khai sinh',
  6: 'Thẻ BHYT',
  7: 'Thông báo số định danh cá nhân',
  8: 'Thẻ Căn Cước',
};

/** The name of a document type (`loaiGiayTo`), as API 12 lists them. */
export function documentTypeName(type: number): string {
  return DOCUMENT_TYPE_NAMES[type] ?? String(type);
}

/** Checks a document number against its type (guide §6.3, note (*)); returns a message or undefined. */
export function checkDocumentNumber(type: number, number: string): string | undefined {
  if (!/^[A-Za-z0-9]+$/.test(number)) return STAY_API_MESSAGES.specialCharacters;
  switch (type) {
    case 1:
      return /^\d{12}$/.test(number) ? undefined : STAY_API_MESSAGES.citizenCard;
    case 8:
      return /^\d{12}$/.test(number) ? undefined : STAY_API_MESSAGES.canCuoc;
    case 2:
      return /^(?:\d{9}|\d{12})$/.test(number) ? undefined : STAY_API_MESSAGES.legacyId;
    case 3:
      return number.length <= 20 ? undefined : STAY_API_MESSAGES.drivingLicence;
    case 4:
      return number.length <= 10 ? undefined : STAY_API_MESSAGES.passport;
    case 6:
      return number.length <= 20 ? undefined : STAY_API_MESSAGES.insuranceCard;
    default:
      return number.length <= 20 ? undefined : STAY_API_MESSAGES.specialCharacters;
  }
}

/** What the checks need besides the item. */
export interface RuleContext {
  readonly now: number;
  readonly catalogs: StayApiCatalogs;
  readonly requireRoom: boolean;
  readonly checkDates: boolean;
}

function checkStayTimes(item: Record<string, unknown>, ctx: RuleContext, errors: string[]): void {
  const arrival = parseVietnamDateTime(item.ngayDenCsltStr);
  const departure = parseVietnamDateTime(item.ngayDiDuKienStr);
  if (present(item.ngayDenCsltStr) && arrival === undefined)
    errors.push(STAY_API_MESSAGES.format('Ngày đến Cslt'));
  if (present(item.ngayDiDuKienStr) && departure === undefined) {
    errors.push(STAY_API_MESSAGES.format('Ngày đi dự kiến'));
  }
  if (!ctx.checkDates) return;
  const today = vietnamDay(ctx.now);
  if (arrival !== undefined) {
    const day = vietnamDay(arrival);
    if (day !== today && day !== today - 1) errors.push(STAY_API_MESSAGES.arrivalNotRecent);
  }
  if (departure !== undefined && vietnamDay(departure) < today - 1) {
    errors.push(STAY_API_MESSAGES.departureBeforeYesterday);
  }
  if (arrival !== undefined && departure !== undefined && departure < arrival) {
    errors.push(STAY_API_MESSAGES.departureBeforeArrival);
  }
}

const VIETNAMESE_REQUIRED: readonly [string, string][] = [
  ['hoTen', 'Họ tên'],
  ['gioiTinh', 'Giới tính'],
  ['ngayThangNamSinhStr', 'Ngày sinh'],
  ['ngayDenCsltStr', 'Ngày đến Cslt'],
  ['ngayDiDuKienStr', 'Ngày đi dự kiến'],
  ['lyDoCuTru', 'Lý do cư trú'],
  ['loaiGiayTo', 'Loại giấy tờ'],
  ['soGiayTo', 'Số giấy tờ'],
];

const FOREIGN_REQUIRED: readonly [string, string][] = [
  ['hoTen', 'Họ tên'],
  ['quocTich', 'Quốc tịch'],
  ['soHoChieu', 'Số hộ chiếu'],
  ['gioiTinh', 'Giới tính'],
  ['loaiNgayThangNamSinh', 'Loại ngày tháng năm sinh'],
  ['ngayThangNamSinhStr', 'Ngày sinh'],
  ['ngayDenCsltStr', 'Ngày đến Cslt'],
  ['ngayDiDuKienStr', 'Ngày đi dự kiến'],
  ['thoiHanTamTruStr', 'Thời hạn tạm trú'],
];

/** The problems of one item of a Vietnamese-guest batch (API 5), in the API's words. */
export function checkVietnameseItem(item: unknown, ctx: RuleContext): string[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return [STAY_API_MESSAGES.format('Bản khai báo')];
  const it = item as Record<string, unknown>;
  const errors: string[] = [];
  for (const [field, label] of VIETNAMESE_REQUIRED)
    if (!present(it[field])) errors.push(STAY_API_MESSAGES.required(label));
  if (present(it.gioiTinh) && it.gioiTinh !== 'M' && it.gioiTinh !== 'F') errors.push(STAY_API_MESSAGES.sex);
  if (present(it.ngayThangNamSinhStr) && !isDate(it.ngayThangNamSinhStr)) {
    errors.push(STAY_API_MESSAGES.format('Ngày sinh'));
  }
  const type = Number(it.loaiGiayTo);
  if (present(it.loaiGiayTo)) {
    if (!Number.isInteger(type) || type < 1 || type > 8) errors.push(STAY_API_MESSAGES.documentType);
    else if (typeof it.soGiayTo === 'string' && it.soGiayTo !== '') {
      const problem = checkDocumentNumber(type, it.soGiayTo);
      if (problem) errors.push(problem);
    }
  }
  const reason = Number(it.lyDoCuTru);
  if (present(it.lyDoCuTru)) {
    if (!ctx.catalogs.reasons.some((r) => r.id === reason)) errors.push(STAY_API_MESSAGES.reason);
    else if (reason === 20 && !present(it.lyDoChiTiet)) errors.push(STAY_API_MESSAGES.reasonDetail);
  }
  if (ctx.requireRoom && !present(it.soPhong)) errors.push(STAY_API_MESSAGES.room);
  checkStayTimes(it, ctx, errors);
  return errors;
}

/** The problems of one item of a foreign-guest batch (API 4), in the API's words. */
export function checkForeignItem(item: unknown, ctx: RuleContext): string[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return [STAY_API_MESSAGES.format('Bản khai báo')];
  const it = item as Record<string, unknown>;
  const errors: string[] = [];
  for (const [field, label] of FOREIGN_REQUIRED)
    if (!present(it[field])) errors.push(STAY_API_MESSAGES.required(label));
  if (present(it.gioiTinh) && it.gioiTinh !== 'M' && it.gioiTinh !== 'F') errors.push(STAY_API_MESSAGES.sex);
  if (present(it.quocTich) && !ctx.catalogs.nationalities.some((c) => c.maQT === it.quocTich)) {
    errors.push(STAY_API_MESSAGES.nationality);
  }
  if (typeof it.soHoChieu === 'string' && it.soHoChieu !== '') {
    const problem = checkDocumentNumber(4, it.soHoChieu);
    if (problem) errors.push(problem);
  }
  if (
    present(it.loaiNgayThangNamSinh) &&
    it.loaiNgayThangNamSinh !== 'D' &&
    it.loaiNgayThangNamSinh !== 'Y'
  ) {
    errors.push(STAY_API_MESSAGES.birthDateKind);
  }
  if (present(it.ngayThangNamSinhStr)) {
    const yearOnly = it.loaiNgayThangNamSinh === 'Y';
    // Guide §5.3: a year-only birth date is sent as YYYY-01-01 with loaiNgayThangNamSinh = Y.
    if (!isDate(it.ngayThangNamSinhStr) || (yearOnly && !String(it.ngayThangNamSinhStr).endsWith('-01-01'))) {
      errors.push(STAY_API_MESSAGES.format('Ngày sinh'));
    }
  }
  if (ctx.requireRoom && !present(it.soPhong)) errors.push(STAY_API_MESSAGES.room);
  checkStayTimes(it, ctx, errors);
  const permit = parseVietnamDateTime(it.thoiHanTamTruStr);
  if (present(it.thoiHanTamTruStr) && permit === undefined)
    errors.push(STAY_API_MESSAGES.format('Thời hạn tạm trú'));
  if (ctx.checkDates && permit !== undefined && vietnamDay(permit) < vietnamDay(ctx.now)) {
    errors.push(STAY_API_MESSAGES.permitBeforeToday);
  }
  return errors;
}
