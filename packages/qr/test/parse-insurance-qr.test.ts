import { isCancuocError } from '@cancuoc/core';
import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatInsuranceQr,
  type InsuranceQrInput,
  parseInsuranceQr,
  safeParseInsuranceQr,
} from '../src/index.js';

// The synthetic vector of the reference notes (cccd-formats.md §5.2): the hex decodes to
// "Nguyễn Văn A" and "Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh".
const SYNTHETIC =
  'GD4790123456789|4e677579e1bb856e2056c4836e2041|01/01/1990|1|5068c6b0e1bb9d6e672042e1babf6e204e6768c3a92c205175e1baad6e20312c2054502e2048e1bb93204368c3ad204d696e68|79 - 001|01/01/2024|31/12/2024|15/12/2023|7901234567|-|4|01/01/2029|0000000000000000-0000|$';
// The three public layouts of the notes with the masked parts replaced by synthetic values:
// old card (15 fields), new 10-digit card (17 fields), old card cut after the issue date (10 fields).
const HEX_NAME = '4e677579e1bb856e20546869204c616e';
const OLD_CARD = `HS4790900400001|${HEX_NAME}|01/08/2006|2|5068c6b0e1bb9d6e672031|79 - 032|01/10/2012|30/09/2013|06/09/2013|790900200001|4e677579e1bb856e2056c4836e2042|1|01/01/2014|3CCF511358E91762-0101|$`;
const NEW_CARD = `0111070001|${HEX_NAME}|29/03/1988|1|-|01 - C54|01/07/2023|-|31/07/2023|01050111070001|-|4| 01/10/2027|4641c59ff02659c3-1202|4|5175e1baad6e2043e1baa775204769e1baa5792c205468c3a06e68207068e1bb912048c3a0204ee1bb9969|$`;
const SHORT_CARD = `HS4010120800001|${HEX_NAME}|07/09/2008|1|5068c6b0e1bb9d6e67204e6768c4a96120c490c3b4|01 - 028|24/01/2019|-|24/01/2019|$`;

const codeOf = (text: string) => {
  const r = safeParseInsuranceQr(text);
  return r.success ? undefined : r.error.code;
};

describe('parseInsuranceQr', () => {
  it('reads the synthetic vector of the reference notes', () => {
    const qr = parseInsuranceQr(SYNTHETIC);
    expect(qr).toMatchObject({
      cardCode: 'GD4790123456789',
      card: {
        format: 'card',
        value: 'GD4790123456789',
        beneficiaryGroup: 'GD',
        benefitLevel: 4,
        provinceCode: '79',
        socialInsuranceNumber: '0123456789',
      },
      fullName: 'Nguyễn Văn A',
      dateOfBirth: { year: 1990, month: 1, day: 1 },
      sex: 'male',
      address: 'Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
      primaryCareFacility: { text: '79 - 001', code: '79001' },
      validFrom: { year: 2024, month: 1, day: 1 },
      validTo: { year: 2024, month: 12, day: 31 },
      dateOfIssue: { year: 2023, month: 12, day: 15 },
      managementCode: '7901234567',
      field11: '4',
      fiveYearDate: { year: 2029, month: 1, day: 1 },
      checkField: '0000000000000000-0000',
      extra: [],
      warnings: [],
    });
    expect(qr.parents).toBeUndefined();
  });

  it('reads an old card with parents and the check field verbatim', () => {
    const qr = parseInsuranceQr(OLD_CARD);
    expect(qr.fullName).toBe('Nguyễn Thi Lan');
    expect(qr.sex).toBe('female');
    expect(qr.parents).toBe('Nguyễn Văn B');
    expect(qr.checkField).toBe('3CCF511358E91762-0101');
    expect(qr.primaryCareFacility.code).toBe('79032');
  });

  it('reads a new 10-digit card: no address, open validity, issuing place', () => {
    const qr = parseInsuranceQr(NEW_CARD);
    expect(qr.card).toEqual({
      format: 'social-insurance-number',
      value: '0111070001',
      socialInsuranceNumber: '0111070001',
    });
    expect(qr.address).toBeUndefined();
    expect(qr.validTo).toBeNull();
    expect(qr.fiveYearDate).toEqual({ year: 2027, month: 10, day: 1 });
    expect(qr.primaryCareFacility).toEqual({ text: '01 - C54', code: '01C54' });
    expect(qr.issuingPlace).toBe('Quận Cầu Giấy, Thành phố Hà Nội');
    expect(qr.extra).toHaveLength(2);
  });

  it('reads an old card whose payload stops after the issue date', () => {
    const qr = parseInsuranceQr(SHORT_CARD);
    expect(qr.address).toBe('Phường Nghĩa Đô');
    expect(qr.managementCode).toBeUndefined();
    expect(qr.checkField).toBeUndefined();
  });

  it('accepts a year-only birth date', () => {
    expect(parseInsuranceQr(SYNTHETIC.replace('01/01/1990', '1990')).dateOfBirth).toEqual({ year: 1990 });
  });

  it('keeps a name that is not hex-encoded UTF-8 as read, with a warning', () => {
    for (const raw of ['NGUYEN VAN A', 'abc', 'c3', 'ff41']) {
      const qr = parseInsuranceQr(SYNTHETIC.replace('4e677579e1bb856e2056c4836e2041', raw));
      expect(qr.fullName).toBe(raw);
      expect(qr.warnings.map((w) => [w.code, w.path, w.severity])).toContainEqual([
        'ERR_QR_HEX_UNDECODED',
        ['fullName'],
        'warning',
      ]);
    }
  });

  it('refuses a raw name holding control characters', () => {
    expect(codeOf(SYNTHETIC.replace('4e677579e1bb856e2056c4836e2041', 'NGUYEN\u0007A'))).toBe(
      'ERR_QR_CONTROL_CHARACTER',
    );
  });

  it('warns, without failing, about a facility field in an unknown form', () => {
    const qr = parseInsuranceQr(SYNTHETIC.replace('79 - 001', '79/001'));
    expect(qr.primaryCareFacility).toEqual({ text: '79/001' });
    expect(qr.warnings.map((w) => w.code)).toEqual(['ERR_QR_INSURANCE_FACILITY']);
  });

  it('gives ERR_QR_INSURANCE_TERMINATOR without the final $', () => {
    expect(codeOf(SYNTHETIC.slice(0, -2))).toBe('ERR_QR_INSURANCE_TERMINATOR');
  });

  it('gives ERR_QR_FIELD_COUNT with fewer than nine fields before $', () => {
    expect(codeOf('GD4790123456789|4e|01/01/1990|1|-|79 - 001|01/01/2024|$')).toBe('ERR_QR_FIELD_COUNT');
  });

  it('gives ERR_QR_INSURANCE_CODE for a card code of another shape', () => {
    for (const code of [
      'GD6790123456789',
      'G14790123456789',
      '011107000',
      'GD47901234567890',
      'GD4990123456789',
    ]) {
      expect(codeOf(SYNTHETIC.replace('GD4790123456789', code))).toBe('ERR_QR_INSURANCE_CODE');
    }
    // The 20-character form (card code + facility code) is what readers type, never what the QR holds.
    expect(codeOf(SYNTHETIC.replace('GD4790123456789', 'GD479012345678979001'))).toBe(
      'ERR_QR_INSURANCE_CODE',
    );
    const r = safeParseInsuranceQr(SYNTHETIC.replace('GD4790123456789', 'GD6790123456789'));
    expect(r.success || r.error.details.reason).toBe('ERR_ID_INSURANCE_BENEFIT_LEVEL');
  });

  it('gives ERR_QR_SEX for a sex code other than 1 or 2', () => {
    expect(codeOf(SYNTHETIC.replace('|1990|1|', '|1990|3|').replace('01/01/1990|1|', '01/01/1990|0|'))).toBe(
      'ERR_QR_SEX',
    );
  });

  it('gives the date codes for bad dates', () => {
    expect(codeOf(SYNTHETIC.replace('01/01/1990', '1990-01-01'))).toBe('ERR_QR_DATE_FORMAT');
    expect(codeOf(SYNTHETIC.replace('31/12/2024', '31/11/2024'))).toBe('ERR_QR_DATE_CALENDAR');
  });

  it('answers every hostile string with a result or a CancuocError', () => {
    for (const text of hostileStrings) {
      try {
        parseInsuranceQr(text);
      } catch (error) {
        expect(isCancuocError(error)).toBe(true);
      }
    }
  });
});

const date = fc.record({
  year: fc.integer({ min: 1900, max: 2099 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});
const text = fc
  .array(fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠỲÝỶỸỴ ,.0123456789'.split('')), {
    minLength: 1,
    maxLength: 40,
  })
  .map((cs) => cs.join('').replace(/\s+/g, ' ').trim())
  .filter((s) => s !== '');
const insurance: fc.Arbitrary<InsuranceQrInput> = fc.record(
  {
    cardCode: fc.oneof(
      fc
        .tuple(
          fc.stringMatching(/^[A-Z]{2}[1-5]$/),
          fc.constantFrom('01', '31', '48', '79', '92'),
          fc.stringMatching(/^\d{10}$/),
        )
        .map((parts) => parts.join('')),
      fc.stringMatching(/^\d{10}$/),
    ),
    fullName: text,
    dateOfBirth: fc.oneof(
      date,
      fc.integer({ min: 1900, max: 2099 }).map((year) => ({ year })),
    ),
    sex: fc.constantFrom('male' as const, 'female' as const),
    address: text,
    primaryCareFacility: fc.stringMatching(/^\d{2} - [0-9A-Z]{3}$/),
    validFrom: date,
    validTo: fc.option(date, { nil: null }),
    dateOfIssue: date,
    managementCode: fc.stringMatching(/^\d{10,14}$/),
    parents: text,
    field11: fc.constantFrom('1', '4'),
    fiveYearDate: date,
    checkField: fc.stringMatching(/^[0-9a-f]{16}-\d{4}$/),
    issuingPlace: text,
  },
  {
    requiredKeys: [
      'cardCode',
      'fullName',
      'dateOfBirth',
      'sex',
      'primaryCareFacility',
      'validFrom',
      'validTo',
      'dateOfIssue',
    ],
  },
);

describe('BHYT QR properties', () => {
  it('parseInsuranceQr(formatInsuranceQr(x)) gives x back', () => {
    fc.assert(
      fc.property(insurance, (x) => {
        const {
          warnings,
          card: _c,
          extra: _e,
          primaryCareFacility,
          ...fields
        } = parseInsuranceQr(formatInsuranceQr(x));
        const { primaryCareFacility: inputFacility, ...inputFields } = x;
        expect(fields).toEqual(inputFields);
        expect(primaryCareFacility.text).toBe(inputFacility);
        expect(warnings).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but a CancuocError for an arbitrary string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fc.string(), { minLength: 8, maxLength: 18 }).map((a) => `${a.join('|')}|$`),
        ),
        (s) => {
          try {
            parseInsuranceQr(s);
          } catch (error) {
            expect(isCancuocError(error)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
