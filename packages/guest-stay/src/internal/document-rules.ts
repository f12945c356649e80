/**
 * The number rule of each document type (KBTT API guide v1.4 §6.3, note (*): "Thẻ CCCD/Thẻ Căn
 * Cước phải gồm đúng 12 chữ số; CMND phải gồm 9 hoặc 12 chữ số; Giấy phép lái xe chỉ được chứa chữ
 * và số, tối đa 20 ký tự; Hộ chiếu chỉ được chứa chữ cái và số, tối đa 10 ký tự; Thẻ BHYT chỉ được
 * chứa chữ và số, tối đa 20 ký tự; Số giấy tờ không được có ký tự đặc biệt hoặc khoảng trắng").
 * Numbers that are personal ID numbers are also checked with `@cancuoc/id-number` (a birth-place
 * code that exists, a birth year that has come), CMND and BHYT numbers with their parsers.
 */
import type { Issue } from '@cancuoc/core';
import { safeParseInsuranceCode, safeParseLegacyId, safeParsePersonalId } from '@cancuoc/id-number';
import { stayIssue } from '../errors.js';
import type { StayDocumentType } from '../stay-input.js';

/** `loaiGiayTo` of each document type (guide, API 12). */
export const DOCUMENT_TYPE_IDS: Readonly<Record<StayDocumentType, number>> = {
  'citizen-card': 1,
  'legacy-id': 2,
  'driving-licence': 3,
  passport: 4,
  'birth-certificate': 5,
  'insurance-card': 6,
  'id-notice': 7,
  'can-cuoc': 8,
};

interface Rule {
  readonly en: string;
  readonly vi: string;
  readonly nameEn: string;
  readonly nameVi: string;
  readonly pattern: RegExp;
}

const ALNUM_20 = { en: 'letters and digits only, at most 20', vi: 'chỉ gồm chữ và số, tối đa 20 ký tự' };

const RULES: Readonly<Record<StayDocumentType, Rule>> = {
  'citizen-card': {
    en: 'exactly 12 digits',
    vi: 'gồm đúng 12 chữ số',
    nameEn: 'citizen card (CCCD)',
    nameVi: 'thẻ CCCD',
    pattern: /^\d{12}$/,
  },
  'can-cuoc': {
    en: 'exactly 12 digits',
    vi: 'gồm đúng 12 chữ số',
    nameEn: 'Căn cước card',
    nameVi: 'thẻ Căn cước',
    pattern: /^\d{12}$/,
  },
  'id-notice': {
    en: 'exactly 12 digits (the personal ID number)',
    vi: 'gồm đúng 12 chữ số (số định danh cá nhân)',
    nameEn: 'personal ID notice',
    nameVi: 'thông báo số định danh cá nhân',
    pattern: /^\d{12}$/,
  },
  'legacy-id': {
    en: '9 or 12 digits',
    vi: 'gồm 9 hoặc 12 chữ số',
    nameEn: 'ID card (CMND)',
    nameVi: 'CMND',
    pattern: /^(?:\d{9}|\d{12})$/,
  },
  'driving-licence': {
    ...ALNUM_20,
    nameEn: 'driving licence',
    nameVi: 'giấy phép lái xe',
    pattern: /^[A-Z0-9]{1,20}$/,
  },
  passport: {
    en: 'letters and digits only, at most 10',
    vi: 'chỉ gồm chữ cái và số, tối đa 10 ký tự',
    nameEn: 'passport',
    nameVi: 'hộ chiếu',
    pattern: /^[A-Z0-9]{1,10}$/,
  },
  'birth-certificate': {
    ...ALNUM_20,
    nameEn: 'birth certificate',
    nameVi: 'giấy khai sinh',
    pattern: /^[A-Z0-9]{1,20}$/,
  },
  'insurance-card': {
    ...ALNUM_20,
    nameEn: 'health insurance (BHYT) card',
    nameVi: 'thẻ BHYT',
    pattern: /^[A-Z0-9]{1,20}$/,
  },
};

/** Whether a value is one of the document types. */
export function isDocumentType(value: unknown): value is StayDocumentType {
  return typeof value === 'string' && Object.hasOwn(DOCUMENT_TYPE_IDS, value);
}

/**
 * Checks a document number (already trimmed and upper-cased) against its type; returns the issues
 * at `path`. `now` is the day the birth-year check answers for.
 */
export function checkDocumentNumber(
  type: StayDocumentType,
  number: string,
  path: readonly (string | number)[],
  now: Date,
): Issue[] {
  const rule = RULES[type];
  if (!rule.pattern.test(number)) {
    return [
      stayIssue('ERR_STAY_DOCUMENT_NUMBER', path, {
        documentType: type,
        documentName: rule.nameEn,
        documentNameVi: rule.nameVi,
        rule: rule.en,
        ruleVi: rule.vi,
      }),
    ];
  }
  const parsed =
    type === 'citizen-card' || type === 'can-cuoc' || type === 'id-notice'
      ? safeParsePersonalId(number, { date: now })
      : type === 'legacy-id'
        ? safeParseLegacyId(number)
        : type === 'insurance-card'
          ? safeParseInsuranceCode(number)
          : undefined;
  if (parsed && !parsed.success) {
    const e = parsed.error;
    return [
      {
        path,
        code: e.code,
        message: e.message,
        messageVi: e.messageVi,
        severity: 'error',
        details: e.details,
      },
    ];
  }
  return [];
}
