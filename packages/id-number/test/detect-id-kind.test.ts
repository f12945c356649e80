import { describe, expect, it } from 'vitest';
import { detectIdKind } from '../src/index.js';

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
