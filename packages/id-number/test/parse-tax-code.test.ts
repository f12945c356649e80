import fc from 'fast-check';
import { stdnum } from 'stdnum';
import { describe, expect, it } from 'vitest';

const mst = stdnum.VN!.mst!;

import { parseTaxCode, safeParseTaxCode, taxCodeCheckDigit } from '../src/index.js';
import { errorCode } from './helpers.js';

// An independent transcription of the rule for the property test: python-stdnum's calc_check_digit.
function referenceCheck(nine: string): string {
  const w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const total = [...nine].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return String(10 - (total % 11));
}

describe('parseTaxCode', () => {
  it('accepts the published valid codes', () => {
    // python-stdnum vn/mst.py doctests; vn-ident's worked example 010004751 → 6.
    expect(parseTaxCode('0100233488')).toEqual({ format: 'mst-10', value: '0100233488', base: '0100233488' });
    expect(parseTaxCode('0314409058-002')).toEqual({
      format: 'mst-13',
      value: '0314409058-002',
      base: '0314409058',
      branch: '002',
    });
    expect(parseTaxCode('0314409058002').value).toBe('0314409058-002');
    expect(parseTaxCode('0100047516').format).toBe('mst-10');
    expect(taxCodeCheckDigit('010004751')).toBe(6);
  });

  it('rejects a wrong check digit, saying which digit was expected', () => {
    const r = safeParseTaxCode('0100233480');
    expect(!r.success && r.error.code).toBe('ERR_ID_TAX_CHECK_DIGIT');
    expect(!r.success && r.error.details).toEqual({ expected: 8 });
    expect(errorCode(() => parseTaxCode('0314409059-002'))).toBe('ERR_ID_TAX_CHECK_DIGIT');
  });

  it('gives 0 when the remainder is 10 and no check digit when it is 0', () => {
    // 010000001: 31·0+29·1+…+3·1 = 32 → r = 10 → check digit 0.
    expect(taxCodeCheckDigit('010000001')).toBe(0);
    expect(parseTaxCode('0100000010').format).toBe('mst-10');
    // Nine digits with r = 0, found with the reference rule rather than by hand.
    const nine = [...Array(100_000).keys()]
      .map((n) => `01${String(n).padStart(7, '0')}`)
      .find((s) => referenceCheck(s) === '10');
    expect(nine).toBeDefined();
    expect(taxCodeCheckDigit(nine!)).toBeUndefined();
    for (const d of '0123456789')
      expect(errorCode(() => parseTaxCode(`${nine}${d}`))).toBe('ERR_ID_TAX_NO_CHECK_DIGIT');
  });

  it('rejects an all-zero sequence and branch 000', () => {
    expect(errorCode(() => parseTaxCode('0100000000'))).toBe('ERR_ID_TAX_SEQUENCE');
    expect(errorCode(() => parseTaxCode('0314409058-000'))).toBe('ERR_ID_TAX_BRANCH');
  });

  it('accepts a 12-digit personal ID number as an individual tax code', () => {
    const r = parseTaxCode('001098012345');
    expect(r.format).toBe('personal-id');
    expect(r.format === 'personal-id' && r.personalId.birthYear).toBe(1998);
    expect(errorCode(() => parseTaxCode('003098012345'))).toBe('ERR_ID_PROVINCE_UNKNOWN');
  });

  it('rejects other lengths and characters, and normalises only when asked', () => {
    expect(errorCode(() => parseTaxCode('12345'))).toBe('ERR_ID_LENGTH');
    expect(errorCode(() => parseTaxCode('01002334881'))).toBe('ERR_ID_LENGTH');
    expect(errorCode(() => parseTaxCode('010023348A'))).toBe('ERR_ID_NOT_DIGITS');
    expect(errorCode(() => parseTaxCode(''))).toBe('ERR_ID_EMPTY');
    expect(errorCode(() => parseTaxCode('01.00.233.488'))).toBe('ERR_ID_NEEDS_NORMALIZATION');
    expect(errorCode(() => parseTaxCode('0314409058 - 002'))).toBe('ERR_ID_NEEDS_NORMALIZATION');
    expect(parseTaxCode('01.00.233.488', { normalize: true }).value).toBe('0100233488');
    expect(parseTaxCode('0314 409 058 - 002', { normalize: true }).value).toBe('0314409058-002');
    expect(parseTaxCode('０１００２３３４８８', { normalize: true }).value).toBe('0100233488');
  });

  it('agrees with python-stdnum’s rule and with the stdnum npm package on any ten digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (s) => {
        const ours = safeParseTaxCode(s).success;
        const rule = s.slice(2, 9) !== '0000000' && referenceCheck(s.slice(0, 9)) === s[9];
        expect(ours).toBe(rule);
        // stdnum (npm) also rejects the tax-office range 00, which python-stdnum and we accept.
        if (!s.startsWith('00')) expect(ours).toBe(mst.validate(s).isValid);
      }),
      { numRuns: 5000 },
    );
  });

  it('round-trips generated valid codes with and without a branch', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 1, max: 999 }), (nine, b) => {
        const check = taxCodeCheckDigit(nine);
        if (check === undefined || nine.slice(2) === '0000000') return;
        const base = `${nine}${check}`;
        expect(parseTaxCode(base).value).toBe(base);
        const branch = String(b).padStart(3, '0');
        expect(parseTaxCode(`${base}-${branch}`)).toMatchObject({ base, branch });
        if (!base.startsWith('00')) expect(mst.validate(`${base}-${branch}`).isValid).toBe(true);
      }),
    );
  });
});
