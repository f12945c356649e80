import { createReadStream } from 'node:fs';
import { hostname } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { cleanRecord } from '../clean-record.js';
import { blankKey } from '../duplicates/key-batch.js';
import { Utf8Writer } from '../internal/utf8-writer.js';
import type { CleanedRecord, CleanField, InputRecord, Profile, RecordIssue } from '../types.js';
import { distributedError } from './errors.js';
import { groupInPostgres } from './group-sql.js';
import { loadBullMq, redisConnection } from './peers.js';
import { openPool } from './pool.js';
import { ensureSchema, inTransaction } from './schema.js';
import {
  type CleanJobSummary,
  type ClusterOptions,
  checkQueueName,
  type GroupJobData,
  type PartitionJobData,
} from './types.js';

/** Options of {@link startCleanWorker}. */
export interface CleanWorkerOptions extends ClusterOptions {
  /** Partitions this process cleans at the same time (default 1; run one process per core). */
  readonly concurrency?: number;
  /** The name recorded with each partition it writes (default `<hostname>:<pid>`). */
  readonly workerId?: string;
  /** Records written to PostgreSQL at a time, with one `COPY` per table (default 1,000). */
  readonly batchSize?: number;
  /**
   * BullMQ's lock on a running partition, in ms (default 30,000): a worker that dies holding a
   * partition loses it after this long and another worker takes it again.
   */
  readonly lockDuration?: number;
  /** Called after each batch is written (inside the partition's transaction, not yet committed). */
  readonly onBatch?: (event: { jobId: string; partition: number; rows: number }) => void | Promise<void>;
}

/** A running worker. */
export interface CleanWorker {
  readonly workerId: string;
  /** Finishes the partitions in hand, then stops taking new ones and closes its connections. */
  close(): Promise<void>;
}

interface JobMeta {
  file: string;
  columns: (CleanField | null)[];
  delimiter: string;
  profile: Profile;
}

const MAX_RECORD_BYTES = 1 << 20;
const BLANK = /^[ \t\r\n]*$/;

/**
 * Starts a worker of the distributed mode: it takes partitions of a submitted file from the BullMQ
 * queue, runs {@link cleanRecord} on each record of its partition and writes the cleaned rows,
 * their issues and duplicate keys to PostgreSQL in one transaction per partition (delete, then
 * insert, keyed by partition: a partition retried after a crash replaces what a dead attempt may
 * have written, so nothing is lost or written twice); the last job of a submission groups the
 * duplicates in SQL. The input file must be readable at the same path on every worker (a shared
 * or copied disk). Node only; needs the optional packages `bullmq`, `ioredis` and `pg`.
 *
 * @throws TypeError/RangeError on bad options; `ERR_CLEAN_PEER_MISSING` when bullmq or pg is not installed.
 * @example
 * ```ts
 * import { startCleanWorker } from '@cancuoc/clean/distributed';
 *
 * const worker = await startCleanWorker({
 *   redis: 'redis://queue.internal:6379',
 *   postgres: 'postgresql://clean@db.internal/clean',
 *   concurrency: 2,
 * });
 * process.on('SIGTERM', () => void worker.close());
 * ```
 */
export async function startCleanWorker(options: CleanWorkerOptions): Promise<CleanWorker> {
  if (options === null || typeof options !== 'object')
    throw new TypeError('startCleanWorker expects options');
  const queueName = checkQueueName(options.queueName);
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    throw new RangeError('concurrency must be an integer from 1 to 256');
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)
    throw new RangeError('batchSize must be an integer from 1 to 100,000');
  const lockDuration = options.lockDuration ?? 30_000;
  if (!Number.isInteger(lockDuration) || lockDuration < 1000)
    throw new RangeError('lockDuration must be at least 1,000 ms');
  const workerId = options.workerId ?? `${hostname()}:${process.pid}`;
  const connection = redisConnection(options.redis);
  const { Worker } = await loadBullMq();
  const { pool, end } = await openPool(options.postgres, concurrency + 1);
  await ensureSchema(pool);

  const metas = new Map<string, Promise<JobMeta>>();
  const meta = (jobId: string): Promise<JobMeta> => {
    let found = metas.get(jobId);
    if (!found) {
      found = pool
        .query('SELECT file, columns, delimiter, profile FROM cancuoc_clean_jobs WHERE id = $1', [jobId])
        .then((r) => {
          const row = r.rows[0] as JobMeta | undefined;
          if (!row) throw distributedError('ERR_CLEAN_JOB_UNKNOWN', { jobId });
          return row;
        });
      found.catch(() => metas.delete(jobId));
      metas.set(jobId, found);
    }
    return found;
  };

  async function runPartition(data: PartitionJobData, attempt: number): Promise<{ rows: number }> {
    const job = await meta(data.jobId);
    return inTransaction(pool, async (client) => {
      // One attempt of a partition at a time, even when a stalled worker is still alive.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `cancuoc_clean_part:${data.jobId}:${data.index}`,
      ]);
      // A partition is a range of rows: what an earlier attempt wrote is found by primary key.
      const range = [data.jobId, data.firstRow, data.firstRow + data.rows];
      await client.query(
        'DELETE FROM cancuoc_clean_rows WHERE job_id = $1 AND row_no >= $2 AND row_no < $3',
        range,
      );
      await client.query(
        'DELETE FROM cancuoc_clean_issues WHERE job_id = $1 AND row_no >= $2 AND row_no < $3',
        range,
      );
      let row = data.firstRow;
      let batch: { raw: string[]; cleaned: CleanedRecord }[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await insertBatch(client, data, batch);
        batch = [];
        await options.onBatch?.({ jobId: data.jobId, partition: data.index, rows: row - data.firstRow });
      };
      if (data.end > data.start) {
        const parser = createReadStream(job.file, { start: data.start, end: data.end - 1 }).pipe(
          parse({
            delimiter: job.delimiter,
            relax_column_count: true,
            skip_empty_lines: true,
            max_record_size: MAX_RECORD_BYTES,
          }),
        );
        for await (const record of parser as AsyncIterable<string[]>) {
          // A line of blank fields is not a row (the planner counted rows the same way).
          if (record.every((v) => BLANK.test(v))) continue;
          const input: InputRecord = {};
          job.columns.forEach((field, i) => {
            const value = record[i];
            if (field !== null && value !== undefined && value !== '') input[field] = value;
          });
          batch.push({ raw: record, cleaned: cleanRecord(input, row, { profile: job.profile }) });
          row++;
          if (batch.length >= batchSize) await flush();
        }
      }
      await flush();
      const rows = row - data.firstRow;
      if (rows !== data.rows)
        throw distributedError('ERR_CLEAN_INPUT_FORMAT', {
          reason: `partition ${data.index} holds ${rows} rows, ${data.rows} when submitted: the file changed`,
          reasonVi: `phần ${data.index} có ${rows} dòng, khi gửi có ${data.rows}: tệp đã bị thay đổi`,
        });
      await client.query(
        `INSERT INTO cancuoc_clean_parts (job_id, part, rows, worker, attempt) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (job_id, part) DO UPDATE SET rows = EXCLUDED.rows, worker = EXCLUDED.worker,
           attempt = EXCLUDED.attempt, done_at = now()`,
        [data.jobId, data.index, rows, workerId, attempt],
      );
      return { rows };
    });
  }

  async function runGroup(data: GroupJobData): Promise<CleanJobSummary> {
    return inTransaction(pool, async (client) => {
      await groupInPostgres(client, data.jobId);
      const summary = await summarize(client, data.jobId);
      await client.query('UPDATE cancuoc_clean_jobs SET finished_at = now(), summary = $2 WHERE id = $1', [
        data.jobId,
        JSON.stringify(summary),
      ]);
      return summary;
    });
  }

  const worker = new Worker(
    queueName,
    async (job) => {
      if (job.name === 'partition') return runPartition(job.data as PartitionJobData, job.attemptsStarted);
      if (job.name === 'group') return runGroup(job.data as GroupJobData);
      throw new Error(`unknown job ${job.name}`);
    },
    {
      connection,
      concurrency,
      lockDuration,
      stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
      // A partition is idempotent: one that stalled (its worker died or starved) is safe to redo.
      maxStalledCount: 3,
    },
  );
  // Failures are reported through the job (and so to the coordinator's wait), never logged here:
  // a message could quote a record.
  worker.on('error', () => {});
  await worker.waitUntilReady();
  return {
    workerId,
    async close() {
      await worker.close();
      await end();
    },
  };
}

// COPY's text format: a field is its text with backslash, tab, line feed and carriage return
// escaped, `\N` is NULL. Written here because pg-copy-streams moves bytes and formats nothing;
// most values need no escape, so the test runs before any replacement.
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** One value of a COPY text line (`null` is SQL NULL). */
export function copyField(v: string | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  return COPY_SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] as string) : v;
}

/** Streams `bytes` (COPY text lines) into PostgreSQL with `COPY … FROM STDIN`. */
async function copyIn(client: pg.PoolClient, sql: string, bytes: Uint8Array): Promise<void> {
  if (bytes.length === 0) return;
  await pipeline(Readable.from([bytes]), client.query(copyFrom(sql)));
}

/**
 * Writes a batch with `COPY … FROM STDIN` (≈ half PostgreSQL's CPU of an INSERT from unnested
 * arrays, which parses every array literal before the rows), inside the partition's transaction.
 * Each line is encoded as it is made.
 */
async function insertBatch(
  client: pg.PoolClient,
  data: PartitionJobData,
  batch: readonly { raw: string[]; cleaned: CleanedRecord }[],
): Promise<void> {
  const job = copyField(data.jobId);
  const part = String(data.index);
  const rows = new Utf8Writer(batch.length * 1024);
  const issues = new Utf8Writer(batch.length * 512);
  for (const { raw, cleaned } of batch) {
    const k = cleaned.keys;
    rows.write(
      `${job}\t${cleaned.row}\t${part}\t${copyField(JSON.stringify(raw))}\t${copyField(
        JSON.stringify(cleaned.values),
      )}\t${copyField(blankKey(k.personalId))}\t${copyField(blankKey(k.foldedName))}\t${copyField(
        blankKey(k.birthDate),
      )}\t${copyField(blankKey(k.birthPlace))}\n`,
    );
    const list = cleaned.issues;
    for (let seq = 0; seq < list.length; seq++) {
      const i = list[seq] as RecordIssue;
      issues.write(
        `${job}\t${i.row}\t${seq}\t${part}\t${copyField(i.field)}\t${copyField(i.code)}\t${
          i.severity
        }\t${copyField(i.messageVi)}\t${copyField(i.messageEn)}\t${copyField(i.before)}\t${copyField(i.after)}\n`,
      );
    }
  }
  await copyIn(
    client,
    'COPY cancuoc_clean_rows (job_id, row_no, part, raw, cleaned, pid, name, bdate, place) FROM STDIN',
    rows.bytes(),
  );
  await copyIn(
    client,
    'COPY cancuoc_clean_issues (job_id, row_no, seq, part, field, code, severity, message_vi, message_en, before, after) FROM STDIN',
    issues.bytes(),
  );
}

async function summarize(client: pg.PoolClient, jobId: string): Promise<CleanJobSummary> {
  const one = async (sql: string) => (await client.query(sql, [jobId])).rows as Record<string, unknown>[];
  const counts = (rows: Record<string, unknown>[]) =>
    Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));
  const [parts] = await one(
    'SELECT count(*) AS partitions, coalesce(sum(rows), 0) AS rows, array_agg(DISTINCT worker ORDER BY worker) AS workers FROM cancuoc_clean_parts WHERE job_id = $1',
  );
  const bySeverity = counts(
    await one('SELECT severity AS k, count(*) AS n FROM cancuoc_clean_issues WHERE job_id = $1 GROUP BY 1'),
  );
  return {
    jobId,
    rows: Number(parts?.rows ?? 0),
    partitions: Number(parts?.partitions ?? 0),
    workers: ((parts?.workers as string[] | null) ?? []).filter((w) => w !== null),
    issues: Object.values(bySeverity).reduce((a, b) => a + b, 0),
    bySeverity,
    byCode: counts(
      await one(
        'SELECT code AS k, count(*) AS n FROM cancuoc_clean_issues WHERE job_id = $1 GROUP BY 1 ORDER BY 1',
      ),
    ),
    byField: counts(
      await one(
        "SELECT coalesce(field, '') AS k, count(*) AS n FROM cancuoc_clean_issues WHERE job_id = $1 GROUP BY 1 ORDER BY 1",
      ),
    ),
    duplicateGroups: Number(
      (await one('SELECT count(*) AS n FROM cancuoc_clean_groups WHERE job_id = $1'))[0]?.n ?? 0,
    ),
    byReason: counts(
      await one(
        'SELECT reason AS k, count(*) AS n FROM cancuoc_clean_groups WHERE job_id = $1 GROUP BY 1 ORDER BY 1',
      ),
    ),
  };
}
