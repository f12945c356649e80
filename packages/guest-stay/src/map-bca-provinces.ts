/**
 * The mapping between the ministry's province codes (the accommodation API's `maTT`, KBTT API
 * guide v1.4 API 7) and the GSO codes of `@cancuoc/admin-units`, built by matching names: the two
 * code systems are unrelated (`201` is Hà Nội for the ministry, `01` for the GSO).
 */
import { type DateInput, listProvinces, type Province } from '@cancuoc/admin-units';
import { foldDiacritics } from '@cancuoc/core';
import type { BcaProvince } from './catalog-types.js';

/** One ministry province and the GSO provinces of the same name. */
export interface BcaProvinceMatch {
  readonly bcaCode: string;
  /** The name as the catalogue spells it. */
  readonly name: string;
  /** GSO code of the province of that name among the 63 in force until 30 June 2025. */
  readonly gsoBefore2025?: string;
  /** GSO code of the province of that name among the 34 from 1 July 2025. */
  readonly gsoFrom2025?: string;
}

/** The result of {@link mapBcaProvinces}. */
export interface ProvinceCodeMapping {
  /** Every catalogue entry that matched at least one GSO province. */
  readonly matched: readonly BcaProvinceMatch[];
  /** Catalogue entries whose name matches no GSO province: reported, never guessed. */
  readonly unmatched: readonly BcaProvince[];
  /** GSO codes (63 provinces before 1 July 2025) no catalogue entry matched. */
  readonly gsoUnmatchedBefore2025: readonly string[];
  /** GSO codes (34 provinces from 1 July 2025) no catalogue entry matched. */
  readonly gsoUnmatchedFrom2025: readonly string[];
  /** The GSO code of a ministry code, for the provinces in force on a date (default today). */
  toGso(bcaCode: string, options?: { readonly date?: DateInput }): string | undefined;
  /** The ministry code of a GSO code, for the provinces in force on a date (default today). */
  toBca(gsoCode: string, options?: { readonly date?: DateInput }): string | undefined;
}

const MERGER_DAY = '2025-07-01';

/**
 * A name reduced for matching: diacritics folded (Đ → D), lower case, the unit words "Tỉnh",
 * "Thành phố", "TP." dropped, punctuation and spaces removed ("Bà Rịa - Vũng Tàu" and
 * "Bà Rịa–Vũng Tàu" agree; "Hoà Bình" and "Hòa Bình" too).
 *
 * @example
 * ```ts
 * provinceNameKey('Thành phố Hồ Chí Minh') // 'hochiminh'
 * ```
 */
export function provinceNameKey(name: string): string {
  return foldDiacritics(name.normalize('NFC'))
    .toLowerCase()
    .replace(/^\s*(?:tinh|thanh pho|tp\.?)\s+/, '')
    .replace(/[^a-z0-9]/g, '');
}

function byKey(provinces: readonly Province[]): Map<string, Province> {
  const map = new Map<string, Province>();
  for (const p of provinces) {
    map.set(provinceNameKey(p.name), p);
    map.set(provinceNameKey(p.fullName), p);
  }
  return map;
}

function isBefore2025(date: DateInput | undefined): boolean {
  return listProvinces(date === undefined ? {} : { date }).length > 34;
}

/**
 * Matches the ministry's province catalogue with the GSO provinces before and after the 1 July
 * 2025 merger. A name that matches nothing is reported in `unmatched`, never guessed.
 *
 * @example
 * ```ts
 * const m = mapBcaProvinces([{ code: '201', name: 'Thành phố Hà Nội', nameEn: 'HA NOI' }]);
 * m.toGso('201') // '01'
 * m.toBca('01') // '201'
 * ```
 */
export function mapBcaProvinces(catalogue: readonly BcaProvince[]): ProvinceCodeMapping {
  if (!Array.isArray(catalogue)) throw new TypeError('mapBcaProvinces expects an array of provinces');
  // Thừa Thiên Huế became the city of Huế on 1 January 2025: both names count as before the merger.
  const before = byKey([...listProvinces({ date: '2024-12-31' }), ...listProvinces({ date: '2025-06-30' })]);
  const after = byKey(listProvinces({ date: MERGER_DAY }));
  const matched: BcaProvinceMatch[] = [];
  const unmatched: BcaProvince[] = [];
  for (const entry of catalogue) {
    const key = provinceNameKey(entry.name);
    const old = before.get(key);
    const current = after.get(key);
    if (!old && !current) {
      unmatched.push(entry);
      continue;
    }
    matched.push({
      bcaCode: entry.code,
      name: entry.name,
      ...(old ? { gsoBefore2025: old.code } : {}),
      ...(current ? { gsoFrom2025: current.code } : {}),
    });
  }
  const seenBefore = new Set(matched.map((m) => m.gsoBefore2025));
  const seenAfter = new Set(matched.map((m) => m.gsoFrom2025));
  const gsoUnmatchedBefore2025 = [...new Set([...before.values()].map((p) => p.code))].filter(
    (c) => !seenBefore.has(c),
  );
  const gsoUnmatchedFrom2025 = [...new Set([...after.values()].map((p) => p.code))].filter(
    (c) => !seenAfter.has(c),
  );
  return {
    matched,
    unmatched,
    gsoUnmatchedBefore2025,
    gsoUnmatchedFrom2025,
    toGso(bcaCode, options = {}) {
      const m = matched.find((x) => x.bcaCode === bcaCode);
      return isBefore2025(options.date) ? m?.gsoBefore2025 : m?.gsoFrom2025;
    },
    toBca(gsoCode, options = {}) {
      const old = isBefore2025(options.date);
      return matched.find((x) => (old ? x.gsoBefore2025 : x.gsoFrom2025) === gsoCode)?.bcaCode;
    },
  };
}
