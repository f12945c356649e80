import { describe, expect, it } from 'vitest';
import { mapZodIssues, ResidentRecord, validateResident } from '../src/index.js';
import { goodResident } from './fixtures.js';

const codesAt = (input: unknown) => {
  const r = validateResident(input);
  return r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.code]);
};

describe('ResidentRecord', () => {
  it('accepts a complete synthetic record and returns it unchanged', () => {
    const r = ResidentRecord.safeParse(goodResident);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(goodResident);
  });

  it('accepts the minimum: ID, name, partial birth date, sex', () => {
    const r = ResidentRecord.safeParse({
      personalId: '001098012345',
      fullName: 'Lò Văn Páo',
      dateOfBirth: { year: 1998 },
      sex: 'male',
    });
    expect(r.success).toBe(true);
  });

  it('trims and NFC-normalises the full name', () => {
    const decomposed = 'Nguye\u0302\u0303n Va\u0306n An';
    const r = ResidentRecord.parse({ ...goodResident, fullName: `  ${decomposed} ` });
    expect(r.fullName).toBe('Nguyễn Văn An');
  });

  it('reports each missing required field at its path with ERR_SCHEMA_REQUIRED', () => {
    expect(codesAt({})).toEqual([
      ['personalId', 'ERR_SCHEMA_REQUIRED'],
      ['fullName', 'ERR_SCHEMA_REQUIRED'],
      ['dateOfBirth', 'ERR_SCHEMA_REQUIRED'],
      ['sex', 'ERR_SCHEMA_REQUIRED'],
    ]);
  });

  it('writes Vietnamese messages that name the field', () => {
    const r = validateResident({ ...goodResident, father: {} });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues[0]).toMatchObject({
      path: ['father', 'fullName'],
      code: 'ERR_SCHEMA_REQUIRED',
      messageVi: 'Thiếu họ và tên của cha',
      message: 'The full name of father is missing',
      severity: 'error',
    });
  });

  it('rejects a malformed ID, an unknown sex and a non-object', () => {
    expect(codesAt({ ...goodResident, personalId: '00109801234' })).toEqual([
      ['personalId', 'ERR_SCHEMA_FORMAT'],
    ]);
    expect(codesAt({ ...goodResident, sex: 'Nam' })).toEqual([['sex', 'ERR_SCHEMA_VALUE']]);
    expect(codesAt([])).toEqual([['', 'ERR_SCHEMA_TYPE']]);
  });

  it('maps issues from a raw zod error too', () => {
    const r = ResidentRecord.safeParse({ ...goodResident, fullName: '' });
    expect(r.success).toBe(false);
    expect(mapZodIssues(r.error!).map((i) => i.code)).toEqual(['ERR_SCHEMA_EMPTY']);
  });
});
