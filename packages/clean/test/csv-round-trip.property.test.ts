import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openTableWriter } from '../src/internal/outputs.js';
import { openInput } from '../src/internal/read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'cancuoc-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

// Fields full of what breaks naive CSV code: quotes, delimiters, CR/LF, BOM-like and Vietnamese
// characters, leading and trailing spaces.
const hostileChar = fc.constantFrom(
  '"',
  ',',
  ';',
  '\t',
  '|',
  '\n',
  '\r\n',
  ' ',
  'ễ',
  'Đ',
  '\ufeff',
  'a',
  '1',
  "'",
  '""',
);
const field = fc.array(hostileChar, { maxLength: 8 }).map((a) => a.join(''));

describe('CSV round trip', () => {
  it('reads back exactly the rows it wrote, whatever the quoting and delimiter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(field, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        async (delimiter, width, raw) => {
          // The first column is never blank (a blank line is not a record), the header is plain.
          const rows = raw.map((r, i) => [`r${i}`, ...r.slice(0, width)]);
          const header = ['id', ...Array.from({ length: width }, (_, i) => `c${i}`)];
          const path = join(dir, `p${++n}.csv`);
          const w = await openTableWriter(path, 'csv', header, { delimiter, bom: n % 2 === 0 });
          await w.writeRows(rows);
          await w.close();
          const src = await openInput(path, { batchSize: 5 });
          const back: string[][] = [];
          for await (const b of src.rows) back.push(...b);
          expect(src.header).toEqual(header);
          expect(back).toEqual(rows);
        },
      ),
      { numRuns: 150 },
    );
  });
});
