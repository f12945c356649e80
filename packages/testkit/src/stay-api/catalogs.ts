/**
 * The catalogues the accommodation-API simulator serves on its public endpoints (APIs 6–11 of the
 * BCA "Tài liệu hướng dẫn sử dụng API – Dành cho Cơ sở lưu trú" (KBTT) v1.4, 08/2026).
 *
 * Attested in that guide: nationality codes `VN` Việt Nam, `D` Đức (GERMANY) and `RUS` (its request
 * example); province codes `201` Hà Nội, `805` An Giang and `223` (the province of the ward
 * `223907210` Phường Bắc Giang, in Bắc Ninh since 1 July 2025); reason `1` Du lịch and `20` (the
 * "other" reason that needs `lyDoChiTiet`); document types 1–8 (API 12); residence kind `1`
 * Thường trú. Everything else here is made up in the same shape so that tests have a realistic
 * catalogue: never use these codes against the real API, read its catalogues.
 */

/** A nationality of the ministry's catalogue (API 6): its own codes, not ISO 3166. */
export interface StayApiNationality {
  readonly maQT: string;
  readonly tenQT: string;
  readonly tenQTEn: string;
}

/** A province of the ministry's catalogue (API 7): BCA codes, not GSO codes. */
export interface StayApiProvince {
  readonly maTT: string;
  readonly tenTT: string;
  readonly tenTTEn: string;
  readonly maTTChu: string;
}

/** A ward or commune of the ministry's catalogue (API 8). */
export interface StayApiWard {
  readonly maPhuongXa: string;
  readonly tenPhuongXa: string;
  readonly tenPhuongXaEn: string;
  readonly trucThuocTinh: string;
}

/** An entry of the id/name catalogues (APIs 9, 10, 11). */
export interface StayApiCatalogEntry {
  readonly id: number;
  readonly name: string;
}

/** Every catalogue the simulator serves; any of them can be replaced through `startStayApi`. */
export interface StayApiCatalogs {
  readonly nationalities: readonly StayApiNationality[];
  readonly provinces: readonly StayApiProvince[];
  readonly wards: readonly StayApiWard[];
  readonly reasons: readonly StayApiCatalogEntry[];
  readonly documentTypes: readonly StayApiCatalogEntry[];
  readonly residenceKinds: readonly StayApiCatalogEntry[];
}

const n = (maQT: string, tenQT: string, tenQTEn: string): StayApiNationality => ({ maQT, tenQT, tenQTEn });

// VN, D and RUS are the guide's; the others follow ICAO 9303 Part 3 codes, which `D` and `RUS` are.
const NATIONALITIES: readonly StayApiNationality[] = [
  n('VN', 'Việt Nam', 'VIETNAM'),
  n('D', 'Đức', 'GERMANY'),
  n('RUS', 'Nga', 'RUSSIA'),
  n('USA', 'Hoa Kỳ', 'UNITED STATES'),
  n('GBR', 'Anh', 'UNITED KINGDOM'),
  n('FRA', 'Pháp', 'FRANCE'),
  n('JPN', 'Nhật Bản', 'JAPAN'),
  n('KOR', 'Hàn Quốc', 'KOREA'),
  n('CHN', 'Trung Quốc', 'CHINA'),
  n('AUS', 'Úc', 'AUSTRALIA'),
  n('CAN', 'Canada', 'CANADA'),
  n('THA', 'Thái Lan', 'THAILAND'),
  n('SGP', 'Singapore', 'SINGAPORE'),
  n('LAO', 'Lào', 'LAOS'),
  n('KHM', 'Campuchia', 'CAMBODIA'),
];

const p = (maTT: string, tenTT: string, tenTTEn: string, maTTChu: string): StayApiProvince => ({
  maTT,
  tenTT,
  tenTTEn,
  maTTChu,
});

// The 34 provinces from 1 July 2025. 201, 805 and 223 are attested (see above); the rest are
// made-up codes of the same shape.
const PROVINCES: readonly StayApiProvince[] = [
  p('201', 'Thành phố Hà Nội', 'HA NOI', 'HN'),
  p('202', 'Tỉnh Cao Bằng', 'CAO BANG', 'CB'),
  p('203', 'Tỉnh Tuyên Quang', 'TUYEN QUANG', 'TQ'),
  p('204', 'Tỉnh Điện Biên', 'DIEN BIEN', 'DB'),
  p('205', 'Tỉnh Lai Châu', 'LAI CHAU', 'LC'),
  p('206', 'Tỉnh Sơn La', 'SON LA', 'SL'),
  p('207', 'Tỉnh Lào Cai', 'LAO CAI', 'LCA'),
  p('208', 'Tỉnh Thái Nguyên', 'THAI NGUYEN', 'TN'),
  p('209', 'Tỉnh Lạng Sơn', 'LANG SON', 'LS'),
  p('210', 'Tỉnh Quảng Ninh', 'QUANG NINH', 'QN'),
  p('223', 'Tỉnh Bắc Ninh', 'BAC NINH', 'BN'),
  p('211', 'Tỉnh Phú Thọ', 'PHU THO', 'PT'),
  p('212', 'Thành phố Hải Phòng', 'HAI PHONG', 'HP'),
  p('213', 'Tỉnh Hưng Yên', 'HUNG YEN', 'HY'),
  p('214', 'Tỉnh Ninh Bình', 'NINH BINH', 'NB'),
  p('401', 'Tỉnh Thanh Hóa', 'THANH HOA', 'TH'),
  p('402', 'Tỉnh Nghệ An', 'NGHE AN', 'NA'),
  p('403', 'Tỉnh Hà Tĩnh', 'HA TINH', 'HT'),
  p('404', 'Tỉnh Quảng Trị', 'QUANG TRI', 'QT'),
  p('405', 'Thành phố Huế', 'HUE', 'HUE'),
  p('501', 'Thành phố Đà Nẵng', 'DA NANG', 'DN'),
  p('502', 'Tỉnh Quảng Ngãi', 'QUANG NGAI', 'QNG'),
  p('601', 'Tỉnh Gia Lai', 'GIA LAI', 'GL'),
  p('503', 'Tỉnh Khánh Hòa', 'KHANH HOA', 'KH'),
  p('602', 'Tỉnh Đắk Lắk', 'DAK LAK', 'DL'),
  p('603', 'Tỉnh Lâm Đồng', 'LAM DONG', 'LD'),
  p('701', 'Tỉnh Đồng Nai', 'DONG NAI', 'DNA'),
  p('702', 'Thành phố Hồ Chí Minh', 'HO CHI MINH', 'HCM'),
  p('703', 'Tỉnh Tây Ninh', 'TAY NINH', 'TNI'),
  p('801', 'Tỉnh Đồng Tháp', 'DONG THAP', 'DT'),
  p('802', 'Tỉnh Vĩnh Long', 'VINH LONG', 'VL'),
  p('805', 'Tỉnh An Giang', 'AN GIANG', 'AG'),
  p('803', 'Thành phố Cần Thơ', 'CAN THO', 'CT'),
  p('804', 'Tỉnh Cà Mau', 'CA MAU', 'CM'),
];

const w = (maPhuongXa: string, tenPhuongXa: string, tenPhuongXaEn: string): StayApiWard => ({
  maPhuongXa,
  tenPhuongXa,
  tenPhuongXaEn,
  trucThuocTinh: maPhuongXa.slice(0, 3),
});

// 223907210 Phường Bắc Giang is the guide's; the other codes are made up in its shape
// (province code + 9 + five digits) for real ward names of the 2025 list.
const WARDS: readonly StayApiWard[] = [
  w('201900001', 'Phường Ba Đình', 'BA DINH WARD'),
  w('201900002', 'Phường Hoàn Kiếm', 'HOAN KIEM WARD'),
  w('201900003', 'Phường Cửa Nam', 'CUA NAM WARD'),
  w('201900004', 'Phường Hồng Hà', 'HONG HA WARD'),
  w('223907210', 'Phường Bắc Giang', 'BAC GIANG WARD'),
  w('223907211', 'Phường Kinh Bắc', 'KINH BAC WARD'),
  w('501900001', 'Phường Hải Châu', 'HAI CHAU WARD'),
  w('702900001', 'Phường Sài Gòn', 'SAI GON WARD'),
  w('702900002', 'Phường Bến Thành', 'BEN THANH WARD'),
  w('805900001', 'Phường Long Xuyên', 'LONG XUYEN WARD'),
];

// 1 Du lịch and 20 (other, needs lyDoChiTiet) are the guide's; the rest are made up.
const REASONS: readonly StayApiCatalogEntry[] = [
  { id: 1, name: 'Du lịch' },
  { id: 2, name: 'Công tác' },
  { id: 3, name: 'Thăm thân' },
  { id: 4, name: 'Học tập' },
  { id: 5, name: 'Lao động' },
  { id: 6, name: 'Chữa bệnh' },
  { id: 20, name: 'Khác' },
];

// API 12 of the guide lists the eight document types.
const DOCUMENT_TYPES: readonly StayApiCatalogEntry[] = [
  { id: 1, name: 'Thẻ CCCD' },
  { id: 2, name: 'CMND' },
  { id: 3, name: 'Giấy phép lái xe' },
  { id: 4, name: 'Hộ chiếu' },
  { id: 5, name: 'Giấy khai sinh' },
  { id: 6, name: 'Thẻ BHYT' },
  { id: 7, name: 'Thông báo số định danh cá nhân' },
  { id: 8, name: 'Thẻ Căn Cước' },
];

// 1 Thường trú is the guide's; 2 and 3 are made up.
const RESIDENCE_KINDS: readonly StayApiCatalogEntry[] = [
  { id: 1, name: 'Thường trú' },
  { id: 2, name: 'Tạm trú' },
  { id: 3, name: 'Nơi ở hiện tại' },
];

/**
 * The simulator's default catalogues (see the file comment for which entries are attested).
 *
 * @example
 * ```ts
 * defaultStayApiCatalogs.provinces.find((p) => p.maTT === '201')?.tenTT // 'Thành phố Hà Nội'
 * ```
 */
export const defaultStayApiCatalogs: StayApiCatalogs = {
  nationalities: NATIONALITIES,
  provinces: PROVINCES,
  wards: WARDS,
  reasons: REASONS,
  documentTypes: DOCUMENT_TYPES,
  residenceKinds: RESIDENCE_KINDS,
};
