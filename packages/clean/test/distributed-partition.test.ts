import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { planCsvPartitions } from '../src/distributed/partition.js';

const dir = mkdtempSync(join(tmpdir(), 'cancuoc-partition-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: string | Uint8Array) => {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, content);
  return path;
};
/** The rows a reader keeps: lines whose fields are all blank are not rows. */
const parseAll = (text: string) =>
  (parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][]).filter(
    (r) => !r.every((v) => /^[ \t\r\n]*$/.test(v)),
  );

// Fields with the characters that make CSV hard: quotes, delimiters, CR/LF inside quotes, Vietnamese.
const field = fc.oneof(
  fc.constantFrom('', 'Nguyễn Văn An', 'a,b', 'say "hi"', 'line\nbreak', 'crlf\r\nx', '"', ' ', ' \n ', '\t'),
  fc.string({ unit: fc.constantFrom('a', 'ệ', ',', '"', '\n', ' '), maxLength: 6 }),
);
const quote = (v: string) => (/[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);
const csv = fc.record({
  rows: fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { maxLength: 30 }),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  blankLines: fc.array(fc.nat(40), { maxLength: 3 }),
  trailingEol: fc.boolean(),
});

describe('planCsvPartitions', () => {
  it('cuts on record boundaries: the partitions parse into the rows of the whole file, numbered in order', async () => {
    await fc.assert(
      fc.asyncProperty(csv, fc.integer({ min: 1, max: 8 }), async (c, count) => {
        const lines = ['name,birthDate', ...c.rows.map((r) => r.map(quote).join(','))];
        for (const at of c.blankLines) lines.splice(1 + (at % lines.length), 0, '');
        const text = (c.bom ? '\uFEFF' : '') + lines.join(c.eol) + (c.trailingEol ? c.eol : '');
        const path = file(text);
        const plan = await planCsvPartitions(path, count);
        const whole = parseAll(text);
        expect(plan.header).toBe('name,birthDate');
        expect(plan.rows).toBe(whole.length - 1);
        expect(plan.partitions.length).toBeLessThanOrEqual(count);
        const bytes = readFileSync(path);
        let next = 1;
        const rows: string[][] = [];
        for (const p of plan.partitions) {
          expect(p.firstRow).toBe(next);
          const part = parseAll(bytes.subarray(p.start, p.end).toString('utf8'));
          expect(part.length).toBe(p.rows);
          expect(p.rows).toBeGreaterThan(0);
          rows.push(...part);
          next += p.rows;
        }
        expect(rows).toEqual(whole.slice(1));
      }),
      { numRuns: 300 },
    );
  });

  it('spreads a file of equal-length rows evenly over the partitions asked for', async () => {
    const text = `fullName\n${Array.from({ length: 1000 }, (_, i) => `Person ${String(i).padStart(4, '0')}`).join('\n')}\n`;
    const plan = await planCsvPartitions(file(text), 4);
    expect(plan.partitions.map((p) => p.rows)).toEqual([250, 250, 250, 250]);
  });

  it('rejects a file without a header, UTF-16 input and a header past 1 MB with ERR_CLEAN_INPUT_FORMAT', async () => {
    await expect(planCsvPartitions(file(''), 2)).rejects.toMatchObject({ code: 'ERR_CLEAN_INPUT_FORMAT' });
    await expect(planCsvPartitions(file('\n\r\n\n'), 2)).rejects.toMatchObject({
      code: 'ERR_CLEAN_INPUT_FORMAT',
    });
    await expect(
      planCsvPartitions(file(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00])), 2),
    ).rejects.toMatchObject({ code: 'ERR_CLEAN_INPUT_FORMAT' });
    // An unclosed quote makes the rest of the file one record: refused once past 1 MB, not read to the end into memory.
    await expect(planCsvPartitions(file(`"${'x'.repeat(1_100_000)}`), 2)).rejects.toMatchObject({
      code: 'ERR_CLEAN_INPUT_FORMAT',
    });
  });

  it('plans a header-only file as no partitions', async () => {
    const plan = await planCsvPartitions(file('fullName,birthDate\r\n'), 3);
    expect(plan).toMatchObject({ header: 'fullName,birthDate', rows: 0, partitions: [] });
  });
});
