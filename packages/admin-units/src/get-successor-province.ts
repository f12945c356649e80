import { provinceTables } from './internal/tables.js';
import type { Province } from './types.js';

/**
 * The province (of the 34 in force from 1 July 2025) that an old province (of the 63) became
 * part of under Resolution 202/2025/QH15.
 *
 * @param code - the old two-digit GSO code.
 * @example
 * ```ts
 * getSuccessorProvince('27')?.name // 'Bắc Ninh' (formed from Bắc Ninh and Bắc Giang)
 * getSuccessorProvince('74')?.name // 'Hồ Chí Minh'
 * ```
 */
export function getSuccessorProvince(code: string): Province | undefined {
  if (typeof code !== 'string') throw new TypeError('getSuccessorProvince expects a string code');
  return provinceTables().successor.get(code);
}
