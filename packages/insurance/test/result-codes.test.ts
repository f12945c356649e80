import { describe, expect, it } from 'vitest';
import { insuranceErrorMessages, insuranceResultCodes, isInsuranceResultCode } from '../src/index.js';

const group = (outcome: string) =>
  Object.entries(insuranceResultCodes)
    .filter(([, info]) => info.outcome === outcome)
    .map(([code]) => code)
    .sort();

describe('the maKetQua table', () => {
  it('sorts every code of the published table into the issue’s decisions', () => {
    expect(group('eligible')).toEqual(['000', '001', '002', '003', '004']);
    expect(group('not-eligible')).toEqual(['010', '110', '120', '121', '122', '123', '124']);
    expect(group('needs-attention')).toEqual([
      '050',
      '051',
      '052',
      '053',
      '060',
      '061',
      '070',
      '080',
      '090',
      '130',
    ]);
    expect(group('error')).toEqual(['054', '055', '100', '101', '205', '401', '500']);
  });

  it('has a Vietnamese and an English meaning and advice for every code', () => {
    for (const [code, info] of Object.entries(insuranceResultCodes)) {
      for (const text of [info.en, info.vi, info.adviceEn, info.adviceVi])
        expect(text.length, code).toBeGreaterThan(5);
      expect(info.vi).not.toBe(info.en);
    }
  });

  it('recognises only the table’s codes', () => {
    expect(isInsuranceResultCode('061')).toBe(true);
    expect(isInsuranceResultCode('003.1')).toBe(false);
    expect(isInsuranceResultCode('toString')).toBe(false);
    expect(isInsuranceResultCode(61)).toBe(false);
  });

  it('has bilingual messages for every error code', () => {
    for (const [code, m] of Object.entries(insuranceErrorMessages)) {
      expect(code).toMatch(/^ERR_INSURANCE_[A-Z_]+$/);
      expect(m.vi).not.toBe(m.en);
    }
  });
});
