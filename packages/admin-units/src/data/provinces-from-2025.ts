/**
 * The 34 provinces and centrally governed cities from 1 July 2025 (Resolution 202/2025/QH15 of
 * 12 June 2025 on the rearrangement of provincial-level administrative units), with their GSO
 * codes: each merged province keeps the code of the old province where its administrative centre
 * is (Official Letter 915/CTK-CSCL of the General Statistics Office).
 */

import { CITY, PROVINCE, provincesOf } from '../internal/rows.js';
import type { Province, ProvinceMerge } from '../types.js';

/**
 * The 34 provinces from 1 July 2025, ordered by GSO code.
 *
 * @example
 * ```ts
 * provincesFrom2025.filter((p) => p.type === 'city').map((p) => p.name) // ['Hà Nội', 'Hải Phòng', 'Huế', …]
 * ```
 */
export const provincesFrom2025: readonly Province[] = /* @__PURE__ */ provincesOf([
  ['01', 'Hà Nội', CITY, 'Ha Noi'],
  ['04', 'Cao Bằng', PROVINCE, 'Cao Bang'],
  ['08', 'Tuyên Quang', PROVINCE, 'Tuyen Quang'],
  ['11', 'Điện Biên', PROVINCE, 'Dien Bien'],
  ['12', 'Lai Châu', PROVINCE, 'Lai Chau'],
  ['14', 'Sơn La', PROVINCE, 'Son La'],
  ['15', 'Lào Cai', PROVINCE, 'Lao Cai'],
  ['19', 'Thái Nguyên', PROVINCE, 'Thai Nguyen'],
  ['20', 'Lạng Sơn', PROVINCE, 'Lang Son'],
  ['22', 'Quảng Ninh', PROVINCE, 'Quang Ninh'],
  ['24', 'Bắc Ninh', PROVINCE, 'Bac Ninh'],
  ['25', 'Phú Thọ', PROVINCE, 'Phu Tho'],
  ['31', 'Hải Phòng', CITY, 'Hai Phong'],
  ['33', 'Hưng Yên', PROVINCE, 'Hung Yen'],
  ['37', 'Ninh Bình', PROVINCE, 'Ninh Binh'],
  ['38', 'Thanh Hóa', PROVINCE, 'Thanh Hoa'],
  ['40', 'Nghệ An', PROVINCE, 'Nghe An'],
  ['42', 'Hà Tĩnh', PROVINCE, 'Ha Tinh'],
  ['44', 'Quảng Trị', PROVINCE, 'Quang Tri'],
  ['46', 'Huế', CITY, 'Hue'],
  ['48', 'Đà Nẵng', CITY, 'Da Nang'],
  ['51', 'Quảng Ngãi', PROVINCE, 'Quang Ngai'],
  ['52', 'Gia Lai', PROVINCE],
  ['56', 'Khánh Hòa', PROVINCE, 'Khanh Hoa'],
  ['66', 'Đắk Lắk', PROVINCE, 'Dak Lak'],
  ['68', 'Lâm Đồng', PROVINCE, 'Lam Dong'],
  ['75', 'Đồng Nai', PROVINCE, 'Dong Nai'],
  ['79', 'Hồ Chí Minh', CITY, 'Ho Chi Minh'],
  ['80', 'Tây Ninh', PROVINCE, 'Tay Ninh'],
  ['82', 'Đồng Tháp', PROVINCE, 'Dong Thap'],
  ['86', 'Vĩnh Long', PROVINCE, 'Vinh Long'],
  ['91', 'An Giang', PROVINCE],
  ['92', 'Cần Thơ', CITY, 'Can Tho'],
  ['96', 'Cà Mau', PROVINCE, 'Ca Mau'],
]);

/**
 * The merge map of Resolution 202/2025/QH15: for each of the 34 provinces, the GSO codes of the
 * old provinces it was formed from. The old province whose name the new one carries comes first;
 * a province left unchanged lists only itself.
 *
 * @example
 * ```ts
 * provinceMerges.find((m) => m.code === '79')?.formedFrom // ['79', '74', '77']
 * ```
 */
export const provinceMerges: readonly ProvinceMerge[] = [
  { code: '01', formedFrom: ['01'] },
  { code: '04', formedFrom: ['04'] },
  { code: '08', formedFrom: ['08', '02'] },
  { code: '11', formedFrom: ['11'] },
  { code: '12', formedFrom: ['12'] },
  { code: '14', formedFrom: ['14'] },
  { code: '15', formedFrom: ['10', '15'] },
  { code: '19', formedFrom: ['19', '06'] },
  { code: '20', formedFrom: ['20'] },
  { code: '22', formedFrom: ['22'] },
  { code: '24', formedFrom: ['27', '24'] },
  { code: '25', formedFrom: ['25', '26', '17'] },
  { code: '31', formedFrom: ['31', '30'] },
  { code: '33', formedFrom: ['33', '34'] },
  { code: '37', formedFrom: ['37', '35', '36'] },
  { code: '38', formedFrom: ['38'] },
  { code: '40', formedFrom: ['40'] },
  { code: '42', formedFrom: ['42'] },
  { code: '44', formedFrom: ['45', '44'] },
  { code: '46', formedFrom: ['46'] },
  { code: '48', formedFrom: ['48', '49'] },
  { code: '51', formedFrom: ['51', '62'] },
  { code: '52', formedFrom: ['64', '52'] },
  { code: '56', formedFrom: ['56', '58'] },
  { code: '66', formedFrom: ['66', '54'] },
  { code: '68', formedFrom: ['68', '67', '60'] },
  { code: '75', formedFrom: ['75', '70'] },
  { code: '79', formedFrom: ['79', '74', '77'] },
  { code: '80', formedFrom: ['72', '80'] },
  { code: '82', formedFrom: ['87', '82'] },
  { code: '86', formedFrom: ['86', '83', '84'] },
  { code: '91', formedFrom: ['89', '91'] },
  { code: '92', formedFrom: ['92', '94', '93'] },
  { code: '96', formedFrom: ['96', '95'] },
];
