// `pnpm bench duplicates`: add() + groups() of the duplicate index at 1 M generated records, for
// the memory and the DuckDB store, each in its own process so that its peak RSS is its own; and
// disk used by the DuckDB store. Keys are taken the way cleanRecord takes them (folded name, birth
// date, personal ID, its province code) so the bench measures the index, not the per-record rules.
// COUNT=<n> to change the size.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldDiacritics } from '@cancuoc/core';
import { generateResidents } from '@cancuoc/testkit';
import { createDuplicateIndex, type DuplicateStore } from '../src/duplicates/index.js';
import type { CleanedRecord } from '../src/types.js';

const COUNT = Number(process.env.COUNT ?? 1_000_000);
const BATCH = 10_000;

function duSync(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, f) => sum + duSync(join(path, f)), 0);
}

async function runStore(store: DuplicateStore): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cancuoc-dup-bench-'));
  const index = await createDuplicateIndex(
    store === 'duckdb'
      ? { store, path: join(dir, 'index.duckdb'), memoryLimit: '512MB', threads: 2 }
      : { store },
  );
  let addMs = 0;
  let batch: CleanedRecord[] = [];
  const flush = async () => {
    const t = performance.now();
    await index.add(batch);
    addMs += performance.now() - t;
    batch = [];
  };
  for (const { row, record } of generateResidents({ count: COUNT, seed: 7 })) {
    const id = record.personalId.replace(/\D/g, '');
    batch.push({
      row,
      values: {},
      issues: [],
      keys: {
        ...(id.length === 12 ? { personalId: id, birthPlace: id.slice(0, 3) } : {}),
        ...(record.fullName
          ? { foldedName: foldDiacritics(record.fullName).toLowerCase().replace(/\s+/g, ' ').trim() }
          : {}),
        ...(record.birthDate ? { birthDate: record.birthDate } : {}),
      },
    });
    if (batch.length === BATCH) await flush();
  }
  await flush();
  const t = performance.now();
  let groups = 0;
  let rows = 0;
  for await (const g of index.groups()) {
    groups++;
    rows += g.rows.length;
  }
  const groupMs = performance.now() - t;
  const disk = store === 'duckdb' ? duSync(dir) : 0;
  await index.close();
  rmSync(dir, { recursive: true, force: true });
  const total = (addMs + groupMs) / 1000;
  console.log(
    JSON.stringify({
      store,
      records: COUNT,
      'add s': +(addMs / 1000).toFixed(2),
      'groups s': +(groupMs / 1000).toFixed(2),
      'records/s (add+groups)': Math.round(COUNT / total),
      groups,
      'rows in groups': rows,
      'peak RSS MB': Math.round(process.resourceUsage().maxRSS / 1024),
      'disk MB': +(disk / 1e6).toFixed(1),
    }),
  );
}

const only = process.argv[2] as DuplicateStore | undefined;
if (only) {
  await runStore(only);
} else {
  const results = [];
  for (const store of ['memory', 'duckdb'] as const) {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), store], {
      encoding: 'utf8',
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) {
      console.error(`${store} bench failed`);
      continue;
    }
    results.push(JSON.parse(r.stdout.trim().split('\n').at(-1) as string));
    console.log(r.stdout.trim());
  }
  console.table(results);
}
