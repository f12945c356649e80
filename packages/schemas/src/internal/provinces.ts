/**
 * Province checks of addresses against `@cancuoc/admin-units`: the 63 GSO provinces in force
 * until 30 June 2025 and the 34 from 1 July 2025 (Resolution 202/2025/QH15).
 */
import { type Province, provinceMerges, provincesBefore2025, provincesFrom2025 } from '@cancuoc/admin-units';
import { foldDiacritics } from '@cancuoc/core';

const before = new Map<string, Province>(provincesBefore2025.map((p) => [p.code, p]));
const after = new Map<string, Province>(provincesFrom2025.map((p) => [p.code, p]));
// Provinces of the 34 formed from two or more old ones: with these codes the name tells the era.
const merged = new Set(provinceMerges.filter((m) => m.formedFrom.length > 1).map((m) => m.code));

/** Whether a 2-digit code is a GSO province code before or after 1 July 2025. */
export function isKnownProvinceCode(code: string): boolean {
  return before.has(code) || after.has(code);
}

/** "Tỉnh Bắc Ninh", "TP. Hồ Chí Minh", "bac ninh" → "bacninh". */
function key(name: string): string {
  return foldDiacritics(name)
    .toLowerCase()
    .replace(/^\s*(?:tinh|thanh pho|tp\.?)\s*/, '')
    .replace(/[^a-z0-9]/g, '');
}

const matches = (p: Province | undefined, k: string): boolean =>
  p !== undefined && (key(p.name) === k || key(p.fullName) === k);

/** How a province name relates to its code: the era(s) it matches, or none. */
export function provinceNameEra(code: string, name: string): 'both' | 'before' | 'after' | 'none' {
  // The common case, a name exactly as listed, answered without folding.
  const b0 = before.get(code);
  const a0 = after.get(code);
  const exactBefore = b0 !== undefined && (b0.name === name || b0.fullName === name);
  const exactAfter = a0 !== undefined && (a0.name === name || a0.fullName === name);
  if (exactBefore && exactAfter) return 'both';
  const k = key(name);
  const b = matches(before.get(code), k);
  const a = matches(after.get(code), k);
  return b && a ? 'both' : b ? 'before' : a ? 'after' : 'none';
}

/** Whether the code is of a province of the 34 formed by merging several old ones. */
export function isMergedProvince(code: string): boolean {
  return merged.has(code);
}

/** The names a code stands for, before and after the merger ("Bắc Giang / Bắc Ninh"). */
export function provinceNamesOf(code: string): string {
  const names = new Set([before.get(code)?.name, after.get(code)?.name].filter((n) => n !== undefined));
  return [...names].join(' / ');
}
