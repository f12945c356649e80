/**
 * The 63 provinces and centrally governed cities (tỉnh, thành phố trực thuộc trung ương) in force
 * from 1 August 2008 until 30 June 2025, with their GSO codes (mã đơn vị hành chính, Decision
 * 124/2004/QĐ-TTg as amended). The 3-digit birth-place code of a personal ID number is "0" + this
 * code (Circular 07/2016/TT-BCA Appendix 1). Names are those in force on 31 December 2024; Thừa
 * Thiên Huế became the centrally governed Thành phố Huế on 1 January 2025 (Resolution
 * 175/2024/QH15), which the date-aware lookups account for.
 *
 * Generated once from the tables in the package README; keep the two in step.
 */

import { CITY, PROVINCE, provincesOf } from '../internal/rows.js';
import type { Province } from '../types.js';

/**
 * The 63 provinces before 1 July 2025, ordered by GSO code.
 *
 * @example
 * ```ts
 * provincesBefore2025.find((p) => p.code === '24')?.fullName // 'Tỉnh Bắc Giang'
 * ```
 */
export const provincesBefore2025: readonly Province[] = /* @__PURE__ */ provincesOf([
  ['01', 'Hà Nội', CITY],
  ['02', 'Hà Giang', PROVINCE],
  ['04', 'Cao Bằng', PROVINCE],
  ['06', 'Bắc Kạn', PROVINCE],
  ['08', 'Tuyên Quang', PROVINCE],
  ['10', 'Lào Cai', PROVINCE],
  ['11', 'Điện Biên', PROVINCE],
  ['12', 'Lai Châu', PROVINCE],
  ['14', 'Sơn La', PROVINCE],
  ['15', 'Yên Bái', PROVINCE],
  ['17', 'Hòa Bình', PROVINCE],
  ['19', 'Thái Nguyên', PROVINCE],
  ['20', 'Lạng Sơn', PROVINCE],
  ['22', 'Quảng Ninh', PROVINCE],
  ['24', 'Bắc Giang', PROVINCE],
  ['25', 'Phú Thọ', PROVINCE],
  ['26', 'Vĩnh Phúc', PROVINCE],
  ['27', 'Bắc Ninh', PROVINCE],
  ['30', 'Hải Dương', PROVINCE],
  ['31', 'Hải Phòng', CITY],
  ['33', 'Hưng Yên', PROVINCE],
  ['34', 'Thái Bình', PROVINCE],
  ['35', 'Hà Nam', PROVINCE],
  ['36', 'Nam Định', PROVINCE],
  ['37', 'Ninh Bình', PROVINCE],
  ['38', 'Thanh Hóa', PROVINCE],
  ['40', 'Nghệ An', PROVINCE],
  ['42', 'Hà Tĩnh', PROVINCE],
  ['44', 'Quảng Bình', PROVINCE],
  ['45', 'Quảng Trị', PROVINCE],
  ['46', 'Thừa Thiên Huế', PROVINCE],
  ['48', 'Đà Nẵng', CITY],
  ['49', 'Quảng Nam', PROVINCE],
  ['51', 'Quảng Ngãi', PROVINCE],
  ['52', 'Bình Định', PROVINCE],
  ['54', 'Phú Yên', PROVINCE],
  ['56', 'Khánh Hòa', PROVINCE],
  ['58', 'Ninh Thuận', PROVINCE],
  ['60', 'Bình Thuận', PROVINCE],
  ['62', 'Kon Tum', PROVINCE],
  ['64', 'Gia Lai', PROVINCE],
  ['66', 'Đắk Lắk', PROVINCE],
  ['67', 'Đắk Nông', PROVINCE],
  ['68', 'Lâm Đồng', PROVINCE],
  ['70', 'Bình Phước', PROVINCE],
  ['72', 'Tây Ninh', PROVINCE],
  ['74', 'Bình Dương', PROVINCE],
  ['75', 'Đồng Nai', PROVINCE],
  ['77', 'Bà Rịa - Vũng Tàu', PROVINCE],
  ['79', 'Hồ Chí Minh', CITY],
  ['80', 'Long An', PROVINCE],
  ['82', 'Tiền Giang', PROVINCE],
  ['83', 'Bến Tre', PROVINCE],
  ['84', 'Trà Vinh', PROVINCE],
  ['86', 'Vĩnh Long', PROVINCE],
  ['87', 'Đồng Tháp', PROVINCE],
  ['89', 'An Giang', PROVINCE],
  ['91', 'Kiên Giang', PROVINCE],
  ['92', 'Cần Thơ', CITY],
  ['93', 'Hậu Giang', PROVINCE],
  ['94', 'Sóc Trăng', PROVINCE],
  ['95', 'Bạc Liêu', PROVINCE],
  ['96', 'Cà Mau', PROVINCE],
]);
