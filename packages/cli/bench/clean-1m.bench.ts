/**
 * End to end through the command: 1 M generated resident records as CSV → `cancuoc clean` →
 * cleaned CSV, issue report and duplicate groups. Prints records/s and the peak RSS of the
 * command's process (worker threads included: they share the process). The target is
 * ≥ 200 k records/s on a 2-core machine.
 *
 *   pnpm bench cli                       # 1 M records, the built CLI (dist/cli.js) if present
 *   CLEAN_BENCH_RECORDS=100000 pnpm bench cli
 *   CLEAN_BENCH_SOURCE=1 pnpm bench cli  # the TypeScript sources through tsx instead of dist
 *   CLEAN_BENCH_STORE=duckdb pnpm bench cli   # the duplicate index in DuckDB on disk
 *   CLEAN_BENCH_AGAINST=/path/to/other/cli.js CLEAN_BENCH_RUNS=3 pnpm bench cli
 *       # before/after: this build and another (e.g. a `git worktree` of an older commit, built),
 *       # run alternately RUNS times each; shared machines drift by ±15 % between runs, so a
 *       # comparison is only fair interleaved like this
 *
 * The generated input is kept in the temporary folder (cancuoc-cli-bench/) and reused by the
 * next run of the same size; CLEAN_BENCH_FRESH=1 makes it again.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { generateResidents, residentsToCsv } from '@cancuoc/testkit';

const records = Number(process.env.CLEAN_BENCH_RECORDS ?? 1_000_000);
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const dist = here('../dist/cli.js');
const useDist = existsSync(dist) && !process.env.CLEAN_BENCH_SOURCE;

const store = process.env.CLEAN_BENCH_STORE === 'duckdb' ? 'duckdb' : 'memory';
const cache = join(tmpdir(), 'cancuoc-cli-bench');
await mkdir(cache, { recursive: true });
const dir = await mkdtemp(join(tmpdir(), 'cancuoc-bench-'));
try {
  const input = join(cache, `residents-${records}-seed2026.csv`);
  const t = performance.now();
  if (!existsSync(input) || process.env.CLEAN_BENCH_FRESH) {
    await pipeline(
      Readable.from(residentsToCsv(generateResidents({ count: records, seed: 2026 }))),
      createWriteStream(`${input}.part`),
    );
    await rename(`${input}.part`, input);
  }
  const size = (await stat(input)).size;
  console.log(
    `input: ${records.toLocaleString('en-US')} records (${(size / 1048576).toFixed(0)} MB), ready in ${((performance.now() - t) / 1000).toFixed(1)} s; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  // Peak RSS of the command's own process, reported as it exits.
  const rss = join(dir, 'rss.mjs');
  await writeFile(
    rss,
    // Written to a file the command preloads; plain concatenation, this is not a template here.
    "process.on('exit', () => process.stderr.write('maxRSS_KB ' + process.resourceUsage().maxRSS + '\\n'));\n",
  );
  const against = process.env.CLEAN_BENCH_AGAINST;
  const runs = Math.max(1, Number(process.env.CLEAN_BENCH_RUNS ?? 1));
  const builds: { label: string; entry: string[] }[] = [
    {
      label: useDist ? 'dist/cli.js' : 'sources via tsx',
      entry: useDist ? [dist] : ['--conditions=@cancuoc/source', '--import', 'tsx', here('../src/bin.ts')],
    },
  ];
  if (against) builds.push({ label: against, entry: [against] });
  for (let round = 0; round < runs; round++) {
    // Alternate which build goes first, so that neither always runs on a warmer machine.
    const order = round % 2 === 0 ? builds : [...builds].reverse();
    for (const build of order) await runOnce(build.label, build.entry);
  }

  async function runOnce(label: string, entry: string[]): Promise<void> {
    const args = [
      '--import',
      rss,
      ...entry,
      'clean',
      input,
      '--out',
      join(dir, 'cleaned.csv'),
      '--report',
      join(dir, 'issues.csv'),
      '--duplicates',
      join(dir, 'duplicates.csv'),
      '--json',
      ...(store === 'duckdb' ? ['--duplicate-store', 'duckdb'] : []),
    ];
    const t = performance.now();
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'en' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    const seconds = (performance.now() - t) / 1000;
    if (code !== 0 && code !== 1) throw new Error(`cancuoc clean exited ${code}: ${stderr.slice(-2000)}`);
    const summary = JSON.parse(stdout) as {
      records: number;
      recordsPerSecond: number;
      duplicates: { groups: number };
    };
    const peak = Number(/maxRSS_KB (\d+)/.exec(stderr)?.[1] ?? Number.NaN) / 1024;
    console.log(`cancuoc clean (${label}): ${summary.records.toLocaleString('en-US')} records`);
    console.log(
      `  end to end (process start to exit): ${seconds.toFixed(1)} s = ${Math.round(summary.records / seconds).toLocaleString('en-US')} records/s`,
    );
    console.log(
      `  engine's own rate: ${Math.round(summary.recordsPerSecond).toLocaleString('en-US')} records/s`,
    );
    console.log(
      `  peak RSS: ${peak.toFixed(0)} MB; duplicate groups: ${summary.duplicates.groups} (index: ${store}); load average after ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
