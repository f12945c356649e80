import { describe, expect, it } from 'vitest';
import { parseLegacyId, parsePassportNumber } from '../src/index.js';
import { errorCode } from './helpers.js';

describe('parseLegacyId', () => {
  it('reads 9-digit and 12-digit CMND numbers as found in the QR old-ID field', () => {
    // Values from the published QR samples (cccd-formats.md §1.2).
    expect(parseLegacyId('012345678')).toEqual({ value: '012345678', format: 'cmnd-9' });
    expect(parseLegacyId('001234567890')).toEqual({ value: '001234567890', format: 'cmnd-12' });
  });

  it('rejects other lengths, letters, all zeros and separators with their codes', () => {
    expect(errorCode(() => parseLegacyId('12345678'))).toBe('ERR_ID_LENGTH');
    expect(errorCode(() => parseLegacyId('1234567890'))).toBe('ERR_ID_LENGTH');
    expect(errorCode(() => parseLegacyId('01234567X'))).toBe('ERR_ID_NOT_DIGITS');
    expect(errorCode(() => parseLegacyId('000000000'))).toBe('ERR_ID_LEGACY_ZERO');
    expect(errorCode(() => parseLegacyId(''))).toBe('ERR_ID_EMPTY');
    expect(errorCode(() => parseLegacyId('012 345 678'))).toBe('ERR_ID_NEEDS_NORMALIZATION');
    expect(parseLegacyId('012 345 678', { normalize: true }).value).toBe('012345678');
  });
});

describe('parsePassportNumber', () => {
  it('reads a letter and seven digits', () => {
    expect(parsePassportNumber('C1234567')).toEqual({ value: 'C1234567', series: 'C' });
    expect(parsePassportNumber('n 1234567', { normalize: true }).value).toBe('N1234567');
  });

  it('rejects other shapes with their codes', () => {
    expect(errorCode(() => parsePassportNumber('12345678'))).toBe('ERR_ID_PASSPORT_FORMAT');
    expect(errorCode(() => parsePassportNumber('CC123456'))).toBe('ERR_ID_PASSPORT_FORMAT');
    expect(errorCode(() => parsePassportNumber('C123456'))).toBe('ERR_ID_LENGTH');
    expect(errorCode(() => parsePassportNumber('c1234567'))).toBe('ERR_ID_NEEDS_NORMALIZATION');
    expect(errorCode(() => parsePassportNumber('C123456é'))).toBe('ERR_ID_NOT_DIGITS');
  });
});
