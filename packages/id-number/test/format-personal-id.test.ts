import { describe, expect, it } from 'vitest';
import { formatPersonalId } from '../src/index.js';
import { errorCode } from './helpers.js';

describe('formatPersonalId', () => {
  it('writes the century-and-sex digit of Circular 07/2016', () => {
    const base = { birthPlaceCode: '001', serial: '012345' } as const;
    expect(formatPersonalId({ ...base, sex: 'male', birthYear: 1998 })).toBe('001098012345');
    expect(formatPersonalId({ ...base, sex: 'female', birthYear: 1998 })).toBe('001198012345');
    expect(formatPersonalId({ ...base, sex: 'male', birthYear: 2003 })).toBe('001203012345');
    expect(formatPersonalId({ ...base, sex: 'female', birthYear: 2000 })).toBe('001300012345');
    expect(formatPersonalId({ ...base, birthPlaceCode: '175', sex: 'male', birthYear: 1900 })).toBe(
      '175000012345',
    );
  });

  it('refuses parts that make no valid number', () => {
    const base = { birthPlaceCode: '001', sex: 'male', birthYear: 1998, serial: '012345' } as const;
    expect(errorCode(() => formatPersonalId({ ...base, birthPlaceCode: '003' }))).toBe(
      'ERR_ID_PROVINCE_UNKNOWN',
    );
    expect(errorCode(() => formatPersonalId({ ...base, birthPlaceCode: '1' }))).toBe(
      'ERR_ID_PROVINCE_UNKNOWN',
    );
    expect(errorCode(() => formatPersonalId({ ...base, birthYear: 2399 }))).toBe('ERR_ID_BIRTH_YEAR_FUTURE');
    expect(() => formatPersonalId({ ...base, birthYear: 1899 })).toThrow(RangeError);
    expect(() => formatPersonalId({ ...base, birthYear: 1998.5 })).toThrow(RangeError);
    expect(() => formatPersonalId({ ...base, serial: '12345' })).toThrow(RangeError);
    expect(() => formatPersonalId({ ...base, sex: 'other' as 'male' })).toThrow(RangeError);
  });
});
