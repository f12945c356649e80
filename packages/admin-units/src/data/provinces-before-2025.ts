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
  ['01', 'Hà Nội', CITY, 'Ha Noi'],
  ['02', 'Hà Giang', PROVINCE, 'Ha Giang'],
  ['04', 'Cao Bằng', PROVINCE, 'Cao Bang'],
  ['06', 'Bắc Kạn', PROVINCE, 'Bac Kan'],
  ['08', 'Tuyên Quang', PROVINCE, 'Tuyen Quang'],
  ['10', 'Lào Cai', PROVINCE, 'Lao Cai'],
  ['11', 'Điện Biên', PROVINCE, 'Dien Bien'],
  ['12', 'Lai Châu', PROVINCE, 'Lai Chau'],
  ['14', 'Sơn La', PROVINCE, 'Son La'],
  ['15', 'Yên Bái', PROVINCE, 'Yen Bai'],
  ['17', 'Hòa Bình', PROVINCE, 'Hoa Binh'],
  ['19', 'Thái Nguyên', PROVINCE, 'Thai Nguyen'],
  ['20', 'Lạng Sơn', PROVINCE, 'Lang Son'],
  ['22', 'Quảng Ninh', PROVINCE, 'Quang Ninh'],
  ['24', 'Bắc Giang', PROVINCE, 'Bac Giang'],
  ['25', 'Phú Thọ', PROVINCE, 'Phu Tho'],
  ['26', 'Vĩnh Phúc', PROVINCE, 'Vinh Phuc'],
  ['27', 'Bắc Ninh', PROVINCE, 'Bac Ninh'],
  ['30', 'Hải Dương', PROVINCE, 'Hai Duong'],
  ['31', 'Hải Phòng', CITY, 'Hai Phong'],
  ['33', 'Hưng Yên', PROVINCE, 'Hung Yen'],
  ['34', 'Thái Bình', PROVINCE, 'Thai Binh'],
  ['35', 'Hà Nam', PROVINCE, 'Ha Nam'],
  ['36', 'Nam Định', PROVINCE, 'Nam Dinh'],
  ['37', 'Ninh Bình', PROVINCE, 'Ninh Binh'],
  ['38', 'Thanh Hóa', PROVINCE, 'Thanh Hoa'],
  ['40', 'Nghệ An', PROVINCE, 'Nghe An'],
  ['42', 'Hà Tĩnh', PROVINCE, 'Ha Tinh'],
  ['44', 'Quảng Bình', PROVINCE, 'Quang Binh'],
  ['45', 'Quảng Trị', PROVINCE, 'Quang Tri'],
  ['46', 'Thừa Thiên Huế', PROVINCE, 'Thua Thien Hue'],
  ['48', 'Đà Nẵng', CITY, 'Da Nang'],
  ['49', 'Quảng Nam', PROVINCE, 'Quang Nam'],
  ['51', 'Quảng Ngãi', PROVINCE, 'Quang Ngai'],
  ['52', 'Bình Định', PROVINCE, 'Binh Dinh'],
  ['54', 'Phú Yên', PROVINCE, 'Phu Yen'],
  ['56', 'Khánh Hòa', PROVINCE, 'Khanh Hoa'],
  ['58', 'Ninh Thuận', PROVINCE, 'Ninh Thuan'],
  ['60', 'Bình Thuận', PROVINCE, 'Binh Thuan'],
  ['62', 'Kon Tum', PROVINCE],
  ['64', 'Gia Lai', PROVINCE],
  ['66', 'Đắk Lắk', PROVINCE, 'Dak Lak'],
  ['67', 'Đắk Nông', PROVINCE, 'Dak Nong'],
  ['68', 'Lâm Đồng', PROVINCE, 'Lam Dong'],
  ['70', 'Bình Phước', PROVINCE, 'Binh Phuoc'],
  ['72', 'Tây Ninh', PROVINCE, 'Tay Ninh'],
  ['74', 'Bình Dương', PROVINCE, 'Binh Duong'],
  ['75', 'Đồng Nai', PROVINCE, 'Dong Nai'],
  ['77', 'Bà Rịa - Vũng Tàu', PROVINCE, 'Ba Ria - Vung Tau'],
  ['79', 'Hồ Chí Minh', CITY, 'Ho Chi Minh'],
  ['80', 'Long An', PROVINCE],
  ['82', 'Tiền Giang', PROVINCE, 'Tien Giang'],
  ['83', 'Bến Tre', PROVINCE, 'Ben Tre'],
  ['84', 'Trà Vinh', PROVINCE, 'Tra Vinh'],
  ['86', 'Vĩnh Long', PROVINCE, 'Vinh Long'],
  ['87', 'Đồng Tháp', PROVINCE, 'Dong Thap'],
  ['89', 'An Giang', PROVINCE],
  ['91', 'Kiên Giang', PROVINCE, 'Kien Giang'],
  ['92', 'Cần Thơ', CITY, 'Can Tho'],
  ['93', 'Hậu Giang', PROVINCE, 'Hau Giang'],
  ['94', 'Sóc Trăng', PROVINCE, 'Soc Trang'],
  ['95', 'Bạc Liêu', PROVINCE, 'Bac Lieu'],
  ['96', 'Cà Mau', PROVINCE, 'Ca Mau'],
]);
