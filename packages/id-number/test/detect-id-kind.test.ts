import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectIdKind, formatPersonalId, taxCodeCheckDigit } from '../src/index.js';

describe('detectIdKind', () => {
  it('says which identifier a string is, with every other reading', () => {
    expect(detectIdKind('001098012345')).toEqual({
      kind: 'personal-id',
      candidates: ['personal-id', 'tax-code', 'legacy-id'],
    });
    expect(detectIdKind('0100233488')).toEqual({
      kind: 'tax-code',
      candidates: ['tax-code', 'social-insurance-number'],
    });
    expect(detectIdKind('0100233480')).toEqual({
      kind: 'social-insurance-number',
      candidates: ['social-insurance-number'],
    });
    expect(detectIdKind('0314409058-002')).toEqual({ kind: 'tax-code', candidates: ['tax-code'] });
    expect(detectIdKind('GD4790123456789').kind).toBe('insurance-code');
    expect(detectIdKind('HS401012080000101C54').kind).toBe('insurance-code');
    expect(detectIdKind('012345678')).toEqual({ kind: 'legacy-id', candidates: ['legacy-id'] });
    expect(detectIdKind('C1234567')).toEqual({ kind: 'passport', candidates: ['passport'] });
  });

  it('falls back to a legacy 12-digit CMND when the number is no valid personal ID', () => {
    expect(detectIdKind('097098012345')).toEqual({ kind: 'legacy-id', candidates: ['legacy-id'] });
  });

  it('answers unknown for anything else, and normalises only when asked', () => {
    expect(detectIdKind('hello')).toEqual({ kind: 'unknown', candidates: [] });
    expect(detectIdKind('')).toEqual({ kind: 'unknown', candidates: [] });
    expect(detectIdKind('001 098 012 345').kind).toBe('unknown');
    expect(detectIdKind('001 098 012 345', { normalize: true }).kind).toBe('personal-id');
  });
});

describe('detectIdKind properties', () => {
  it('lists the kind of every generated valid identifier among its candidates', () => {
    const personalId = fc
      .record({
        birthPlaceCode: fc.constantFrom('001', '024', '079', '096', '175'),
        sex: fc.constantFrom('male' as const, 'female' as const),
        birthYear: fc.integer({ min: 1900, max: 2020 }),
        serial: fc.stringMatching(/^\d{6}$/),
      })
      .map((p) => ['personal-id', formatPersonalId(p)] as const);
    const taxCode = fc
      .stringMatching(/^\d{9}$/)
      .filter((nine) => nine.slice(2) !== '0000000' && taxCodeCheckDigit(nine) !== undefined)
      .map((nine) => ['tax-code', `${nine}${taxCodeCheckDigit(nine)}`] as const);
    const card = fc
      .tuple(fc.stringMatching(/^[A-Z]{2}$/), fc.integer({ min: 1, max: 5 }), fc.stringMatching(/^\d{10}$/))
      .map(([g, l, n]) => ['insurance-code', `${g}${l}79${n}`] as const);
    const bhxh = fc.stringMatching(/^\d{10}$/).map((n) => ['social-insurance-number', n] as const);
    const cmnd = fc
      .stringMatching(/^\d{9}$/)
      .filter((n) => n !== '000000000')
      .map((n) => ['legacy-id', n] as const);
    const passport = fc.stringMatching(/^[A-Z]\d{7}$/).map((n) => ['passport', n] as const);
    fc.assert(
      fc.property(fc.oneof(personalId, taxCode, card, bhxh, cmnd, passport), ([kind, value]) => {
        const d = detectIdKind(value);
        expect(d.candidates).toContain(kind);
        expect(d.kind).toBe(d.candidates[0]);
      }),
    );
  });
});
