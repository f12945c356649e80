import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findProvinceInText, provincesBefore2025 } from '../src/index.js';

const BEFORE = { date: '2024-01-01' };

describe('findProvinceInText', () => {
  it('finds the province named at the end of published QR addresses', () => {
    // Addresses of the QR samples in the reference notes (cccd-formats.md §1.2).
    expect(findProvinceInText('123 Nguyễn Trãi, P.2, Q.5, TP.HCM')?.code).toBe('79');
    expect(findProvinceInText('Số 1 Đường ABC, Phường X, Quận Y, TP Z')).toBeUndefined();
    expect(findProvinceInText('Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh')?.code).toBe('79');
    expect(findProvinceInText('Hà Nội')?.fullName).toBe('Thành phố Hà Nội');
    expect(findProvinceInText('Thôn A, Quỳnh Phụ, Thái Bình', BEFORE)?.name).toBe('Thái Bình');
  });

  it('answers for a date: old names give the merged province after 1 July 2025', () => {
    const text = 'Xã Tân Dĩnh, Huyện Lạng Giang, Tỉnh Bắc Giang';
    expect(findProvinceInText(text, BEFORE)?.name).toBe('Bắc Giang');
    expect(findProvinceInText(text, { date: '2025-07-01' })?.name).toBe('Bắc Ninh');
    expect(findProvinceInText('Phường X, Tỉnh Bắc Ninh', BEFORE)?.code).toBe('27');
    expect(findProvinceInText('Phường X, Tỉnh Bắc Ninh')?.code).toBe('24');
  });

  it('takes the province named last, and the longest name at one place', () => {
    expect(findProvinceInText('Xa lộ Hà Nội, Thủ Đức, TP.HCM')?.code).toBe('79');
    expect(findProvinceInText('Phường Hòa Bình, Tỉnh Đồng Nai', BEFORE)?.code).toBe('75');
    expect(findProvinceInText('Phú Hội, Thừa Thiên - Huế', BEFORE)?.fullName).toBe('Tỉnh Thừa Thiên Huế');
    expect(findProvinceInText('Phú Hội, TP Huế', { date: '2025-02-01' })?.fullName).toBe('Thành phố Huế');
    expect(findProvinceInText('Bà Rịa–Vũng Tàu', BEFORE)?.code).toBe('77');
    expect(findProvinceInText('Vũng Tàu, BR-VT', BEFORE)?.code).toBe('77');
  });

  it('ignores case, diacritics and names inside other words', () => {
    expect(findProvinceInText('XA A, HUYEN B, TINH NGHE AN', BEFORE)?.code).toBe('40');
    expect(findProvinceInText('Đăk Lăk', BEFORE)?.code).toBe('66');
    expect(findProvinceInText('Thanh Hoá', BEFORE)?.code).toBe('38');
    expect(findProvinceInText('Longan Street')).toBeUndefined();
    expect(findProvinceInText('')).toBeUndefined();
  });

  it('finds every province by its own name and full name', () => {
    for (const p of provincesBefore2025) {
      expect(findProvinceInText(p.fullName, BEFORE), p.name).toBe(p);
      expect(findProvinceInText(p.unaccentedName.toUpperCase(), BEFORE), p.name).toBe(p);
    }
  });

  it('answers any string, hostile ones included, without throwing', () => {
    for (const s of hostileStrings) findProvinceInText(s);
    fc.assert(fc.property(fc.string(), (s) => void findProvinceInText(s)));
  });
});
