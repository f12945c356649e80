import { z } from 'zod';

/**
 * A personal ID number (số định danh cá nhân) as a string field: exactly 12 ASCII digits.
 * Records check more (the birth-province code, and the agreement with the date of birth and
 * sex) through `@cancuoc/id-number`.
 *
 * @example
 * ```ts
 * PersonalIdString.parse('001098012345');
 * ```
 */
export const PersonalIdString = z.string().regex(/^\d{12}$/);
/** A 12-digit personal ID number. */
export type PersonalIdString = z.infer<typeof PersonalIdString>;
