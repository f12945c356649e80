import * as z from 'zod/mini';
import { FIELD } from './internal/zod.js';

/**
 * Sex as recorded on the card and in the population database (giới tính: `Nam` → `'male'`,
 * `Nữ` → `'female'`).
 *
 * @example
 * ```ts
 * Sex.parse('female'); // 'female'
 * ```
 */
export const Sex = /* @__PURE__ */ z.enum(['male', 'female'], FIELD);
/** `'male' | 'female'`. */
export type Sex = z.infer<typeof Sex>;
