import { describe, expect, it } from 'vitest';
import { FullName, mapZodIssues, splitFullName } from '../src/index.js';

const codes = (v: unknown) => {
  const r = FullName.safeParse(v);
  return r.success ? [] : mapZodIssues(r.error).map((i) => i.code);
};

describe('FullName', () => {
  it('accepts Vietnamese, minority and foreign names', () => {
    for (const n of [
      'Nguyễn Văn An',
      'NGUYỄN THỊ NGỌC ÁNH',
      "H'Hen Niê",
      'Lò Văn Páo',
      'Jean-Pierre O’Neil',
      'Đặng T. Hà',
    ]) {
      expect(codes(n), n).toEqual([]);
    }
  });

  it('rejects digits, symbols, empty names and scanner damage', () => {
    expect(codes('Nguyễn Văn 3')).toEqual(['ERR_SCHEMA_CHARACTERS']);
    expect(codes('<script>')).toEqual(['ERR_SCHEMA_CHARACTERS']);
    expect(codes('')).toEqual(['ERR_SCHEMA_EMPTY']);
    expect(codes('NGUY\ufffdN V\ufffdN A')).toEqual(['ERR_SCHEMA_REPLACEMENT_CHARACTER']);
    expect(codes('A'.repeat(101))).toEqual(['ERR_SCHEMA_TOO_LONG']);
  });
});

describe('splitFullName', () => {
  it('splits family, middle and given names', () => {
    expect(splitFullName('Nguyễn Thị Ngọc Ánh')).toEqual({
      familyName: 'Nguyễn',
      middleName: 'Thị Ngọc',
      givenName: 'Ánh',
    });
    expect(splitFullName(' Lê  An ')).toEqual({ familyName: 'Lê', middleName: '', givenName: 'An' });
    expect(splitFullName('Páo')).toEqual({ familyName: '', middleName: '', givenName: 'Páo' });
    expect(splitFullName('')).toEqual({ familyName: '', middleName: '', givenName: '' });
  });

  it('throws TypeError on misuse', () => {
    expect(() => splitFullName(1 as never)).toThrow(TypeError);
  });
});
