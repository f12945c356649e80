import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { CleanedRecord } from '../types.js';
import { duplicateError } from './errors.js';
import { indexedKeys } from './keys.js';
import type { DuplicateGroup, DuplicateIndex, DuplicateIndexOptions, DuplicateReason } from './types.js';

/**
 * The rules of `keys.ts`/`memory-store.ts` in DuckDB SQL, so that the grouping of 100 M records
 * runs out of core (DuckDB spills joins and aggregations to its temp directory past memory_limit).
 * `similar-name`: nodes are distinct (date, name, place); candidates share a deletion variant of
 * the name on the same date (joined as hashes, one slice at a time, so that it fits the memory
 * limit); `strlen = length` keeps ASCII names only, up to 255 characters
 * (see `isAsciiName`); components by min-label propagation until nothing changes.
 */
const CONFLICTS = `
CREATE OR REPLACE TEMP TABLE dup_conflicts AS
WITH names AS (SELECT DISTINCT pid, name FROM dup_records WHERE pid IS NOT NULL AND name IS NOT NULL),
     counts AS (SELECT pid, count(*) AS n FROM names GROUP BY pid)
SELECT pid FROM counts WHERE n > 256
UNION
SELECT a.pid FROM names a JOIN names b ON a.pid = b.pid AND a.name < b.name
JOIN counts c ON c.pid = a.pid AND c.n <= 256
WHERE NOT CASE WHEN strlen(a.name) = length(a.name) AND strlen(b.name) = length(b.name)
                    AND length(a.name) <= 255 AND length(b.name) <= 255
               THEN levenshtein(a.name, b.name) <= 1 ELSE false END`;

// Keys that occur once are dropped before the ordered list() aggregates, which DuckDB keeps in
// memory: only rows that can be in a group reach them.
const EXACT_GROUPS = `
CREATE OR REPLACE TEMP TABLE dup_groups AS
WITH multi_id AS (SELECT pid FROM dup_records WHERE pid IS NOT NULL GROUP BY pid HAVING count(*) > 1),
     multi_name AS (
       SELECT name, bdate FROM dup_records
       WHERE name IS NOT NULL AND bdate IS NOT NULL AND place IS NOT NULL
       GROUP BY name, bdate HAVING count(*) > 1)
SELECT 0 AS tier, min(r.row) AS first,
       CASE WHEN count(DISTINCT r.bdate) > 1 OR bool_or(c.pid IS NOT NULL) THEN 'id-conflict' ELSE 'same-id' END AS reason,
       list(r.row ORDER BY r.row) AS rows
FROM dup_records r JOIN multi_id m ON m.pid = r.pid LEFT JOIN dup_conflicts c ON c.pid = r.pid
GROUP BY r.pid
UNION ALL
SELECT 1, min(row), 'same-name-birth-date-place', list(row ORDER BY row)
FROM (
  SELECT r.row, r.pid, r.name, r.bdate, r.place,
         bool_or(regexp_full_match(r.place, '[0-9]{3}')) OVER (PARTITION BY r.name, r.bdate) AS has_code,
         bool_or(NOT regexp_full_match(r.place, '[0-9]{3}')) OVER (PARTITION BY r.name, r.bdate) AS has_text
  FROM dup_records r JOIN multi_name m ON m.name = r.name AND m.bdate = r.bdate
  WHERE r.place IS NOT NULL)
GROUP BY name, bdate, CASE WHEN has_code AND has_text THEN NULL ELSE place END
HAVING count(*) > 1 AND NOT (count(pid) = count(*) AND count(DISTINCT pid) = 1)`;

const SIMILAR_NODES = [
  `CREATE OR REPLACE TEMP TABLE dup_nodes AS
   SELECT row_number() OVER () AS node, bdate, name, place FROM (
     SELECT DISTINCT bdate, name, place FROM dup_records
     WHERE name IS NOT NULL AND bdate IS NOT NULL AND strlen(name) = length(name) AND length(name) <= 255)`,
  // Positions 1–255 as a table: a join with it spills to disk where a lateral range() did not.
  `CREATE OR REPLACE TEMP TABLE dup_positions AS SELECT range::INTEGER AS i FROM range(1, 256)`,
];

// No DISTINCT: a repeated variant ("ann" without either n) only repeats a candidate pair, and
// the edges are DISTINCT. A variant is kept as a 64-bit hash of (birth date, variant): the join
// on one integer is several times faster and smaller than on two strings, and a hash collision
// only adds a candidate that the edges' exact checks (same date, edit distance 1) drop.
const SIMILAR_VARIANTS = `
CREATE OR REPLACE TEMP TABLE dup_variants AS
SELECT node, hash(bdate, name) AS k FROM dup_nodes
UNION ALL
SELECT node, hash(bdate, substr(name, 1, i - 1) || substr(name, i + 1))
FROM dup_nodes JOIN dup_positions ON i <= length(name)`;

// The self-join runs one slice of the hashes at a time: at 10 M records the whole join
// (156 M variants) ran out of a 512 MB memory_limit ("failed to pin block"); a quarter of it
// stays within it.
const SIMILAR_CANDIDATES = (part: number, parts: number): string => `
INSERT INTO dup_candidates
SELECT a.node, b.node
FROM (SELECT node, k FROM dup_variants WHERE k % ${parts} = ${part}) a
JOIN (SELECT node, k FROM dup_variants WHERE k % ${parts} = ${part}) b ON a.k = b.k AND a.node < b.node`;

/** Distinct (date, name, place) nodes per partition of the candidate self-join (default). */
const NODES_PER_PARTITION = 2_000_000;

const SIMILAR_LINKS = [
  `CREATE OR REPLACE TEMP TABLE dup_edges AS
   SELECT DISTINCT c.a, c.b
   FROM dup_candidates c JOIN dup_nodes na ON na.node = c.a JOIN dup_nodes nb ON nb.node = c.b
   WHERE na.bdate = nb.bdate
     AND (na.place IS NULL OR nb.place IS NULL OR na.place = nb.place
          OR regexp_full_match(na.place, '[0-9]{3}') <> regexp_full_match(nb.place, '[0-9]{3}'))
     AND levenshtein(na.name, nb.name) = 1`,
  `CREATE OR REPLACE TEMP TABLE dup_adjacent AS
   SELECT a AS node, b AS other FROM dup_edges UNION ALL SELECT b, a FROM dup_edges`,
  `CREATE OR REPLACE TEMP TABLE dup_labels AS SELECT DISTINCT node, node AS label FROM dup_adjacent`,
];

const SIMILAR_STEP = `
CREATE OR REPLACE TEMP TABLE dup_next AS
SELECT l.node, least(l.label, min(o.label)) AS label
FROM dup_labels l JOIN dup_adjacent e ON e.node = l.node JOIN dup_labels o ON o.node = e.other
GROUP BY l.node, l.label`;

const SIMILAR_CHANGED = `SELECT count(*) AS changed FROM dup_next n JOIN dup_labels l USING (node) WHERE n.label <> l.label`;

const SIMILAR_GROUPS = `
INSERT INTO dup_groups
SELECT 2, min(r.row), 'similar-name', list(r.row ORDER BY r.row)
FROM dup_labels l JOIN dup_nodes n USING (node)
JOIN dup_records r ON r.bdate = n.bdate AND r.name = n.name AND r.place IS NOT DISTINCT FROM n.place
GROUP BY l.label
HAVING NOT (count(r.pid) = count(*) AND count(DISTINCT r.pid) = 1)`;

const CLEANUP = [
  'dup_groups',
  'dup_nodes',
  'dup_variants',
  'dup_candidates',
  'dup_positions',
  'dup_edges',
  'dup_adjacent',
  'dup_labels',
  'dup_next',
];

async function loadDuckDb(): Promise<typeof import('@duckdb/node-api')> {
  try {
    return await import('@duckdb/node-api');
  } catch (cause) {
    throw duplicateError(
      'ERR_CLEAN_DUPLICATE_STORE',
      { reason: '@duckdb/node-api cannot be loaded (npm install @duckdb/node-api)' },
      { cause },
    );
  }
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The DuckDB store: keys appended to an on-disk table, grouped in SQL. */
export async function createDuckDbIndex(options: DuplicateIndexOptions): Promise<DuplicateIndex> {
  const memoryLimit = options.memoryLimit ?? '512MB';
  if (!/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(memoryLimit))
    throw new RangeError("DuplicateIndex: memoryLimit must look like '512MB' or '2GB'");
  const threads = options.threads ?? 2;
  if (!Number.isInteger(threads) || threads < 1 || threads > 256)
    throw new RangeError('DuplicateIndex: threads must be an integer from 1 to 256');
  const partitionKeys = options.partitionKeys ?? NODES_PER_PARTITION;
  if (!Number.isInteger(partitionKeys) || partitionKeys < 1)
    throw new RangeError('DuplicateIndex: partitionKeys must be a positive integer');
  if (options.path !== undefined && (typeof options.path !== 'string' || options.path === ''))
    throw new TypeError('DuplicateIndex: path must be a file path');

  const { DuckDBInstance } = await loadDuckDb();
  const dir = mkdtempSync(join(tmpdir(), 'cancuoc-dups-'));
  const file = options.path ?? join(dir, 'duplicates.duckdb');
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  let appender: DuckDBAppender | undefined;
  try {
    instance = await DuckDBInstance.create(file, {
      memory_limit: memoryLimit,
      threads: String(threads),
      temp_directory: join(dir, 'spill'),
      preserve_insertion_order: 'false',
    });
    connection = await instance.connect();
    await connection.run(
      'CREATE TABLE dup_records (row UINTEGER NOT NULL, pid VARCHAR, name VARCHAR, bdate VARCHAR, place VARCHAR)',
    );
    appender = await connection.createAppender('dup_records');
  } catch (cause) {
    connection?.closeSync();
    instance?.closeSync();
    rmSync(dir, { recursive: true, force: true });
    throw duplicateError('ERR_CLEAN_DUPLICATE_STORE', { reason: reasonOf(cause) }, { cause });
  }
  let closed = false;
  const db = connection;
  const app = appender;
  const open = () => {
    if (closed) throw new TypeError('DuplicateIndex is closed');
  };
  const text = (value: string | null) => (value === null ? app.appendNull() : app.appendVarchar(value));
  const run = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (cause) {
      throw duplicateError('ERR_CLEAN_DUPLICATE_STORE', { reason: reasonOf(cause) }, { cause });
    }
  };

  return {
    async add(batch: readonly CleanedRecord[]): Promise<void> {
      open();
      if (!Array.isArray(batch))
        throw new TypeError('DuplicateIndex.add expects an array of cleaned records');
      const keys = batch.map(indexedKeys);
      await run(async () => {
        for (const k of keys) {
          app.appendUInteger(k.row);
          text(k.id);
          text(k.name);
          text(k.date);
          text(k.place);
          app.endRow();
        }
        app.flushSync();
      });
    },
    groups(): AsyncIterable<DuplicateGroup> {
      open();
      return {
        async *[Symbol.asyncIterator]() {
          open();
          const twice = await run(async () => {
            app.flushSync();
            const dupes = await db.runAndReadAll(
              'SELECT count(*) - count(DISTINCT row) AS d FROM dup_records',
            );
            return Number(dupes.getRowObjectsJS()[0]?.d ?? 0);
          });
          if (twice > 0) throw new RangeError(`DuplicateIndex: ${twice} row numbers were added twice`);
          await run(async () => {
            await db.run(CONFLICTS);
            await db.run(EXACT_GROUPS);
            for (const sql of SIMILAR_NODES) await db.run(sql);
            const nodes = await db.runAndReadAll('SELECT count(*) AS n FROM dup_nodes');
            const parts = Math.max(1, Math.ceil(Number(nodes.getRowObjectsJS()[0]?.n ?? 0) / partitionKeys));
            await db.run(SIMILAR_VARIANTS);
            await db.run('CREATE OR REPLACE TEMP TABLE dup_candidates (a BIGINT, b BIGINT)');
            for (let part = 0; part < parts; part++) await db.run(SIMILAR_CANDIDATES(part, parts));
            for (const sql of SIMILAR_LINKS) await db.run(sql);
            for (;;) {
              await db.run(SIMILAR_STEP);
              const changed = await db.runAndReadAll(SIMILAR_CHANGED);
              await db.run('CREATE OR REPLACE TEMP TABLE dup_labels AS SELECT * FROM dup_next');
              if (Number(changed.getRowObjectsJS()[0]?.changed ?? 0) === 0) break;
            }
            await db.run(SIMILAR_GROUPS);
          });
          const result = await run(() =>
            db.stream('SELECT reason, rows FROM dup_groups ORDER BY first, tier'),
          );
          let group = 0;
          for await (const chunk of result.yieldRowsJs()) {
            for (const [reason, rows] of chunk) {
              group++;
              yield { group, reason: reason as DuplicateReason, rows: (rows as number[]).map(Number) };
            }
          }
          for (const table of CLEANUP) await db.run(`DROP TABLE IF EXISTS ${table}`);
        },
      };
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      try {
        app.closeSync();
      } finally {
        db.closeSync();
        instance?.closeSync();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
