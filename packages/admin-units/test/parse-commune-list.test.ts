import { isCancuocError } from '@cancuoc/core';
import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommuneIndex, parseCommuneList } from '../src/index.js';

// Synthetic rows shaped like the statistics office's list (Official Letter 1027/CTK-CSCL: 5-digit codes).
const rows = [
  { code: '00004', name: 'Phường Ba Đình', provinceCode: '01' },
  { code: '00008', name: 'Phường Ngọc Hà', provinceCode: '01' },
  { code: '99901', name: 'Xã Thử Nghiệm', provinceCode: '79' },
  { code: '99902', name: 'Đặc khu Thử Nghiệm', provinceCode: '22', type: 'special-zone' },
  { code: '99903', name: 'Tân Lập', provinceCode: '24' },
];

function codesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (isCancuocError(e)) return [e.code, ...e.issues.map((i) => `${i.path.join('.')}:${i.code}`)];
    throw e;
  }
  return [];
}

describe('parseCommuneList', () => {
  it('types a valid list and reads the unit type from the name', () => {
    const list = parseCommuneList(rows);
    expect(list.map((c) => c.type)).toEqual(['ward', 'ward', 'commune', 'special-zone', undefined]);
    expect(list[4]).not.toHaveProperty('type');
  });

  it('normalises names to NFC and nothing else', () => {
    const [c] = parseCommuneList([
      { code: '00004', name: ' Phu\u031bo\u031b\u0300ng  Ba \u0110i\u0300nh ', provinceCode: '01' },
    ]);
    expect(c?.name).toBe('Phường Ba Đình');
  });

  it('reports each bad field with a path and a code', () => {
    expect(
      codesOf(() =>
        parseCommuneList([
          { code: 4, name: 'Phường Ba Đình', provinceCode: '01' },
          { code: '00008', name: '  ', provinceCode: '27' },
          { code: '00009', name: 'Xã A', provinceCode: '01', type: 'district' },
          { code: '00009', name: 'Xã B', provinceCode: '01' },
          'row',
        ]),
      ),
    ).toEqual([
      'ERR_ADMIN_COMMUNE_LIST',
      '0.code:ERR_ADMIN_COMMUNE_CODE',
      '1.name:ERR_ADMIN_COMMUNE_NAME',
      '1.provinceCode:ERR_ADMIN_COMMUNE_PROVINCE',
      '2.type:ERR_ADMIN_COMMUNE_TYPE',
      '4:ERR_ADMIN_COMMUNE_ROW',
    ]);
  });

  it('rejects a duplicated code', () => {
    expect(codesOf(() => parseCommuneList([rows[0], rows[0]]))).toEqual([
      'ERR_ADMIN_COMMUNE_LIST',
      '1.code:ERR_ADMIN_COMMUNE_DUPLICATE',
    ]);
  });

  it('checks province codes against the era asked for', () => {
    const old = [{ code: '00010', name: 'Xã A', provinceCode: '27' }];
    expect(parseCommuneList(old, { era: 'before-2025' })).toHaveLength(1);
    expect(codesOf(() => parseCommuneList(old))).toContain('0.provinceCode:ERR_ADMIN_COMMUNE_PROVINCE');
  });

  it('rejects non-arrays and hostile rows with a coded error', () => {
    expect(codesOf(() => parseCommuneList({}))).toEqual(['ERR_ADMIN_COMMUNE_LIST', ':ERR_ADMIN_COMMUNE_ROW']);
    for (const s of hostileStrings) {
      expect(codesOf(() => parseCommuneList([{ code: s, name: s, provinceCode: s }]))[0]).toBe(
        'ERR_ADMIN_COMMUNE_LIST',
      );
    }
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          parseCommuneList(value);
        } catch (e) {
          expect(isCancuocError(e)).toBe(true);
        }
      }),
    );
  });

  it('caps the issues of a huge bad list at 100', () => {
    const bad = Array.from({ length: 5000 }, () => ({ code: 'x' }));
    expect(codesOf(() => parseCommuneList(bad))).toHaveLength(101);
  });
});

describe('createCommuneIndex', () => {
  const index = createCommuneIndex(parseCommuneList(rows));
  it('finds by code, province and folded name without the type prefix', () => {
    expect(index.get('00004')?.name).toBe('Phường Ba Đình');
    expect(index.inProvince('01').map((c) => c.code)).toEqual(['00004', '00008']);
    expect(index.inProvince('02')).toEqual([]);
    expect(index.findByName('ba dinh').map((c) => c.code)).toEqual(['00004']);
    expect(index.findByName('PHUONG  BA ĐÌNH', '01').map((c) => c.code)).toEqual(['00004']);
    expect(index.findByName('ba dinh', '79')).toEqual([]);
    expect(index.all).toHaveLength(5);
  });
});

describe('parseCommuneList with other column names', () => {
  it('reads spreadsheet rows through columns and Vietnamese unit types', () => {
    const list = parseCommuneList(
      [
        { Mã: '00004', Tên: 'Phường Ba Đình', 'Mã TP': '01', Cấp: 'Phường' },
        { Mã: '99902', Tên: 'Côn Đảo', 'Mã TP': '79', Cấp: 'Đặc khu' },
        { Mã: '99903', Tên: 'Xã A', 'Mã TP': '79', Cấp: '' },
      ],
      { columns: { code: 'Mã', name: 'Tên', provinceCode: 'Mã TP', type: 'Cấp' } },
    );
    expect(list).toEqual([
      { code: '00004', name: 'Phường Ba Đình', provinceCode: '01', type: 'ward' },
      { code: '99902', name: 'Côn Đảo', provinceCode: '79', type: 'special-zone' },
      { code: '99903', name: 'Xã A', provinceCode: '79', type: 'commune' },
    ]);
    expect(
      codesOf(() =>
        parseCommuneList([{ Mã: '00004', Tên: 'X', 'Mã TP': '01', Cấp: 'Huyện' }], {
          columns: { code: 'Mã', name: 'Tên', provinceCode: 'Mã TP', type: 'Cấp' },
        }),
      ),
    ).toEqual(['ERR_ADMIN_COMMUNE_LIST', '0.type:ERR_ADMIN_COMMUNE_TYPE']);
  });
});
