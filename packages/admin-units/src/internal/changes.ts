import { provinceChanges } from '../data/province-changes.js';
import type { Province, ProvinceChange, ProvinceChangeTable } from '../types.js';
import { dayNumberOf, eraOfDay } from './date.js';
import { provinceTables } from './tables.js';

/** A change with its effective day as yyyymmdd. */
export interface DatedChange {
  readonly day: number;
  readonly change: ProvinceChange;
  readonly after: Province;
}

// Tables that parseProvinceChanges built: the lookups trust these and nothing else.
const validated = new WeakMap<ProvinceChangeTable, readonly DatedChange[]>();

export function registerTable(table: ProvinceChangeTable, dated: readonly DatedChange[]): void {
  validated.set(table, dated);
}

let builtIn: readonly DatedChange[] | undefined;

export function toDated(changes: readonly ProvinceChange[]): DatedChange[] {
  return changes.map((change) => ({
    day: Number(change.effective.replaceAll('-', '')),
    change,
    after: Object.freeze({ ...change.after }),
  }));
}

/** The changes a lookup applies: the `changes` option, or the built-in table. */
export function changesOf(table: ProvinceChangeTable | undefined): readonly DatedChange[] {
  if (table === undefined) {
    builtIn ??= toDated(provinceChanges);
    return builtIn;
  }
  const dated = typeof table === 'object' && table !== null ? validated.get(table) : undefined;
  if (dated === undefined) throw new TypeError('changes must be a table returned by parseProvinceChanges');
  return dated;
}

/** The provinces in force after the first `count` changes, by code, in GSO code order. */
export interface ChangedState {
  readonly byCode: ReadonlyMap<string, Province>;
  readonly list: readonly Province[];
}

const states = new WeakMap<readonly DatedChange[], Map<number, ChangedState>>();

function stateAfter(changes: readonly DatedChange[], count: number): ChangedState {
  let cache = states.get(changes);
  if (!cache) {
    cache = new Map();
    states.set(changes, cache);
  }
  const hit = cache.get(count);
  if (hit) return hit;
  const byCode = new Map(provinceTables().from2025);
  for (let i = 0; i < count; i++) {
    const { change, after } = changes[i]!;
    if (change.kind === 'merge') byCode.delete(change.code);
    byCode.set(after.code, after);
  }
  const list = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const state = { byCode, list };
  cache.set(count, state);
  return state;
}

/**
 * How many changes are in force on a day (the table is sorted by day), or `undefined` when the
 * day is before 1 July 2025 or no change applies yet, so the plain era tables answer.
 */
export function appliedOn(changes: readonly DatedChange[], day: number): number | undefined {
  if (eraOfDay(day) !== 2) return undefined;
  let n = 0;
  while (n < changes.length && changes[n]!.day <= day) n++;
  return n === 0 ? undefined : n;
}

/** Where the changes put the day of a date: the applied count and the state. */
export function changedStateOn(
  date: Parameters<typeof dayNumberOf>[0],
  table: ProvinceChangeTable | undefined,
):
  | { readonly changes: readonly DatedChange[]; readonly count: number; readonly state: ChangedState }
  | undefined {
  const changes = changesOf(table);
  if (changes.length === 0) return undefined;
  const count = appliedOn(changes, dayNumberOf(date));
  return count === undefined ? undefined : { changes, count, state: stateAfter(changes, count) };
}

/** The unit a province of the 34 is part of after the first `count` changes (following merges). */
export function followChanges(
  province: Province,
  changes: readonly DatedChange[],
  count: number,
  state: ChangedState,
): Province {
  let code = province.code;
  for (let i = 0; i < count; i++) {
    const { change } = changes[i]!;
    if (change.kind === 'merge' && change.code === code) code = change.after.code;
  }
  return state.byCode.get(code) ?? province;
}

/** The state in force just before a change (for validation): after the changes before it. */
export function stateBefore(changes: readonly DatedChange[], index: number): ChangedState {
  return stateAfter(changes, index);
}
