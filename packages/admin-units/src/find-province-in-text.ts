import { foldDiacritics } from '@cancuoc/core';
import { provincesBefore2025 } from './data/provinces-before-2025.js';
import type { AtDateOptions } from './get-province.js';
import { changedStateOn, followChanges } from './internal/changes.js';
import { eraOf } from './internal/date.js';
import { provinceOfEra, provinceTables } from './internal/tables.js';
import type { Province } from './types.js';

// Folded names (and common written forms) → old GSO code. Written forms seen on forms and in
// card QR addresses: "TP.HCM", "Sài Gòn", "BR-VT", "Bắc Cạn", "Thừa Thiên - Huế".
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['tp hcm', '79'],
  ['tphcm', '79'],
  ['hcm', '79'],
  ['sai gon', '79'],
  ['brvt', '77'],
  ['br vt', '77'],
  ['bac can', '06'],
  ['hue', '46'],
  ['dac lac', '66'],
];

let patterns: ReadonlyArray<readonly [string, string]> | undefined;

function fold(text: string): string {
  return ` ${foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

function build(): ReadonlyArray<readonly [string, string]> {
  const all = [...provincesBefore2025.map((p) => [fold(p.name).trim(), p.code] as const), ...ALIASES];
  // Longest first, so that "thua thien hue" wins over "hue" at the same place.
  return all.map(([name, code]) => [` ${name} `, code] as const).sort((a, b) => b[0].length - a[0].length);
}

/**
 * The province named in a free-text address line (nơi thường trú, quê quán, nơi đăng ký khai
 * sinh…), ignoring case, diacritics, punctuation and the unit type: the one named last, as
 * Vietnamese addresses end with the province. The answer is the province in force on the date
 * (default today): after 1 July 2025 a merged province's old name gives the merged province.
 *
 * A heuristic for cross-checks and data cleaning: a street or commune named after a province
 * (`Xa lộ Hà Nội`) counts when no province follows it.
 *
 * @example
 * ```ts
 * findProvinceInText('Xã Tân Dĩnh, Huyện Lạng Giang, Tỉnh Bắc Giang')?.name                        // 'Bắc Ninh'
 * findProvinceInText('Xã Tân Dĩnh, Huyện Lạng Giang, Tỉnh Bắc Giang', { date: '2024-01-01' })?.name // 'Bắc Giang'
 * findProvinceInText('123 Nguyễn Trãi, P.2, Q.5, TP.HCM')?.code                                    // '79'
 * ```
 */
export function findProvinceInText(text: string, options: AtDateOptions = {}): Province | undefined {
  if (typeof text !== 'string') throw new TypeError('findProvinceInText expects a string');
  const era = eraOf(options.date);
  // Addresses are short; a longer text is not an address line.
  if (text.length > 1000) return undefined;
  patterns ??= build();
  const haystack = fold(text);
  let best: { at: number; code: string } | undefined;
  for (const [pattern, code] of patterns) {
    const at = haystack.lastIndexOf(pattern);
    if (at < 0) continue;
    const end = at + pattern.length;
    if (best === undefined || end > best.at) best = { at: end, code };
  }
  if (best === undefined) return undefined;
  if (era !== 2) return provinceOfEra(best.code, era);
  const successor = provinceTables().successor.get(best.code);
  const changed = successor && changedStateOn(options.date, options.changes);
  return changed ? followChanges(successor, changed.changes, changed.count, changed.state) : successor;
}
