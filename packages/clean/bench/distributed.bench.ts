/**
 * `pnpm bench distributed`: the distributed mode on one machine, measured next to the
 * single-machine `cleanFile` on the same file in the same run. Real servers on loopback (Debian's
 * PostgreSQL and Redis, started by @cancuoc/testkit/servers and stopped after), worker processes
 * running `startCleanWorker`, the coordinator submitting the file in partitions and exporting the
 * three outputs. Prints each phase's time, records/s and the workers' peak RSS.
 *
 *   pnpm bench distributed                               # 200 000 records, 2 worker processes
 *   CLEAN_BENCH_RECORDS=1000000 CLEAN_BENCH_WORKERS=3 CLEAN_BENCH_PARTITIONS=32 pnpm bench distributed
 *   CLEAN_BENCH_WORKER_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' pnpm bench distributed   # Node flags of the workers
 *
 * On one machine this mode is the slower one by design: every cleaned row, issue and key goes
 * through PostgreSQL so that any number of machines can share the work; the numbers say what
 * that costs and how the work spreads over processes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { generateResidents, residentsToCsv } from '@cancuoc/testkit';
import { postgresSkipReason, redisSkipReason, startPostgres, startRedis } from '@cancuoc/testkit/servers';
import { cleanFile } from '../src/clean-file.js';
import { createCleanCoordinator } from '../src/distributed/index.js';

const records = Number(process.env.CLEAN_BENCH_RECORDS ?? 200_000);
const workers = Number(process.env.CLEAN_BENCH_WORKERS ?? 2);
const partitions = Number(process.env.CLEAN_BENCH_PARTITIONS ?? 16);
const skip = postgresSkipReason() ?? redisSkipReason();
if (skip !== undefined) {
  console.log(`distributed mode: skipped (${skip})`);
  process.exit(0);
}

const cache = join(tmpdir(), 'cancuoc-cli-bench');
await mkdir(cache, { recursive: true });
const input = join(cache, `residents-${records}-seed2026.csv`);
if (!existsSync(input)) {
  await pipeline(
    Readable.from(residentsToCsv(generateResidents({ count: records, seed: 2026 }))),
    createWriteStream(`${input}.part`),
  );
  await rename(`${input}.part`, input);
}
const size = (await stat(input)).size;
const dir = await mkdtemp(join(tmpdir(), 'cancuoc-distributed-bench-'));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (ms: number) => `${Math.round(records / (ms / 1000)).toLocaleString('en-US')} records/s`;
console.log(
  `input: ${records.toLocaleString('en-US')} generated records (${(size / 1048576).toFixed(0)} MB); ` +
    `${workers} worker processes, ${partitions} partitions; ${availableParallelism()} cores; ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);

const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
const children: ChildProcess[] = [];
try {
  // The single-machine path first, on the same file (its worker threads use every core).
  let t = performance.now();
  const alone = await cleanFile(input, {
    out: join(dir, 'single.csv'),
    report: join(dir, 'single-issues.csv'),
    duplicates: join(dir, 'single-dups.csv'),
  });
  const single = performance.now() - t;
  console.log(`single machine (cleanFile, memory index): ${seconds(single)} = ${rate(single)}`);

  const here = fileURLToPath(new URL('.', import.meta.url));
  const ready: Promise<void>[] = [];
  const closed: Promise<number>[] = [];
  const deaths: Promise<never>[] = [];
  for (let i = 0; i < workers; i++) {
    const child = spawn(
      process.execPath,
      [
        ...(process.env.CLEAN_BENCH_WORKER_ARGS?.split(' ').filter(Boolean) ?? []),
        '--conditions=@cancuoc/source',
        '--import',
        'tsx',
        join(here, 'distributed-worker.ts'),
      ],
      {
        env: {
          ...process.env,
          CLEAN_REDIS_URL: redis.url,
          CLEAN_PG_URL: postgres.connectionString,
          CLEAN_QUEUE: 'bench',
          CLEAN_WORKER_ID: `worker-${i + 1}`,
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    children.push(child);
    // A worker that dies before it is ready (or before it closes) fails the run instead of hanging it.
    const died = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`worker ${i + 1} exited with code ${code}`))),
    );
    died.catch(() => {});
    deaths.push(died);
    ready.push(
      Promise.race([
        new Promise<void>((resolve) =>
          child.on('message', (m: { type: string }) => m.type === 'ready' && resolve()),
        ),
        died,
      ]),
    );
    // Closed once the process has exited (not at its last message): Node writes a worker's
    // `--cpu-prof` profile as it exits, which the clean-up below must not cut short.
    let maxRssKb: number | undefined;
    child.on('message', (m: { type: string; maxRssKb?: number }) => {
      if (m.type === 'closed') maxRssKb = m.maxRssKb ?? 0;
    });
    closed.push(
      died.catch((error: unknown) => {
        if (maxRssKb === undefined) throw error;
        return maxRssKb;
      }),
    );
  }
  await Promise.all(ready);
  const coordinator = await createCleanCoordinator({
    redis: redis.url,
    postgres: postgres.connectionString,
    queueName: 'bench',
  });
  try {
    t = performance.now();
    const jobId = await coordinator.submit(input, { partitions });
    const submitted = performance.now() - t;
    let stored = 0;
    const summary = await Promise.race([
      coordinator.wait(jobId, {
        onProgress: (p) => {
          if (p.partitionsDone === p.partitions && stored === 0) stored = performance.now() - t;
        },
      }),
      ...deaths,
    ]);
    const cleaned = performance.now() - t;
    // Progress is polled: when the grouping ended before a poll saw every partition done, the
    // storing phase is not told apart from it (reported as the whole wait, grouping 0).
    if (stored === 0) stored = cleaned;
    let groups = 0;
    for await (const _ of coordinator.groups(jobId)) groups++;
    const u = performance.now();
    await coordinator.exportResults(jobId, {
      out: join(dir, 'distributed.csv'),
      report: join(dir, 'distributed-issues.csv'),
      duplicates: join(dir, 'distributed-dups.csv'),
    });
    const exported = performance.now() - u;
    const total = cleaned + exported;
    console.log(
      `distributed: submit ${seconds(submitted)}; partitions cleaned and stored ${seconds(stored)} = ${rate(stored)}; ` +
        `duplicates grouped in PostgreSQL ${seconds(cleaned - stored)}; ` +
        `export of the three files ${seconds(exported)}; in all ${seconds(total)} = ${rate(total)}`,
    );
    console.log(
      `  ${summary.rows.toLocaleString('en-US')} rows, ${summary.issues.toLocaleString('en-US')} issues, ${groups.toLocaleString('en-US')} duplicate groups; workers: ${summary.workers.join(', ')}`,
    );
    const issues = Object.values(alone.bySeverity).reduce((a, b) => a + b, 0);
    if (summary.rows !== alone.records || summary.issues !== issues || groups !== alone.duplicates.groups)
      throw new Error(
        `the two modes disagree: single machine ${alone.records} rows, ${issues} issues, ${alone.duplicates.groups} groups`,
      );
  } finally {
    await coordinator.close();
  }
  for (const c of children) c.send({ type: 'close' });
  const rss = await Promise.all(closed);
  console.log(`  peak RSS per worker process: ${rss.map((kb) => `${Math.round(kb / 1024)} MB`).join(', ')}`);
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await Promise.all([postgres.stop(), redis.stop()]);
  await rm(dir, { recursive: true, force: true });
}
