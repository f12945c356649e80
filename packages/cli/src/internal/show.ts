import { formatPartialDate, maskId, type PartialDate } from '@cancuoc/core';
import type { Context } from './context.js';

/** An ID number as shown: masked (`001******345`) unless the user asked for `--reveal`. */
export function shownId(value: string | undefined, reveal: boolean): string | undefined {
  if (value === undefined || value === '') return value;
  return reveal ? value : maskId(value);
}

/** A date for people: `dd/MM/yyyy`, `MM/yyyy` or `yyyy`. */
export function shownDate(date: PartialDate | null | undefined): string | undefined {
  if (date === undefined) return undefined;
  if (date === null) return '—';
  return formatPartialDate(date);
}

/** Prints `label: value` lines, skipping absent values. */
export function printFields(
  ctx: Context,
  rows: ReadonlyArray<readonly [string, string, string | undefined]>,
  indent = '  ',
): void {
  for (const [en, vi, value] of rows) {
    if (value === undefined || value === '') continue;
    ctx.out(`${indent}${ctx.t(en, vi)}: ${value}`);
  }
}
