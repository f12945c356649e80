import { foldDiacritics } from '@cancuoc/core';
import { cleanError } from '../errors.js';
import type { CleanField } from '../types.js';

/** Header text folded for matching: no diacritics, lower case, words separated by one space. */
export function foldHeader(header: string): string {
  return foldDiacritics(header.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// The headers Vietnamese and English lists use, folded (Decree 13/2023 forms, BHXH and hotel
// exports, HR systems). Matching is on the folded header, so "Họ và tên", "HO VA TEN" and
// "ho_va_ten" are one entry.
const ALIASES: Readonly<Record<CleanField, readonly string[]>> = {
  fullName: [
    'ho va ten',
    'ho ten',
    'ho va ten khai sinh',
    'ten',
    'ho ten day du',
    'full name',
    'fullname',
    'name',
    'ten cong dan',
    'ho ten nguoi benh',
    'ho ten khach',
  ],
  birthDate: [
    'ngay sinh',
    'ngay thang nam sinh',
    'ngay sinh dd mm yyyy',
    'nam sinh',
    'date of birth',
    'dob',
    'birth date',
    'birthdate',
    'birthday',
  ],
  sex: ['gioi tinh', 'gioi', 'phai', 'sex', 'gender'],
  personalId: [
    'so cccd',
    'cccd',
    'so dinh danh',
    'so dinh danh ca nhan',
    'ma dinh danh',
    'cccd cmnd',
    'so cccd cmnd',
    'cmnd cccd',
    'so cmnd cccd',
    'so can cuoc',
    'can cuoc',
    'so can cuoc cong dan',
    'so the can cuoc',
    'personal id',
    'personal id number',
    'id number',
    'national id',
    'citizen id',
    'id',
  ],
  legacyId: [
    'so cmnd',
    'cmnd',
    'so chung minh nhan dan',
    'chung minh nhan dan',
    'cmnd cu',
    'so cmnd cu',
    'legacy id',
    'old id',
  ],
  insuranceCode: [
    'ma the bhyt',
    'so the bhyt',
    'the bhyt',
    'bhyt',
    'ma bhyt',
    'ma so bhxh',
    'so bhxh',
    'ma bhxh',
    'health insurance',
    'insurance code',
    'health insurance code',
  ],
  taxCode: ['ma so thue', 'mst', 'ma so thue ca nhan', 'tax code', 'tax id'],
  ethnicity: ['dan toc', 'ethnicity', 'ethnic group'],
  religion: ['ton giao', 'religion'],
  nationality: ['quoc tich', 'nationality', 'citizenship'],
  permanentAddress: [
    'dia chi thuong tru',
    'noi thuong tru',
    'thuong tru',
    'dia chi',
    'address',
    'permanent address',
    'noi dang ky thuong tru',
    'ho khau thuong tru',
  ],
  currentAddress: [
    'noi o hien tai',
    'dia chi hien tai',
    'cho o hien tai',
    'noi o',
    'noi cu tru',
    'tam tru',
    'dia chi tam tru',
    'current address',
    'residence',
  ],
  placeOfOrigin: ['que quan', 'nguyen quan', 'place of origin', 'hometown'],
  birthPlace: ['noi sinh', 'noi dang ky khai sinh', 'place of birth', 'birth place', 'birthplace'],
  phone: [
    'so dien thoai',
    'dien thoai',
    'sdt',
    'so dt',
    'dt',
    'dien thoai di dong',
    'so di dong',
    'di dong',
    'phone',
    'phone number',
    'mobile',
    'tel',
  ],
  email: ['email', 'e mail', 'thu dien tu', 'dia chi email', 'dia chi thu dien tu'],
};

const BY_ALIAS = new Map<string, CleanField>();
for (const [field, aliases] of Object.entries(ALIASES) as [CleanField, readonly string[]][]) {
  for (const a of aliases) BY_ALIAS.set(a, field);
}

/** Explicit column mapping: field → header text as it appears in the file. */
export type ColumnMapping = Partial<Record<CleanField, string>>;

/** Which column holds which field (`-1`: none). */
export type ColumnMap = Partial<Record<CleanField, number>>;

/**
 * Maps a header row to fields: the explicit mapping first (exact header, or equal once folded),
 * then the usual headers. A column that matches nothing is kept and written back untouched.
 *
 * @throws CancuocError `ERR_CLEAN_MAPPING` when a mapped header is not in the file;
 *   `ERR_CLEAN_NO_HEADER` when no column is a known field.
 */
export function mapColumns(header: readonly string[], mapping: ColumnMapping = {}): ColumnMap {
  const map: ColumnMap = {};
  const taken = new Set<number>();
  const folded = header.map(foldHeader);
  for (const [field, name] of Object.entries(mapping) as [CleanField, string | undefined][]) {
    if (name === undefined) continue;
    if (!(field in ALIASES)) {
      throw cleanError('ERR_CLEAN_MAPPING', {
        reason: `${field} is not a field`,
        reasonVi: `${field} không phải tên trường`,
      });
    }
    let at = header.indexOf(name);
    if (at < 0) at = folded.indexOf(foldHeader(name));
    if (at < 0) {
      throw cleanError('ERR_CLEAN_MAPPING', {
        reason: `no column is headed "${name}"`,
        reasonVi: `không có cột nào có tiêu đề "${name}"`,
      });
    }
    map[field] = at;
    taken.add(at);
  }
  folded.forEach((h, i) => {
    if (taken.has(i)) return;
    const field = BY_ALIAS.get(h);
    if (field !== undefined && map[field] === undefined) {
      map[field] = i;
      taken.add(i);
    }
  });
  if (Object.keys(map).length === 0) throw cleanError('ERR_CLEAN_NO_HEADER');
  return map;
}
