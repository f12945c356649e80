import { describe, expect, it } from 'vitest';
import { safeParseLegacyId, safeParsePassportNumber } from '../src/index.js';

describe('safe variants of the legacy-ID and passport parsers', () => {
  it('return the data for valid input', () => {
    const legacy = safeParseLegacyId('012345678');
    expect(legacy.success).toBe(true);
    const passport = safeParsePassportNumber('C1234567');
    expect(passport.success).toBe(true);
  });
  it('return the coded error for bad input instead of throwing', () => {
    const legacy = safeParseLegacyId('12345');
    expect(legacy.success).toBe(false);
    if (!legacy.success) expect(legacy.error.code).toMatch(/^ERR_ID_/);
    const passport = safeParsePassportNumber('12345678');
    expect(passport.success).toBe(false);
    if (!passport.success) expect(passport.error.code).toBe('ERR_ID_PASSPORT_FORMAT');
  });
  it('still throw TypeError on misuse', () => {
    expect(() => safeParseLegacyId(1 as unknown as string)).toThrow(TypeError);
    expect(() => safeParsePassportNumber(null as unknown as string)).toThrow(TypeError);
  });
});
