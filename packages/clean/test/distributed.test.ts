/**
 * The distributed mode end to end on loopback: real Redis and PostgreSQL servers (Debian's
 * binaries, started by @cancuoc/testkit/servers), two worker processes, a generated dirty list.
 * The results must equal the single-machine path (cleanRecord + the memory duplicate index) on
 * the same file, also when a worker is SIGKILLed inside a partition and BullMQ hands the
 * partition to the other worker.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  generateResidents,
  type ResidentRecord,
  residentCsvHeaders,
  residentFields,
  residentsToCsv,
} from '@cancuoc/testkit';
import {
  type PostgresServer,
  postgresSkipReason,
  type RedisServer,
  redisSkipReason,
  startPostgres,
  startRedis,
} from '@cancuoc/testkit/servers';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanRecord } from '../src/clean-record.js';
import { resolveColumns } from '../src/distributed/columns.js';
import { type CleanCoordinator, createCleanCoordinator, startCleanWorker } from '../src/distributed/index.js';
import { copyField } from '../src/distributed/start-clean-worker.js';
import { createDuplicateIndex, type DuplicateGroup } from '../src/duplicates/index.js';
import { PAIRWISE_MAX } from '../src/duplicates/memory-store.js';
import type { CleanedRecord, CleanField, InputRecord } from '../src/types.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO_ROOT = resolve(HERE, '../../..');
const WORKER = join(HERE, 'distributed-worker.ts');
const COUNT = 2004;
const skip = postgresSkipReason() ?? redisSkipReason();
const REPORT_HEADER = ['row', 'field', 'code', 'severity', 'message_vi', 'message_en', 'before', 'after'];

const mapping = { ...residentCsvHeaders.en } as Record<CleanField, string>;

interface Expected {
  header: string[];
  cleaned: string[][];
  issues: string[][];
  groups: DuplicateGroup[];
}

/** The single-machine path on the same file. */
async function singleMachine(file: string): Promise<Expected> {
  const [header = [], ...records] = parse(readFileSync(file), {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
  const columns = resolveColumns(header, mapping);
  const results: CleanedRecord[] = records.map((record, i) => {
    const input: InputRecord = {};
    columns.forEach((f, c) => {
      if (f && record[c]) input[f] = record[c];
    });
    return cleanRecord(input, i + 1);
  });
  const index = await createDuplicateIndex({ store: 'memory' });
  await index.add(results);
  const groups: DuplicateGroup[] = [];
  for await (const g of index.groups()) groups.push(g);
  await index.close();
  return {
    header,
    cleaned: results.map((r, i) =>
      header.map((_, c) => {
        const f = columns[c];
        return f && Object.hasOwn(r.values, f) ? (r.values[f] ?? '') : (records[i]?.[c] ?? '');
      }),
    ),
    issues: results.flatMap((r) =>
      r.issues.map((x) => [
        String(x.row),
        x.field ?? '',
        x.code,
        x.severity,
        x.messageVi,
        x.messageEn,
        x.before ?? '',
        x.after ?? '',
      ]),
    ),
    groups,
  };
}

interface Child {
  process: ChildProcess;
  messages: { type: string; partition?: number }[];
  next(type: string): Promise<{ type: string; partition?: number }>;
  exited: Promise<void>;
}

function spawnWorker(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--conditions=@cancuoc/source', '--import', 'tsx', WORKER], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: { type: string; partition?: number }[] = [];
  const waiting: { type: string; resolve: (m: { type: string; partition?: number }) => void }[] = [];
  child.on('message', (m: { type: string; partition?: number }) => {
    messages.push(m);
    const i = waiting.findIndex((w) => w.type === m.type);
    if (i >= 0) waiting.splice(i, 1)[0]?.resolve(m);
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    process: child,
    messages,
    next: (type) =>
      new Promise((resolvePromise, reject) => {
        const seen = messages.find((m) => m.type === type);
        if (seen) return resolvePromise(seen);
        waiting.push({ type, resolve: resolvePromise });
        void exited.then(() => reject(new Error(`worker exited before sending ${type}`)));
      }),
    exited,
  };
}

describe.skipIf(skip !== undefined)('distributed mode on Redis and PostgreSQL', () => {
  let postgres: PostgresServer;
  let redis: RedisServer;
  let dir: string;
  let file: string;
  let expected: Expected;
  let db: pg.Pool;
  const children: Child[] = [];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    db = new pg.Pool({ connectionString: postgres.connectionString, max: 2 });
    dir = mkdtempSync(join(tmpdir(), 'cancuoc-distributed-'));
    file = join(dir, 'residents.csv');
    // More duplicates and conflicts than the defaults, so that every rule has groups to find.
    // One birth date with more people than the pairwise limit: its similar names are found
    // through deletion variants in both modes, every other day's pairwise.
    const crowded = Array.from(
      { length: PAIRWISE_MAX + 12 },
      (_, k) =>
        `Pham Thi ${String.fromCharCode(97 + (k % 26))}${String.fromCharCode(97 + Math.floor(k / 26))}n`,
    );
    const rows = generateResidents({
      count: COUNT - 4 - crowded.length,
      seed: 11,
      dirt: { duplicate: 0.08, idConflict: 0.01 },
    });
    // Generated duplicates keep their ID; a few people without one exercise the name rules.
    const blank = Object.fromEntries(residentFields.map((f) => [f, ''])) as ResidentRecord;
    const noId = (fullName: string): ResidentRecord => ({
      ...blank,
      fullName,
      birthDate: '05/06/1990',
      placeOfOrigin: 'Hà Nội',
      permanentAddress: 'Số 1 "Ngõ 2", Hà Nội\nTầng 3',
    });
    const extra = ['Trần Văn Bình', 'Tran Van Binh', 'Trần Văn Bìn', 'Trần  văn bình', ...crowded].map(noId);
    writeFileSync(
      file,
      [...residentsToCsv([...rows, ...extra], { headers: 'en', newline: '\r\n' })].join(''),
    );
    expected = await singleMachine(file);
  }, 120_000);

  afterAll(async () => {
    for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
    await db?.end();
    await Promise.all([postgres?.stop(), redis?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const workerEnv = (queue: string, id: string, mode: string) => ({
    CLEAN_REDIS_URL: redis.url,
    CLEAN_PG_URL: postgres.connectionString,
    CLEAN_QUEUE: queue,
    CLEAN_WORKER_ID: id,
    CLEAN_WORKER_MODE: mode,
  });

  async function check(coordinator: CleanCoordinator, jobId: string) {
    const groups: DuplicateGroup[] = [];
    for await (const g of coordinator.groups(jobId)) groups.push(g);
    expect(groups).toEqual(expected.groups);
    const out = {
      out: join(dir, `${jobId}-cleaned.csv`),
      report: join(dir, `${jobId}-issues.csv`),
      duplicates: join(dir, `${jobId}-dups.csv`),
    };
    await coordinator.exportResults(jobId, out);
    const [cleanedHeader, ...cleaned] = parse(readFileSync(out.out), {
      relax_column_count: true,
    }) as string[][];
    expect(cleanedHeader).toEqual(expected.header);
    expect(cleaned).toEqual(expected.cleaned);
    expect((parse(readFileSync(out.report)) as string[][]).slice(1)).toEqual(expected.issues);
    // Byte for byte what csv-stringify writes for the same rows (the files PostgreSQL's COPY formats).
    expect(readFileSync(out.out, 'utf8')).toBe(stringify([expected.header, ...expected.cleaned]));
    expect(readFileSync(out.report, 'utf8')).toBe(stringify([REPORT_HEADER, ...expected.issues]));
    const dupLines = (parse(readFileSync(out.duplicates)) as string[][]).slice(1);
    expect(dupLines).toEqual(
      expected.groups.flatMap((g) => g.rows.map((r) => [String(g.group), String(r), g.reason])),
    );
    const stored = await db.query(
      'SELECT count(*)::int AS n, count(DISTINCT row_no)::int AS d, min(row_no)::int AS lo, max(row_no)::int AS hi FROM cancuoc_clean_rows WHERE job_id = $1',
      [jobId],
    );
    expect(stored.rows[0]).toEqual({ n: COUNT, d: COUNT, lo: 1, hi: COUNT });
  }

  it('has groups of every reason and issues to compare', () => {
    const reasons = new Set(expected.groups.map((g) => g.reason));
    for (const reason of ['same-id', 'id-conflict', 'similar-name'] as const)
      expect(reasons).toContain(reason);
    expect(expected.issues.length).toBeGreaterThan(0);
  });

  it('two worker processes share the partitions and give the single-machine results', async () => {
    const queue = 'clean-share';
    const a = spawnWorker(workerEnv(queue, 'worker-a', 'hold'));
    const b = spawnWorker(workerEnv(queue, 'worker-b', 'hold'));
    children.push(a, b);
    await Promise.all([a.next('ready'), b.next('ready')]);
    const coordinator = await createCleanCoordinator({
      redis: redis.url,
      postgres: postgres.connectionString,
      queueName: queue,
    });
    try {
      const jobId = await coordinator.submit(file, { partitions: 8, mapping });
      // Each worker holds its first partition until the other is inside one too.
      const [ha, hb] = await Promise.all([a.next('holding'), b.next('holding')]);
      expect(ha.partition).not.toBe(hb.partition);
      a.process.send({ type: 'go' });
      b.process.send({ type: 'go' });
      const progress: number[] = [];
      const summary = await coordinator.wait(jobId, { onProgress: (p) => progress.push(p.partitionsDone) });
      expect(summary).toMatchObject({ jobId, rows: COUNT, partitions: 8, workers: ['worker-a', 'worker-b'] });
      expect(summary.issues).toBe(expected.issues.length);
      expect(summary.duplicateGroups).toBe(expected.groups.length);
      expect(progress.length).toBeGreaterThan(0);
      await check(coordinator, jobId);
    } finally {
      await coordinator.close();
      a.process.send({ type: 'close' });
      b.process.send({ type: 'close' });
      await Promise.all([a.exited, b.exited]);
    }
  }, 180_000);

  it('a worker SIGKILLed inside a partition: BullMQ retries it on the other worker, nothing lost or duplicated', async () => {
    const queue = 'clean-crash';
    const victim = spawnWorker(workerEnv(queue, 'victim', 'crash'));
    const survivor = spawnWorker(workerEnv(queue, 'survivor', 'hold'));
    children.push(victim, survivor);
    await Promise.all([victim.next('ready'), survivor.next('ready')]);
    const coordinator = await createCleanCoordinator({
      redis: redis.url,
      postgres: postgres.connectionString,
      queueName: queue,
    });
    try {
      const jobId = await coordinator.submit(file, { partitions: 6, mapping });
      const [mid] = await Promise.all([victim.next('mid-partition'), survivor.next('holding')]);
      // The victim has written a batch of its partition inside the open transaction: kill it there.
      victim.process.kill('SIGKILL');
      await victim.exited;
      survivor.process.send({ type: 'go' });
      const summary = await coordinator.wait(jobId);
      expect(summary).toMatchObject({ rows: COUNT, partitions: 6, workers: ['survivor'] });
      const part = await db.query(
        'SELECT worker, attempt, rows FROM cancuoc_clean_parts WHERE job_id = $1 AND part = $2',
        [jobId, mid.partition],
      );
      // Started once by the victim, once more by the survivor after the lock expired.
      expect(part.rows[0]).toMatchObject({ worker: 'survivor' });
      expect(part.rows[0].attempt).toBeGreaterThanOrEqual(2);
      await check(coordinator, jobId);
    } finally {
      await coordinator.close();
      survivor.process.send({ type: 'close' });
      await survivor.exited;
    }
  }, 180_000);

  it('copyField: any text (tabs, line ends, backslashes, "\\N") and NULL survive COPY into PostgreSQL', async () => {
    const client = await db.connect();
    try {
      await client.query('CREATE TEMP TABLE copy_check (n INT, v TEXT)');
      // Characters COPY's text format gives a meaning to, among any others (PostgreSQL text holds no NUL).
      const special = fc.constantFrom('\\', '\t', '\n', '\r', '\\N', '\\.', '.', 'N', 'ễ', '😀', ' ');
      const text = fc
        .array(fc.oneof(special, fc.string({ unit: 'grapheme' })), { maxLength: 12 })
        .map((parts) => parts.join('').replaceAll('\0', ''));
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.option(text, { nil: null }), { minLength: 1, maxLength: 20 }),
          async (values) => {
            await client.query('TRUNCATE copy_check');
            const lines = values.map((v, n) => `${n}\t${copyField(v)}\n`).join('');
            await new Promise<void>((resolvePromise, reject) => {
              const stream = client.query(copyFrom('COPY copy_check (n, v) FROM STDIN'));
              stream.on('finish', resolvePromise).on('error', reject);
              stream.end(Buffer.from(lines, 'utf8'));
            });
            const back = await client.query('SELECT v FROM copy_check ORDER BY n');
            expect(back.rows.map((r) => r.v)).toEqual(values);
          },
        ),
        { numRuns: 200 },
      );
    } finally {
      client.release();
    }
  });

  it('exportResults writes any stored text as csv-stringify would: quotes, delimiters, line ends, empty and missing values', async () => {
    const coordinator = await createCleanCoordinator({
      redis: redis.url,
      postgres: postgres.connectionString,
      queueName: 'clean-export',
    });
    const special = fc.constantFrom('"', ',', ';', '\t', '|', '\n', '\r', '\r\n', ' ', '\\', '\\.', 'ễ', '');
    const text = fc
      .array(fc.oneof(special, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 6 })
      .map((parts) => parts.join('').replaceAll('\0', ''));
    const fields: (CleanField | null)[] = ['fullName', null, 'birthDate', null];
    const header = ['Họ, tên', 'Ghi "chú"', 'Ngày sinh', 'Khác'];
    const row = fc.record({
      raw: fc.array(text, { maxLength: 5 }),
      cleaned: fc.record({ fullName: text, birthDate: text }, { requiredKeys: [] }),
      issues: fc.array(fc.tuple(fc.option(text, { nil: null }), text, fc.option(text, { nil: null })), {
        maxLength: 3,
      }),
    });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(',', ';', '\t', '|'),
          fc.array(row, { maxLength: 12 }),
          async (delimiter, rows) => {
            const jobId = randomUUID();
            await db.query(
              `INSERT INTO cancuoc_clean_jobs (id, file, header, columns, delimiter, profile, partitions, rows, finished_at)
               VALUES ($1, 'x.csv', $2, $3, $4, '"population"', 1, $5, now())`,
              [jobId, JSON.stringify(header), JSON.stringify(fields), delimiter, rows.length],
            );
            for (const [n, r] of rows.entries()) {
              await db.query(
                'INSERT INTO cancuoc_clean_rows (job_id, row_no, part, raw, cleaned) VALUES ($1, $2, 0, $3, $4)',
                [jobId, n + 1, JSON.stringify(r.raw), JSON.stringify(r.cleaned)],
              );
              for (const [seq, [before, vi, after]] of r.issues.entries())
                await db.query(
                  `INSERT INTO cancuoc_clean_issues (job_id, row_no, seq, part, field, code, severity, message_vi, message_en, before, after)
                   VALUES ($1, $2, $3, 0, $4, 'CLEAN_X', 'warning', $5, 'm', $6, $7)`,
                  [jobId, n + 1, seq, seq === 1 ? null : 'fullName', vi, before, after],
                );
            }
            const out = join(dir, `export-${jobId}.csv`);
            const report = join(dir, `export-${jobId}-issues.csv`);
            await coordinator.exportResults(jobId, { out, report });
            const cleaned = rows.map((r) =>
              header.map((_, i) => {
                const f = fields[i];
                const values = r.cleaned as Record<string, string>;
                return f && Object.hasOwn(values, f) ? (values[f] ?? '') : (r.raw[i] ?? '');
              }),
            );
            expect(readFileSync(out, 'utf8')).toBe(stringify([header, ...cleaned], { delimiter }));
            const issues = rows.flatMap((r, n) =>
              r.issues.map(([before, vi, after], seq) => [
                String(n + 1),
                seq === 1 ? '' : 'fullName',
                'CLEAN_X',
                'warning',
                vi,
                'm',
                before ?? '',
                after ?? '',
              ]),
            );
            expect(readFileSync(report, 'utf8')).toBe(stringify([REPORT_HEADER, ...issues]));
            rmSync(out);
            rmSync(report);
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      await coordinator.close();
    }
  }, 120_000);

  it('refuses bad options and unknown jobs with typed errors', async () => {
    const coordinator = await createCleanCoordinator({
      redis: redis.url,
      postgres: postgres.connectionString,
      queueName: 'clean-errors',
    });
    try {
      await expect(coordinator.submit(file, { partitions: 0 })).rejects.toThrow(RangeError);
      await expect(coordinator.wait('not-an-id')).rejects.toThrow(TypeError);
      await expect(coordinator.wait('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
        code: 'ERR_CLEAN_JOB_UNKNOWN',
      });
      const unknownHeader = join(dir, 'unknown.csv');
      writeFileSync(unknownHeader, 'a,b\n1,2\n');
      await expect(coordinator.submit(unknownHeader)).rejects.toMatchObject({
        code: 'ERR_CLEAN_NO_HEADER',
      });
    } finally {
      await coordinator.close();
    }
    await expect(
      createCleanCoordinator({ redis: 'http://x', postgres: postgres.connectionString }),
    ).rejects.toThrow(TypeError);
    await expect(
      startCleanWorker({ redis: redis.url, postgres: postgres.connectionString, concurrency: 0 }),
    ).rejects.toThrow(RangeError);
  });
});
