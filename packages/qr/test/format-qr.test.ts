import { describe, expect, it } from 'vitest';
import {
  type CardQrInput,
  formatCardQr,
  formatInsuranceQr,
  type InsuranceQrInput,
  safeParseCardQr,
} from '../src/index.js';

const CARD: CardQrInput = {
  personalId: '001098012345',
  fullName: 'Nguyễn Văn A',
  dateOfBirth: { year: 1998, month: 8, day: 15 },
  sex: 'male',
  permanentResidence: 'Hà Nội',
  dateOfIssue: { year: 2021, month: 5, day: 25 },
};
const INSURANCE: InsuranceQrInput = {
  cardCode: 'GD4790123456789',
  fullName: 'Nguyễn Văn A',
  dateOfBirth: { year: 1990 },
  sex: 'male',
  primaryCareFacility: '79001',
  validFrom: { year: 2024, month: 1, day: 1 },
  validTo: null,
  dateOfIssue: { year: 2023, month: 12, day: 15 },
};

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('formatCardQr', () => {
  it('writes the published layout, empty old ID and address as empty fields', () => {
    expect(formatCardQr(CARD)).toBe('001098012345||Nguyễn Văn A|15081998|Nam|Hà Nội|25052021');
    const { permanentResidence: _p, ...noAddress } = CARD;
    expect(formatCardQr({ ...noAddress, sex: 'female', legacyId: '012345678', extra: ['a', ''] })).toBe(
      '001098012345|012345678|Nguyễn Văn A|15081998|Nữ||25052021|a|',
    );
  });

  it('writes NFC text', () => {
    expect(formatCardQr({ ...CARD, fullName: 'Nguye\u0302\u0303n Va\u0306n A' })).toContain('|Nguyễn Văn A|');
  });

  it('refuses values that would corrupt the payload', () => {
    expect(codeOf(() => formatCardQr({ ...CARD, permanentResidence: 'Số 1 | Hà Nội' }))).toBe(
      'ERR_QR_FIELD_SEPARATOR',
    );
    expect(codeOf(() => formatCardQr({ ...CARD, extra: ['a|b'] }))).toBe('ERR_QR_FIELD_SEPARATOR');
    expect(codeOf(() => formatCardQr({ ...CARD, personalId: '00109801234' }))).toBe('ERR_QR_PERSONAL_ID');
    expect(codeOf(() => formatCardQr({ ...CARD, legacyId: '1234' }))).toBe('ERR_QR_LEGACY_ID');
    expect(codeOf(() => formatCardQr({ ...CARD, fullName: '  ' }))).toBe('ERR_QR_NAME_EMPTY');
    expect(codeOf(() => formatCardQr({ ...CARD, dateOfBirth: { year: 1998 } }))).toBe('ERR_QR_DATE_FORMAT');
  });
});

describe('formatInsuranceQr', () => {
  it('writes hex names, `-` for absent fields and the `$` terminator', () => {
    expect(formatInsuranceQr(INSURANCE)).toBe(
      'GD4790123456789|4e677579e1bb856e2056c4836e2041|1990|1|-|79 - 001|01/01/2024|-|15/12/2023|$',
    );
  });

  it('refuses a bad card code, a month-only birth date and a separator in a plain field', () => {
    expect(codeOf(() => formatInsuranceQr({ ...INSURANCE, cardCode: 'gd4790123456789' }))).toBe(
      'ERR_QR_INSURANCE_CODE',
    );
    expect(codeOf(() => formatInsuranceQr({ ...INSURANCE, dateOfBirth: { year: 1990, month: 3 } }))).toBe(
      'ERR_QR_DATE_FORMAT',
    );
    expect(codeOf(() => formatInsuranceQr({ ...INSURANCE, managementCode: '79|01' }))).toBe(
      'ERR_QR_FIELD_SEPARATOR',
    );
    expect(codeOf(() => formatInsuranceQr({ ...INSURANCE, fullName: '' }))).toBe('ERR_QR_NAME_EMPTY');
  });
});

describe('blank input', () => {
  it('gives ERR_QR_EMPTY for whitespace, NUL and a bare label', () => {
    for (const text of ['', '  \r\n', '\u0000\u0000', '\ufeff', 'CCCD: ']) {
      const r = safeParseCardQr(text);
      expect(r.success || r.error.code, JSON.stringify(text)).toBe('ERR_QR_EMPTY');
    }
  });
});
