import { isCancuocError } from '@cancuoc/core';
import { hostileBytes, hostileStrings } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { type CardData, cardDataToResident, validateResident } from '../src/index.js';
import { goodCard, goodResident } from './fixtures.js';

const RESIDENT_FIELDS = [
  'personalId',
  'fullName',
  'dateOfBirth',
  'sex',
  'nationality',
  'identifyingMarks',
] as const;
const CARD_FIELDS = [
  'personalId',
  'legacyId',
  'fullName',
  'nationality',
  'ethnicity',
  'permanentResidence',
  'cardId',
] as const;

function expectCleanOrCoded(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(isCancuocError(error)).toBe(true);
  }
}

describe('hostile inputs', () => {
  it('validateResident answers every hostile string, in every field, with issues or a record', () => {
    for (const s of hostileStrings) {
      for (const coerceDates of [false, true]) {
        expect(validateResident(s, { coerceDates }).success).toBe(false);
        for (const field of RESIDENT_FIELDS) {
          const r = validateResident({ ...goodResident, [field]: s }, { coerceDates });
          if (!r.success) expect(r.issues.length).toBeGreaterThan(0);
        }
        const r = validateResident({
          ...goodResident,
          permanentResidence: { text: s, province: { code: s, name: s } },
        });
        expect(typeof r.success).toBe('boolean');
      }
    }
  });

  it('cardDataToResident throws only coded errors on hostile strings', () => {
    for (const s of hostileStrings) {
      for (const field of CARD_FIELDS)
        expectCleanOrCoded(() => cardDataToResident({ ...goodCard, [field]: s }));
    }
  });

  it('rejects byte arrays and prototype tricks as records', () => {
    for (const b of hostileBytes) expect(validateResident(b).success).toBe(false);
    const polluted = JSON.parse(
      `{"__proto__": {"personalId": "001098012345"}, "constructor": {"prototype": {}}}`,
    );
    expect(validateResident(polluted).success).toBe(false);
    expect(({} as Record<string, unknown>).personalId).toBeUndefined();
    expectCleanOrCoded(() => cardDataToResident(polluted as CardData));
  });
});
