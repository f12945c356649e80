import { describe, expect, it } from 'vitest';
import { IdentityDocument, mapZodIssues } from '../src/index.js';

const codes = (v: unknown) => {
  const r = IdentityDocument.safeParse(v);
  return r.success ? [] : mapZodIssues(r.error).map((i) => [i.path.join('.'), i.code]);
};

describe('IdentityDocument', () => {
  it('accepts a card without expiry (null) and a passport', () => {
    expect(
      codes({
        kind: 'can-cuoc',
        number: '001098012345',
        dateOfIssue: { year: 2024, month: 8, day: 1 },
        dateOfExpiry: null,
      }),
    ).toEqual([]);
    expect(codes({ kind: 'passport', number: 'C1234567', issuer: 'Cục Quản lý xuất nhập cảnh' })).toEqual([]);
  });

  it('rejects an expiry before the issue date at [dateOfExpiry]', () => {
    expect(
      codes({
        kind: 'citizen-card',
        number: '001098012345',
        dateOfIssue: { year: 2021 },
        dateOfExpiry: { year: 2020, month: 1 },
      }),
    ).toEqual([['dateOfExpiry', 'ERR_SCHEMA_DATE_ORDER']]);
  });

  it('rejects an unknown kind and a malformed number', () => {
    expect(codes({ kind: 'cmnd', number: '012345678' })).toEqual([['kind', 'ERR_SCHEMA_VALUE']]);
    expect(codes({ kind: 'legacy-id', number: '0123' })).toEqual([['number', 'ERR_SCHEMA_FORMAT']]);
    expect(codes({ kind: 'passport', number: 'c1234567' })).toEqual([['number', 'ERR_SCHEMA_FORMAT']]);
  });

  it('holds card numbers to 12 digits and CMND numbers to 9 or 12', () => {
    expect(codes({ kind: 'can-cuoc', number: 'C1234567' })).toEqual([['number', 'ERR_SCHEMA_FORMAT']]);
    expect(codes({ kind: 'citizen-card', number: '012345678' })).toEqual([['number', 'ERR_SCHEMA_FORMAT']]);
    expect(codes({ kind: 'legacy-id', number: '0123456789' })).toEqual([['number', 'ERR_SCHEMA_FORMAT']]);
    expect(codes({ kind: 'legacy-id', number: '012345678901' })).toEqual([]);
    expect(codes({ kind: 'other', number: 'GKS12345' })).toEqual([]);
  });
});
