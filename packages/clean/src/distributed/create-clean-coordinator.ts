import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { to as copyTo } from 'pg-copy-streams';
import type { DuplicateGroup, DuplicateReason } from '../duplicates/types.js';
import type { CleanField, Profile } from '../types.js';
import { resolveColumns } from './columns.js';
import { distributedError } from './errors.js';
import { planCsvPartitions } from './partition.js';
import { loadBullMq, redisConnection } from './peers.js';
import { openPool } from './pool.js';
import { ensureSchema } from './schema.js';
import {
  type CleanJobProgress,
  type CleanJobSummary,
  type ClusterOptions,
  checkQueueName,
  type GroupJobData,
  type PartitionJobData,
} from './types.js';

/** Options of {@link CleanCoordinator.submit}. */
export interface SubmitOptions {
  /** How many partitions to cut the file into (default 2 per expected worker core: 16). */
  readonly partitions?: number;
  /** Which fields are required (default `'population'`). */
  readonly profile?: Profile;
  /** Field → header of the input, for headers that are not field names. */
  readonly mapping?: Partial<Record<CleanField, string>>;
  /** Retries of a failed partition (default 3 attempts in all). */
  readonly attempts?: number;
}

/** Options of {@link CleanCoordinator.exportResults}: which files to write (each optional). */
export interface ExportOptions {
  /** The cleaned file: the input's header and columns, known fields replaced by their cleaned values. */
  readonly out?: string;
  /** The issue report, one line per issue: `row, field, code, severity, message_vi, message_en, before, after`. */
  readonly report?: string;
  /** The duplicates file, one line per row of a group: `group, row, reason`. */
  readonly duplicates?: string;
}

/** The coordinator of the distributed mode. */
export interface CleanCoordinator {
  /**
   * Cuts a UTF-8 CSV file into partitions on record boundaries and queues them; returns the job id.
   *
   * @throws `ERR_CLEAN_INPUT_FORMAT` for a file without a header, UTF-16, or no known column.
   */
  submit(file: string, options?: SubmitOptions): Promise<string>;
  /**
   * Waits until every partition is cleaned and the duplicates are grouped.
   *
   * @throws `ERR_CLEAN_JOB_FAILED` when a partition failed all its attempts; `ERR_CLEAN_JOB_UNKNOWN`.
   */
  wait(
    jobId: string,
    options?: { onProgress?: (progress: CleanJobProgress) => void },
  ): Promise<CleanJobSummary>;
  /** The duplicate groups of a finished job, in group order (identical to the single-machine index). */
  groups(jobId: string): AsyncIterable<DuplicateGroup>;
  /** Writes the cleaned file, the issue report and/or the duplicates file of a finished job. */
  exportResults(jobId: string, options: ExportOptions): Promise<void>;
  /** Closes the queue and, when it opened it, the PostgreSQL pool. */
  close(): Promise<void>;
}

const PAGE = 5000;

/** The first non-blank line of the file's first 64 KB (where the header is), for delimiter detection. */
async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const bytes = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    const text = bytes
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return text.split('\n').find((line) => line.trim() !== '') ?? '';
  } finally {
    await handle.close();
  }
}

/** Picks the delimiter that splits the header most (outside quotes): `,`, `;`, tab or `|`. */
function detectDelimiter(header: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t' || ch === '|'))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const [ch, n] of counts) if (n > most) [best, most] = [ch, n];
  return best;
}

/**
 * Creates the coordinator of the distributed mode: past one machine, the same per-record rules run
 * as BullMQ workers ({@link startCleanWorker}) on any number of machines, with the results and the
 * duplicate index in PostgreSQL. `submit` cuts a CSV into byte ranges on record boundaries (only
 * offsets go to Redis, never personal data), `wait` follows the job to its summary, `groups` and
 * `exportResults` read what the workers wrote. Node only; needs the optional packages `bullmq`,
 * `ioredis` and `pg`.
 *
 * @throws TypeError on bad options; `ERR_CLEAN_PEER_MISSING` when bullmq or pg is not installed.
 * @example
 * ```ts
 * import { createCleanCoordinator } from '@cancuoc/clean/distributed';
 *
 * const coordinator = await createCleanCoordinator({
 *   redis: 'redis://queue.internal:6379',
 *   postgres: 'postgresql://clean@db.internal/clean',
 * });
 * const jobId = await coordinator.submit('/data/patients.csv', { partitions: 64, profile: 'hospital' });
 * const summary = await coordinator.wait(jobId, { onProgress: (p) => progressBar.update(p.rowsDone / p.rows) });
 * await coordinator.exportResults(jobId, { out: '/data/cleaned.csv', report: '/data/issues.csv', duplicates: '/data/dups.csv' });
 * await coordinator.close();
 * ```
 */
export async function createCleanCoordinator(options: ClusterOptions): Promise<CleanCoordinator> {
  if (options === null || typeof options !== 'object')
    throw new TypeError('createCleanCoordinator expects options');
  const queueName = checkQueueName(options.queueName);
  const connection = redisConnection(options.redis);
  const { FlowProducer, Queue, QueueEvents, Job } = await loadBullMq();
  const { pool, end } = await openPool(options.postgres, 4);
  await ensureSchema(pool);
  const flow = new FlowProducer({ connection });
  const queue = new Queue(queueName, { connection });
  flow.on('error', () => {});
  queue.on('error', () => {});

  const checkId = (jobId: string) => {
    if (typeof jobId !== 'string' || !/^[0-9a-f-]{36}$/.test(jobId))
      throw new TypeError('jobId must be an id returned by submit');
  };

  async function submit(file: string, submitOptions: SubmitOptions = {}): Promise<string> {
    if (typeof file !== 'string' || file === '') throw new TypeError('submit expects the path of a CSV file');
    const count = submitOptions.partitions ?? 16;
    if (!Number.isInteger(count) || count < 1 || count > 100_000)
      throw new RangeError('partitions must be an integer from 1 to 100,000');
    const attempts = submitOptions.attempts ?? 3;
    if (!Number.isInteger(attempts) || attempts < 1 || attempts > 100)
      throw new RangeError('attempts must be from 1 to 100');
    const path = resolve(file);
    const delimiter = detectDelimiter(await firstLine(path));
    const plan = await planCsvPartitions(path, count, delimiter);
    let headers: string[];
    try {
      headers = (parseSync(plan.header, { delimiter, relax_column_count: true }) as string[][])[0] ?? [];
    } catch (cause) {
      throw distributedError(
        'ERR_CLEAN_INPUT_FORMAT',
        { reason: 'the header row is not valid CSV', reasonVi: 'dòng tiêu đề không phải CSV hợp lệ' },
        { cause },
      );
    }
    const columns = resolveColumns(headers, submitOptions.mapping);
    const jobId = randomUUID();
    await pool.query(
      `INSERT INTO cancuoc_clean_jobs (id, file, header, columns, delimiter, profile, partitions, rows)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        jobId,
        path,
        JSON.stringify(headers),
        JSON.stringify(columns),
        delimiter,
        JSON.stringify(submitOptions.profile ?? 'population'),
        plan.partitions.length,
        plan.rows,
      ],
    );
    const retry = { attempts, backoff: { type: 'exponential' as const, delay: 1000 } };
    await flow.add({
      name: 'group',
      queueName,
      data: { jobId } satisfies GroupJobData,
      opts: { jobId, ...retry },
      children: plan.partitions.map((p) => ({
        name: 'partition',
        queueName,
        data: {
          jobId,
          index: p.index,
          start: p.start,
          end: p.end,
          firstRow: p.firstRow,
          rows: p.rows,
        } satisfies PartitionJobData,
        opts: { jobId: `${jobId}-p${p.index}`, failParentOnFailure: true, ...retry },
      })),
    });
    return jobId;
  }

  async function wait(
    jobId: string,
    waitOptions: { onProgress?: (progress: CleanJobProgress) => void } = {},
  ): Promise<CleanJobSummary> {
    checkId(jobId);
    const found = await pool.query('SELECT partitions, rows, summary FROM cancuoc_clean_jobs WHERE id = $1', [
      jobId,
    ]);
    const row = found.rows[0] as
      | { partitions: number; rows: string; summary: CleanJobSummary | null }
      | undefined;
    if (!row) throw distributedError('ERR_CLEAN_JOB_UNKNOWN', { jobId });
    if (row.summary) return row.summary;
    const job = await Job.fromId(queue, jobId);
    if (!job) throw distributedError('ERR_CLEAN_JOB_UNKNOWN', { jobId });
    const events = new QueueEvents(queueName, { connection });
    events.on('error', () => {});
    const started = Date.now();
    const total = Number(row.rows);
    const report = async () => {
      const done = await pool.query(
        'SELECT count(*) AS parts, coalesce(sum(rows), 0) AS rows FROM cancuoc_clean_parts WHERE job_id = $1',
        [jobId],
      );
      const d = done.rows[0] as { parts: string; rows: string };
      const rowsDone = Number(d.rows);
      const rate = rowsDone / Math.max(0.001, (Date.now() - started) / 1000);
      waitOptions.onProgress?.({
        partitions: row.partitions,
        partitionsDone: Number(d.parts),
        rows: total,
        rowsDone,
        recordsPerSecond: rate,
        etaSeconds: rowsDone === 0 ? undefined : (total - rowsDone) / rate,
      });
    };
    if (waitOptions.onProgress) {
      events.on('completed', ({ jobId: id }) => {
        if (id.startsWith(`${jobId}-p`)) void report().catch(() => {});
      });
    }
    try {
      await events.waitUntilReady();
      if (waitOptions.onProgress) await report();
      return (await job.waitUntilFinished(events)) as CleanJobSummary;
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw distributedError('ERR_CLEAN_JOB_FAILED', { jobId, reason }, { cause });
    } finally {
      await events.close();
    }
  }

  async function* groupRows(jobId: string): AsyncGenerator<{ grp: number; reason: string; rows: string[] }> {
    let last = 0;
    for (;;) {
      const page = await pool.query(
        'SELECT grp, reason, rows FROM cancuoc_clean_groups WHERE job_id = $1 AND grp > $2 ORDER BY grp LIMIT $3',
        [jobId, last, PAGE],
      );
      for (const r of page.rows as { grp: number; reason: string; rows: string[] }[]) yield r;
      if (page.rows.length < PAGE) return;
      last = (page.rows.at(-1) as { grp: number }).grp;
    }
  }

  /**
   * Writes `header` and then what `COPY (query) TO STDOUT` prints as CSV to `path`: PostgreSQL
   * formats the rows itself and they stream to the file as bytes, with no row object in between
   * (a cursor read into rows and written back with csv-stringify took 8 s for 200 000 rows).
   * Every value is passed through `NULLIF(…, '')` by the caller: an empty string then prints as an
   * empty field, unquoted, as csv-stringify writes it (PostgreSQL quotes an empty string to tell it
   * from NULL); beyond that both quote exactly the values holding the delimiter, a quote, CR or LF
   * (and PostgreSQL also a lone `\.` in a one-column file, which reads back the same).
   * `COPY` takes no bind parameters: `query` puts its literals in with `pg`'s own `escapeLiteral`.
   */
  async function copyOut(
    path: string,
    header: string[],
    delimiter: string,
    query: (literal: (text: string) => string) => string,
  ): Promise<void> {
    await writeFile(path, stringifySync([header], { delimiter }));
    const client = await pool.connect();
    let failed: Error | undefined;
    try {
      const literal = (text: string) => client.escapeLiteral(text);
      const sql = `COPY (${query(literal)}) TO STDOUT WITH (FORMAT csv, DELIMITER ${literal(delimiter)})`;
      // Large exports cost enough for PostgreSQL to compile the query with LLVM, which a single
      // scan does not repay (as in the grouping); back to the server's setting before release.
      await client.query('SET jit = off');
      await pipeline(client.query(copyTo(sql)), createWriteStream(path, { flags: 'a' }));
      await client.query('RESET jit');
    } catch (error) {
      failed = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      // A connection left inside a broken COPY is closed, not handed back to the pool.
      client.release(failed);
    }
  }

  async function finishedJob(
    jobId: string,
  ): Promise<{ header: string[]; columns: (CleanField | null)[]; delimiter: string }> {
    checkId(jobId);
    const found = await pool.query(
      'SELECT header, columns, delimiter, finished_at FROM cancuoc_clean_jobs WHERE id = $1',
      [jobId],
    );
    const row = found.rows[0] as
      | { header: string[]; columns: (CleanField | null)[]; delimiter: string; finished_at: Date | null }
      | undefined;
    if (!row) throw distributedError('ERR_CLEAN_JOB_UNKNOWN', { jobId });
    if (!row.finished_at) throw new TypeError(`job ${jobId} has not finished: wait for it first`);
    return row;
  }

  async function exportResults(jobId: string, exportOptions: ExportOptions): Promise<void> {
    if (exportOptions === null || typeof exportOptions !== 'object')
      throw new TypeError('exportResults expects options');
    const job = await finishedJob(jobId);
    const writes: Promise<void>[] = [];
    if (exportOptions.report) {
      writes.push(
        copyOut(
          exportOptions.report,
          ['row', 'field', 'code', 'severity', 'message_vi', 'message_en', 'before', 'after'],
          ',',
          (
            literal,
          ) => `SELECT row_no, NULLIF(field, ''), code, severity, NULLIF(message_vi, ''), NULLIF(message_en, ''),
             NULLIF(before, ''), NULLIF(after, '')
           FROM cancuoc_clean_issues WHERE job_id = ${literal(jobId)} ORDER BY row_no, seq`,
        ),
      );
    }
    if (exportOptions.duplicates) {
      const path = exportOptions.duplicates;
      writes.push(
        pipeline(
          Readable.from(
            (async function* () {
              for await (const g of groupRows(jobId))
                for (const r of g.rows) yield [g.grp, Number(r), g.reason];
            })(),
          ),
          stringify({ header: true, columns: ['group', 'row', 'reason'] }),
          createWriteStream(path),
        ),
      );
    }
    if (exportOptions.out) {
      // Each column of the input: its cleaned value when the rules gave the field one, else the
      // input's own text (a short row has none: empty).
      const select = (literal: (text: string) => string) => {
        const columns = job.header.map((_, i) => {
          const field = job.columns[i];
          const raw = `raw->>${i}`;
          if (!field) return `NULLIF(${raw}, '')`;
          const f = literal(field);
          return `NULLIF(CASE WHEN cleaned ? ${f} THEN cleaned->>${f} ELSE ${raw} END, '')`;
        });
        return `SELECT ${columns.join(', ')} FROM cancuoc_clean_rows WHERE job_id = ${literal(jobId)} ORDER BY row_no`;
      };
      writes.push(copyOut(exportOptions.out, job.header, job.delimiter, select));
    }
    // On separate connections at the same time: PostgreSQL formats one file while this thread
    // writes another. Every write settles before a failure is reported.
    const settled = await Promise.allSettled(writes);
    for (const r of settled) if (r.status === 'rejected') throw r.reason;
  }

  return {
    submit,
    wait,
    async *groups(jobId: string): AsyncGenerator<DuplicateGroup> {
      await finishedJob(jobId);
      for await (const g of groupRows(jobId))
        yield { group: g.grp, reason: g.reason as DuplicateReason, rows: g.rows.map(Number) };
    },
    exportResults,
    async close() {
      await flow.close();
      await queue.close();
      await end();
    },
  };
}
