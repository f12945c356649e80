import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCancuocError } from '@cancuoc/core';
import { generateResidents, residentsToCsv } from '@cancuoc/testkit';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanFile } from '../src/index.js';
import { openInput } from '../src/internal/read-input.js';

// cleanFile hands CSV to the workers as raw blocks of whole records (about 1 MB each, cut where
// the file was read) and numbers the rows when the results come back; an explicit batchSize
// keeps the older path, rows parsed in the reading thread. Both must write the same bytes.
const dir = mkdtempSync(join(tmpdir(), 'cancuoc-clean-blocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = join(dir, 'residents.csv');
writeFileSync(input, [...residentsToCsv(generateResidents({ count: 9_000, seed: 7 }))].join(''));

/** Every record of a file through `openInput`'s `rows`, with or without raw blocks. */
async function recordsOf(file: string, rawBlocks: boolean): Promise<string[][]> {
  const src = await openInput(file, { rawBlocks });
  const rows: string[][] = [];
  for await (const batch of src.rows) rows.push(...batch);
  return rows;
}

async function outputs(name: string, options: Parameters<typeof cleanFile>[1]) {
  const files = {
    out: join(dir, `${name}.csv`),
    report: join(dir, `${name}-issues.csv`),
    duplicates: join(dir, `${name}-dups.csv`),
    summaryJson: join(dir, `${name}-summary.json`),
  };
  await cleanFile(input, { profile: 'hospital', ...files, ...options });
  const jsonl = join(dir, `${name}-issues.jsonl`);
  await cleanFile(input, { profile: 'hospital', report: jsonl, ...options });
  const summary = JSON.parse(readFileSync(files.summaryJson, 'utf8'));
  for (const k of ['startedAt', 'elapsedSeconds', 'recordsPerSecond']) delete summary[k];
  return {
    out: readFileSync(files.out, 'utf8'),
    report: readFileSync(files.report, 'utf8'),
    jsonl: readFileSync(jsonl, 'utf8'),
    duplicates: readFileSync(files.duplicates, 'utf8'),
    summary,
  };
}

describe('cleanFile on raw blocks', () => {
  it('writes the same bytes as rows parsed in the reading thread, rows numbered across blocks', async () => {
    // More than two read chunks, so that several raw blocks cross to the workers.
    expect(statSync(input).size).toBeGreaterThan(2 * 1024 * 1024);
    const parsed = await outputs('parsed', { workers: 1, batchSize: 4096 });
    const raw = await outputs('raw', { workers: 2 });
    expect(raw.out).toBe(parsed.out);
    expect(raw.report).toBe(parsed.report);
    expect(raw.jsonl).toBe(parsed.jsonl);
    expect(raw.duplicates).toBe(parsed.duplicates);
    expect(raw.summary).toEqual(parsed.summary);
    // The last report line names the last rows of the file, not rows of its last block.
    const lastRow = Number(raw.report.trimEnd().split('\r\n').at(-1)?.split(',')[0]);
    expect(lastRow).toBeGreaterThan(8_000);
    expect(JSON.parse(raw.jsonl.trimEnd().split('\n').at(-1) as string).row).toBe(String(lastRow));
  }, 120_000);

  it('gives every record through `rows` too when blocks are left raw', async () => {
    const raw = await recordsOf(input, true);
    expect(raw).toHaveLength(9_000);
    expect(raw).toEqual(await recordsOf(input, false));
  }, 60_000);

  it('finds the same duplicate groups on the worker threads as in this thread', async () => {
    // With workers, the memory index's similar-name pass runs in parts on the pool's threads.
    const grouped = async (workers: number) => {
      const duplicates = join(dir, `dups-${workers}.csv`);
      const summary = await cleanFile(input, { workers, duplicates });
      return { file: readFileSync(duplicates, 'utf8'), byReason: summary.duplicates.byReason };
    };
    const inThread = await grouped(0);
    expect(inThread.byReason['similar-name']).toBeGreaterThan(0);
    expect(await grouped(2)).toEqual(inThread);
    expect(await grouped(3)).toEqual(inThread);
  }, 60_000);

  it('cuts raw blocks right wherever a read chunk ends: inside quotes, on a quote, on a line end', async () => {
    // Records with quoted fields holding delimiters, doubled quotes and line ends; a padding
    // column moves every byte, so that the first 1 MB read ends at each kind of place.
    const record = (i: number) => `Lê Văn ${i},"Số ${i}, ""Ấp"" 3\nXã Bình An",${i % 2 ? '"x\n\ny"' : 'z'}\n`;
    const body: string[] = [];
    for (let i = 0, size = 0; size < 2_300_000; i++) {
      const r = record(i);
      body.push(r);
      size += Buffer.byteLength(r);
    }
    const rest = body.join('');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 120 }), async (pad) => {
        const file = join(dir, `quoted-${pad}.csv`);
        writeFileSync(file, `Họ và tên,Địa chỉ thường trú,Ghi chú${'.'.repeat(pad)}\n${rest}`);
        const raw = await recordsOf(file, true);
        expect(raw).toHaveLength(body.length);
        expect(raw).toEqual(await recordsOf(file, false));
        rmSync(file);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('counts the rows of raw blocks in the row of a reading error', async () => {
    const big = join(dir, 'big-field.csv');
    writeFileSync(big, `${readFileSync(input, 'utf8')}Lê Hoa,"${'x'.repeat(3 * 1024 * 1024)}"\n`);
    let error: unknown;
    try {
      await cleanFile(big, { workers: 1 });
    } catch (e) {
      error = e;
    }
    expect(isCancuocError(error) && error.code).toBe('ERR_CLEAN_FIELD_TOO_LARGE');
    expect((error as { details: { row: number } }).details.row).toBe(9_001);
  }, 60_000);
});
