import { z } from 'zod';
import { FullName } from './person-name.js';

/**
 * A reference to a relative (cha, mẹ, vợ/chồng) in a resident record: the full name and, when
 * known, the relative's personal ID number (12 digits, format checked only).
 *
 * @example
 * ```ts
 * PersonRef.parse({ fullName: 'Trần Thị Bình' });
 * ```
 */
export const PersonRef = z.object({
  fullName: FullName,
  personalId: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
/** `{ fullName: string; personalId?: string }`. */
export type PersonRef = z.infer<typeof PersonRef>;
