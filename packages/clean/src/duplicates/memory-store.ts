import { distance } from 'fastest-levenshtein';
import type { CleanedRecord } from '../types.js';
import {
  deletionVariants,
  type IndexedKeys,
  indexedKeys,
  isAsciiName,
  isPlaceCode,
  MAX_NAMES_PER_ID,
  namesAgree,
  placesAgree,
  reasonRank,
} from './keys.js';
import type { DuplicateGroup, DuplicateIndex, DuplicateReason } from './types.js';

interface Found {
  first: number;
  reason: DuplicateReason;
  rows: number[];
}

/** Whether every row carries the same personal ID (the group is then already an ID group). */
function oneId(rows: readonly IndexedKeys[]): boolean {
  const id = rows[0]?.id ?? null;
  return id !== null && rows.every((r) => r.id === id);
}

function found(reason: DuplicateReason, rows: readonly IndexedKeys[]): Found {
  const sorted = rows.map((r) => r.row).sort((a, b) => a - b);
  return { first: sorted[0] as number, reason, rows: sorted };
}

/** A map's value: one item, or the list once a second one came (most keys are unique). */
type OneOrMany<V> = V | V[];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushOne<K>(map: Map<K, OneOrMany<IndexedKeys>>, key: K, value: IndexedKeys): void {
  const had = map.get(key);
  if (had === undefined) map.set(key, value);
  else if (Array.isArray(had)) had.push(value);
  else map.set(key, [had, value]);
}

/**
 * The records of the memory index. Maps are built only when groups are read, one rule at a time
 * (each rule's maps are garbage before the next one builds its own: the peak is the largest, not
 * the sum; building them while records stream in was measured slower: three maps of a million
 * entries alive during the run made every major garbage collection longer). Rows are kept as
 * numbers outside the object heap and checked for repeats then.
 */
class GroupBuilder {
  private readonly records: IndexedKeys[] = [];
  private rows = new Float64Array(1024);
  private ascending = true;

  add(r: IndexedKeys): void {
    const n = this.records.length;
    if (n === this.rows.length) {
      const next = new Float64Array(this.rows.length * 2);
      next.set(this.rows);
      this.rows = next;
    }
    if (n > 0 && r.row <= (this.rows[n - 1] as number)) this.ascending = false;
    this.rows[n] = r.row;
    this.records.push(r);
  }

  /** The groups of the records added so far (sorted by first row, then reason). */
  groups(): DuplicateGroup[] {
    this.checkRows();
    const out: Found[] = [];
    const records = this.records;
    sameIdGroups(records, out);
    nameDateGroups(records, out);
    similarNameGroups(records, out);
    out.sort((a, b) => a.first - b.first || reasonRank[a.reason] - reasonRank[b.reason]);
    return out.map((g, i) => ({ group: i + 1, reason: g.reason, rows: g.rows }));
  }

  private checkRows(): void {
    if (this.ascending) return;
    const sorted = this.rows.slice(0, this.records.length).sort();
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i] === sorted[i - 1])
        throw new RangeError(`DuplicateIndex: row ${sorted[i]} was added twice`);
  }
}

/** Computes the groups of a list of keys with the rules of {@link createDuplicateIndex}. */
export function groupKeys(records: readonly IndexedKeys[]): DuplicateGroup[] {
  const builder = new GroupBuilder();
  for (const r of records) builder.add(r);
  return builder.groups();
}

// Most keys are unique: rather than a map entry per record, each key becomes a number (the ID's
// digits, or a hash of the text), the numbers are sorted in a typed array, and only records whose
// number occurs twice go into a map keyed by the real text (a hash collision only adds a
// candidate). Same groups as one map of every record, a fraction of its time and garbage.

/** A 9- or 12-digit ID (any digits up to 13) as a number with its length folded in; NaN otherwise. */
function idNumber(id: string): number {
  if (id.length > 13) return Number.NaN;
  let v = 0;
  for (let i = 0; i < id.length; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return id.length * 1e13 + v;
}

/** A 53-bit hash of `a`, a separator and `b` (two 32-bit FNV-1a variants). */
function hashPair(a: string, b: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  h1 = Math.imul(h1 ^ 0xffff, 0x01000193);
  h2 = Math.imul(h2 ^ 0xffff, 0x5bd1e995);
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x200000 + (h2 >>> 11);
}

/** The numbers that occur more than once (NaN never does). */
function repeated(numbers: Float64Array): Set<number> {
  const sorted = numbers.slice().sort();
  const twice = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) twice.add(sorted[i] as number);
  return twice;
}

function sameIdGroups(records: readonly IndexedKeys[], out: Found[]): void {
  // Same personal ID. Two different people under one ID (birth dates differ, or names more than
  // one typo apart) make it a conflict.
  const withId = records.filter((r) => r.id !== null);
  const numbers = new Float64Array(withId.length);
  let numeric = true;
  for (let i = 0; i < withId.length; i++) {
    const v = idNumber((withId[i] as IndexedKeys).id as string);
    if (Number.isNaN(v)) numeric = false;
    numbers[i] = v;
  }
  const twice = numeric ? repeated(numbers) : undefined;
  const byId = new Map<string, OneOrMany<IndexedKeys>>();
  for (let i = 0; i < withId.length; i++)
    if (twice === undefined || twice.has(numbers[i] as number)) {
      const r = withId[i] as IndexedKeys;
      pushOne(byId, r.id as string, r);
    }
  for (const rows of byId.values()) {
    if (!Array.isArray(rows)) continue;
    const names = [...new Set(rows.flatMap((r) => (r.name === null ? [] : [r.name])))];
    const dates = new Set(rows.flatMap((r) => (r.date === null ? [] : [r.date])));
    let conflict = dates.size > 1 || names.length > MAX_NAMES_PER_ID;
    for (let i = 0; !conflict && i < names.length; i++)
      for (let j = i + 1; !conflict && j < names.length; j++)
        conflict = !namesAgree(names[i] as string, names[j] as string, distance);
    out.push(found(conflict ? 'id-conflict' : 'same-id', rows));
  }
}

function nameDateGroups(records: readonly IndexedKeys[], out: Found[]): void {
  // Same folded name and birth date, birth places agreeing: within one (name, date), a code and a
  // text place link everything; otherwise each place is its own group.
  const keyed = records.filter((r) => r.name !== null && r.date !== null && r.place !== null);
  const hashes = new Float64Array(keyed.length);
  for (let i = 0; i < keyed.length; i++) {
    const r = keyed[i] as IndexedKeys;
    hashes[i] = hashPair(r.name as string, r.date as string);
  }
  const twice = repeated(hashes);
  const byNameDate = new Map<string, OneOrMany<IndexedKeys>>();
  for (let i = 0; i < keyed.length; i++)
    if (twice.has(hashes[i] as number)) {
      const r = keyed[i] as IndexedKeys;
      pushOne(byNameDate, `${r.name}\u0000${r.date}`, r);
    }
  for (const block of byNameDate.values()) {
    if (!Array.isArray(block)) continue;
    const codes = block.some((r) => isPlaceCode(r.place as string));
    const texts = block.some((r) => !isPlaceCode(r.place as string));
    const byPlace = new Map<string, IndexedKeys[]>();
    for (const r of block) push(byPlace, codes && texts ? '' : (r.place as string), r);
    for (const rows of byPlace.values())
      if (rows.length > 1 && !oneId(rows)) out.push(found('same-name-birth-date-place', rows));
  }
}

/** Union–find over `n` nodes, remembering which nodes were linked. */
function linker(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const linked = new Set<number>();
  const link = (i: number, j: number): void => {
    linked.add(i).add(j);
    const ra = find(i);
    const rb = find(j);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  return { find, link, linked };
}

function similarNameGroups(records: readonly IndexedKeys[], out: Found[]): void {
  // Names one edit apart on the same birth date, birth places agreeing. One birth date at a time
  // (memory stays that of the largest day); nodes are the day's distinct (name, place); candidates
  // share a deletion variant of the name.
  const byDate = new Map<string, OneOrMany<IndexedKeys>>();
  for (const r of records)
    if (r.name !== null && r.date !== null && isAsciiName(r.name)) pushOne(byDate, r.date, r);
  for (const day of byDate.values()) {
    if (!Array.isArray(day)) continue;
    if (day.length <= PAIRWISE_MAX) {
      // A day of a few dozen records: every pair of records is compared. Records with the same
      // (name, place) are zero edits apart, never linked to each other, and linked to a third
      // exactly when their shared node would be: the same components as over distinct nodes.
      const { find, link, linked } = linker(day.length);
      for (let i = 0; i < day.length; i++) {
        const a = day[i] as IndexedKeys;
        for (let j = i + 1; j < day.length; j++) {
          const b = day[j] as IndexedKeys;
          if (oneEditApart(a.name as string, b.name as string) && placesAgree(a.place, b.place)) link(i, j);
        }
      }
      if (linked.size === 0) continue;
      const components = new Map<number, IndexedKeys[]>();
      for (const i of linked) push(components, find(i), day[i] as IndexedKeys);
      for (const rows of components.values()) if (!oneId(rows)) out.push(found('similar-name', rows));
      continue;
    }
    const nodes = new Map<string, { name: string; place: string | null; rows: IndexedKeys[] }>();
    for (const r of day) {
      const key = r.place === null ? `${r.name}\u0000` : `${r.name}\u0000\u0000${r.place}`;
      const node = nodes.get(key);
      if (node) node.rows.push(r);
      else nodes.set(key, { name: r.name as string, place: r.place, rows: [r] });
    }
    if (nodes.size < 2) continue;
    const list = [...nodes.values()];
    const { find, link, linked } = linker(list.length);
    if (list.length <= PAIRWISE_MAX) {
      // A day of a few dozen names: every pair is cheaper to compare than building the
      // deletion variants (≈ 20 strings and map entries per name). Same links either way.
      for (let i = 0; i < list.length; i++) {
        const a = list[i] as (typeof list)[number];
        for (let j = i + 1; j < list.length; j++) {
          const b = list[j] as (typeof list)[number];
          if (oneEditApart(a.name, b.name) && placesAgree(a.place, b.place)) link(i, j);
        }
      }
    } else {
      linkByVariants(list, link);
    }
    const components = new Map<number, IndexedKeys[]>();
    for (const i of linked) for (const r of list[i]?.rows ?? []) push(components, find(i), r);
    for (const rows of components.values()) if (!oneId(rows)) out.push(found('similar-name', rows));
  }
}

// Above this many distinct (name, place) on one birth date, candidates come from deletion variants.
export const PAIRWISE_MAX = 48;

/** Whether the Levenshtein distance of two different strings is exactly 1, without the matrix. */
export function oneEditApart(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let diff = 0;
    for (let i = 0; i < la; i++) if (a.charCodeAt(i) !== b.charCodeAt(i) && ++diff > 1) return false;
    return diff === 1;
  }
  if (la - lb > 1 || lb - la > 1) return false;
  const [s, l] = la < lb ? [a, b] : [b, a];
  // One character of the longer string removed gives the shorter one.
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === l.charCodeAt(i)) i++;
  for (let k = i; k < s.length; k++) if (s.charCodeAt(k) !== l.charCodeAt(k + 1)) return false;
  return true;
}

function linkByVariants(
  list: readonly { name: string; place: string | null }[],
  link: (i: number, j: number) => void,
): void {
  const buckets = new Map<string, number[]>();
  list.forEach((node, i) => {
    for (const v of deletionVariants(node.name)) push(buckets, v, i);
  });
  for (const members of buckets.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x] as number;
        const j = members[y] as number;
        const a = list[i];
        const b = list[j];
        if (!a || !b || !placesAgree(a.place, b.place) || distance(a.name, b.name) !== 1) continue;
        link(i, j);
      }
    }
  }
}

/**
 * The duplicate keys of a batch as columns (`''` = absent), as worker threads send them: four
 * arrays of strings clone far cheaper than an object per record.
 */
export interface KeyColumns {
  id: string[];
  name: string[];
  date: string[];
  place: string[];
}

/** Internal fast path of the memory store: rows `firstRow`, `firstRow + 1`, … with their keys. */
export const addKeyColumns: unique symbol = Symbol('cancuoc.clean.addKeyColumns');

/** The cleaned records a {@link KeyColumns} batch stands for (for stores without the fast path). */
export function recordsOfColumns(firstRow: number, k: KeyColumns): CleanedRecord[] {
  const out: CleanedRecord[] = new Array(k.id.length);
  for (let i = 0; i < k.id.length; i++) {
    const keys: CleanedRecord['keys'] = {};
    if (k.id[i]) keys.personalId = k.id[i] as string;
    if (k.name[i]) keys.foldedName = k.name[i] as string;
    if (k.date[i]) keys.birthDate = k.date[i] as string;
    if (k.place[i]) keys.birthPlace = k.place[i] as string;
    out[i] = { row: firstRow + i, values: {}, issues: [], keys };
  }
  return out;
}

const blankOrNull = (value: string | undefined): string | null => {
  if (value === undefined || value === '') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/**
 * One copy of each repeated key text. Birth dates (some 36 000 days in a century), places and
 * the commonest names repeat across a million records: the copy that came from a worker thread
 * dies young instead of living in the old generation, which the garbage collector would mark
 * again and again as the index grows. Bounded, so that a list of distinct values stops adding.
 */
class Interner {
  private readonly seen = new Map<string, string>();
  constructor(private readonly limit: number) {}
  get(value: string | null): string | null {
    if (value === null) return null;
    const hit = this.seen.get(value);
    if (hit !== undefined) return hit;
    if (this.seen.size < this.limit) this.seen.set(value, value);
    return value;
  }
}

/** The in-memory store: keys in an array, grouped with maps when `groups()` is read. */
export function createMemoryIndex(): DuplicateIndex & {
  [addKeyColumns](firstRow: number, k: KeyColumns): void;
} {
  let builder: GroupBuilder | undefined = new GroupBuilder();
  const names = new Interner(200_000);
  const dates = new Interner(100_000);
  const places = new Interner(50_000);
  const open = (): GroupBuilder => {
    if (!builder) throw new TypeError('DuplicateIndex is closed');
    return builder;
  };
  return {
    async add(batch: readonly CleanedRecord[]): Promise<void> {
      const target = open();
      if (!Array.isArray(batch))
        throw new TypeError('DuplicateIndex.add expects an array of cleaned records');
      const keys = batch.map(indexedKeys);
      for (const k of keys) target.add(k);
    },
    [addKeyColumns](firstRow: number, k: KeyColumns): void {
      const target = open();
      for (let i = 0; i < k.id.length; i++)
        target.add({
          row: firstRow + i,
          id: blankOrNull(k.id[i]),
          name: names.get(blankOrNull(k.name[i])),
          date: dates.get(blankOrNull(k.date[i])),
          place: places.get(blankOrNull(k.place[i])),
        });
    },
    groups(): AsyncIterable<DuplicateGroup> {
      const target = open();
      return {
        async *[Symbol.asyncIterator]() {
          yield* target.groups();
        },
      };
    },
    async close(): Promise<void> {
      builder = undefined;
    },
  };
}
