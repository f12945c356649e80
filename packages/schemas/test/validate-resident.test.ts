import { isCancuocError } from '@cancuoc/core';
import { describe, expect, it } from 'vitest';
import { parseResident, safeParseResident, validateResident } from '../src/index.js';
import { goodResident } from './fixtures.js';

const codes = (input: unknown, coerceDates = false) => {
  const r = validateResident(input, { coerceDates });
  return r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.code]);
};

describe('validateResident', () => {
  it('returns the parsed record and no issues for a good record', () => {
    const r = validateResident(goodResident);
    expect(r).toEqual({ success: true, data: goodResident, issues: [] });
  });

  it('reads date strings only with coerceDates', () => {
    const input = {
      ...goodResident,
      dateOfBirth: '15/08/1998',
      documents: [
        { kind: 'citizen-card', number: '001098012345', dateOfIssue: '25052021', dateOfExpiry: null },
      ],
    };
    expect(codes(input)).toEqual([
      ['dateOfBirth', 'ERR_SCHEMA_TYPE'],
      ['documents.0.dateOfIssue', 'ERR_SCHEMA_TYPE'],
    ]);
    const r = validateResident(input, { coerceDates: true });
    expect(r.success && r.data.dateOfBirth).toEqual({ year: 1998, month: 8, day: 15 });
    expect(r.success && r.data.documents?.[0]?.dateOfIssue).toEqual({ year: 2021, month: 5, day: 25 });
  });

  it('reports an unreadable or impossible date string once, with its own code', () => {
    expect(codes({ ...goodResident, dateOfBirth: 'mười lăm' }, true)).toEqual([
      ['dateOfBirth', 'ERR_SCHEMA_DATE_FORMAT'],
    ]);
    expect(
      codes(
        {
          ...goodResident,
          documents: [{ kind: 'passport', number: 'C1234567', dateOfExpiry: '31/02/2030' }],
        },
        true,
      ),
    ).toEqual([['documents.0.dateOfExpiry', 'ERR_SCHEMA_DATE_CALENDAR']]);
  });

  it('rejects a birth date in the future', () => {
    expect(codes({ ...goodResident, dateOfBirth: { year: 2390 } })).toEqual(
      expect.arrayContaining([['dateOfBirth', 'ERR_SCHEMA_DATE_FUTURE']]),
    );
  });

  it('rejects a document issued before the holder was born', () => {
    expect(
      codes({
        ...goodResident,
        documents: [{ kind: 'legacy-id', number: '012345678', dateOfIssue: { year: 1990 } }],
      }),
    ).toEqual([['documents.0.dateOfIssue', 'ERR_SCHEMA_DATE_ORDER']]);
    const r = validateResident({
      ...goodResident,
      documents: [{ kind: 'legacy-id', number: '012345678', dateOfIssue: { year: 1990 } }],
    });
    expect(!r.success && r.issues[0]?.messageVi).toBe(
      'Ngày cấp của giấy tờ tùy thân thứ 1 sớm hơn ngày sinh',
    );
  });

  it('warns, without failing, about an unlisted ethnicity and a province name that does not match its code', () => {
    const r = validateResident({
      ...goodResident,
      ethnicity: { name: 'Kinh Bắc' },
      permanentResidence: { province: { code: '01', name: 'Hải Phòng' } },
      temporaryResidence: { province: { code: '79', name: 'TP. Hồ Chí Minh' } },
    });
    expect(r.success).toBe(true);
    expect(r.issues.map((i) => [i.path.join('.'), i.code, i.severity])).toEqual([
      ['ethnicity.name', 'ERR_SCHEMA_ETHNICITY_UNKNOWN', 'warning'],
      ['permanentResidence.province.name', 'ERR_SCHEMA_PROVINCE_NAME_MISMATCH', 'warning'],
    ]);
  });
});

describe('parseResident and safeParseResident', () => {
  it('throw / return ERR_SCHEMA_INVALID carrying every issue', () => {
    const bad = { ...goodResident, fullName: '', sex: 'Nam' };
    const r = safeParseResident(bad);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.code).toBe('ERR_SCHEMA_INVALID');
    expect(r.error.issues.map((i) => i.code)).toEqual(['ERR_SCHEMA_EMPTY', 'ERR_SCHEMA_VALUE']);
    expect(r.error.messageVi).toBe('Hồ sơ có 2 lỗi: Họ và tên đang để trống');
    try {
      parseResident(bad);
      expect.unreachable();
    } catch (error) {
      expect(isCancuocError(error) && error.code).toBe('ERR_SCHEMA_INVALID');
    }
    expect(parseResident(goodResident)).toEqual(goodResident);
  });

  it('never puts the input values into issues or error details', () => {
    const r = safeParseResident({ ...goodResident, personalId: '00109801234X', fullName: 'Nguyễn Văn 9' });
    const text = JSON.stringify(r.success ? null : [r.error.toJSON(), r.error.issues]);
    expect(text).not.toContain('00109801234X');
    expect(text).not.toContain('Nguyễn Văn 9');
    const date = validateResident({ ...goodResident, dateOfBirth: { year: 1998, month: 2, day: 30 } });
    expect(date.issues.map((i) => [i.code, i.details])).toEqual([['ERR_SCHEMA_DATE_CALENDAR', {}]]);
  });
});
