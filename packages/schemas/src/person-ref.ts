import * as z from 'zod/mini';
import { FIELD, object } from './internal/zod.js';
import { FullName } from './person-name.js';
import { PersonalIdString } from './personal-id-string.js';

/**
 * A reference to a relative (cha, mẹ, vợ/chồng) in a resident record: the full name and, when
 * known, the relative's personal ID number (checked as {@link PersonalIdString}).
 *
 * @example
 * ```ts
 * PersonRef.parse({ fullName: 'Trần Thị Bình' });
 * ```
 */
export const PersonRef = /* @__PURE__ */ object(
  {
    fullName: FullName,
    personalId: z.optional(PersonalIdString),
  },
  FIELD,
);
/** `{ fullName: string; personalId?: string }`. */
export type PersonRef = z.infer<typeof PersonRef>;
