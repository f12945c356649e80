/**
 * Cross-field checks shared by `ResidentRecord` and `CardData`: the personal ID number against
 * the date of birth and sex, and dates that cannot be in the future or out of order.
 */
import { comparePartialDates, type PartialDate, partialDateFromDate } from '@cancuoc/core';
import { type ConsistencyFacts, checkConsistency } from '@cancuoc/id-number';
import type * as z from 'zod/mini';
import { pushCodedIssue, pushForeignIssue } from './custom-issue.js';

/** Today's date in Viet Nam (UTC+7), cached for a minute so that bulk validation stays cheap. */
let todayCache: { until: number; date: PartialDate } | undefined;
function today(): PartialDate {
  const now = Date.now();
  if (!todayCache || now >= todayCache.until) {
    todayCache = { until: now + 60_000, date: partialDateFromDate(new Date(now + 7 * 3_600_000)) };
  }
  return todayCache.date;
}

/** Whether a partial date is certainly after today. */
export function isInFuture(date: PartialDate): boolean {
  const order = comparePartialDates(date, today());
  return order !== undefined && order > 0;
}

interface PersonFacts {
  readonly personalId: string;
  readonly dateOfBirth: PartialDate;
  readonly sex: 'male' | 'female';
}

const TWELVE_DIGITS = /^\d{12}$/;

export function isDate(value: unknown): value is PartialDate {
  return typeof value === 'object' && value !== null && Number.isInteger((value as PartialDate).year);
}

/**
 * The `when` of the record-level refinements: run them whenever the value is an object, even if
 * a field failed its own schema (zod skips refinements after a type error by default), so that a
 * clerk sees an ID/sex mismatch together with a mistyped date. The checks guard every field.
 */
export function whenObject(payload: z.core.ParsePayload): boolean {
  return typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value);
}

/**
 * Checks shared by every record of a person: the birth date is not in the future, and the
 * personal ID number agrees with the birth year and sex (`@cancuoc/id-number` `checkConsistency`:
 * `ERR_ID_BIRTH_YEAR_MISMATCH` at `['dateOfBirth']`, `ERR_ID_SEX_MISMATCH` at `['sex']`). These run
 * even when a field failed its own schema (see {@link whenObject}), so every field is checked
 * before use.
 */
export function checkPersonFacts(value: PersonFacts, payload: z.core.ParsePayload): void {
  const dateOfBirth = isDate(value.dateOfBirth) ? value.dateOfBirth : undefined;
  if (dateOfBirth && isInFuture(dateOfBirth))
    pushCodedIssue(payload, 'ERR_SCHEMA_DATE_FUTURE', ['dateOfBirth']);
  if (typeof value.personalId !== 'string' || !TWELVE_DIGITS.test(value.personalId)) return;
  const sex = value.sex === 'male' || value.sex === 'female' ? value.sex : undefined;
  const facts: ConsistencyFacts = dateOfBirth
    ? sex
      ? { dateOfBirth, sex }
      : { dateOfBirth }
    : sex
      ? { sex }
      : {};
  // One parse of the number per record: checkConsistency also reports an invalid number
  // (unassigned birth-place code, future birth year) at ['personalId'].
  for (const issue of checkConsistency(value.personalId, facts)) {
    pushForeignIssue(payload, issue, [...issue.path]);
  }
}

/** Reports `later` being before `earlier` (when both are known well enough to tell). */
export function checkOrder(
  payload: z.core.ParsePayload,
  earlier: unknown,
  later: unknown,
  path: PropertyKey[],
  other: readonly [en: string, vi: string],
): void {
  if (!isDate(earlier) || !isDate(later)) return;
  const order = comparePartialDates(later, earlier);
  if (order !== undefined && order < 0) {
    pushCodedIssue(payload, 'ERR_SCHEMA_DATE_ORDER', path, { other: other[0], otherVi: other[1] });
  }
}
