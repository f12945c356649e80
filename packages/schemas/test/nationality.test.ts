import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NATIONALITY,
  isCountryCode,
  isoCountryCodes,
  Nationality,
  nationalityFromText,
} from '../src/index.js';

describe('country codes', () => {
  it('holds the 249 ISO 3166-1 alpha-3 codes, each once, in capitals', () => {
    expect(isoCountryCodes).toHaveLength(249);
    expect(new Set(isoCountryCodes).size).toBe(249);
    for (const c of isoCountryCodes) expect(c).toMatch(/^[A-Z]{3}$/);
  });

  it('accepts ISO and ICAO travel-document codes, nothing else', () => {
    for (const c of ['VNM', 'USA', 'KOR', 'PRK', 'TWN', 'XXA', 'XXB', 'XXC', 'XXX', 'RKS'])
      expect(isCountryCode(c)).toBe(true);
    for (const c of ['VN', 'vnm', 'D', 'UTO', 'EUE', '', 42, null]) expect(isCountryCode(c)).toBe(false);
    expect(Nationality.safeParse(DEFAULT_NATIONALITY).success).toBe(true);
    expect(Nationality.safeParse('Việt Nam').success).toBe(false);
  });

  it('reads nationality text from cards and forms', () => {
    expect(nationalityFromText('Việt Nam')).toBe('VNM');
    expect(nationalityFromText('VIỆT NAM')).toBe('VNM');
    expect(nationalityFromText(' Viet  Nam ')).toBe('VNM');
    expect(nationalityFromText('jpn')).toBe('JPN');
    expect(nationalityFromText('Narnia')).toBeUndefined();
  });
});
