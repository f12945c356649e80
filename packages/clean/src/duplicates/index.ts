import { createDuckDbIndex } from './duckdb-store.js';
import { createMemoryIndex } from './memory-store.js';
import type { DuplicateIndex, DuplicateIndexOptions } from './types.js';

export type { DuplicateErrorCode } from './errors.js';
export { duplicateErrorMessages } from './errors.js';
export type {
  DuplicateGroup,
  DuplicateIndex,
  DuplicateIndexOptions,
  DuplicateReason,
  DuplicateStore,
} from './types.js';

/**
 * Creates the duplicate index of a cleaning run. Add the cleaned records that `cleanRecord`
 * returns (only their `row` and duplicate `keys` are kept), then read the groups of rows that look
 * like one person: same personal ID (`same-id`, or `id-conflict` when the names or birth dates
 * under one ID differ), same folded name + birth date + birth place, and names one typo apart
 * born on the same day (`similar-name`). Each rule's groups are transitive; a row may sit in a
 * group of each rule, except that a group whose rows all carry one personal ID is reported once,
 * as the ID group. Both stores give identical groups in the same order.
 *
 * @param options `store: 'memory'` (default) for small lists, `'duckdb'` for up to 100 M records
 *   on one disk with bounded memory (`memoryLimit`, `threads`, `path`).
 * @throws RangeError/TypeError on bad options; `ERR_CLEAN_DUPLICATE_STORE` when DuckDB cannot be
 *   loaded or opened.
 * @example
 * ```ts
 * import { cleanRecord, createDuplicateIndex } from '@cancuoc/clean';
 *
 * const index = await createDuplicateIndex({ store: 'duckdb' });
 * try {
 *   await index.add(rows.map((input, i) => cleanRecord(input, i + 1)));
 *   for await (const g of index.groups()) duplicatesFile.write(`${g.group},${g.rows.join(' ')},${g.reason}\n`);
 * } finally {
 *   await index.close();
 * }
 * ```
 */
export async function createDuplicateIndex(options: DuplicateIndexOptions = {}): Promise<DuplicateIndex> {
  if (options === null || typeof options !== 'object')
    throw new TypeError('createDuplicateIndex expects an options object');
  const store = options.store ?? 'memory';
  if (store === 'memory') return createMemoryIndex();
  if (store === 'duckdb') return createDuckDbIndex(options);
  throw new RangeError("createDuplicateIndex: store must be 'memory' or 'duckdb'");
}
