/**
 * The 34 provinces and centrally governed cities from 1 July 2025 (Resolution 202/2025/QH15 of
 * 12 June 2025 on the rearrangement of provincial-level administrative units), with their GSO
 * codes: each merged province keeps the code of the old province where its administrative centre
 * is (Official Letter 915/CTK-CSCL of the General Statistics Office).
 */
import type { Province, ProvinceMerge } from '../types.js';

/**
 * The 34 provinces from 1 July 2025, ordered by GSO code.
 *
 * @example
 * ```ts
 * provincesFrom2025.filter((p) => p.type === 'city').map((p) => p.name) // ['Hà Nội', 'Hải Phòng', 'Huế', …]
 * ```
 */
export const provincesFrom2025: readonly Province[] = [
  { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', unaccentedName: 'Ha Noi', type: 'city' },
  { code: '04', name: 'Cao Bằng', fullName: 'Tỉnh Cao Bằng', unaccentedName: 'Cao Bang', type: 'province' },
  {
    code: '08',
    name: 'Tuyên Quang',
    fullName: 'Tỉnh Tuyên Quang',
    unaccentedName: 'Tuyen Quang',
    type: 'province',
  },
  {
    code: '11',
    name: 'Điện Biên',
    fullName: 'Tỉnh Điện Biên',
    unaccentedName: 'Dien Bien',
    type: 'province',
  },
  { code: '12', name: 'Lai Châu', fullName: 'Tỉnh Lai Châu', unaccentedName: 'Lai Chau', type: 'province' },
  { code: '14', name: 'Sơn La', fullName: 'Tỉnh Sơn La', unaccentedName: 'Son La', type: 'province' },
  { code: '15', name: 'Lào Cai', fullName: 'Tỉnh Lào Cai', unaccentedName: 'Lao Cai', type: 'province' },
  {
    code: '19',
    name: 'Thái Nguyên',
    fullName: 'Tỉnh Thái Nguyên',
    unaccentedName: 'Thai Nguyen',
    type: 'province',
  },
  { code: '20', name: 'Lạng Sơn', fullName: 'Tỉnh Lạng Sơn', unaccentedName: 'Lang Son', type: 'province' },
  {
    code: '22',
    name: 'Quảng Ninh',
    fullName: 'Tỉnh Quảng Ninh',
    unaccentedName: 'Quang Ninh',
    type: 'province',
  },
  { code: '24', name: 'Bắc Ninh', fullName: 'Tỉnh Bắc Ninh', unaccentedName: 'Bac Ninh', type: 'province' },
  { code: '25', name: 'Phú Thọ', fullName: 'Tỉnh Phú Thọ', unaccentedName: 'Phu Tho', type: 'province' },
  {
    code: '31',
    name: 'Hải Phòng',
    fullName: 'Thành phố Hải Phòng',
    unaccentedName: 'Hai Phong',
    type: 'city',
  },
  { code: '33', name: 'Hưng Yên', fullName: 'Tỉnh Hưng Yên', unaccentedName: 'Hung Yen', type: 'province' },
  {
    code: '37',
    name: 'Ninh Bình',
    fullName: 'Tỉnh Ninh Bình',
    unaccentedName: 'Ninh Binh',
    type: 'province',
  },
  {
    code: '38',
    name: 'Thanh Hóa',
    fullName: 'Tỉnh Thanh Hóa',
    unaccentedName: 'Thanh Hoa',
    type: 'province',
  },
  { code: '40', name: 'Nghệ An', fullName: 'Tỉnh Nghệ An', unaccentedName: 'Nghe An', type: 'province' },
  { code: '42', name: 'Hà Tĩnh', fullName: 'Tỉnh Hà Tĩnh', unaccentedName: 'Ha Tinh', type: 'province' },
  {
    code: '44',
    name: 'Quảng Trị',
    fullName: 'Tỉnh Quảng Trị',
    unaccentedName: 'Quang Tri',
    type: 'province',
  },
  { code: '46', name: 'Huế', fullName: 'Thành phố Huế', unaccentedName: 'Hue', type: 'city' },
  { code: '48', name: 'Đà Nẵng', fullName: 'Thành phố Đà Nẵng', unaccentedName: 'Da Nang', type: 'city' },
  {
    code: '51',
    name: 'Quảng Ngãi',
    fullName: 'Tỉnh Quảng Ngãi',
    unaccentedName: 'Quang Ngai',
    type: 'province',
  },
  { code: '52', name: 'Gia Lai', fullName: 'Tỉnh Gia Lai', unaccentedName: 'Gia Lai', type: 'province' },
  {
    code: '56',
    name: 'Khánh Hòa',
    fullName: 'Tỉnh Khánh Hòa',
    unaccentedName: 'Khanh Hoa',
    type: 'province',
  },
  { code: '66', name: 'Đắk Lắk', fullName: 'Tỉnh Đắk Lắk', unaccentedName: 'Dak Lak', type: 'province' },
  { code: '68', name: 'Lâm Đồng', fullName: 'Tỉnh Lâm Đồng', unaccentedName: 'Lam Dong', type: 'province' },
  { code: '75', name: 'Đồng Nai', fullName: 'Tỉnh Đồng Nai', unaccentedName: 'Dong Nai', type: 'province' },
  {
    code: '79',
    name: 'Hồ Chí Minh',
    fullName: 'Thành phố Hồ Chí Minh',
    unaccentedName: 'Ho Chi Minh',
    type: 'city',
  },
  { code: '80', name: 'Tây Ninh', fullName: 'Tỉnh Tây Ninh', unaccentedName: 'Tay Ninh', type: 'province' },
  {
    code: '82',
    name: 'Đồng Tháp',
    fullName: 'Tỉnh Đồng Tháp',
    unaccentedName: 'Dong Thap',
    type: 'province',
  },
  {
    code: '86',
    name: 'Vĩnh Long',
    fullName: 'Tỉnh Vĩnh Long',
    unaccentedName: 'Vinh Long',
    type: 'province',
  },
  { code: '91', name: 'An Giang', fullName: 'Tỉnh An Giang', unaccentedName: 'An Giang', type: 'province' },
  { code: '92', name: 'Cần Thơ', fullName: 'Thành phố Cần Thơ', unaccentedName: 'Can Tho', type: 'city' },
  { code: '96', name: 'Cà Mau', fullName: 'Tỉnh Cà Mau', unaccentedName: 'Ca Mau', type: 'province' },
];

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
