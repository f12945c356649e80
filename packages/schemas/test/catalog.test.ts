import { createCommuneIndex, parseCommuneList } from '@cancuoc/admin-units';
import type { Issue } from '@cancuoc/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createAddressSchema,
  mapZodIssues,
  type SchemasErrorCode,
  schemasErrorMessages,
  validateResident,
} from '../src/index.js';
import { goodResident } from './fixtures.js';

const communes = createCommuneIndex(
  parseCommuneList([{ code: '00004', name: 'Phường Ba Đình', provinceCode: '01' }]),
);
const CurrentAddress = createAddressSchema({ date: '2025-08-01', communes });
const address = (value: unknown): Issue[] => {
  const r = CurrentAddress.safeParse(value);
  return r.success ? [] : mapZodIssues(r.error);
};
const resident = (value: unknown): Issue[] => validateResident(value, { coerceDates: true }).issues;

// One bad input per code: proves each code is reachable and that its messages are filled in.
type Example = (() => Issue[]) | Record<string, unknown>;
const EXAMPLES: Record<
  Exclude<SchemasErrorCode, 'ERR_SCHEMA_INVALID' | 'ERR_SCHEMA_UNKNOWN' | 'ERR_SCHEMA_TOO_SHORT'>,
  Example
> = {
  ERR_SCHEMA_REQUIRED: { ...goodResident, fullName: undefined },
  ERR_SCHEMA_TYPE: { ...goodResident, fullName: 42 },
  ERR_SCHEMA_EMPTY: { ...goodResident, identifyingMarks: ' ' },
  ERR_SCHEMA_TOO_LONG: { ...goodResident, legacyIds: Array(11).fill('012345678') },
  ERR_SCHEMA_NUMBER_RANGE: { ...goodResident, dateOfBirth: { year: 1998, month: 13 } },
  ERR_SCHEMA_FORMAT: { ...goodResident, personalId: '0010980123' },
  ERR_SCHEMA_VALUE: { ...goodResident, sex: 'other' },
  ERR_SCHEMA_CHARACTERS: { ...goodResident, fullName: 'Nguyễn #1' },
  ERR_SCHEMA_REPLACEMENT_CHARACTER: { ...goodResident, identifyingMarks: 'S\ufffdo' },
  ERR_SCHEMA_DATE_FORMAT: { ...goodResident, dateOfBirth: 'hôm qua' },
  ERR_SCHEMA_DATE_CALENDAR: { ...goodResident, dateOfBirth: { year: 1998, month: 2, day: 30 } },
  ERR_SCHEMA_DATE_DAY_WITHOUT_MONTH: { ...goodResident, dateOfBirth: { year: 1998, day: 15 } },
  ERR_SCHEMA_DATE_FUTURE: { ...goodResident, dateOfBirth: { year: 2399 } },
  ERR_SCHEMA_DATE_ORDER: {
    ...goodResident,
    documents: [
      { kind: 'passport', number: 'C1234567', dateOfIssue: { year: 2020 }, dateOfExpiry: { year: 2019 } },
    ],
  },
  ERR_SCHEMA_COUNTRY_CODE: { ...goodResident, nationality: 'Vietnam' },
  ERR_SCHEMA_ETHNICITY_CODE: { ...goodResident, ethnicity: { code: '00', name: 'Kinh' } },
  ERR_SCHEMA_ETHNICITY_MISMATCH: { ...goodResident, ethnicity: { code: '04', name: 'Kinh' } },
  ERR_SCHEMA_ETHNICITY_UNKNOWN: { ...goodResident, ethnicity: { name: 'Sao Hỏa' } },
  ERR_SCHEMA_ADDRESS_EMPTY: { ...goodResident, currentResidence: { country: 'VNM' } },
  ERR_SCHEMA_PROVINCE_UNKNOWN: {
    ...goodResident,
    currentResidence: { province: { code: '00', name: 'Không rõ' } },
  },
  ERR_SCHEMA_DISTRICT_AFTER_2025: {
    ...goodResident,
    currentResidence: { district: { name: 'Huyện Gia Lâm' }, province: { code: '24', name: 'Bắc Ninh' } },
  },
  ERR_SCHEMA_PROVINCE_NAME_MISMATCH: {
    ...goodResident,
    currentResidence: { province: { code: '24', name: 'Hà Nội' } },
  },
  ERR_SCHEMA_PROVINCE_MERGED: () => address({ province: { code: '27', name: 'Bắc Ninh' } }),
  ERR_SCHEMA_COMMUNE_UNKNOWN: () =>
    address({ commune: { code: '99999', name: 'Xã A' }, province: { code: '01', name: 'Hà Nội' } }),
  ERR_SCHEMA_COMMUNE_PROVINCE_MISMATCH: () =>
    address({
      commune: { code: '00004', name: 'Phường Ba Đình' },
      province: { code: '79', name: 'Hồ Chí Minh' },
    }),
};

describe('the error catalogue', () => {
  it('has an English and a Vietnamese message for every code', () => {
    for (const [code, pair] of Object.entries(schemasErrorMessages)) {
      expect(code).toMatch(/^ERR_SCHEMA_[A-Z0-9_]+$/);
      expect(pair.en.length).toBeGreaterThan(10);
      expect(pair.vi.length).toBeGreaterThan(10);
      expect(pair.vi).not.toBe(pair.en);
    }
  });

  for (const [code, example] of Object.entries(EXAMPLES)) {
    it(`produces ${code} with every placeholder filled`, () => {
      const issues = typeof example === 'function' ? example() : resident(example);
      const issue = issues.find((i) => i.code === code);
      expect(issue, JSON.stringify(issues.map((i) => i.code))).toBeDefined();
      expect(issue!.message).not.toMatch(/\{\w+\}/);
      expect(issue!.messageVi).not.toMatch(/\{\w+\}/);
      expect(issue!.messageVi[0]).toBe(issue!.messageVi[0]!.toUpperCase());
    });
  }

  it('maps the zod issues no schema here raises to TOO_SHORT and UNKNOWN, never dropping one', () => {
    const short = z.object({ legacyIds: z.array(z.string()).min(2) }).safeParse({ legacyIds: [] });
    expect(mapZodIssues(short.error!).map((i) => [i.path.join('.'), i.code, i.messageVi])).toEqual([
      ['legacyIds', 'ERR_SCHEMA_TOO_SHORT', 'Các số CMND cũ quá ngắn (tối thiểu 2)'],
    ]);
    const odd = z.object({ day: z.number().multipleOf(2) }).safeParse({ day: 3 });
    expect(mapZodIssues(odd.error!).map((i) => [i.path.join('.'), i.code, i.messageVi])).toEqual([
      ['day', 'ERR_SCHEMA_UNKNOWN', 'Ngày không hợp lệ'],
    ]);
  });
});
