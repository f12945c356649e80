/**
 * Byte-identity guard for speed work on cleanFile: cleans a 20 000-record generated file
 * (`generateResidents`, seed 2026, default dirt) into the cleaned CSV, the issue report as CSV
 * and as JSON Lines, the duplicate groups and the summary JSON (its timing fields removed), and
 * either records their SHA-256 (`REF_MODE=write`) or compares them with the recorded ones
 * (default). Run: `pnpm tsx packages/clean/bench/reference-outputs.ts` (REF_DIR to choose the
 * folder, REF_WORKERS to vary the worker count).
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateResidents, residentsToCsv } from '@cancuoc/testkit';
import { cleanFile } from '../src/index.js';

const dir = process.env.REF_DIR ?? join(tmpdir(), 'cancuoc-clean-ref');
const mode = process.env.REF_MODE ?? 'check';
const count = Number(process.env.REF_RECORDS ?? 20_000);
const workers = process.env.REF_WORKERS === undefined ? undefined : Number(process.env.REF_WORKERS);
mkdirSync(dir, { recursive: true });
const input = join(dir, `residents-${count}.csv`);
if (!existsSync(input)) {
  await pipeline(
    Readable.from(residentsToCsv(generateResidents({ count, seed: 2026 }))),
    createWriteStream(input),
  );
}
const run = join(dir, `run-${process.pid}`);
mkdirSync(run, { recursive: true });
const files = {
  cleaned: join(run, 'cleaned.csv'),
  reportCsv: join(run, 'issues.csv'),
  reportJsonl: join(run, 'issues.jsonl'),
  duplicates: join(run, 'duplicates.csv'),
  summary: join(run, 'summary.json'),
};
const common = { profile: 'hospital' as const, ...(workers === undefined ? {} : { workers }) };
await cleanFile(input, {
  ...common,
  out: files.cleaned,
  report: files.reportCsv,
  duplicates: files.duplicates,
  summaryJson: files.summary,
});
await cleanFile(input, { ...common, report: files.reportJsonl });

const digests: Record<string, string> = {};
for (const [name, path] of Object.entries(files)) {
  let bytes: Buffer | string = readFileSync(path);
  if (name === 'summary') {
    const s = JSON.parse(bytes.toString('utf8'));
    delete s.startedAt;
    delete s.elapsedSeconds;
    delete s.recordsPerSecond;
    bytes = JSON.stringify(s, null, 2);
  }
  digests[name] = createHash('sha256').update(bytes).digest('hex');
}
const refFile = join(dir, `reference-${count}.json`);
if (mode === 'write') {
  writeFileSync(refFile, `${JSON.stringify(digests, null, 2)}\n`);
  console.log(`reference written to ${refFile} (outputs kept in ${run})`);
} else {
  const ref = JSON.parse(readFileSync(refFile, 'utf8')) as Record<string, string>;
  let ok = true;
  for (const [name, digest] of Object.entries(digests)) {
    const same = ref[name] === digest;
    ok &&= same;
    console.log(
      `${same ? 'same     ' : 'DIFFERENT'} ${name} ${same ? '' : files[name as keyof typeof files]}`,
    );
  }
  if (!ok) {
    console.log(
      `reference outputs: ${refFile.replace(/\.json$/, '')} (write mode keeps them in its run folder)`,
    );
    process.exitCode = 1;
  }
}
