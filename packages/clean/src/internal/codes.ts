import { foldDiacritics } from '@cancuoc/core';
import { findEthnicity, nationalityFromText, religions } from '@cancuoc/schemas';

/** A catalogue value: the official name and code, or `null` when the text is not in the list. */
export type CodeOutcome = { name: string; code: string } | null;

const CACHE_LIMIT = 5_000;

function cached(fn: (text: string) => CodeOutcome): (text: string) => CodeOutcome {
  const cache = new Map<string, CodeOutcome>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const out = fn(text);
    if (cache.size < CACHE_LIMIT) cache.set(text, out);
    return out;
  };
}

/** Ethnic group (dân tộc) by the 54-group GSO list of `@cancuoc/schemas`. */
export const lookupEthnicity = cached((text) => {
  const e = findEthnicity(text);
  return e ? { name: e.name, code: e.code } : null;
});

const fold = (s: string): string => foldDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim();
const RELIGION_BY_FOLD = new Map<string, { name: string; code: string }>();
for (const r of religions) RELIGION_BY_FOLD.set(fold(r.name), { name: r.name, code: r.code });
// Usual spellings on forms (Decree 162/2017 names the religions; "Không" = none).
for (const [alias, name] of [
  ['khong ton giao', 'Không'],
  // Some registers write "no religion" as 0 (the official list starts at 1 = Không).
  ['0', 'Không'],
  ['none', 'Không'],
  ['phat', 'Phật giáo'],
  ['dao phat', 'Phật giáo'],
  ['thien chua', 'Công giáo'],
  ['thien chua giao', 'Công giáo'],
  ['cong giao', 'Công giáo'],
  ['catholic', 'Công giáo'],
  ['hoa hao', 'Phật giáo Hòa Hảo'],
  ['phat giao hoa hao', 'Phật giáo Hòa Hảo'],
  ['tin lanh', 'Tin Lành'],
  ['dao tin lanh', 'Tin Lành'],
  ['protestant', 'Tin Lành'],
  ['cao dai', 'Cao Đài'],
  ['dao cao dai', 'Cao Đài'],
  ['hoi giao', 'Hồi giáo'],
  ['islam', 'Hồi giáo'],
  ['buddhism', 'Phật giáo'],
] as const) {
  const r = religions.find((x) => x.name === name);
  if (r) RELIGION_BY_FOLD.set(alias, { name: r.name, code: r.code });
}

/** Religion (tôn giáo) by the list of `@cancuoc/schemas` (codes 1–14). */
export const lookupReligion = cached((text) => {
  const key = fold(text);
  const byCode = key === '0' ? undefined : religions.find((r) => r.code === key);
  if (byCode) return { name: byCode.name, code: byCode.code };
  return RELIGION_BY_FOLD.get(key) ?? null;
});

/** Nationality (quốc tịch) as ISO 3166 alpha-3; Việt Nam written in full. */
export const lookupNationality = cached((text) => {
  const code = nationalityFromText(text);
  if (code === undefined) return null;
  return { name: code === 'VNM' ? 'Việt Nam' : code, code };
});
