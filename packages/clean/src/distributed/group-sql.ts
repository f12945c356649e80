import type pg from 'pg';
import { PAIRWISE_MAX } from '../duplicates/memory-store.js';

/**
 * The duplicate rules of `src/duplicates` (see `keys.ts` and the DuckDB store) in PostgreSQL SQL,
 * run once every partition is in: exact groups by key, `similar-name` on the same birth date
 * (pairwise on dates with few people, symmetric-deletion candidates on crowded ones, checked with
 * fuzzystrmatch's `levenshtein_less_equal`, which stops once the distance passes 1 instead of
 * filling the whole matrix), components by min-label propagation. Written into `cancuoc_clean_groups` in one transaction (a retried
 * grouping job replaces what an earlier attempt wrote).
 */
export async function groupInPostgres(client: pg.PoolClient, jobId: string): Promise<void> {
  const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
  await q('SELECT pg_advisory_xact_lock(hashtext($1))', [`cancuoc_clean_group:${jobId}`]);
  // The planner's estimates for these CTEs run to millions of rows, so PostgreSQL compiled them
  // with LLVM: ≈ 0.76 s of JIT in a 1.19 s statement at 200 000 rows, for queries that run once.
  await q('SET LOCAL jit = off');
  await q('DELETE FROM cancuoc_clean_groups WHERE job_id = $1', [jobId]);
  await q(
    `CREATE TEMP TABLE d_rec ON COMMIT DROP AS
     SELECT row_no AS rn, pid, name, bdate, place FROM cancuoc_clean_rows WHERE job_id = $1`,
    [jobId],
  );
  // Temporary tables are never analysed by autovacuum: without statistics the planner guessed
  // nested loops over whole tables (the similar-name join took 3 minutes at 20 000 rows).
  await q('ANALYZE d_rec');
  await q(
    'CREATE TEMP TABLE d_groups (tier INTEGER, first BIGINT, reason TEXT, rows BIGINT[]) ON COMMIT DROP',
  );
  // One ID, two people: birth dates differ, or names more than one typo apart (CASE keeps
  // levenshtein, limited to 255 characters, off names it must not see).
  // Only IDs held under two names or more can be a conflict of names (≈ 1 in 20 IDs): the
  // distinct names and their pairs are built for those alone.
  await q(`CREATE TEMP TABLE d_conflicts ON COMMIT DROP AS
     WITH names AS (SELECT DISTINCT pid, name FROM d_rec
                    WHERE pid IN (SELECT pid FROM d_rec WHERE pid IS NOT NULL AND name IS NOT NULL
                                  GROUP BY pid HAVING min(name) <> max(name))
                      AND name IS NOT NULL),
          counts AS (SELECT pid, count(*) AS n FROM names GROUP BY pid)
     SELECT pid FROM counts WHERE n > 256
     UNION
     SELECT a.pid FROM names a JOIN names b ON a.pid = b.pid AND a.name < b.name
     JOIN counts c ON c.pid = a.pid AND c.n <= 256
     WHERE NOT CASE WHEN octet_length(a.name) = char_length(a.name) AND octet_length(b.name) = char_length(b.name)
                         AND char_length(a.name) <= 255 AND char_length(b.name) <= 255
                    THEN levenshtein_less_equal(a.name, b.name, 1) <= 1 ELSE false END`);
  await q(`INSERT INTO d_groups
     SELECT 0, min(r.rn),
            CASE WHEN count(DISTINCT r.bdate) > 1 OR bool_or(c.pid IS NOT NULL) THEN 'id-conflict' ELSE 'same-id' END,
            array_agg(r.rn ORDER BY r.rn)
     FROM d_rec r LEFT JOIN d_conflicts c ON c.pid = r.pid
     WHERE r.pid IN (SELECT pid FROM d_rec WHERE pid IS NOT NULL GROUP BY pid HAVING count(*) > 1)
     GROUP BY r.pid`);
  // Same name and birth date; a code and a text birth place in one (name, date) link everything.
  // Only (name, date) pairs held by two rows or more are sorted into windows.
  await q(`INSERT INTO d_groups
     SELECT 1, min(rn), 'same-name-birth-date-place', array_agg(rn ORDER BY rn)
     FROM (
       SELECT rn, pid, name, bdate, place,
              bool_or(place ~ '^[0-9]{3}$') OVER (PARTITION BY name, bdate) AS has_code,
              bool_or(place !~ '^[0-9]{3}$') OVER (PARTITION BY name, bdate) AS has_text
       FROM d_rec WHERE place IS NOT NULL AND (name, bdate) IN (
         SELECT name, bdate FROM d_rec WHERE name IS NOT NULL AND bdate IS NOT NULL AND place IS NOT NULL
         GROUP BY name, bdate HAVING count(*) > 1)) b
     GROUP BY name, bdate, CASE WHEN has_code AND has_text THEN NULL ELSE place END
     HAVING count(*) > 1 AND NOT (count(pid) = count(*) AND count(DISTINCT pid) = 1)`);
  await q(`CREATE TEMP TABLE d_nodes ON COMMIT DROP AS
     SELECT row_number() OVER () AS node, bdate, name, place, char_length(name) AS len FROM (
       SELECT DISTINCT bdate, name, place FROM d_rec
       WHERE name IS NOT NULL AND bdate IS NOT NULL
         AND octet_length(name) = char_length(name) AND char_length(name) <= 255) n`);
  await q('CREATE UNIQUE INDEX ON d_nodes (node)');
  await q('ANALYZE d_nodes');
  // As the memory index does: a birth date with few distinct (name, place) compares them pairwise
  // (names more than one character apart in length never are); only larger days build deletion
  // variants, which grow with the names' length (≈ 15 rows per name). The same edges either way.
  await q(`CREATE TEMP TABLE d_days ON COMMIT DROP AS
     SELECT bdate, count(*) > ${PAIRWISE_MAX} AS large FROM d_nodes GROUP BY bdate`);
  await q('ANALYZE d_days');
  await q(`CREATE TEMP TABLE d_variants ON COMMIT DROP AS
     SELECT DISTINCT node, bdate, v FROM (
       SELECT node, bdate, name AS v FROM d_nodes JOIN d_days USING (bdate) WHERE large
       UNION ALL
       SELECT node, bdate, substr(name, 1, i - 1) || substr(name, i + 1)
       FROM d_nodes JOIN d_days USING (bdate), generate_series(1, char_length(name)) AS i WHERE large) x`);
  await q('CREATE INDEX ON d_variants (bdate, v)');
  await q('ANALYZE d_variants');
  const placesAgree = `(na.place IS NULL OR nb.place IS NULL OR na.place = nb.place
              OR (na.place ~ '^[0-9]{3}$') <> (nb.place ~ '^[0-9]{3}$'))`;
  await q(`CREATE TEMP TABLE d_adjacent ON COMMIT DROP AS
     WITH edges AS (
       SELECT DISTINCT a.node AS a, b.node AS b
       FROM d_variants a JOIN d_variants b ON a.bdate = b.bdate AND a.v = b.v AND a.node < b.node
       JOIN d_nodes na ON na.node = a.node JOIN d_nodes nb ON nb.node = b.node
       WHERE ${placesAgree} AND levenshtein_less_equal(na.name, nb.name, 1) = 1
       UNION ALL
       -- Pairs are joined on (date, length) with the three lengths a name one edit away can have,
       -- not on the date alone and filtered after: at 1 M rows (≈ 33 names a day) the date alone
       -- made ≈ 16 M pairs.
       SELECT na.node, nb.node
       FROM d_days d JOIN d_nodes na ON na.bdate = d.bdate
       CROSS JOIN (VALUES (-1), (0), (1)) AS o(delta)
       JOIN d_nodes nb ON nb.bdate = na.bdate AND nb.len = na.len + o.delta AND na.node < nb.node
       WHERE NOT d.large AND ${placesAgree} AND levenshtein_less_equal(na.name, nb.name, 1) = 1)
     SELECT a AS node, b AS other FROM edges UNION ALL SELECT b, a FROM edges`);
  await q('CREATE INDEX ON d_adjacent (node)');
  await q('ANALYZE d_adjacent');
  await q('CREATE TEMP TABLE d_labels ON COMMIT DROP AS SELECT DISTINCT node, node AS label FROM d_adjacent');
  await q('CREATE UNIQUE INDEX ON d_labels (node)');
  await q('ANALYZE d_labels');
  for (;;) {
    const changed = await q(`WITH next AS (
         SELECT l.node, least(l.label, min(o.label)) AS label
         FROM d_labels l JOIN d_adjacent e ON e.node = l.node JOIN d_labels o ON o.node = e.other
         GROUP BY l.node, l.label)
       UPDATE d_labels l SET label = next.label FROM next WHERE next.node = l.node AND next.label < l.label`);
    if (changed.rowCount === 0) break;
  }
  await q(`INSERT INTO d_groups
     SELECT 2, min(r.rn), 'similar-name', array_agg(r.rn ORDER BY r.rn)
     FROM d_labels l JOIN d_nodes n USING (node)
     JOIN d_rec r ON r.bdate = n.bdate AND r.name = n.name AND r.place IS NOT DISTINCT FROM n.place
     GROUP BY l.label
     HAVING NOT (count(r.pid) = count(*) AND count(DISTINCT r.pid) = 1)`);
  await q(
    `INSERT INTO cancuoc_clean_groups (job_id, grp, reason, rows)
     SELECT $1, row_number() OVER (ORDER BY first, tier), reason, rows FROM d_groups`,
    [jobId],
  );
}
