import { distance } from 'fastest-levenshtein';
import { grown, sharedArray } from '../internal/typed-arrays.js';
import type { CleanedRecord } from '../types.js';
import { DATE_TEXT, ID_TEXT, type KeyBatch, KeyBatchBuilder, NONE, unitsText } from './key-batch.js';
import {
  deletionVariants,
  type IndexedKeys,
  indexedKeys,
  MAX_NAMES_PER_ID,
  namesAgree,
  reasonRank,
} from './keys.js';
import type { DuplicateGroup, DuplicateIndex, DuplicateReason } from './types.js';

// Codes of text keys in the table (numeric keys keep their KeyBatch numbers): an ID text is
// negative, a date text above every yyyymmdd, a place text above every 3-digit code.
const DATE_TEXT_BASE = 100_000_000;
const PLACE_TEXT_BASE = 1000;

/**
 * The columns of a {@link KeyTable}, in shared memory: what a worker thread needs to group some
 * of its records (read only, never copied).
 */
export interface KeyColumns {
  n: number;
  rows: Float64Array;
  ids: Float64Array;
  dates: Int32Array;
  places: Int32Array;
  nameEnd: Uint32Array;
  units: Uint16Array;
}

/**
 * The records of the memory index as columns of numbers and one block of name characters (see
 * {@link KeyBatch} for the codes): about 40 bytes and no JavaScript object per record. Keys that
 * are text (rare: IDs that are not digits, dates not written dd/mm/yyyy, places of origin) get a
 * code from a table of their texts, so equal codes mean equal keys. The columns live in
 * `SharedArrayBuffer`s, so that worker threads can group parts of the table without a copy.
 */
class KeyTable {
  n = 0;
  rows = sharedArray(Float64Array, 1024);
  ids = sharedArray(Float64Array, 1024);
  dates = sharedArray(Int32Array, 1024);
  places = sharedArray(Int32Array, 1024);
  nameEnd = sharedArray(Uint32Array, 1024);
  units = sharedArray(Uint16Array, 16_384);
  private used = 0;
  private ascending = true;
  private readonly codes = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];

  private code(field: 0 | 1 | 2, text: string): number {
    const table = this.codes[field] as Map<string, number>;
    let k = table.get(text);
    if (k === undefined) {
      k = table.size;
      table.set(text, k);
    }
    return field === ID_TEXT ? -1 - k : field === DATE_TEXT ? DATE_TEXT_BASE + k : PLACE_TEXT_BASE + k;
  }

  /** Appends a batch whose records are rows `firstRow`, `firstRow + 1`, … (or `rows[i]`). */
  append(k: KeyBatch, firstRow: number, rows?: readonly number[]): void {
    const at = this.n;
    const n = at + k.count;
    if (n > this.rows.length) {
      this.rows = grown(this.rows, n, true);
      this.ids = grown(this.ids, n, true);
      this.dates = grown(this.dates, n, true);
      this.places = grown(this.places, n, true);
      this.nameEnd = grown(this.nameEnd, n, true);
    }
    for (let i = 0; i < k.count; i++) {
      const row = rows ? (rows[i] as number) : firstRow + i;
      if (at + i > 0 && row <= (this.rows[at + i - 1] as number)) this.ascending = false;
      this.rows[at + i] = row;
    }
    this.ids.set(k.id, at);
    this.dates.set(k.date, at);
    this.places.set(k.place, at);
    for (const [i, field, text] of k.texts) {
      const c = this.code(field, text);
      if (field === ID_TEXT) this.ids[at + i] = c;
      else if (field === DATE_TEXT) this.dates[at + i] = c;
      else this.places[at + i] = c;
    }
    this.units = grown(this.units, this.used + k.nameUnits.length, true);
    this.units.set(k.nameUnits, this.used);
    for (let i = 0; i < k.count; i++) this.nameEnd[at + i] = this.used + (k.nameEnd[i] as number);
    this.used += k.nameUnits.length;
    this.n = n;
  }

  nameStart(i: number): number {
    return i === 0 ? 0 : (this.nameEnd[i - 1] as number);
  }

  name(i: number): string | null {
    const start = this.nameStart(i);
    const end = this.nameEnd[i] as number;
    return end > start ? unitsText(this.units, start, end) : null;
  }

  /** Whether record `i`'s name may be compared by edit distance (as `isAsciiName` of keys.ts: ASCII, at most 255 characters). */
  asciiName(i: number): boolean {
    const start = this.nameStart(i);
    const end = this.nameEnd[i] as number;
    if (end === start || end - start > 255) return false;
    for (let k = start; k < end; k++) if ((this.units[k] as number) > 0x7f) return false;
    return true;
  }

  sameName(i: number, j: number): boolean {
    const a = this.nameStart(i);
    const b = this.nameStart(j);
    const la = (this.nameEnd[i] as number) - a;
    if (la !== (this.nameEnd[j] as number) - b) return false;
    for (let k = 0; k < la; k++) if (this.units[a + k] !== this.units[b + k]) return false;
    return true;
  }

  checkRows(): void {
    if (this.ascending) return;
    const sorted = this.rows.slice(0, this.n).sort();
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i] === sorted[i - 1])
        throw new RangeError(`DuplicateIndex: row ${sorted[i]} was added twice`);
  }

  /** A table over columns made by another table's {@link KeyTable.columns} (read only). */
  static over(c: KeyColumns): KeyTable {
    const t = new KeyTable();
    Object.assign(t, { n: c.n, rows: c.rows, ids: c.ids, dates: c.dates, places: c.places });
    Object.assign(t, { nameEnd: c.nameEnd, units: c.units });
    return t;
  }

  columns(): KeyColumns {
    const { n, rows, ids, dates, places, nameEnd, units } = this;
    return { n, rows, ids, dates, places, nameEnd, units };
  }

  /** The groups of the records added so far (sorted by first row, then reason). */
  groups(): DuplicateGroup[] {
    this.checkRows();
    const out: Found[] = [];
    sameIdGroups(this, out);
    nameDateGroups(this, out);
    similarNameGroups(this, out);
    return numbered(out);
  }

  /**
   * {@link KeyTable.groups} with the similar-name pass (the longest) cut by birth date into
   * `shards` parts, each run by `run` (on worker threads) while this thread finds the other
   * groups: the same groups, in about half the time on two cores.
   */
  async groupsWith(
    run: (task: SimilarNamesTask) => Promise<Found[]>,
    shards: number,
  ): Promise<DuplicateGroup[]> {
    this.checkRows();
    const columns = this.columns();
    const parts = Array.from({ length: shards }, (_, shard) =>
      run({ similarNames: { ...columns, shard, shards } }),
    );
    // Settled before anything is thrown, so that no task is left running unobserved.
    const out: Found[] = [];
    let failure: unknown;
    try {
      sameIdGroups(this, out);
      nameDateGroups(this, out);
    } catch (error) {
      failure = error;
    }
    for (const r of await Promise.allSettled(parts)) {
      if (r.status === 'rejected') failure ??= r.reason;
      else for (const g of r.value) out.push(g);
    }
    if (failure !== undefined) throw failure;
    return numbered(out);
  }
}

/** One part of the similar-name pass: the days whose date code is `shard` modulo `shards`. */
export interface SimilarNamesTask {
  similarNames: KeyColumns & { shard: number; shards: number };
}

/** Runs one {@link SimilarNamesTask} (in a worker thread of cleanFile's pool). */
export function similarNamesOfShard(task: SimilarNamesTask): Found[] {
  const { shard, shards } = task.similarNames;
  const out: Found[] = [];
  similarNameGroups(KeyTable.over(task.similarNames), out, shard, shards);
  return out;
}

// Groups never tie on (first row, reason): a row is in at most one group of each reason.
function numbered(out: Found[]): DuplicateGroup[] {
  out.sort((a, b) => a.first - b.first || reasonRank[a.reason] - reasonRank[b.reason]);
  return out.map((g, i) => ({ group: i + 1, reason: g.reason, rows: g.rows }));
}

/** A group before numbering: its rows (ascending) and reason. */
export interface Found {
  first: number;
  reason: DuplicateReason;
  rows: number[];
}

function found(t: KeyTable, reason: DuplicateReason, members: readonly number[]): Found {
  const rows = members.map((i) => t.rows[i] as number).sort((a, b) => a - b);
  return { first: rows[0] as number, reason, rows };
}

/** Whether every member carries the same personal ID (the group is then already an ID group). */
function oneId(t: KeyTable, members: readonly number[]): boolean {
  const id = t.ids[members[0] as number] as number;
  if (Number.isNaN(id)) return false;
  for (const i of members) if (t.ids[i] !== id) return false;
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The numbers that occur more than once (NaN never does). */
function repeated(numbers: Float64Array): Set<number> {
  const sorted = numbers.slice().sort();
  const twice = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) twice.add(sorted[i] as number);
  return twice;
}

// Most keys are unique: rather than a map entry per record, the keys (or a hash of them) are
// sorted as numbers in a typed array, and only records whose number occurs twice go into a map
// (a hash collision only adds a candidate, checked on the real key).

function sameIdGroups(t: KeyTable, out: Found[]): void {
  // Same personal ID. Two different people under one ID (birth dates differ, or names more than
  // one typo apart) make it a conflict.
  const twice = repeated(t.ids.subarray(0, t.n));
  if (twice.size === 0) return;
  const byId = new Map<number, number[]>();
  for (let i = 0; i < t.n; i++) if (twice.has(t.ids[i] as number)) push(byId, t.ids[i] as number, i);
  for (const members of byId.values()) {
    const names = [
      ...new Set(members.flatMap((i) => (t.nameEnd[i] === t.nameStart(i) ? [] : [t.name(i) as string]))),
    ];
    const dates = new Set(members.flatMap((i) => (t.dates[i] === NONE ? [] : [t.dates[i]])));
    let conflict = dates.size > 1 || names.length > MAX_NAMES_PER_ID;
    for (let i = 0; !conflict && i < names.length; i++)
      for (let j = i + 1; !conflict && j < names.length; j++)
        conflict = !namesAgree(names[i] as string, names[j] as string, distance);
    out.push(found(t, conflict ? 'id-conflict' : 'same-id', members));
  }
}

/** A place code (a 3-digit number: the province or country code of the personal ID) rather than a text. */
const isCode = (place: number): boolean => place < PLACE_TEXT_BASE;

/**
 * Whether two birth places allow the same person: equal, either unknown, or of different kinds (a
 * code and a text, the folded place of origin of a record without an ID, cannot be compared).
 */
const placesAgree = (a: number, b: number): boolean =>
  a === NONE || b === NONE || a === b || isCode(a) !== isCode(b);

/** A 53-bit hash of a name (code units `start`–`end`) and a date code (two 32-bit FNV-1a variants). */
function hashNameDate(units: Uint16Array, start: number, end: number, date: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = start; i < end; i++) {
    const c = units[i] as number;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  h1 = Math.imul(h1 ^ date, 0x01000193);
  h2 = Math.imul(h2 ^ date, 0x5bd1e995);
  return (h1 >>> 0) * 0x200000 + (h2 >>> 11);
}

function nameDateGroups(t: KeyTable, out: Found[]): void {
  // Same folded name and birth date, birth places agreeing: within one (name, date), a code and a
  // text place link everything; otherwise each place is its own group.
  const hashes = new Float64Array(t.n);
  for (let i = 0; i < t.n; i++) {
    const start = t.nameStart(i);
    const end = t.nameEnd[i] as number;
    hashes[i] =
      end === start || t.dates[i] === NONE || t.places[i] === NONE
        ? Number.NaN
        : hashNameDate(t.units, start, end, t.dates[i] as number);
  }
  const twice = repeated(hashes);
  if (twice.size === 0) return;
  const byHash = new Map<number, number[]>();
  for (let i = 0; i < t.n; i++) if (twice.has(hashes[i] as number)) push(byHash, hashes[i] as number, i);
  for (const candidates of byHash.values()) {
    // The same hash: split by the real (name, date).
    const blocks: number[][] = [];
    for (const i of candidates) {
      const block = blocks.find(
        (b) => t.dates[b[0] as number] === t.dates[i] && t.sameName(b[0] as number, i),
      );
      if (block) block.push(i);
      else blocks.push([i]);
    }
    for (const block of blocks) {
      if (block.length < 2) continue;
      const codes = block.some((i) => isCode(t.places[i] as number));
      const texts = block.some((i) => !isCode(t.places[i] as number));
      const byPlace = new Map<number, number[]>();
      for (const i of block) push(byPlace, codes && texts ? NONE : (t.places[i] as number), i);
      for (const members of byPlace.values())
        if (members.length > 1 && !oneId(t, members))
          out.push(found(t, 'same-name-birth-date-place', members));
    }
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

/** The members of `list` (table indices) grouped by date, days of two or more only. */
function days(t: KeyTable, list: Uint32Array): Uint32Array[] {
  // Sorted as numbers `date × 2²⁶ + position` while that stays exact (< 2⁵³), else by a comparator.
  const n = list.length;
  let order: Uint32Array;
  let maxDate = 0;
  for (let p = 0; p < n; p++) maxDate = Math.max(maxDate, t.dates[list[p] as number] as number);
  if (n < 1 << 26 && (maxDate + 1) * 67_108_864 < Number.MAX_SAFE_INTEGER) {
    const key = new Float64Array(n);
    for (let p = 0; p < n; p++) key[p] = (t.dates[list[p] as number] as number) * 67_108_864 + p;
    key.sort();
    order = new Uint32Array(n);
    for (let p = 0; p < n; p++) order[p] = list[(key[p] as number) % 67_108_864] as number;
  } else {
    order = list.slice().sort((a, b) => (t.dates[a] as number) - (t.dates[b] as number) || a - b);
  }
  const out: Uint32Array[] = [];
  for (let s = 0; s < n; ) {
    const date = t.dates[order[s] as number];
    let e = s + 1;
    while (e < n && t.dates[order[e] as number] === date) e++;
    if (e - s > 1) out.push(order.subarray(s, e));
    s = e;
  }
  return out;
}

function similarNameGroups(t: KeyTable, out: Found[], shard = 0, shards = 1): void {
  // Names one edit apart on the same birth date, birth places agreeing. One birth date at a time
  // (memory stays that of the largest day); nodes are the day's distinct (name, place); candidates
  // share a deletion variant of the name.
  let count = 0;
  const members = new Uint32Array(t.n);
  // A small day's positions in order of name length (insertion sort into these).
  const byLength = new Int32Array(PAIRWISE_MAX);
  const positions = new Int32Array(PAIRWISE_MAX);
  for (let i = 0; i < t.n; i++) {
    const date = t.dates[i] as number;
    if (date !== NONE && (shards === 1 || date % shards === shard) && t.asciiName(i)) members[count++] = i;
  }
  for (const day of days(t, members.subarray(0, count))) {
    if (day.length <= PAIRWISE_MAX) {
      // A day of a few dozen records: every pair of records is compared. Records with the same
      // (name, place) are zero edits apart, never linked to each other, and linked to a third
      // exactly when their shared node would be: the same components as over distinct nodes.
      // Names more than one character apart in length cannot be one edit apart: with the day in
      // order of name length, each record is compared only with the next ones up to one longer.
      const m = day.length;
      for (let x = 0; x < m; x++) {
        const i = day[x] as number;
        const len = (t.nameEnd[i] as number) - t.nameStart(i);
        let y = x - 1;
        while (y >= 0 && (byLength[y] as number) > len) {
          byLength[y + 1] = byLength[y] as number;
          positions[y + 1] = positions[y] as number;
          y--;
        }
        byLength[y + 1] = len;
        positions[y + 1] = x;
      }
      const { find, link, linked } = linker(m);
      for (let x = 0; x < m; x++) {
        const px = positions[x] as number;
        const a = day[px] as number;
        const a0 = t.nameStart(a);
        const a1 = t.nameEnd[a] as number;
        const longest = (byLength[x] as number) + 1;
        for (let y = x + 1; y < m && (byLength[y] as number) <= longest; y++) {
          const py = positions[y] as number;
          const b = day[py] as number;
          if (
            oneEditApartAt(t.units, a0, a1, t.nameStart(b), t.nameEnd[b] as number) &&
            placesAgree(t.places[a] as number, t.places[b] as number)
          )
            link(Math.min(px, py), Math.max(px, py));
        }
      }
      if (linked.size === 0) continue;
      const components = new Map<number, number[]>();
      for (const x of linked) push(components, find(x), day[x] as number);
      for (const rows of components.values()) if (!oneId(t, rows)) out.push(found(t, 'similar-name', rows));
      continue;
    }
    const nodes = new Map<string, { name: string; place: number; members: number[] }>();
    for (const i of day) {
      const name = t.name(i) as string;
      const place = t.places[i] as number;
      const key = `${name}\u0000${place}`;
      const node = nodes.get(key);
      if (node) node.members.push(i);
      else nodes.set(key, { name, place, members: [i] });
    }
    if (nodes.size < 2) continue;
    const list = [...nodes.values()];
    const { find, link, linked } = linker(list.length);
    if (list.length <= PAIRWISE_MAX) {
      // A day of a few dozen names: every pair is cheaper to compare than building the
      // deletion variants (≈ 20 strings and map entries per name). Same links either way.
      for (let x = 0; x < list.length; x++) {
        const a = list[x] as (typeof list)[number];
        for (let y = x + 1; y < list.length; y++) {
          const b = list[y] as (typeof list)[number];
          if (placesAgree(a.place, b.place) && distance(a.name, b.name) === 1) link(x, y);
        }
      }
    } else {
      linkByVariants(list, link);
    }
    const components = new Map<number, number[]>();
    for (const x of linked) for (const i of list[x]?.members ?? []) push(components, find(x), i);
    for (const rows of components.values()) if (!oneId(t, rows)) out.push(found(t, 'similar-name', rows));
  }
}

// Above this many distinct (name, place) on one birth date, candidates come from deletion variants.
export const PAIRWISE_MAX = 48;

/**
 * Whether the Levenshtein distance of code units `a0`–`a1` and `b0`–`b1` of `u` is exactly 1,
 * without the matrix.
 */
export function oneEditApartAt(u: Uint16Array, a0: number, a1: number, b0: number, b1: number): boolean {
  const la = a1 - a0;
  const lb = b1 - b0;
  if (la === lb) {
    let diff = 0;
    for (let i = 0; i < la; i++) if (u[a0 + i] !== u[b0 + i] && ++diff > 1) return false;
    return diff === 1;
  }
  if (la - lb > 1 || lb - la > 1) return false;
  // One unit of the longer removed gives the shorter.
  const [s, sl, l] = la < lb ? [a0, la, b0] : [b0, lb, a0];
  let i = 0;
  while (i < sl && u[s + i] === u[l + i]) i++;
  for (let k = i; k < sl; k++) if (u[s + k] !== u[l + k + 1]) return false;
  return true;
}

function linkByVariants(
  list: readonly { name: string; place: number }[],
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

/** Computes the groups of a list of keys with the rules of {@link createDuplicateIndex}. */
export function groupKeys(records: readonly IndexedKeys[]): DuplicateGroup[] {
  const b = new KeyBatchBuilder();
  for (const r of records) b.add(r.id, r.name, r.date, r.place);
  const table = new KeyTable();
  table.append(
    b.finish(),
    0,
    records.map((r) => r.row),
  );
  return table.groups();
}

/** Internal fast path of the memory store: rows `firstRow`, `firstRow + 1`, … with their keys. */
export const addKeyBatch: unique symbol = Symbol('cancuoc.clean.addKeyBatch');
/** Internal: the groups, with the similar-name pass in parts run by worker threads ({@link KeyTable.groupsWith}). */
export const groupsWith: unique symbol = Symbol('cancuoc.clean.groupsWith');

/** The in-memory store: keys in flat columns, grouped when `groups()` is read. */
export function createMemoryIndex(): DuplicateIndex & {
  [addKeyBatch](firstRow: number, k: KeyBatch): void;
  [groupsWith](run: (task: SimilarNamesTask) => Promise<Found[]>, shards: number): Promise<DuplicateGroup[]>;
} {
  let table: KeyTable | undefined = new KeyTable();
  const open = (): KeyTable => {
    if (!table) throw new TypeError('DuplicateIndex is closed');
    return table;
  };
  return {
    async add(batch: readonly CleanedRecord[]): Promise<void> {
      const target = open();
      if (!Array.isArray(batch))
        throw new TypeError('DuplicateIndex.add expects an array of cleaned records');
      const keys = batch.map(indexedKeys);
      const b = new KeyBatchBuilder();
      for (const k of keys) b.add(k.id, k.name, k.date, k.place);
      target.append(
        b.finish(),
        0,
        keys.map((k) => k.row),
      );
    },
    [addKeyBatch](firstRow: number, k: KeyBatch): void {
      open().append(k, firstRow);
    },
    [groupsWith](run, shards) {
      return open().groupsWith(run, shards);
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
      table = undefined;
    },
  };
}
