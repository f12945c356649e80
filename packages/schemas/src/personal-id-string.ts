import { safeParsePersonalId } from '@cancuoc/id-number';
import * as z from 'zod/mini';
import { pushForeignIssue } from './internal/custom-issue.js';
import { FIELD } from './internal/zod.js';

const TWELVE_DIGITS = /^\d{12}$/;

/**
 * A personal ID number (số định danh cá nhân) as a string field: exactly 12 ASCII digits
 * (`ERR_SCHEMA_FORMAT`), with an assigned birth-place code and a birth year not in the future,
 * checked by `@cancuoc/id-number` (its `ERR_ID_*` code is kept, e.g. `ERR_ID_PROVINCE_UNKNOWN`
 * for `003…`). Input with spaces or dots is not cleaned here: normalise it with
 * `parsePersonalId(s, { normalize: true })` first.
 *
 * @example
 * ```ts
 * PersonalIdString.parse('001098012345');
 * PersonalIdString.safeParse('003098012345').success; // false
 * ```
 */
export const PersonalIdString = /* @__PURE__ */ z
  .string(FIELD)
  .check(z.regex(TWELVE_DIGITS))
  .check((payload) => {
    const value = payload.value;
    // A malformed value is reported by the regex alone.
    if (!TWELVE_DIGITS.test(value)) return;
    const r = safeParsePersonalId(value);
    if (r.success) return;
    pushForeignIssue(
      payload,
      {
        path: [],
        code: r.error.code,
        message: r.error.message,
        messageVi: r.error.messageVi,
        severity: 'error',
        details: r.error.details,
      },
      [],
    );
  });
/** A 12-digit personal ID number. */
export type PersonalIdString = z.infer<typeof PersonalIdString>;
