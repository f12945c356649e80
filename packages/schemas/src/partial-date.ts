/**
 * The zod schema of a partial date (core `PartialDate`: ngày sinh may be year-only or
 * month/year) with real calendar checks, and a lenient variant that also reads date strings.
 */
import { isCalendarDate, type PartialDate, safeParsePartialDate } from '@cancuoc/core';
import * as z from 'zod/mini';
import { pushCodedIssue } from './internal/custom-issue.js';
import { FIELD, object } from './internal/zod.js';

// Years a personal ID number can encode (1900–2399, Circular 07/2016/TT-BCA Art. 7) widened to
// 1800 for records of people born before the ID system; the same bounds as core's parser.
const MIN_YEAR = 1800;
const MAX_YEAR = 2399;

function checkPart(
  payload: z.core.ParsePayload,
  key: 'year' | 'month' | 'day',
  value: number,
  min: number,
  max: number,
): boolean {
  if (!Number.isInteger(value)) {
    pushCodedIssue(payload, 'ERR_SCHEMA_TYPE', [key], {
      expected: 'a whole number',
      expectedVi: 'số nguyên',
    });
    return false;
  }
  if (value < min || value > max) {
    pushCodedIssue(payload, 'ERR_SCHEMA_NUMBER_RANGE', [key], { minimum: min, maximum: max });
    return false;
  }
  return true;
}

// One check function for the whole date (rather than int/min/max chains on each part): dates
// are on the hot path of bulk validation.
const PartialDateObject = /* @__PURE__ */ object(
  { year: z.number(FIELD), month: z.optional(z.number(FIELD)), day: z.optional(z.number(FIELD)) },
  FIELD,
).check((payload) => {
  const d = payload.value;
  let ok = checkPart(payload, 'year', d.year, MIN_YEAR, MAX_YEAR);
  if (d.month !== undefined) ok = checkPart(payload, 'month', d.month, 1, 12) && ok;
  if (d.day === undefined) return;
  if (!checkPart(payload, 'day', d.day, 1, 31) || !ok) return;
  if (d.month === undefined) pushCodedIssue(payload, 'ERR_SCHEMA_DATE_DAY_WITHOUT_MONTH', ['day']);
  else if (!isCalendarDate(d.year, d.month, d.day)) {
    // No details: the date may be a date of birth, personal data.
    pushCodedIssue(payload, 'ERR_SCHEMA_DATE_CALENDAR', ['day']);
  }
});

/**
 * A partial date `{ year, month?, day? }` (the `PartialDate` of `@cancuoc/core`): year
 * 1800–2399, month 1–12, a day only with a month, and only days that exist (31/02 fails with
 * `ERR_SCHEMA_DATE_CALENDAR` at `['day']`).
 *
 * @example
 * ```ts
 * PartialDateSchema.parse({ year: 1998, month: 8, day: 15 });
 * PartialDateSchema.safeParse({ year: 2000, month: 2, day: 31 }).success; // false
 * ```
 */
export const PartialDateSchema: z.ZodMiniType<PartialDate> = PartialDateObject as z.ZodMiniType<PartialDate>;
/** A partial date as validated by {@link PartialDateSchema} (the same as core `PartialDate`). */
export type PartialDateSchema = PartialDate;

/**
 * Reads a date given as a string (`dd/MM/yyyy`, `MM/yyyy`, `yyyy`, `ddMMyyyy`, `yyyyMMdd` or ISO,
 * through core `parsePartialDate`) into a `PartialDate`; any other value is passed on unchanged.
 * Used by {@link PartialDateInput} and by the `coerceDates` option of `validateResident`.
 *
 * @example
 * ```ts
 * coercePartialDate('15/08/1998'); // { year: 1998, month: 8, day: 15 }
 * coercePartialDate({ year: 1998 }); // { year: 1998 } (unchanged)
 * ```
 */
export function coercePartialDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const r = safeParsePartialDate(value);
  return r.success ? r.data : value;
}

/**
 * A partial date that may also be written as a string: `'15/08/1998'`, `'08/1998'`, `'1998'`,
 * `'15081998'`, `'19980815'` or `'1998-08-15'`. The output is always a `PartialDate` object.
 * Unreadable strings fail with `ERR_SCHEMA_DATE_FORMAT`, impossible days with `ERR_SCHEMA_DATE_CALENDAR`.
 *
 * @example
 * ```ts
 * PartialDateInput.parse('15/08/1998'); // { year: 1998, month: 8, day: 15 }
 * ```
 */
export const PartialDateInput: z.ZodMiniType<PartialDate, unknown> = /* @__PURE__ */ z.pipe(
  z.transform((value: unknown, payload) => {
    if (typeof value !== 'string') return value;
    const r = safeParsePartialDate(value);
    if (r.success) return r.data;
    // mini's transform has no ctx.addIssue: the issue goes straight onto the payload.
    pushCodedIssue(
      payload,
      r.error.code === 'ERR_DATE_CALENDAR' ? 'ERR_SCHEMA_DATE_CALENDAR' : 'ERR_SCHEMA_DATE_FORMAT',
      [],
    );
    return value;
  }),
  PartialDateSchema,
) as unknown as z.ZodMiniType<PartialDate, unknown>;
/** The output of {@link PartialDateInput}: a core `PartialDate`. */
export type PartialDateInput = PartialDate;
