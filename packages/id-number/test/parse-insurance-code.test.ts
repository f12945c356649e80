import { describe, expect, it } from 'vitest';
import { parseInsuranceCode, safeParseInsuranceCode } from '../src/index.js';
import { errorCode } from './helpers.js';

describe('parseInsuranceCode', () => {
  it('decodes a 15-character card code', () => {
    // The synthetic BHYT QR vector of the reference notes (cccd-formats.md §5.2).
    expect(parseInsuranceCode('GD4790123456789')).toEqual({
      format: 'card',
      value: 'GD4790123456789',
      beneficiaryGroup: 'GD',
      benefitLevel: 4,
      provinceCode: '79',
      socialInsuranceNumber: '0123456789',
    });
  });

  it('decodes the 20-character form with a facility code, letters allowed in it', () => {
    // Facility codes as on the published card QR samples: "79 - 032", "01 - C54".
    const card = parseInsuranceCode('HS401012080000101C54');
    expect(card).toMatchObject({
      format: 'card-with-facility',
      value: 'HS4010120800001',
      facilityCode: '01C54',
    });
    expect(parseInsuranceCode('DN379012345678979032')).toMatchObject({
      facilityCode: '79032',
      benefitLevel: 3,
    });
  });

  it('reads the 10-digit social insurance number of newer cards', () => {
    expect(parseInsuranceCode('0111077012')).toEqual({
      format: 'social-insurance-number',
      value: '0111077012',
      socialInsuranceNumber: '0111077012',
    });
  });

  it('rejects each malformed part with its code', () => {
    expect(errorCode(() => parseInsuranceCode('GD6790123456789'))).toBe('ERR_ID_INSURANCE_BENEFIT_LEVEL');
    expect(errorCode(() => parseInsuranceCode('GD0790123456789'))).toBe('ERR_ID_INSURANCE_BENEFIT_LEVEL');
    expect(errorCode(() => parseInsuranceCode('GD4030123456789'))).toBe('ERR_ID_INSURANCE_PROVINCE');
    expect(errorCode(() => parseInsuranceCode('G14790123456789'))).toBe('ERR_ID_INSURANCE_FORMAT');
    expect(errorCode(() => parseInsuranceCode('GD47901234567A9'))).toBe('ERR_ID_INSURANCE_FORMAT');
    expect(errorCode(() => parseInsuranceCode('GD47901234567890AB12'))).toBe('ERR_ID_INSURANCE_FORMAT');
    expect(errorCode(() => parseInsuranceCode('011107701A'))).toBe('ERR_ID_INSURANCE_FORMAT');
    expect(errorCode(() => parseInsuranceCode('GD479012345678'))).toBe('ERR_ID_LENGTH');
    expect(errorCode(() => parseInsuranceCode('GD4/790123456789'))).toBe('ERR_ID_NOT_DIGITS');
    const r = safeParseInsuranceCode('GD6790123456789');
    expect(!r.success && r.error.messageVi).toBe(
      'Mức hưởng (ký tự thứ ba của mã thẻ BHYT) phải từ 1 đến 5, không phải 6',
    );
  });

  it('normalises spaces and lower case only when asked', () => {
    for (const input of ['GD 4 79 0123456789', 'gd4790123456789', 'ＧＤ４７９０１２３４５６７８９']) {
      expect(
        errorCode(() => parseInsuranceCode(input)),
        input,
      ).toBe('ERR_ID_NEEDS_NORMALIZATION');
      expect(parseInsuranceCode(input, { normalize: true }).value).toBe('GD4790123456789');
    }
  });
});
