/**
 * Human labels of the fields of the schemas, in English and Vietnamese, used to write issue
 * messages a front-desk clerk understands ("Thiếu họ và tên của cha").
 */

const LABELS: Readonly<Record<string, readonly [en: string, vi: string]>> = {
  personalId: ['personal ID number', 'số định danh cá nhân'],
  fullName: ['full name', 'họ và tên'],
  dateOfBirth: ['date of birth', 'ngày sinh'],
  sex: ['sex', 'giới tính'],
  nationality: ['nationality', 'quốc tịch'],
  ethnicity: ['ethnicity', 'dân tộc'],
  religion: ['religion', 'tôn giáo'],
  placeOfBirthRegistration: ['place of birth registration', 'nơi đăng ký khai sinh'],
  placeOfOrigin: ['place of origin', 'quê quán'],
  permanentResidence: ['permanent residence', 'nơi thường trú'],
  temporaryResidence: ['temporary residence', 'nơi tạm trú'],
  currentResidence: ['current residence', 'nơi ở hiện tại'],
  identifyingMarks: ['identifying marks', 'đặc điểm nhận dạng'],
  legacyIds: ['old ID numbers', 'các số CMND cũ'],
  legacyId: ['old ID number', 'số CMND cũ'],
  documents: ['identity documents', 'giấy tờ tùy thân'],
  father: ['father', 'cha'],
  mother: ['mother', 'mẹ'],
  spouse: ['spouse', 'vợ/chồng'],
  text: ['address line', 'địa chỉ chi tiết'],
  street: ['street address', 'số nhà, đường phố'],
  commune: ['commune', 'xã/phường'],
  district: ['district', 'quận/huyện'],
  province: ['province', 'tỉnh/thành phố'],
  country: ['country', 'quốc gia'],
  code: ['code', 'mã'],
  name: ['name', 'tên'],
  kind: ['document type', 'loại giấy tờ'],
  number: ['document number', 'số giấy tờ'],
  dateOfIssue: ['date of issue', 'ngày cấp'],
  dateOfExpiry: ['date of expiry', 'ngày hết hạn'],
  issuer: ['issuing authority', 'nơi cấp'],
  year: ['year', 'năm'],
  month: ['month', 'tháng'],
  day: ['day', 'ngày'],
  cardKind: ['card type', 'loại thẻ'],
  source: ['data source', 'nguồn dữ liệu'],
  cardId: ['card ID', 'mã thẻ'],
};

// Labels of one element of a list field: "identity document 2" / "giấy tờ tùy thân thứ 2".
const ELEMENT: Readonly<Record<string, readonly [en: string, vi: string]>> = {
  legacyIds: ['old ID number', 'số CMND cũ'],
  documents: ['identity document', 'giấy tờ tùy thân'],
};

/** English and Vietnamese labels of a path, e.g. `['father', 'fullName']` → "full name of father" / "họ và tên của cha". */
export function labelPath(path: readonly PropertyKey[]): { field: string; fieldVi: string } {
  const en: string[] = [];
  const vi: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (typeof key !== 'string') continue;
    const next = path[i + 1];
    if (typeof next === 'number' && Object.hasOwn(ELEMENT, key)) {
      const [elementEn, elementVi] = ELEMENT[key]!;
      en.unshift(`${elementEn} ${next + 1}`);
      vi.unshift(`${elementVi} thứ ${next + 1}`);
      continue;
    }
    const label = Object.hasOwn(LABELS, key) ? LABELS[key] : undefined;
    en.unshift(label ? label[0] : key);
    vi.unshift(label ? label[1] : key);
  }
  if (en.length === 0) return { field: 'record', fieldVi: 'hồ sơ' };
  // Year/month/day of a date read better as "date of birth" alone.
  if (en.length > 1 && (path.at(-1) === 'year' || path.at(-1) === 'month' || path.at(-1) === 'day')) {
    en.shift();
    vi.shift();
  }
  return { field: en.join(' of '), fieldVi: vi.join(' của ') };
}

/** The message with its first letter in capitals (Vietnamese labels start sentences). */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
