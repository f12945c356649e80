/**
 * The portal's bulk-import template (thông báo lưu trú, Excel import of the ministry's portal):
 * column headers verbatim as the exports of open-source hotel PMS reproduce them (not verified
 * against the official template, which is not published), and one row per notice.
 */
import { knownNationalities } from '../nationalities.js';
import type { StayNotice } from '../types.js';

/**
 * The template's column headers, in order. `(*)` marks a required column; the three ID columns
 * (CMND/CCCD/personal ID, passport, other document) are alternatives, one of which is filled.
 * "Địa chỉ – Quận huyện" is left empty: districts were abolished on 1 July 2025.
 *
 * @example
 * ```ts
 * STAY_EXPORT_HEADERS[1] // 'Họ và tên (*)'
 * ```
 */
export const STAY_EXPORT_HEADERS: readonly string[] = [
  'STT',
  'Họ và tên (*)',
  'Ngày, tháng, năm sinh (*)',
  'Giới tính (*)',
  'CMND/ CCCD/ Số định danh (*)',
  'Số hộ chiếu (*)',
  'Giấy tờ khác (*)',
  'Số điện thoại',
  'Nghề nghiệp',
  'Nơi làm việc',
  'Dân tộc',
  'Quốc tịch (*)',
  'Địa chỉ – Quốc gia (*)',
  'Địa chỉ – Tỉnh thành',
  'Địa chỉ – Quận huyện',
  'Địa chỉ – Phường xã',
  'Địa chỉ – Số nhà',
  'Loại cư trú (*)',
  'Thời gian lưu trú (đến ngày) (*)',
  'Thời gian lưu trú (đi ngày)',
  'Lý do lưu trú',
  'Số phòng/Mã căn hộ',
];

/** Catalogues that turn the notice's codes into the names the template shows. */
export interface ExportCatalogs {
  /** The ministry's nationalities (default: the offline table). */
  readonly nationalities?: readonly { readonly code: string; readonly name: string }[];
  /** The ministry's provinces, to name `maTT` (default: the code itself). */
  readonly provinces?: readonly { readonly code: string; readonly name: string }[];
  /** Wards, to name `maPX` (default: the code itself). */
  readonly wards?: readonly { readonly code: string; readonly name: string }[];
  /** Reasons, to name `lyDoCuTru` (default: 1 Du lịch, 20 Khác, else the id). */
  readonly reasons?: readonly { readonly id: number; readonly name: string }[];
  /** Residence kinds, to name `noiCuTru` (default: 1 Thường trú, else the id). */
  readonly residenceKinds?: readonly { readonly id: number; readonly name: string }[];
}

const PERSONAL_ID_TYPES = new Set([1, 2, 7, 8]);

/** `YYYY-MM-DD HH:mm:ss` → `dd/MM/yyyy HH:mm`; `YYYY-MM-DD` → `dd/MM/yyyy`. */
function vietnameseDate(value: unknown, yearOnly = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?/.exec(String(value ?? ''));
  if (!m) return '';
  if (yearOnly) return m[1]!;
  return `${m[3]}/${m[2]}/${m[1]}${m[4] === undefined ? '' : ` ${m[4]}:${m[5]}`}`;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** One template row (without STT) of a notice. */
export function rowOf(notice: StayNotice, index: number, catalogs: ExportCatalogs): string[] {
  const p = notice.payload;
  const foreign = notice.kind === 'foreign';
  const type = Number(p.loaiGiayTo);
  const number = str(foreign ? p.soHoChieu : p.soGiayTo);
  const nationality = foreign
    ? ((catalogs.nationalities ?? knownNationalities).find((n) => n.code === p.quocTich)?.name ??
      str(p.quocTich))
    : 'Việt Nam';
  const named = (list: readonly { code: string; name: string }[] | undefined, code: unknown) =>
    code === undefined ? '' : (list?.find((x) => x.code === code)?.name ?? str(code));
  const reasonId = p.lyDoCuTru;
  let reason = '';
  if (reasonId !== undefined) {
    const name =
      catalogs.reasons?.find((r) => r.id === reasonId)?.name ??
      (reasonId === 1 ? 'Du lịch' : reasonId === 20 ? 'Khác' : str(reasonId));
    reason = p.lyDoChiTiet === undefined ? name : `${name}: ${str(p.lyDoChiTiet)}`;
  }
  const kind = p.noiCuTru;
  const residenceKind =
    kind === undefined
      ? ''
      : (catalogs.residenceKinds?.find((r) => r.id === kind)?.name ??
        (kind === 1 ? 'Thường trú' : str(kind)));
  return [
    String(index + 1),
    str(p.hoTen),
    vietnameseDate(p.ngayThangNamSinhStr, p.loaiNgayThangNamSinh === 'Y'),
    p.gioiTinh === 'F' ? 'Nữ' : 'Nam',
    !foreign && PERSONAL_ID_TYPES.has(type) ? number : '',
    foreign || type === 4 ? number : '',
    !foreign && !PERSONAL_ID_TYPES.has(type) && type !== 4 ? number : '',
    str(p.soDienThoai),
    '',
    '',
    '',
    nationality,
    nationality,
    named(catalogs.provinces, p.maTT),
    '',
    named(catalogs.wards, p.maPX),
    str(p.diaChi),
    residenceKind,
    vietnameseDate(p.ngayDenCsltStr),
    vietnameseDate(p.ngayDiDuKienStr),
    reason,
    str(p.soPhong),
  ];
}
