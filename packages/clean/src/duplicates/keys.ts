import type { CleanedRecord } from '../types.js';
import { blankKey } from './key-batch.js';
import type { DuplicateReason } from './types.js';

/**
 * The duplicate rules, written once for both stores (the DuckDB store repeats them in SQL; the
 * property test `duplicates.property.test.ts` holds the two to the same answer).
 */

/** The keys of one row as the index keeps them: absent or blank keys are `null`. */
export interface IndexedKeys {
  row: number;
  id: string | null;
  name: string | null;
  date: string | null;
  place: string | null;
}

/** Checks a record and takes its keys. */
export function indexedKeys(record: CleanedRecord): IndexedKeys {
  if (record === null || typeof record !== 'object')
    throw new TypeError('DuplicateIndex.add expects cleaned records');
  const { row } = record;
  if (!Number.isInteger(row) || row < 1 || row > 0xffffffff)
    throw new TypeError('DuplicateIndex.add: every record needs a positive integer row');
  const keys = record.keys ?? {};
  return {
    row,
    id: blankKey(keys.personalId),
    name: blankKey(keys.foldedName),
    date: blankKey(keys.birthDate),
    place: blankKey(keys.birthPlace),
  };
}

/**
 * The `similar-name` rule compares folded names, which are ASCII once diacritics are folded; a
 * name with other characters (a foreign script) is left to the exact rules, so that the edit
 * distance counts the same characters in JavaScript, in DuckDB (whose levenshtein counts bytes)
 * and in PostgreSQL (whose levenshtein takes at most 255 characters).
 */
export const isAsciiName = (name: string): boolean => name.length <= 255 && /^[\x00-\x7f]*$/.test(name);

/**
 * Every string one deletion away from `name`, and `name` itself: two names within edit distance 1
 * always share one of them (symmetric-deletion blocking), so candidates are found by equal keys
 * instead of comparing every pair of names born on the same day.
 */
export function deletionVariants(name: string): Set<string> {
  const out = new Set<string>([name]);
  for (let i = 0; i < name.length; i++) out.add(name.slice(0, i) + name.slice(i + 1));
  return out;
}

/** Order of reasons for groups that share their smallest row. */
export const reasonRank: Record<DuplicateReason, number> = {
  'same-id': 0,
  'id-conflict': 0,
  'same-name-birth-date-place': 1,
  'similar-name': 2,
};

/** Above this many distinct names under one personal ID, the ID is a conflict without comparing them. */
export const MAX_NAMES_PER_ID = 256;

/**
 * Whether two folded names may be one person's under one ID: equal, or one typo apart (edit
 * distance 1, ASCII names of up to 255 characters as for `similar-name`).
 */
export function namesAgree(a: string, b: string, distance: (x: string, y: string) => number): boolean {
  return a === b || (isAsciiName(a) && isAsciiName(b) && distance(a, b) <= 1);
}
