import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectIdKind,
  parseInsuranceCode,
  parseLegacyId,
  parsePassportNumber,
  parseTaxCode,
} from '../src/index.js';
import { expectResultOrCancuocError } from './helpers.js';

const parsers: Record<string, (s: string, options: { normalize: boolean }) => unknown> = {
  parseInsuranceCode,
  parseLegacyId,
  parsePassportNumber,
  parseTaxCode,
};

describe('every parser on hostile and arbitrary strings', () => {
  for (const [name, parse] of Object.entries(parsers)) {
    it(`${name} answers with a result or a CancuocError`, () => {
      expectResultOrCancuocError(parse);
    });
  }

  it('detectIdKind never throws on a string', () => {
    for (const s of hostileStrings) expect(detectIdKind(s).kind).toBe('unknown');
    fc.assert(fc.property(fc.string(), fc.boolean(), (s, normalize) => void detectIdKind(s, { normalize })));
  });

  it('round-trips generated card codes and social insurance numbers', () => {
    const province = fc.constantFrom('01', '24', '27', '79', '96');
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2}$/),
        fc.integer({ min: 1, max: 5 }),
        province,
        fc.stringMatching(/^\d{10}$/),
        fc.option(fc.stringMatching(/^\d{2}[0-9A-Z]{3}$/), { nil: undefined }),
        (group, level, prov, number, facility) => {
          const value = `${group}${level}${prov}${number}`;
          const r = parseInsuranceCode(value + (facility ?? ''));
          expect(r).toMatchObject({ value, socialInsuranceNumber: number });
          if (r.format !== 'social-insurance-number') expect(r.facilityCode).toBe(facility);
          expect(parseInsuranceCode(number).value).toBe(number);
        },
      ),
    );
  });
});
