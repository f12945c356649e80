// `pnpm bench guest-stay`: the durable outbox on its default SQLite store (WAL, synchronous=FULL:
// every enqueue is fsync'd before it resolves).
// 1. enqueue latency p50/p99/max over 2 000 notices (target: p99 under 5 ms on the 2-core machine);
// 2. notices/s from queued to accepted by the local accommodation-API simulator over HTTP, for a
//    few batch sizes, and with the crash tests' faults (drop after accept every 7th submission, 500
//    every 5th) to show what reconciliation costs.
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StayApiFaults, startStayApi } from '@cancuoc/testkit';
import { buildStayNotice, createOutbox, createStayClient, type StayNotice } from '../src/index.js';
import { createSqliteStore } from '../src/sqlite/index.js';

const CREDENTIALS = { username: 'cslt-bench', password: 'bench-pw', clientId: 'API_CSLT', clientSecret: 's' };
const dir = mkdtempSync(join(tmpdir(), 'cancuoc-outbox-bench-'));
let run = 0;

/** `count` valid notices for distinct Vietnamese guests, arriving an hour ago (first `offset`). */
function notices(count: number, offset: number): StayNotice[] {
  const arrival = new Date(Date.now() - 3_600_000);
  const expectedDeparture = new Date(arrival.getTime() + 2 * 86_400_000);
  return Array.from({ length: count }, (_, i) =>
    buildStayNotice({
      guest: {
        fullName: 'Nguyễn Văn An',
        dateOfBirth: { year: 1998, month: 8, day: 15 },
        sex: 'male',
        document: { type: 'can-cuoc', number: `001098${String(offset + i).padStart(6, '0')}` },
      },
      stay: { arrival, expectedDeparture, room: String(100 + (i % 400)), reason: 1 },
    }),
  );
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function enqueueLatency(count: number) {
  const store = createSqliteStore({ path: join(dir, `latency-${++run}.db`) });
  const outbox = createOutbox({ client: { submit: async () => ({ verdicts: [] }) }, store });
  const batch = notices(count + 100, 0);
  for (const notice of batch.slice(0, 100)) await outbox.enqueue(notice); // warm-up
  const times: number[] = [];
  for (const notice of batch.slice(100)) {
    const t0 = performance.now();
    await outbox.enqueue(notice);
    times.push(performance.now() - t0);
  }
  await store.close();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1]! };
}

/** The floor: appending 4 KiB to a file in the same directory and fdatasync'ing it, as a WAL commit does. */
function fsyncFloor(count: number) {
  const fd = openSync(join(dir, 'floor.bin'), 'w');
  const page = new Uint8Array(4096);
  const times: number[] = [];
  for (let i = 0; i < count + 100; i++) {
    const t0 = performance.now();
    writeSync(fd, page);
    fdatasyncSync(fd);
    if (i >= 100) times.push(performance.now() - t0);
  }
  closeSync(fd);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1]! };
}

async function drain(count: number, batchSize: number, faults: StayApiFaults = {}) {
  const api = await startStayApi({ ...CREDENTIALS, faults });
  const store = createSqliteStore({ path: join(dir, `drain-${++run}.db`) });
  const client = createStayClient({ baseUrl: api.url, ...CREDENTIALS, timeoutMs: 5_000 });
  const outbox = createOutbox({
    client,
    store,
    batchSize,
    pollIntervalMs: 50,
    retry: { initialDelayMs: 20, maxDelayMs: 200 },
  });
  for (const notice of notices(count, 500_000 + run * 10_000)) await outbox.enqueue(notice);
  const t0 = performance.now();
  await outbox.start();
  await outbox.idle();
  const seconds = (performance.now() - t0) / 1000;
  await outbox.stop();
  const accepted = (await outbox.list({ state: 'accepted' })).length;
  await store.close();
  const stats = api.stats;
  await api.close();
  if (accepted !== count || stats.accepted !== count) throw new Error(`lost notices: ${accepted}/${count}`);
  return { perSecond: count / seconds, submissions: stats.submissions };
}

console.log(`Node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? '?'})`);

// Interleaved rounds, so that a burst of load from other work lands on both measurements.
const ms = (n: number) => n.toFixed(2);
console.log(
  '\n| round | enqueue p50 | enqueue p99 | enqueue max | fdatasync p50 | fdatasync p99 | fdatasync max |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (let round = 1; round <= 3; round++) {
  const floor = fsyncFloor(1_000);
  const latency = await enqueueLatency(2_000);
  console.log(
    `| ${round} | ${ms(latency.p50)} | ${ms(latency.p99)} | ${ms(latency.max)} | ${ms(floor.p50)} | ${ms(floor.p99)} | ${ms(floor.max)} |`,
  );
}
console.log('(ms; enqueue = SQLite WAL + synchronous=FULL, 2 000 notices; target p99 < 5 ms)');

const rows: [string, number, number, StayApiFaults?][] = [
  ['batchSize 1', 500, 1],
  ['batchSize 20 (default)', 2_000, 20],
  ['batchSize 50', 2_000, 50],
  [
    'batchSize 20, drop after accept every 7th + 500 every 5th',
    2_000,
    20,
    { dropAfterAcceptEvery: 7, serverErrorEvery: 5 },
  ],
];
console.log('\n| queued → accepted by the simulator | notices | notices/s | submissions |');
console.log('|---|---:|---:|---:|');
for (const [name, count, batchSize, faults] of rows) {
  const { perSecond, submissions } = await drain(count, batchSize, faults);
  console.log(`| ${name} | ${count} | ${Math.round(perSecond)} | ${submissions} |`);
}
rmSync(dir, { recursive: true, force: true });
