/**
 * End-to-end benchmark of cleanFile: N generated residents (testkit's generateResidents, default
 * 1 000 000) as CSV in → cleaned CSV + issue report + duplicates out. Prints records/s, CPU time
 * per record and peak RSS, next to the I/O floor: papaparse reading and writing the same file
 * with no rules. Run: `pnpm bench clean-file` (CLEAN_BENCH_COUNT=… CLEAN_BENCH_WORKERS=… CLEAN_BENCH_BATCH=… to vary;
 * CLEAN_BENCH_STORE=duckdb for the on-disk duplicate index).
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateResidents, residentsToCsv } from '@cancuoc/testkit';
import Papa from 'papaparse';
import { cleanFile } from '../src/index.js';

const count = Number(process.env.CLEAN_BENCH_COUNT ?? 1_000_000);
const workers =
  process.env.CLEAN_BENCH_WORKERS === undefined ? undefined : Number(process.env.CLEAN_BENCH_WORKERS);
// An explicit batch size keeps the older path: rows parsed in the reading thread.
const batchSize =
  process.env.CLEAN_BENCH_BATCH === undefined ? undefined : Number(process.env.CLEAN_BENCH_BATCH);
const store = (process.env.CLEAN_BENCH_STORE ?? 'memory') as 'memory' | 'duckdb';
const dir = join(tmpdir(), 'cancuoc-clean-bench');
mkdirSync(dir, { recursive: true });
const input = join(dir, `residents-${count}.csv`);

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const mb = (b: number) => `${Math.round(b / 1e6)} MB`;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

if (!existsSync(input)) {
  const t = performance.now();
  await pipeline(
    Readable.from(residentsToCsv(generateResidents({ count, seed: 1 }))),
    createWriteStream(input),
  );
  console.log(
    `generated ${count} residents (${mb(statSync(input).size)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
const size = statSync(input).size;

// I/O floor: parse and write the same CSV with papaparse, no rules (CLEAN_BENCH_FLOOR=0 skips it).
if (process.env.CLEAN_BENCH_FLOOR !== '0') {
  peak = process.memoryUsage().rss;
  const t = performance.now();
  const c0 = cpu();
  const out = createWriteStream(join(dir, 'floor.csv'));
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(input, 'utf8') as unknown as File, {
      chunk: (r) => {
        rows += r.data.length;
        out.write(Papa.unparse(r.data));
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  out.end();
  const s = (performance.now() - t) / 1000;
  console.log(
    `papaparse read+write, no rules (floor): ${Math.round(rows / s).toLocaleString('en')} records/s, ${(((cpu() - c0) / rows) * 1e6).toFixed(2)} µs CPU/record`,
  );
}

peak = process.memoryUsage().rss;
const t = performance.now();
const c0 = cpu();
const summary = await cleanFile(input, {
  profile: 'hospital',
  out: join(dir, 'cleaned.csv'),
  report: join(dir, 'issues.csv'),
  duplicates: join(dir, 'duplicates.csv'),
  duplicateStore: store,
  ...(store === 'duckdb' ? { duplicatePath: join(dir, `dups-${process.pid}.duckdb`) } : {}),
  ...(workers === undefined ? {} : { workers }),
  ...(batchSize === undefined ? {} : { batchSize }),
});
const seconds = (performance.now() - t) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(
  `cleanFile ${summary.records.toLocaleString('en')} records (${mb(size)}), workers ${workers ?? 'default'}, duplicates in ${store}: ` +
    `${Math.round(summary.records / seconds).toLocaleString('en')} records/s, ${seconds.toFixed(1)} s, ` +
    `CPU (all threads) ${(((cpu() - c0) / summary.records) * 1e6).toFixed(2)} µs/record, peak RSS ${mb(peak)} ` +
    `(${summary.byStatus.error} with errors, ${summary.duplicates.groups} duplicate groups)`,
);
