/**
 * Cross-field checks shared by `ResidentRecord` and `CardData`: the personal ID number against
 * the date of birth and sex, and dates that cannot be in the future or out of order.
 */
import { comparePartialDates, type PartialDate, partialDateFromDate } from '@cancuoc/core';
import type { z } from 'zod';
import { addCodedIssue } from './custom-issue.js';

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

/** Checks shared by every record of a person. */
export function checkPersonFacts(value: PersonFacts, ctx: z.RefinementCtx): void {
  if (isInFuture(value.dateOfBirth)) addCodedIssue(ctx, 'ERR_SCHEMA_DATE_FUTURE', ['dateOfBirth']);
}

/** Reports `later` being before `earlier` (when both are known well enough to tell). */
export function checkOrder(
  ctx: z.RefinementCtx,
  earlier: PartialDate | null | undefined,
  later: PartialDate | null | undefined,
  path: PropertyKey[],
  other: readonly [en: string, vi: string],
): void {
  if (!earlier || !later) return;
  const order = comparePartialDates(later, earlier);
  if (order !== undefined && order < 0) {
    addCodedIssue(ctx, 'ERR_SCHEMA_DATE_ORDER', path, { other: other[0], otherVi: other[1] });
  }
}
