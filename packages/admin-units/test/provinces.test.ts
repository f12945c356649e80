import { foldDiacritics } from '@cancuoc/core';
import { describe, expect, it } from 'vitest';
import {
  getFormerProvinces,
  getProvince,
  getSuccessorProvince,
  listProvinces,
  provinceMerges,
  provincesBefore2025,
  provincesFrom2025,
} from '../src/index.js';

// Circular 07/2016/TT-BCA Appendix 1, as listed in the reference notes (cccd-formats.md §4.1).
const CIRCULAR_CODES =
  '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'.split(
    ' ',
  );

describe('province tables', () => {
  it('has the 63 codes of Circular 07/2016 before the merger and 34 after', () => {
    expect(provincesBefore2025).toHaveLength(63);
    expect(provincesBefore2025.map((p) => `0${p.code}`)).toEqual(CIRCULAR_CODES);
    expect(provincesFrom2025).toHaveLength(34);
  });

  it('keeps only codes of the 63 among the 34 (each new province keeps an old code)', () => {
    const old = new Set(provincesBefore2025.map((p) => p.code));
    for (const p of provincesFrom2025) expect(old.has(p.code)).toBe(true);
  });

  it('maps every old province into exactly one new province', () => {
    const all = provinceMerges.flatMap((m) => m.formedFrom).sort();
    expect(all).toEqual(provincesBefore2025.map((p) => p.code).sort());
    expect(provinceMerges.map((m) => m.code)).toEqual(provincesFrom2025.map((p) => p.code));
    // Resolution 202/2025/QH15: 11 provinces unchanged, 23 formed by merging two or three.
    expect(provinceMerges.filter((m) => m.formedFrom.length === 1)).toHaveLength(11);
  });

  it('has six centrally governed cities after the merger and five before', () => {
    expect(provincesFrom2025.filter((p) => p.type === 'city').map((p) => p.name)).toEqual([
      'Hà Nội',
      'Hải Phòng',
      'Huế',
      'Đà Nẵng',
      'Hồ Chí Minh',
      'Cần Thơ',
    ]);
    expect(provincesBefore2025.filter((p) => p.type === 'city')).toHaveLength(5);
  });

  it('writes full names with the unit type and unaccented names without any diacritic', () => {
    for (const p of [...provincesBefore2025, ...provincesFrom2025]) {
      expect(p.fullName).toBe(`${p.type === 'city' ? 'Thành phố' : 'Tỉnh'} ${p.name}`);
      expect(p.unaccentedName).toBe(foldDiacritics(p.name));
      expect(p.unaccentedName).toMatch(/^[A-Za-z -]+$/);
      expect(p.name).toBe(p.name.normalize('NFC'));
    }
  });
});

describe('getProvince', () => {
  it('answers 24 as Bắc Giang before 1 July 2025 and Bắc Ninh from that day', () => {
    expect(getProvince('24', { date: '2025-06-30' })?.name).toBe('Bắc Giang');
    expect(getProvince('24', { date: '2025-07-01' })?.name).toBe('Bắc Ninh');
    expect(getProvince('24', { date: new Date('2025-06-30T17:00:00Z') })?.name).toBe('Bắc Ninh');
    expect(getProvince('24', { date: new Date('2025-06-30T16:59:59Z') })?.name).toBe('Bắc Giang');
    expect(getProvince('24', { date: { year: 2024 } })?.name).toBe('Bắc Giang');
  });

  it('answers a code retired by the merger as undefined afterwards', () => {
    expect(getProvince('27', { date: '01/07/2025' })).toBeUndefined();
    expect(getProvince('27', { date: '2020' })?.name).toBe('Bắc Ninh');
  });

  it('knows Thành phố Huế from 1 January 2025', () => {
    expect(getProvince('46', { date: '2024-12-31' })?.fullName).toBe('Tỉnh Thừa Thiên Huế');
    expect(getProvince('46', { date: '2025-01-01' })?.fullName).toBe('Thành phố Huế');
    expect(listProvinces({ date: '2025-03-01' }).find((p) => p.code === '46')?.type).toBe('city');
  });

  it('answers today with the 34 provinces', () => {
    expect(listProvinces()).toBe(provincesFrom2025);
    expect(getProvince('79')?.fullName).toBe('Thành phố Hồ Chí Minh');
  });

  it('answers unknown codes and malformed codes with undefined', () => {
    for (const code of ['', '03', '00', '024', '1', '99', 'ab']) expect(getProvince(code)).toBeUndefined();
  });

  it('rejects an unreadable date with a core date error', () => {
    expect(() => getProvince('24', { date: '31/02/2025' })).toThrow(
      expect.objectContaining({ code: 'ERR_DATE_CALENDAR' }),
    );
    expect(() => getProvince('24', { date: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe('merge map', () => {
  it('follows Resolution 202/2025/QH15 for the merged provinces', () => {
    const cases: Array<[string, string]> = [
      ['02', 'Tuyên Quang'],
      ['10', 'Lào Cai'],
      ['15', 'Lào Cai'],
      ['06', 'Thái Nguyên'],
      ['24', 'Bắc Ninh'],
      ['26', 'Phú Thọ'],
      ['17', 'Phú Thọ'],
      ['30', 'Hải Phòng'],
      ['34', 'Hưng Yên'],
      ['35', 'Ninh Bình'],
      ['36', 'Ninh Bình'],
      ['44', 'Quảng Trị'],
      ['49', 'Đà Nẵng'],
      ['62', 'Quảng Ngãi'],
      ['52', 'Gia Lai'],
      ['58', 'Khánh Hòa'],
      ['54', 'Đắk Lắk'],
      ['67', 'Lâm Đồng'],
      ['60', 'Lâm Đồng'],
      ['70', 'Đồng Nai'],
      ['74', 'Hồ Chí Minh'],
      ['77', 'Hồ Chí Minh'],
      ['80', 'Tây Ninh'],
      ['82', 'Đồng Tháp'],
      ['83', 'Vĩnh Long'],
      ['84', 'Vĩnh Long'],
      ['91', 'An Giang'],
      ['94', 'Cần Thơ'],
      ['93', 'Cần Thơ'],
      ['95', 'Cà Mau'],
      ['46', 'Huế'],
    ];
    for (const [old, now] of cases) expect(getSuccessorProvince(old)?.name, old).toBe(now);
    expect(getSuccessorProvince('03')).toBeUndefined();
  });

  it('lists the former provinces of a new one, its namesake first', () => {
    expect(getFormerProvinces('37').map((p) => p.name)).toEqual(['Ninh Bình', 'Hà Nam', 'Nam Định']);
    expect(getFormerProvinces('24').map((p) => p.name)).toEqual(['Bắc Ninh', 'Bắc Giang']);
    expect(getFormerProvinces('27')).toEqual([]);
    for (const m of provinceMerges) {
      expect(getFormerProvinces(m.code)[0]?.name).toBe(
        getProvince(m.code, { date: '2025-07-01' })?.name === 'Huế'
          ? 'Thừa Thiên Huế'
          : getProvince(m.code, { date: '2025-07-01' })?.name,
      );
    }
  });
});
