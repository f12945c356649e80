import { provincesBefore2025 } from './data/provinces-before-2025.js';
import { provincesFrom2025 } from './data/provinces-from-2025.js';
import type { AtDateOptions } from './get-province.js';
import { changedStateOn } from './internal/changes.js';
import { eraOf } from './internal/date.js';
import { HUE_CODE, provinceTables } from './internal/tables.js';
import type { Province } from './types.js';

let before2025WithHueCity: readonly Province[] | undefined;

/**
 * The provinces in force on a date, ordered by GSO code: 34 from 1 July 2025, 63 before, with
 * the dated changes after 1 July 2025 (the `changes` option, or the built-in table) applied.
 *
 * @example
 * ```ts
 * listProvinces().length                        // 34
 * listProvinces({ date: '2024-12-31' }).length  // 63
 * ```
 */
export function listProvinces(options: AtDateOptions = {}): readonly Province[] {
  const changed = changedStateOn(options.date, options.changes);
  if (changed) return changed.state.list;
  const era = eraOf(options.date);
  if (era === 2) return provincesFrom2025;
  if (era === 0) return provincesBefore2025;
  before2025WithHueCity ??= provincesBefore2025.map((p) =>
    p.code === HUE_CODE ? provinceTables().hueCity : p,
  );
  return before2025WithHueCity;
}
