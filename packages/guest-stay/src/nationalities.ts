/**
 * An offline table of common nationalities in the ministry's catalogue (quốc tịch, API 6 of the
 * KBTT API guide v1.4), for when the catalogue cannot be fetched. The ministry's codes are not ISO
 * 3166: the guide shows `VN` for Việt Nam, `D` for Germany and `RUS` for Russia, which are the
 * codes of ICAO Doc 9303 Part 3 (the MRZ nationality codes, where Germany is `D`) except `VN`.
 * The other entries follow ICAO 9303 on that evidence: they are not attested by the guide, so pass
 * the catalogue read from the API (`client.catalogs.nationalities()`) to `buildStayNotice` when
 * you can; it takes precedence over this table.
 */
import { foldDiacritics } from '@cancuoc/core';
import type { StayNationality } from './catalog-types.js';

/** A nationality of the offline table, with its ISO 3166-1 alpha-3 code for look-ups. */
export interface KnownNationality extends StayNationality {
  /** ISO 3166-1 alpha-3 (`'DEU'`), to find the ministry code from ISO data such as an MRZ-less record. */
  readonly iso3: string;
  /** Whether the code appears in the API guide itself. */
  readonly attested: boolean;
}

const k = (code: string, iso3: string, name: string, nameEn: string, attested = false): KnownNationality => ({
  code,
  iso3,
  name,
  nameEn,
  attested,
});

/**
 * Common nationalities of hotel guests in Vietnam with the ministry's codes (see the file comment
 * for which are attested).
 *
 * @example
 * ```ts
 * knownNationalities.find((n) => n.iso3 === 'DEU')?.code // 'D'
 * ```
 */
export const knownNationalities: readonly KnownNationality[] = [
  k('VN', 'VNM', 'Việt Nam', 'VIETNAM', true),
  k('D', 'DEU', 'Đức', 'GERMANY', true),
  k('RUS', 'RUS', 'Nga', 'RUSSIA', true),
  k('USA', 'USA', 'Hoa Kỳ', 'UNITED STATES'),
  k('GBR', 'GBR', 'Anh', 'UNITED KINGDOM'),
  k('FRA', 'FRA', 'Pháp', 'FRANCE'),
  k('ITA', 'ITA', 'Ý', 'ITALY'),
  k('ESP', 'ESP', 'Tây Ban Nha', 'SPAIN'),
  k('NLD', 'NLD', 'Hà Lan', 'NETHERLANDS'),
  k('CHE', 'CHE', 'Thụy Sĩ', 'SWITZERLAND'),
  k('SWE', 'SWE', 'Thụy Điển', 'SWEDEN'),
  k('JPN', 'JPN', 'Nhật Bản', 'JAPAN'),
  k('KOR', 'KOR', 'Hàn Quốc', 'KOREA'),
  k('CHN', 'CHN', 'Trung Quốc', 'CHINA'),
  k('TWN', 'TWN', 'Đài Loan', 'TAIWAN'),
  k('AUS', 'AUS', 'Úc', 'AUSTRALIA'),
  k('NZL', 'NZL', 'New Zealand', 'NEW ZEALAND'),
  k('CAN', 'CAN', 'Canada', 'CANADA'),
  k('IND', 'IND', 'Ấn Độ', 'INDIA'),
  k('THA', 'THA', 'Thái Lan', 'THAILAND'),
  k('SGP', 'SGP', 'Singapore', 'SINGAPORE'),
  k('MYS', 'MYS', 'Malaysia', 'MALAYSIA'),
  k('IDN', 'IDN', 'Indonesia', 'INDONESIA'),
  k('PHL', 'PHL', 'Philippines', 'PHILIPPINES'),
  k('LAO', 'LAO', 'Lào', 'LAOS'),
  k('KHM', 'KHM', 'Campuchia', 'CAMBODIA'),
];

const fold = (s: string): string =>
  foldDiacritics(s.normalize('NFC'))
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');

/**
 * Whether a nationality as typed or read means Việt Nam (`VN`, `VNM`, `Việt Nam`, `Vietnamese`);
 * an absent one does too (the guest is then a Vietnamese citizen).
 *
 * @example
 * ```ts
 * isVietnameseNationality('Việt Nam') // true
 * isVietnameseNationality('D') // false
 * ```
 */
export function isVietnameseNationality(value: string | undefined): boolean {
  if (value === undefined) return true;
  const f = fold(value);
  return f === '' || f === 'VN' || f === 'VNM' || f === 'VIETNAM' || f === 'VIETNAMESE';
}

/**
 * The ministry's nationality code for a code, ISO alpha-3 code or name, from the catalogue when
 * given (exact code, then Vietnamese or English name), else from {@link knownNationalities}.
 * Undefined when nothing matches: never a guess.
 *
 * @example
 * ```ts
 * findNationalityCode('DEU') // 'D'
 * findNationalityCode('Đức') // 'D'
 * findNationalityCode('ZZZ') // undefined
 * ```
 */
export function findNationalityCode(
  value: string,
  catalogue?: readonly StayNationality[],
): string | undefined {
  if (typeof value !== 'string') throw new TypeError('findNationalityCode expects a string');
  const raw = value.normalize('NFC').trim();
  const f = fold(raw);
  if (f === '') return undefined;
  if (catalogue) {
    const exact = catalogue.find((c) => c.code === raw || c.code === raw.toUpperCase());
    if (exact) return exact.code;
    const known = knownNationalities.find((n) => n.iso3 === f && catalogue.some((c) => c.code === n.code));
    if (known) return known.code;
    return catalogue.find((c) => fold(c.name) === f || (c.nameEn !== '' && fold(c.nameEn) === f))?.code;
  }
  return knownNationalities.find(
    (n) => n.code === raw.toUpperCase() || n.iso3 === f || fold(n.name) === f || fold(n.nameEn) === f,
  )?.code;
}
