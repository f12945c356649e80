import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/** Error codes raised (or reported as issues) by `@cancuoc/id-number`. */
export type IdNumberErrorCode =
  | 'ERR_ID_EMPTY'
  | 'ERR_ID_NOT_DIGITS'
  | 'ERR_ID_NEEDS_NORMALIZATION'
  | 'ERR_ID_LENGTH'
  | 'ERR_ID_PROVINCE_UNKNOWN'
  | 'ERR_ID_BIRTH_YEAR_FUTURE'
  | 'ERR_ID_BIRTH_YEAR_MISMATCH'
  | 'ERR_ID_SEX_MISMATCH'
  | 'ERR_ID_BIRTH_PLACE_MISMATCH'
  | 'ERR_ID_LEGACY_ZERO'
  | 'ERR_ID_INSURANCE_FORMAT'
  | 'ERR_ID_INSURANCE_BENEFIT_LEVEL'
  | 'ERR_ID_INSURANCE_PROVINCE'
  | 'ERR_ID_TAX_CHECK_DIGIT'
  | 'ERR_ID_TAX_NO_CHECK_DIGIT'
  | 'ERR_ID_TAX_SEQUENCE'
  | 'ERR_ID_TAX_BRANCH'
  | 'ERR_ID_PASSPORT_FORMAT';

/**
 * English and Vietnamese messages of every {@link IdNumberErrorCode}. The Vietnamese text is
 * written for a front-desk clerk: it says what is wrong with the number and what to check.
 *
 * @example
 * ```ts
 * idNumberErrorMessages.ERR_ID_TAX_CHECK_DIGIT.vi // 'Chữ số kiểm tra (chữ số thứ 10) của mã số thuế không đúng; …'
 * ```
 */
export const idNumberErrorMessages: ErrorCatalog<IdNumberErrorCode> = {
  ERR_ID_EMPTY: {
    en: 'No {kind} was entered',
    vi: 'Chưa nhập {kindViLower}',
  },
  ERR_ID_NOT_DIGITS: {
    en: 'A {kind} may only contain {allowed}',
    vi: '{kindVi} chỉ được gồm {allowedVi}; hãy kiểm tra lại các ký tự đã nhập',
  },
  ERR_ID_NEEDS_NORMALIZATION: {
    en: 'The {kind} contains spaces, dots, dashes, lower-case or full-width characters; enter it without them or enable normalisation',
    vi: '{kindVi} có dấu cách, dấu chấm, gạch ngang, chữ thường hoặc chữ số toàn khổ; hãy nhập liền, không có các ký tự này',
  },
  ERR_ID_LENGTH: {
    en: 'A {kind} has {expected} characters, this one has {length}',
    vi: '{kindVi} phải có {expectedVi} ký tự, nhưng đã nhập {length} ký tự',
  },
  ERR_ID_PROVINCE_UNKNOWN: {
    en: 'The first three digits {code} are not the code of any province or country of birth registration',
    vi: 'Ba chữ số đầu ({code}) không phải mã tỉnh hay mã quốc gia nơi đăng ký khai sinh; số định danh bị nhập sai',
  },
  ERR_ID_BIRTH_YEAR_FUTURE: {
    en: 'The ID number encodes the birth year {year}, which has not come yet',
    vi: 'Số định danh cho năm sinh {year}, là năm chưa tới; số định danh bị nhập sai',
  },
  ERR_ID_BIRTH_YEAR_MISMATCH: {
    en: 'The ID number encodes the birth year {expected}, but the date of birth says {actual}',
    vi: 'Số định danh cho năm sinh {expected}, nhưng ngày sinh ghi năm {actual}; hãy đối chiếu lại với thẻ',
  },
  ERR_ID_SEX_MISMATCH: {
    en: 'The ID number belongs to a {expected} holder, but the record says {actual}',
    vi: 'Số định danh là của người có giới tính {expectedVi}, nhưng hồ sơ ghi {actualVi}; hãy đối chiếu lại với thẻ',
  },
  ERR_ID_BIRTH_PLACE_MISMATCH: {
    en: 'The ID number says the birth was registered in {expected} (code {code}), but the place of birth registration names {actual}',
    vi: 'Số định danh cho biết nơi đăng ký khai sinh là {expected} (mã {code}), nhưng hồ sơ ghi {actual}; hãy đối chiếu lại với thẻ',
  },
  ERR_ID_LEGACY_ZERO: {
    en: 'An ID card (CMND) number cannot be all zeros',
    vi: 'Số chứng minh nhân dân không thể toàn số 0',
  },
  ERR_ID_INSURANCE_FORMAT: {
    en: 'A health insurance (BHYT) card code is 2 letters, a benefit level digit, a 2-digit province code and 10 digits (optionally followed by a 5-character facility code), or the 10-digit social insurance number alone',
    vi: 'Mã thẻ BHYT gồm 2 chữ cái, 1 chữ số mức hưởng, 2 chữ số mã tỉnh và 10 chữ số mã BHXH (có thể kèm 5 ký tự mã nơi khám chữa bệnh ban đầu), hoặc chỉ 10 chữ số mã số BHXH',
  },
  ERR_ID_INSURANCE_BENEFIT_LEVEL: {
    en: 'The benefit level (third character) of a BHYT card code is 1 to 5, not {level}',
    vi: 'Mức hưởng (ký tự thứ ba của mã thẻ BHYT) phải từ 1 đến 5, không phải {level}',
  },
  ERR_ID_INSURANCE_PROVINCE: {
    en: 'Characters 4–5 of the BHYT card code ({code}) are not a province code',
    vi: 'Ký tự thứ 4–5 của mã thẻ BHYT ({code}) không phải mã tỉnh, thành phố',
  },
  ERR_ID_TAX_CHECK_DIGIT: {
    en: 'The last digit of the tax code does not match the check digit {expected}: the code was mistyped',
    vi: 'Chữ số kiểm tra (chữ số thứ 10) của mã số thuế không đúng; mã số thuế bị nhập sai',
  },
  ERR_ID_TAX_NO_CHECK_DIGIT: {
    en: 'No tax code can start with these nine digits (they admit no check digit)',
    vi: 'Không có mã số thuế nào bắt đầu bằng 9 chữ số này; mã số thuế bị nhập sai',
  },
  ERR_ID_TAX_SEQUENCE: {
    en: 'Digits 3–9 of a tax code cannot all be zero',
    vi: 'Các chữ số từ thứ 3 đến thứ 9 của mã số thuế không thể đều bằng 0',
  },
  ERR_ID_TAX_BRANCH: {
    en: 'The branch number of a 13-digit tax code runs from 001 to 999, not 000',
    vi: 'Ba số cuối của mã số thuế 13 số (mã chi nhánh) phải từ 001 đến 999, không phải 000',
  },
  ERR_ID_PASSPORT_FORMAT: {
    en: 'A Vietnamese passport number is one letter followed by 7 digits',
    vi: 'Số hộ chiếu Việt Nam gồm 1 chữ cái và 7 chữ số',
  },
};

/** @internal */
export const fail = /* @__PURE__ */ createErrorFactory(idNumberErrorMessages, 'IdNumberError');
