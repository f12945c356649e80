/**
 * Dated changes to province-level units after the 1 July 2025 map, each with its legal source.
 * Only changes checked against the published text of the act are added here.
 *
 * Not added (issue 13): Đồng Nai becoming a centrally governed city under "Resolution
 * 30/2026/QH16". Reports and the province's own news pages describe the proposal going to the
 * 16th National Assembly, but the resolution's text (number, date in force) was not found in a
 * primary source; users who have it supply it with `parseProvinceChanges`.
 */
import type { ProvinceChange } from '../types.js';

/**
 * The built-in changes after 1 July 2025, oldest first: only verified changes (none yet).
 *
 * @example
 * ```ts
 * provinceChanges.length // 0
 * ```
 */
export const provinceChanges: readonly ProvinceChange[] = Object.freeze([]);
