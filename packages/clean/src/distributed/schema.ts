import type pg from 'pg';

/** The tables of the distributed mode (prefix `cancuoc_clean_`), created when absent. */
const DDL = [
  'CREATE EXTENSION IF NOT EXISTS fuzzystrmatch',
  `CREATE TABLE IF NOT EXISTS cancuoc_clean_jobs (
     id TEXT PRIMARY KEY, file TEXT NOT NULL, header JSONB NOT NULL, columns JSONB NOT NULL,
     delimiter TEXT NOT NULL, profile JSONB NOT NULL, partitions INTEGER NOT NULL, rows BIGINT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now(), finished_at TIMESTAMPTZ, summary JSONB)`,
  `CREATE TABLE IF NOT EXISTS cancuoc_clean_parts (
     job_id TEXT NOT NULL, part INTEGER NOT NULL, rows INTEGER NOT NULL, worker TEXT NOT NULL,
     attempt INTEGER NOT NULL, done_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (job_id, part))`,
  `CREATE TABLE IF NOT EXISTS cancuoc_clean_rows (
     job_id TEXT NOT NULL, row_no BIGINT NOT NULL, part INTEGER NOT NULL, raw JSONB NOT NULL, cleaned JSONB NOT NULL,
     pid TEXT, name TEXT, bdate TEXT, place TEXT, PRIMARY KEY (job_id, row_no))`,
  `CREATE TABLE IF NOT EXISTS cancuoc_clean_issues (
     job_id TEXT NOT NULL, row_no BIGINT NOT NULL, seq INTEGER NOT NULL, part INTEGER NOT NULL, field TEXT,
     code TEXT NOT NULL, severity TEXT NOT NULL, message_vi TEXT NOT NULL, message_en TEXT NOT NULL,
     before TEXT, after TEXT, PRIMARY KEY (job_id, row_no, seq))`,
  `CREATE TABLE IF NOT EXISTS cancuoc_clean_groups (
     job_id TEXT NOT NULL, grp INTEGER NOT NULL, reason TEXT NOT NULL, rows BIGINT[] NOT NULL,
     PRIMARY KEY (job_id, grp))`,
];

/** Creates the tables once per pool; concurrent starters are serialised by an advisory lock. */
export async function ensureSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('cancuoc_clean_schema'))");
    for (const sql of DDL) await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Runs `fn` in a transaction on one pooled connection. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
