import { findProvinceInText } from '@cancuoc/admin-units';
import { foldDiacritics, isCancuocError } from '@cancuoc/core';
import {
  type PersonalId,
  parseInsuranceCode,
  parseLegacyId,
  parsePersonalId,
  parseTaxCode,
} from '@cancuoc/id-number';
import type {
  CleanedRecord,
  CleanField,
  DuplicateKeys,
  InputRecord,
  Profile,
  RecordIssue,
  Severity,
} from '../types.js';
import { migrateAddress } from './address.js';
import { lookupEthnicity, lookupNationality, lookupReligion } from './codes.js';
import { repairBirthDate } from './dates.js';
import { type CleanIssueCode, messagesOf } from './issue-codes.js';
import { fixLegacyFont } from './legacy-fonts.js';
import { normalizeName, tidyText } from './names.js';
import { repairPhone } from './phone.js';

/** Required fields of the built-in profiles. */
export const PROFILE_FIELDS: Readonly<Record<'hospital' | 'hotel' | 'population', readonly CleanField[]>> = {
  // Patient registration (Circular 46/2018/TT-BYT medical records; BHYT check needs name, birth date, ID).
  hospital: ['fullName', 'birthDate', 'sex', 'personalId'],
  // Stay notices (Circular 53/2016/TT-BCA as amended): identity, birth date, sex, nationality, residence.
  hotel: ['fullName', 'birthDate', 'sex', 'personalId', 'nationality', 'permanentAddress'],
  // Population data (Law on Identification 2023 Art. 9): the basic fields of the national database.
  population: [
    'fullName',
    'birthDate',
    'sex',
    'personalId',
    'ethnicity',
    'religion',
    'nationality',
    'placeOfOrigin',
    'permanentAddress',
  ],
};

/** English and Vietnamese names of the fields (for messages and reports). */
export const FIELD_NAMES: Readonly<Record<CleanField, { en: string; vi: string }>> = {
  fullName: { en: 'full name', vi: 'họ và tên' },
  birthDate: { en: 'date of birth', vi: 'ngày sinh' },
  sex: { en: 'sex', vi: 'giới tính' },
  personalId: { en: 'personal ID number', vi: 'số định danh cá nhân' },
  legacyId: { en: 'ID card (CMND) number', vi: 'số CMND' },
  insuranceCode: { en: 'health insurance (BHYT) code', vi: 'mã thẻ BHYT' },
  taxCode: { en: 'tax code', vi: 'mã số thuế' },
  ethnicity: { en: 'ethnic group', vi: 'dân tộc' },
  religion: { en: 'religion', vi: 'tôn giáo' },
  nationality: { en: 'nationality', vi: 'quốc tịch' },
  permanentAddress: { en: 'permanent address', vi: 'nơi thường trú' },
  currentAddress: { en: 'current address', vi: 'nơi ở hiện tại' },
  placeOfOrigin: { en: 'place of origin', vi: 'quê quán' },
  birthPlace: { en: 'place of birth registration', vi: 'nơi đăng ký khai sinh' },
  phone: { en: 'phone number', vi: 'số điện thoại' },
  email: { en: 'e-mail address', vi: 'thư điện tử' },
};

const TEXT_FIELDS: readonly CleanField[] = [
  'fullName',
  'ethnicity',
  'religion',
  'nationality',
  'permanentAddress',
  'currentAddress',
  'placeOfOrigin',
  'birthPlace',
];
const ADDRESS_FIELDS: readonly CleanField[] = [
  'permanentAddress',
  'currentAddress',
  'placeOfOrigin',
  'birthPlace',
];

let todayCache: { at: number; day: [number, number, number] } | undefined;
function today(): [number, number, number] {
  // Vietnam time (UTC+7) decides which day "today" is; worked out once a minute, not per record.
  const now = Date.now();
  if (todayCache === undefined || now - todayCache.at > 60_000) {
    const d = new Date(now + 7 * 3_600_000);
    todayCache = { at: now, day: [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] };
  }
  return todayCache.day;
}

class Collector {
  readonly issues: RecordIssue[] = [];
  constructor(readonly row: number) {}
  add(
    field: CleanField | null,
    code: CleanIssueCode,
    severity: Severity,
    details?: Record<string, string | number>,
    before?: string,
    after?: string,
  ): void {
    const m = messagesOf(code, details);
    const issue: RecordIssue = {
      row: this.row,
      field,
      code,
      severity,
      messageVi: m.messageVi,
      messageEn: m.messageEn,
    };
    if (before !== undefined) issue.before = before;
    if (after !== undefined) issue.after = after;
    this.issues.push(issue);
  }
  fromError(field: CleanField, error: unknown, before: string, severity: Severity = 'error'): void {
    if (!isCancuocError(error)) throw error;
    this.issues.push({
      row: this.row,
      field,
      code: error.code,
      severity,
      messageVi: error.messageVi,
      messageEn: error.message,
      before,
    });
  }
}

function isDigitsOnly(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

// Spaces, dots, dashes inside a number (`001 098 012 345`, `001.098.012.345`).
function stripSeparators(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 46 && c !== 45 && c !== 0xa0) out += s[i];
  }
  return out;
}

function sexOf(text: string): 'Nam' | 'Nữ' | undefined {
  switch (foldDiacritics(text).toLowerCase()) {
    case 'nam':
    case 'm':
    case 'male':
    case 'trai':
    case '1':
      return 'Nam';
    case 'nu':
    case 'f':
    case 'female':
    case 'gai':
    case '2':
    // 1 = male, 0 = female in registers that store sex as a flag.
    case '0':
      return 'Nữ';
    default:
      return undefined;
  }
}

/** Ethnicity, religion or nationality to the official name, its code kept aside. */
function catalogue(
  out: FieldValues,
  c: Collector,
  f: 'ethnicity' | 'religion' | 'nationality',
  lookup: (t: string) => { name: string; code: string } | null,
  fixed: CleanIssueCode,
  unknown: CleanIssueCode,
  codes: CleanedRecord['codes'],
): CleanedRecord['codes'] {
  const v = out[f];
  if (v === undefined || v.trim() === '') return codes;
  const hit = lookup(v.trim());
  if (hit === null) {
    c.add(f, unknown, 'warning', undefined, v);
    return codes;
  }
  const next = codes ?? {};
  next[f] = hit.code;
  if (hit.name !== v) {
    c.add(f, fixed, 'fixed', { code: hit.code }, v, hit.name);
    out[f] = hit.name;
  }
  return next;
}

/**
 * Every field of a record, always present (`undefined` when absent), created by
 * {@link emptyFields}: all records share one hidden class, so the rules' property reads stay
 * monomorphic (records whose fields were added in varying orders made them megamorphic).
 */
export type FieldValues = { [F in CleanField]: string | undefined };

/** A {@link FieldValues} with no value (the property order is the same for every record). */
export function emptyFields(): FieldValues {
  return {
    fullName: undefined,
    birthDate: undefined,
    sex: undefined,
    personalId: undefined,
    legacyId: undefined,
    insuranceCode: undefined,
    taxCode: undefined,
    ethnicity: undefined,
    religion: undefined,
    nationality: undefined,
    permanentAddress: undefined,
    currentAddress: undefined,
    placeOfOrigin: undefined,
    birthPlace: undefined,
    phone: undefined,
    email: undefined,
  };
}

/** A blank cell is an absent value: whitespace-only cells (common in exported sheets) become `''`. */
export const blankToEmpty = (v: string): string => (v.length > 0 && v.trim() === '' ? '' : v);

/**
 * Runs every per-record rule on one record given as a plain object (the public path): the
 * result's `values` holds the record's own keys (unknown ones copied as they were) and the
 * fields the rules added.
 */
export function runRules(input: InputRecord, row: number, profile: Profile): CleanedRecord {
  const fields = emptyFields();
  for (const key in input) {
    const v = (input as Record<string, unknown>)[key];
    if (typeof v === 'string' && Object.hasOwn(FIELD_NAMES, key)) fields[key as CleanField] = blankToEmpty(v);
  }
  const result = cleanFields(fields, row, profile);
  const values: Record<string, string> = {};
  for (const key in input) {
    const v = (input as Record<string, unknown>)[key];
    if (typeof v !== 'string') continue;
    values[key] = Object.hasOwn(FIELD_NAMES, key) ? (fields[key as CleanField] as string) : blankToEmpty(v);
  }
  for (const f in fields) {
    const v = fields[f as CleanField];
    if (v !== undefined && !Object.hasOwn(values, f)) values[f] = v;
  }
  result.values = values as InputRecord;
  return result;
}

/**
 * Runs every per-record rule on one record's fields ({@link emptyFields}, blank cells already
 * `''`), changing them in place; the result's `values` is `out` itself.
 */
export function cleanFields(out: FieldValues, row: number, profile: Profile): CleanedRecord {
  const c = new Collector(row);

  // Legacy fonts and replacement characters in free-text fields.
  let legacyName: RecordIssue | undefined;
  for (const f of TEXT_FIELDS) {
    const v = out[f];
    if (v === undefined || v === '') continue;
    if (v.includes('\ufffd')) c.add(f, 'CLEAN_REPLACEMENT_CHARACTER', 'error', undefined, v);
    const legacy = fixLegacyFont(v);
    if (legacy !== undefined) {
      const name = legacy.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : legacy.encoding === 'vni' ? 'VNI' : 'VIQR';
      c.add(f, 'CLEAN_LEGACY_FONT', 'fixed', { encoding: name }, v, legacy.text);
      out[f] = legacy.text;
      if (f === 'fullName') legacyName = c.issues[c.issues.length - 1];
    }
  }

  // Name.
  const rawName = out.fullName;
  if (rawName !== undefined && rawName !== '') {
    const n = normalizeName(rawName);
    // After a legacy-font conversion the name's layout is part of the same repair.
    if (n.value !== rawName && legacyName !== undefined) legacyName.after = n.value;
    else if (n.value !== rawName)
      c.add('fullName', 'CLEAN_NAME_NORMALIZED', 'fixed', undefined, rawName, n.value);
    out.fullName = n.value;
    if (n.badCharacters) c.add('fullName', 'CLEAN_NAME_CHARACTERS', 'error', undefined, n.value);
    else if (
      n.noDiacritics &&
      hasMarkedNameWord(n.value) &&
      (out.nationality === undefined ||
        out.nationality === '' ||
        lookupNationality(out.nationality)?.code === 'VNM')
    )
      c.add('fullName', 'CLEAN_NAME_NO_DIACRITICS', 'warning', undefined, n.value);
  }

  // Sex.
  let sex: 'Nam' | 'Nữ' | undefined;
  const rawSex = out.sex === undefined ? undefined : tidyText(out.sex);
  if (rawSex !== undefined && rawSex !== '') {
    sex = sexOf(rawSex);
    if (sex === undefined) c.add('sex', 'CLEAN_SEX_UNKNOWN', 'error', undefined, rawSex);
    else if (sex !== out.sex) {
      c.add('sex', 'CLEAN_SEX_NORMALIZED', 'fixed', undefined, out.sex, sex);
      out.sex = sex;
    }
  }

  // Birth date.
  let birthYear: number | undefined;
  const rawDate = out.birthDate === undefined ? undefined : out.birthDate.trim();
  if (rawDate !== undefined && rawDate !== '') {
    const d = repairBirthDate(rawDate, today());
    const code = d.code;
    if (
      code === undefined ||
      code === 'CLEAN_DATE_NORMALIZED' ||
      code === 'CLEAN_DATE_YEAR_ONLY' ||
      code === 'CLEAN_DATE_MONTH_YEAR' ||
      code === 'CLEAN_DATE_SWAPPED' ||
      code === 'CLEAN_DATE_EXCEL_SERIAL'
    ) {
      if (code !== undefined) c.add('birthDate', code, 'fixed', d.details, out.birthDate, d.value);
      out.birthDate = d.value;
      birthYear = Number(d.value.slice(-4));
    } else {
      c.add('birthDate', code, 'error', d.details ?? { value: rawDate }, out.birthDate);
      // An impossible day still tells the year (31/02/1990): keep it for the ID check.
      if (code === 'CLEAN_DATE_IMPOSSIBLE' && rawDate.length >= 4) {
        const y = Number(rawDate.slice(-4));
        if (Number.isInteger(y) && y >= 1880) birthYear = y;
      }
    }
  }

  // Personal ID (12 digits) and CMND (9 digits).
  let pid: PersonalId | undefined;
  const rawId = out.personalId;
  if (rawId !== undefined && rawId.trim() !== '') {
    let id = rawId;
    if (!isDigitsOnly(id)) {
      const stripped = stripSeparators(id.trim());
      if (isDigitsOnly(stripped)) {
        c.add('personalId', 'CLEAN_ID_NORMALIZED', 'fixed', undefined, rawId, stripped);
        id = stripped;
      }
    }
    // Every birth-place code starts with 0 (001–096); a spreadsheet that read the number as a
    // number dropped one or two zeros (provinces 001–009).
    if ((id.length === 11 || id.length === 10) && isDigitsOnly(id)) {
      const padded = id.padStart(12, '0');
      c.add('personalId', 'CLEAN_ID_LEADING_ZERO', 'fixed', undefined, id, padded);
      id = padded;
    }
    if (id.length === 9 && isDigitsOnly(id)) {
      // A CMND where the 12-digit number belongs: moved to the CMND column when that is empty
      // or already holds it; otherwise left in place for a person to decide.
      c.add('personalId', 'CLEAN_ID_LEGACY_IN_ID_COLUMN', 'warning', undefined, id);
      const legacy = out.legacyId?.trim() ?? '';
      if (legacy === '' || stripSeparators(legacy) === id) {
        out.legacyId = id;
        id = '';
      }
    }
    out.personalId = id;
    if (id !== '' && !(id.length === 9 && isDigitsOnly(id))) {
      try {
        pid = parsePersonalId(id);
      } catch (error) {
        c.fromError('personalId', error, id);
      }
    }
  }
  const rawLegacy = out.legacyId;
  if (rawLegacy !== undefined && rawLegacy.trim() !== '') {
    let v = rawLegacy;
    if (!isDigitsOnly(v)) {
      const stripped = stripSeparators(v.trim());
      if (isDigitsOnly(stripped)) {
        c.add('legacyId', 'CLEAN_ID_NORMALIZED', 'fixed', undefined, rawLegacy, stripped);
        v = stripped;
      }
      out.legacyId = v;
    }
    // A 12-digit number in the CMND column is an older personal ID (DG13 field 15 holds either).
    try {
      if (v.length === 12) parsePersonalId(v);
      else parseLegacyId(v);
    } catch (error) {
      c.fromError('legacyId', error, v);
    }
  }

  // Consistency of the personal ID with birth year, sex and birth place.
  if (pid !== undefined) {
    if (birthYear !== undefined && birthYear !== pid.birthYear) {
      c.issues.push({
        row,
        field: 'birthDate',
        code: 'ERR_ID_BIRTH_YEAR_MISMATCH',
        severity: 'error',
        messageEn: `The ID number encodes the birth year ${pid.birthYear}, but the date of birth says ${birthYear}`,
        messageVi: `Số định danh cho năm sinh ${pid.birthYear}, nhưng ngày sinh ghi năm ${birthYear}; hãy đối chiếu lại với thẻ`,
        before: out.birthDate as string,
      });
    }
    if (sex !== undefined && (sex === 'Nam') !== (pid.sex === 'male')) {
      const expected = pid.sex === 'male' ? 'Nam' : 'Nữ';
      c.issues.push({
        row,
        field: 'sex',
        code: 'ERR_ID_SEX_MISMATCH',
        severity: 'error',
        messageEn: `The ID number belongs to a ${pid.sex} holder, but the record says ${sex === 'Nam' ? 'male' : 'female'}`,
        messageVi: `Số định danh là của người có giới tính ${expected}, nhưng hồ sơ ghi ${sex}; hãy đối chiếu lại với thẻ`,
        before: sex,
      });
    }
    const bp = out.birthPlace;
    if (bp !== undefined && bp !== '' && pid.birthPlace.kind === 'province') {
      const named = findProvinceInText(bp);
      const expected = pid.birthPlace.currentProvince ?? pid.birthPlace;
      if (named !== undefined && 'code' in expected && named.code !== expected.code) {
        c.issues.push({
          row,
          field: 'birthPlace',
          code: 'ERR_ID_BIRTH_PLACE_MISMATCH',
          severity: 'warning',
          messageEn: `The ID number says the birth was registered in ${pid.birthPlace.name} (code ${pid.value.slice(0, 3)}), but the place of birth registration names ${named.name}`,
          messageVi: `Số định danh cho biết nơi đăng ký khai sinh là ${pid.birthPlace.name} (mã ${pid.value.slice(0, 3)}), nhưng hồ sơ ghi ${named.name}; hãy đối chiếu lại với thẻ`,
          before: bp,
        });
      }
    }
  }

  // BHYT card code and tax code.
  const rawIns = out.insuranceCode;
  if (rawIns !== undefined && rawIns.trim() !== '') {
    try {
      const normalized = parseInsuranceCode(rawIns, { normalize: true });
      const value =
        'code' in normalized && typeof normalized.code === 'string'
          ? normalized.code
          : stripSeparators(rawIns.trim()).toUpperCase();
      if (value !== rawIns) {
        c.add('insuranceCode', 'CLEAN_ID_NORMALIZED', 'fixed', undefined, rawIns, value);
        out.insuranceCode = value;
      }
    } catch (error) {
      c.fromError('insuranceCode', error, rawIns);
    }
  }
  const rawTax = out.taxCode;
  if (rawTax !== undefined && rawTax.trim() !== '') {
    try {
      parseTaxCode(rawTax, { normalize: true });
      const trimmed = rawTax.trim();
      if (trimmed !== rawTax) out.taxCode = trimmed;
    } catch (error) {
      c.fromError('taxCode', error, rawTax);
    }
  }

  // Addresses: tidy, then the 2025 province migration.
  for (const f of ADDRESS_FIELDS) {
    const v = out[f];
    if (v === undefined || v === '') continue;
    const tidy = tidyText(v);
    const a = migrateAddress(tidy);
    if (a.migrated) c.add(f, 'CLEAN_ADDRESS_PROVINCE_MIGRATED', 'fixed', a.migrated, v, a.value);
    if (a.review) c.add(f, 'CLEAN_ADDRESS_NEEDS_REVIEW', 'warning', a.review, a.value);
    out[f] = a.value;
  }

  // Catalogue values.
  let codes: CleanedRecord['codes'];
  codes = catalogue(
    out,
    c,
    'ethnicity',
    lookupEthnicity,
    'CLEAN_ETHNICITY_NORMALIZED',
    'ERR_SCHEMA_ETHNICITY_UNKNOWN',
    codes,
  );
  codes = catalogue(
    out,
    c,
    'religion',
    lookupReligion,
    'CLEAN_RELIGION_NORMALIZED',
    'CLEAN_RELIGION_UNKNOWN',
    codes,
  );
  codes = catalogue(
    out,
    c,
    'nationality',
    lookupNationality,
    'CLEAN_NATIONALITY_NORMALIZED',
    'CLEAN_NATIONALITY_UNKNOWN',
    codes,
  );

  // Phone and e-mail.
  const rawPhone = out.phone;
  if (rawPhone !== undefined && rawPhone.trim() !== '') {
    const p = repairPhone(rawPhone.trim());
    if (p.code === 'CLEAN_PHONE_INVALID') c.add('phone', p.code, 'error', undefined, rawPhone);
    else {
      if (p.code !== undefined) c.add('phone', p.code, 'fixed', undefined, rawPhone, p.value);
      out.phone = p.value;
    }
  }
  const rawEmail = out.email;
  if (rawEmail !== undefined && rawEmail.trim() !== '') {
    const e = stripSeparatorsSpaces(rawEmail);
    const at = e.lastIndexOf('@');
    const dot = e.lastIndexOf('.');
    if (at < 1 || dot < at + 2 || dot === e.length - 1 || e.indexOf('@') !== at) {
      c.add('email', 'CLEAN_EMAIL_INVALID', 'error', undefined, rawEmail);
    } else {
      const fixed = e.slice(0, at + 1) + e.slice(at + 1).toLowerCase();
      if (fixed !== rawEmail) c.add('email', 'CLEAN_EMAIL_NORMALIZED', 'fixed', undefined, rawEmail, fixed);
      out.email = fixed;
    }
  }

  // Required fields.
  const required = typeof profile === 'object' ? profile.required : PROFILE_FIELDS[profile];
  const profileName = typeof profile === 'object' ? profile.name : profile;
  for (const f of required) {
    const v = out[f];
    if (v === undefined || v.trim() === '') {
      const n = FIELD_NAMES[f];
      c.add(f, 'ERR_SCHEMA_REQUIRED', 'error', { fieldEn: n.en, fieldVi: n.vi, profile: profileName });
    }
  }

  // Duplicate keys.
  const keys: DuplicateKeys = {};
  if (pid !== undefined) keys.personalId = pid.value;
  else if (out.legacyId !== undefined && out.legacyId.length === 9 && isDigitsOnly(out.legacyId))
    keys.personalId = out.legacyId;
  if (out.fullName) keys.foldedName = foldDiacritics(out.fullName).toLowerCase();
  if (out.birthDate && birthYear !== undefined) keys.birthDate = out.birthDate;
  if (pid !== undefined && pid.birthPlace.kind === 'province') keys.birthPlace = pid.value.slice(0, 3);
  else if (out.placeOfOrigin) keys.birthPlace = foldDiacritics(out.placeOfOrigin).toLowerCase();
  const result: CleanedRecord = { row, values: out as InputRecord, issues: c.issues, keys };
  if (codes !== undefined) result.codes = codes;
  return result;
}

// Name syllables that Vietnamese names always write with diacritics (the commonest family names
// and middle names: Nguyễn, Trần, Lê, Phạm, Hoàng, Thị, Văn, Đức …). A name written without
// diacritics is reported only when it has one of them: "Phan Thu Giang" needs none.
const MARKED_NAME_WORDS = new Set(
  (
    'nguyen tran le pham hoang huynh vo vu dang bui do ho ngo duong ly dao doan trinh dinh lam phung ' +
    'luong luu ta thai chau quach hua tong tu mac la lai diep van thi duc hong ngoc quoc huu cong ' +
    'dung tuan hieu nhung ngan thuy phuong huong trung dat thang cuong tien hung trong loc phuc ' +
    'tam nghia hai ha thao trang yen nga hien hang'
  ).split(' '),
);

function hasMarkedNameWord(name: string): boolean {
  for (const w of name.toLowerCase().split(' ')) if (MARKED_NAME_WORDS.has(w)) return true;
  return false;
}

function stripSeparatorsSpaces(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch !== 32 && ch !== 9 && ch !== 0xa0) out += s[i];
  }
  return out;
}
