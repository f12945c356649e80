import { provinceMerges } from './data/provinces-from-2025.js';
import { provinceTables } from './internal/tables.js';
import type { Province } from './types.js';

/**
 * The old provinces (of the 63) that a province of the 34 was formed from on 1 July 2025, the one
 * whose name it carries first. Empty for a code that is not one of the 34.
 *
 * @param code - a two-digit GSO code of the 34.
 * @example
 * ```ts
 * getFormerProvinces('37').map((p) => p.name) // ['Ninh Bình', 'Hà Nam', 'Nam Định']
 * ```
 */
export function getFormerProvinces(code: string): readonly Province[] {
  if (typeof code !== 'string') throw new TypeError('getFormerProvinces expects a string code');
  const merge = provinceMerges.find((m) => m.code === code);
  return merge ? merge.formedFrom.map((old) => provinceTables().before2025.get(old)!) : [];
}
