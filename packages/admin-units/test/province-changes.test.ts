import { isCancuocError } from '@cancuoc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findProvinceInText,
  getProvince,
  listProvinces,
  lookupBirthPlace,
  parseProvinceChanges,
  provinceChanges,
} from '../src/index.js';

// Fixtures, not facts: invented acts that exercise each kind of change. The built-in table holds
// only changes checked against a published act.
const DONG_NAI = {
  code: '75',
  name: 'Đồng Nai',
  fullName: 'Tỉnh Đồng Nai',
  unaccentedName: 'Dong Nai',
  type: 'province',
};
const DONG_NAI_CITY = { ...DONG_NAI, fullName: 'Thành phố Đồng Nai', type: 'city' };
const CAO_BANG = {
  code: '04',
  name: 'Cao Bằng',
  fullName: 'Tỉnh Cao Bằng',
  unaccentedName: 'Cao Bang',
  type: 'province',
};
const LAO_CAI = {
  code: '15',
  name: 'Lào Cai',
  fullName: 'Tỉnh Lào Cai',
  unaccentedName: 'Lao Cai',
  type: 'province',
};
const LAO_CAI_RENAMED = {
  ...LAO_CAI,
  name: 'Hoàng Liên',
  fullName: 'Tỉnh Hoàng Liên',
  unaccentedName: 'Hoang Lien',
};
const source = (n: number) => ({
  citation: `Test fixture ${n} (not a real act)`,
  url: 'https://example.test/act',
});

const ENTRIES = [
  {
    effective: '2026-09-01',
    code: '75',
    kind: 'type-change',
    before: DONG_NAI,
    after: DONG_NAI_CITY,
    source: source(1),
  },
  {
    effective: '2027-01-01',
    code: '15',
    kind: 'rename',
    before: LAO_CAI,
    after: LAO_CAI_RENAMED,
    source: source(2),
  },
  {
    effective: '2027-07-01',
    code: '04',
    kind: 'merge',
    before: CAO_BANG,
    after: LAO_CAI_RENAMED,
    source: source(3),
  },
];
const changes = parseProvinceChanges(ENTRIES);

function codesOf(table: unknown): string[] {
  if (!isCancuocError(table)) throw new Error('expected a CancuocError');
  return table.issues.map((i) => i.code);
}
function failure(entries: unknown): unknown {
  try {
    parseProvinceChanges(entries);
  } catch (e) {
    return e;
  }
  throw new Error('expected parseProvinceChanges to throw');
}

describe('built-in province changes', () => {
  it('holds only verified changes: Resolution 30/2026/QH16 (Đồng Nai) is not among them', () => {
    expect(provinceChanges).toEqual([]);
    expect(getProvince('75', { date: '2027-01-01' })?.type).toBe('province');
    expect(listProvinces({ date: '2030-01-01' })).toHaveLength(34);
  });
});

describe('a user-supplied table of dated changes', () => {
  it('applies a type change from its effective day, not the day before', () => {
    expect(getProvince('75', { date: '2026-08-31', changes })).toMatchObject({
      type: 'province',
      fullName: 'Tỉnh Đồng Nai',
    });
    expect(getProvince('75', { date: '2026-09-01', changes })).toMatchObject({
      type: 'city',
      fullName: 'Thành phố Đồng Nai',
    });
  });

  it('applies renames and merges in listProvinces, in GSO code order', () => {
    expect(listProvinces({ date: '2027-06-30', changes })).toHaveLength(34);
    const after = listProvinces({ date: '2027-07-01', changes });
    expect(after).toHaveLength(33);
    expect(after.map((p) => p.code)).toEqual([...after.map((p) => p.code)].sort());
    expect(after.find((p) => p.code === '15')?.name).toBe('Hoàng Liên');
    expect(getProvince('04', { date: '2027-07-01', changes })).toBeUndefined();
  });

  it('leaves the maps before 1 July 2025 alone', () => {
    expect(listProvinces({ date: '2025-06-30', changes })).toHaveLength(63);
    expect(getProvince('75', { date: '2025-06-30', changes })?.type).toBe('province');
  });

  it('follows merges and renames for birth places and addresses', () => {
    const place = lookupBirthPlace('004', { date: '2027-07-01', changes });
    expect(place?.kind === 'province' && place.currentProvince.name).toBe('Hoàng Liên');
    expect(place?.kind === 'province' && place.merged).toBe(true);
    expect(findProvinceInText('Phường Biên Hòa, Đồng Nai', { date: '2026-09-01', changes })?.type).toBe(
      'city',
    );
    expect(findProvinceInText('Xã Bảo Lạc, Cao Bằng', { date: '2027-07-01', changes })?.code).toBe('15');
  });

  it('returns a frozen table, sorted oldest first, with its sources', () => {
    const t = parseProvinceChanges([ENTRIES[1], ENTRIES[0]]);
    expect(Object.isFrozen(t) && Object.isFrozen(t.changes)).toBe(true);
    expect(t.changes.map((c) => c.effective)).toEqual(['2026-09-01', '2027-01-01']);
    expect(t.changes[0]?.source.citation).toContain('Test fixture');
  });

  it('refuses a changes option that parseProvinceChanges did not make', () => {
    expect(() => getProvince('75', { changes: { changes: ENTRIES } as never })).toThrow(TypeError);
    expect(() => listProvinces({ changes: ENTRIES as never })).toThrow(TypeError);
  });
});

describe('parseProvinceChanges refuses bad tables with typed issues', () => {
  const good = ENTRIES[0]!;
  it.each([
    ['not an array', { a: 1 }, 'ERR_ADMIN_CHANGE_ENTRY'],
    ['an entry that is not an object', [null], 'ERR_ADMIN_CHANGE_ENTRY'],
    ['a date that is not yyyy-MM-dd', [{ ...good, effective: '01/09/2026' }], 'ERR_ADMIN_CHANGE_DATE'],
    ['a date that does not exist', [{ ...good, effective: '2026-02-30' }], 'ERR_ADMIN_CHANGE_DATE'],
    ['a date before the 2025 map', [{ ...good, effective: '2025-06-30' }], 'ERR_ADMIN_CHANGE_DATE'],
    ['an unknown kind', [{ ...good, kind: 'split' }], 'ERR_ADMIN_CHANGE_KIND'],
    ['a numeric code', [{ ...good, code: 75 }], 'ERR_ADMIN_CHANGE_UNIT'],
    [
      'an after without a type',
      [{ ...good, after: { ...DONG_NAI_CITY, type: 'town' } }],
      'ERR_ADMIN_CHANGE_UNIT',
    ],
    ['no source', [{ ...good, source: undefined }], 'ERR_ADMIN_CHANGE_SOURCE'],
    ['an http source', [{ ...good, source: { citation: 'x', url: 'http://a' } }], 'ERR_ADMIN_CHANGE_SOURCE'],
    [
      'a before that is not the unit in force',
      [{ ...good, before: DONG_NAI_CITY }],
      'ERR_ADMIN_CHANGE_CONFLICT',
    ],
    [
      'a type change that keeps the type',
      [{ ...good, after: { ...DONG_NAI, fullName: 'X' } }],
      'ERR_ADMIN_CHANGE_CONFLICT',
    ],
    [
      'a rename that changes the code',
      [{ ...ENTRIES[1], after: { ...LAO_CAI_RENAMED, code: '16' } }],
      'ERR_ADMIN_CHANGE_CONFLICT',
    ],
    [
      'a merge into a unit not in force',
      [{ ...ENTRIES[2], after: { ...LAO_CAI, code: '99' } }],
      'ERR_ADMIN_CHANGE_CONFLICT',
    ],
    [
      'a change to a unit already merged away',
      [ENTRIES[2], ENTRIES[1], { ...ENTRIES[2], effective: '2028-01-01' }],
      'ERR_ADMIN_CHANGE_CONFLICT',
    ],
  ])('%s', (_, entries, code) => {
    const error = failure(entries);
    expect(error).toMatchObject({ code: 'ERR_ADMIN_CHANGE_TABLE' });
    expect(codesOf(error)).toContain(code);
  });

  it('answers any JSON value with a table or ERR_ADMIN_CHANGE_TABLE (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseProvinceChanges(value);
        } catch (e) {
          expect(e).toMatchObject({ code: 'ERR_ADMIN_CHANGE_TABLE' });
        }
      }),
    );
  });
});

describe('lookups around effective dates (property)', () => {
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 7 * 3_600_000);
  const effective = [
    [2026, 9, 1],
    [2027, 1, 1],
    [2027, 7, 1],
  ] as const;

  it('a change is in force from 00:00 Vietnam time on its effective day, never a millisecond before', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...effective),
        fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }),
        ([y, m, d], offset) => {
          const start = day(y, m, d).getTime();
          const date = new Date(start + offset);
          const inForce = offset >= 0;
          const list = listProvinces({ date, changes });
          if (y === 2026)
            expect(getProvince('75', { date, changes })?.type).toBe(inForce ? 'city' : 'province');
          if (y === 2027 && m === 1)
            expect(getProvince('15', { date, changes })?.name).toBe(inForce ? 'Hoàng Liên' : 'Lào Cai');
          if (y === 2027 && m === 7) expect(list).toHaveLength(inForce ? 33 : 34);
        },
      ),
    );
  });

  it('getProvince agrees with listProvinces on every date and code', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-06-01'), max: new Date('2028-12-31'), noInvalidDate: true }),
        fc.constantFrom('04', '15', '75', '79', '27'),
        (date, code) => {
          const fromList = listProvinces({ date, changes }).find((p) => p.code === code);
          expect(getProvince(code, { date, changes })).toEqual(fromList);
        },
      ),
    );
  });
});
