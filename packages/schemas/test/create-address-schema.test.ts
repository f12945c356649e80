import { createCommuneIndex, parseCommuneList } from '@cancuoc/admin-units';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createAddressSchema, mapZodIssues, ResidentRecord } from '../src/index.js';
import { goodResident } from './fixtures.js';

const codesOf = (schema: ReturnType<typeof createAddressSchema>, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : mapZodIssues(r.error).map((i) => [i.path.join('.'), i.code]);
};

describe('createAddressSchema', () => {
  const before = createAddressSchema({ date: '2025-06-30' });
  const after = createAddressSchema({ date: new Date('2025-07-01T00:00:00+07:00') });

  it('accepts a 3-level address with an old province before 1 July 2025', () => {
    expect(
      codesOf(before, {
        district: { name: 'Thành phố Bắc Giang' },
        province: { code: '24', name: 'Bắc Giang' },
      }),
    ).toEqual([]);
    expect(codesOf(before, { province: { code: '27', name: 'Bắc Ninh' } })).toEqual([]);
  });

  it('from 1 July 2025 rejects districts and names the province a retired code went to', () => {
    expect(
      codesOf(after, { commune: { name: 'Phường Kinh Bắc' }, province: { code: '24', name: 'Bắc Ninh' } }),
    ).toEqual([]);
    expect(
      codesOf(after, { district: { name: 'Huyện Gia Lâm' }, province: { code: '01', name: 'Hà Nội' } }),
    ).toEqual([['district', 'ERR_SCHEMA_DISTRICT_AFTER_2025']]);
    const r = after.safeParse({ province: { code: '27', name: 'Bắc Ninh' } });
    const [issue] = mapZodIssues(r.error!);
    expect(issue).toMatchObject({ path: ['province', 'code'], code: 'ERR_SCHEMA_PROVINCE_MERGED' });
    expect(issue!.messageVi).toBe(
      'Mã tỉnh 27 không còn hiệu lực: từ ngày 01/07/2025 đã hợp nhất vào Bắc Ninh (mã 24)',
    );
  });

  it('rejects codes no province ever had, in either scheme', () => {
    expect(codesOf(before, { province: { code: '03', name: 'X' } })).toEqual([
      ['province.code', 'ERR_SCHEMA_PROVINCE_UNKNOWN'],
    ]);
    expect(codesOf(after, { province: { code: '03', name: 'X' } })).toEqual([
      ['province.code', 'ERR_SCHEMA_PROVINCE_UNKNOWN'],
    ]);
  });

  it('checks communes against a loaded list and their province', () => {
    const communes = createCommuneIndex(
      parseCommuneList([
        { code: '00004', name: 'Phường Ba Đình', provinceCode: '01' },
        { code: '26734', name: 'Phường Sài Gòn', provinceCode: '79' },
      ]),
    );
    const withCommunes = createAddressSchema({ date: '2025-08-01', communes });
    expect(
      codesOf(withCommunes, {
        commune: { code: '00004', name: 'Phường Ba Đình' },
        province: { code: '01', name: 'Hà Nội' },
      }),
    ).toEqual([]);
    expect(
      codesOf(withCommunes, {
        commune: { code: '00004', name: 'Phường Ba Đình' },
        province: { code: '79', name: 'TP.HCM' },
      }),
    ).toEqual([['commune.code', 'ERR_SCHEMA_COMMUNE_PROVINCE_MISMATCH']]);
    expect(codesOf(withCommunes, { commune: { code: '12345', name: 'Xã A' } })).toEqual([
      ['commune.code', 'ERR_SCHEMA_COMMUNE_UNKNOWN'],
    ]);
  });

  it('keeps the basic address rules', () => {
    expect(codesOf(after, {})).toEqual([['', 'ERR_SCHEMA_ADDRESS_EMPTY']]);
    expect(codesOf(after, { province: { code: '1', name: 'Hà Nội' } })).toEqual([
      ['province.code', 'ERR_SCHEMA_FORMAT'],
    ]);
  });

  it('swaps into a resident record with safeExtend, keeping the record refinements', () => {
    // The schemas are zod/mini schemas: zod's functional safeExtend and optional.
    const Record2025 = z.safeExtend(ResidentRecord, { permanentResidence: z.optional(after) });
    const bad = {
      ...goodResident,
      sex: 'female',
      permanentResidence: { province: { code: '27', name: 'Bắc Ninh' } },
    };
    const r = Record2025.safeParse(bad);
    expect(mapZodIssues(r.error!).map((i) => [i.path.join('.'), i.code])).toEqual([
      ['permanentResidence.province.code', 'ERR_SCHEMA_PROVINCE_MERGED'],
      ['sex', 'ERR_ID_SEX_MISMATCH'],
    ]);
  });

  it('throws on an unreadable date', () => {
    expect(() => createAddressSchema({ date: 'someday' })).toThrow();
  });
});
