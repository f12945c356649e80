import { z } from 'zod';

/**
 * Sex as recorded on the card and in the population database (giới tính: `Nam` → `'male'`,
 * `Nữ` → `'female'`).
 *
 * @example
 * ```ts
 * Sex.parse('female'); // 'female'
 * ```
 */
export const Sex = z.enum(['male', 'female']);
/** `'male' | 'female'`. */
export type Sex = z.infer<typeof Sex>;
