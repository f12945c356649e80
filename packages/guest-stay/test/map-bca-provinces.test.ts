import { defaultStayApiCatalogs } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { mapBcaProvinces, provinceNameKey } from '../src/map-bca-provinces.js';

const fromSimulator = defaultStayApiCatalogs.provinces.map((p) => ({
  code: p.maTT,
  name: p.tenTT,
  nameEn: p.tenTTEn,
}));

describe('mapBcaProvinces', () => {
  it('matches every province of a 34-province catalogue by name', () => {
    const m = mapBcaProvinces(fromSimulator);
    expect(m.unmatched).toEqual([]);
    expect(m.gsoUnmatchedFrom2025).toEqual([]);
    expect(m.toGso('201', { date: '2026-01-01' })).toBe('01');
    expect(m.toGso('702', { date: '2026-01-01' })).toBe('79');
    expect(m.toGso('405', { date: '2026-01-01' })).toBe('46');
    expect(m.toBca('91', { date: '2026-01-01' })).toBe('805');
    // Before the merger the 34 names cover only the provinces that kept their name.
    expect(m.gsoUnmatchedBefore2025.length).toBe(63 - 34);
  });

  it('folds diacritics and unit words, tolerates old tone marks and dashes', () => {
    expect(provinceNameKey('Thành phố Hồ Chí Minh')).toBe(provinceNameKey('Hồ Chí Minh'));
    expect(provinceNameKey('Tỉnh Hoà Bình')).toBe(provinceNameKey('Hòa Bình'));
    expect(provinceNameKey('TP. Đà Nẵng')).toBe('danang');
    const m = mapBcaProvinces([
      { code: '301', name: 'Tỉnh Bà Rịa - Vũng Tàu', nameEn: '' },
      { code: '302', name: 'Tỉnh Thừa Thiên Huế', nameEn: '' },
      { code: '303', name: 'TỈNH HOÀ BÌNH', nameEn: '' },
    ]);
    expect(m.unmatched).toEqual([]);
    expect(m.toGso('301', { date: '2025-06-30' })).toBe('77');
    expect(m.toGso('301', { date: '2025-07-01' })).toBeUndefined();
    expect(m.toGso('302', { date: '2024-06-30' })).toBe('46');
    expect(m.toGso('303', { date: '2025-06-30' })).toBe('17');
  });

  it('reports names it cannot match instead of guessing', () => {
    const m = mapBcaProvinces([
      { code: '1', name: 'Hà Nộii', nameEn: '' },
      { code: '2', name: '', nameEn: '' },
    ]);
    expect(m.matched).toEqual([]);
    expect(m.unmatched.map((u) => u.code)).toEqual(['1', '2']);
    expect(m.toGso('1')).toBeUndefined();
    expect(() => mapBcaProvinces('x' as never)).toThrow(TypeError);
  });
});
