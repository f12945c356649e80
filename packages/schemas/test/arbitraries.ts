/** fast-check generators of valid synthetic resident records and card data. */
import { provincesBefore2025, provincesFrom2025 } from '@cancuoc/admin-units';
import { daysInMonth } from '@cancuoc/core';
import fc from 'fast-check';
import { ethnicities } from '../src/index.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Lò', 'Hà'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Ngọc', 'Minh', 'Thu', 'Đức', 'Thị Ngọc'];
const GIVEN = ['An', 'Bình', 'Cúc', 'Dũng', 'Hà', 'Hương', 'Khánh', 'Lan', 'Páo', 'Ánh', 'Yến', 'Đạt'];

export const fullName = fc
  .tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN))
  .map((parts) => parts.join(' '));

export const birthDate = fc
  .record({
    year: fc.integer({ min: 1920, max: 2020 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.nat(),
  })
  .chain(({ year, month, day }) =>
    fc.constantFrom({ year }, { year, month }, { year, month, day: (day % daysInMonth(year, month)) + 1 }),
  );

const birthPlaceCode = fc.constantFrom(...provincesBefore2025.map((p) => `0${p.code}`));

/** A personal ID number that agrees with the sex and birth year (Circular 07/2016/TT-BCA Art. 7). */
export function personalIdFor(place: string, sex: 'male' | 'female', year: number, serial: number): string {
  const g = 2 * Math.floor((year - 1900) / 100) + (sex === 'female' ? 1 : 0);
  return `${place}${g}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

const province = fc.constantFrom(...provincesFrom2025).map((p) => ({ code: p.code, name: p.name }));
const address = fc.oneof(
  fc
    .constantFrom('Thôn 3, xã Ea Tu, Đắk Lắk', 'Số 12 Lý Thái Tổ, Hoàn Kiếm, Hà Nội')
    .map((text) => ({ text })),
  fc.record({
    street: fc.constantFrom('Số 5 Nguyễn Trãi', 'Tổ 4'),
    commune: fc.constant({ name: 'Phường Một' }),
    province,
  }),
);

export const residentRecord = fc
  .record({
    place: birthPlaceCode,
    sex: fc.constantFrom('male' as const, 'female' as const),
    dateOfBirth: birthDate,
    serial: fc.integer({ min: 0, max: 999_999 }),
    fullName,
    ethnicity: fc.option(
      fc.constantFrom(...ethnicities).map((e) => ({ code: e.code, name: e.name })),
      { nil: undefined },
    ),
    permanentResidence: fc.option(address, { nil: undefined }),
    father: fc.option(
      fullName.map((n) => ({ fullName: n })),
      { nil: undefined },
    ),
  })
  .map(({ place, serial, ...r }) => {
    const record: Record<string, unknown> = {
      personalId: personalIdFor(place, r.sex, r.dateOfBirth.year, serial),
      fullName: r.fullName,
      dateOfBirth: r.dateOfBirth,
      sex: r.sex,
      nationality: 'VNM',
    };
    for (const key of ['ethnicity', 'permanentResidence', 'father'] as const) {
      if (r[key] !== undefined) record[key] = r[key];
    }
    return record;
  });
