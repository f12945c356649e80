import type { CleanedRecord } from '../types.js';

/**
 * Why rows are reported together:
 * - `same-id`: they carry the same personal ID (số định danh cá nhân) and agree on name and birth date;
 * - `id-conflict`: they carry the same personal ID but different folded names or birth dates (one
 *   ID, two different people: at least one of them is wrong);
 * - `same-name-birth-date-place`: same folded name, birth date and birth place;
 * - `similar-name`: same birth date, names one typo apart (edit distance 1 on the folded name) and
 *   no conflicting birth place.
 */
export type DuplicateReason = 'same-id' | 'id-conflict' | 'same-name-birth-date-place' | 'similar-name';

/** One group of rows that look like the same person, with the rule that linked them. */
export interface DuplicateGroup {
  /** 1-based group number, in the order of each group's smallest row. */
  group: number;
  reason: DuplicateReason;
  /** 1-based data rows, ascending. */
  rows: number[];
}

/** Where the duplicate index keeps its keys. */
export type DuplicateStore = 'memory' | 'duckdb';

/** Options of {@link createDuplicateIndex}. */
export interface DuplicateIndexOptions {
  /**
   * `memory` (default) for lists up to a few million records; `duckdb` for anything larger: an
   * embedded DuckDB database on disk whose memory stays bounded by `memoryLimit`.
   */
  readonly store?: DuplicateStore;
  /**
   * DuckDB only: the database file to create (it must not exist). Default: a file in a new temporary
   * folder, deleted by `close()`.
   */
  readonly path?: string;
  /** DuckDB only: its memory limit, e.g. `'1GB'` (default `'512MB'`); larger work spills to disk. */
  readonly memoryLimit?: string;
  /** DuckDB only: its worker threads (default 2). */
  readonly threads?: number;
  /**
   * DuckDB only: how many distinct (birth date, folded name, birth place) keys the `similar-name`
   * rule joins at once (default 2 000 000). The join runs one slice at a time, so that it stays
   * within `memoryLimit` (10 M records ran in 4 slices under the default 512 MB); a smaller value
   * uses less memory and takes more passes.
   */
  readonly partitionKeys?: number;
}

/** The duplicate index of one cleaning run: add every record's keys, then read the groups. */
export interface DuplicateIndex {
  /**
   * Adds the duplicate keys of cleaned records (other fields are not kept).
   *
   * @throws TypeError after `close()` or when a record has no positive integer `row`.
   */
  add(batch: readonly CleanedRecord[]): Promise<void>;
  /**
   * The groups of everything added so far, in group order. Rows must be unique across all batches.
   *
   * @throws RangeError when a row number was added twice.
   */
  groups(): AsyncIterable<DuplicateGroup>;
  /** Releases the index (for DuckDB: closes and deletes its temporary database). */
  close(): Promise<void>;
}
