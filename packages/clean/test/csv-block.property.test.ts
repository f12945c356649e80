import { generateResidents, residentsToCsv } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FileBatchTask,
  numberReport,
  numberReportBytes,
  processFileBatch,
} from '../src/internal/clean-batch.js';
import { mapColumns } from '../src/internal/columns.js';
import { type CsvParseOptions, parseCsvBlock, parseCsvBlockWithSpans } from '../src/internal/csv-block.js';
import { csvField } from '../src/internal/outputs.js';

// Text made of what CSV parsers get wrong: quotes (paired or not), delimiters, both line ends,
// spaces at the ends of fields, a BOM, Vietnamese letters.
const piece = fc.constantFrom(
  '"',
  '""',
  ',',
  ';',
  '\t',
  '|',
  '\n',
  '\r\n',
  '\r',
  ' ',
  'ễ',
  'Đ',
  '\ufeff',
  'a',
  '1',
);
const hostileText = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

// Well-formed records: fields written by the CSV writer, some quoted although they need not be.
const cell = fc
  .array(fc.constantFrom('a', 'ễ', ' ', ',', ';', '"', '\n', '1', 'Đ'), { maxLength: 6 })
  .map((a) => a.join(''));

function wellFormed(rows: string[][], quoteAll: boolean[], d: string, nl: string): string {
  let text = '';
  rows.forEach((r, i) => {
    text +=
      r
        .map((v, j) =>
          quoteAll[(i + j) % quoteAll.length] ? `"${v.replaceAll('"', '""')}"` : csvField(v, d),
        )
        .join(d) + nl;
  });
  return text;
}

function checkSpans(text: string, options: CsvParseOptions): boolean {
  const block = parseCsvBlockWithSpans(text, options);
  expect(block.rows).toEqual(parseCsvBlock(text, options));
  const spans = block.spans;
  if (!spans) return false;
  block.rows.forEach((row, r) => {
    const first = spans.firstField[r] as number;
    expect(spans.firstField[r + 1] as number).toBe(first + row.length);
    // Fields tile their line: the first starts it, the last ends it, one delimiter between two.
    expect(spans.fields[3 * first]).toBe(spans.lines[2 * r]);
    expect(spans.fields[3 * (first + row.length - 1) + 1]).toBe(spans.lines[2 * r + 1]);
    row.forEach((value, j) => {
      const f = first + j;
      const raw = text.slice(spans.fields[3 * f], spans.fields[3 * f + 1]);
      if (j > 0) expect(text[(spans.fields[3 * f] as number) - 1]).toBe(options.delimiter);
      // A field marked copyable is exactly what the writer writes for its value.
      expect(spans.fields[3 * f + 2] === 1).toBe(csvField(value, options.delimiter) === raw);
    });
  });
  return true;
}

const options = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  newline: fc.constantFrom('\n' as const, '\r\n' as const),
});

describe('the span scanner of raw CSV blocks', () => {
  it('gives papaparse’s rows for any text, and spans that tile each record', () => {
    fc.assert(
      fc.property(hostileText, options, (text, o) => {
        checkSpans(text, o);
      }),
      { numRuns: Number(process.env.CSV_RUNS ?? 3000) },
    );
  });

  it('scans well-formed records itself (no fallback) and marks which fields can be copied', () => {
    let scanned = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        options,
        (rows, quoteAll, o) => {
          if (checkSpans(wellFormed(rows, quoteAll, o.delimiter, o.newline), o)) scanned++;
        },
      ),
      { numRuns: 1000 },
    );
    expect(scanned).toBe(1000);
  });

  it('leaves unusual text to papaparse', () => {
    const o: CsvParseOptions = { delimiter: ',', newline: '\n' };
    // A closing quote followed by more text, and a quote never closed.
    expect(parseCsvBlockWithSpans('"a"b,c\n', o).spans).toBeUndefined();
    expect(parseCsvBlockWithSpans('a,"b\n', o).spans).toBeUndefined();
    expect(parseCsvBlockWithSpans('a,"b\n', o).rows).toEqual(parseCsvBlock('a,"b\n', o));
    // Multi-character delimiters are papaparse's too.
    expect(parseCsvBlockWithSpans('a::b\n', { delimiter: '::', newline: '\n' }).spans).toBeUndefined();
  });
});

/**
 * Cleans the same records three ways — rows parsed by papaparse and serialised field by field
 * (the reference), the raw UTF-8 block path, the raw text path — and expects the same cleaned
 * CSV and report (the block paths' report lines get their row numbers as the reading thread puts
 * them in).
 */
function expectSameOutputs(
  header: string[],
  body: string | Buffer,
  csv: CsvParseOptions,
  options: { profile: 'population' | 'hotel'; appended: 'ethnicity'[]; moveLegacy: boolean; keys?: boolean },
) {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  const base = {
    columns: Object.entries(mapColumns(header)) as FileBatchTask['columns'],
    firstRow: 1,
    profile: options.profile,
    csv,
    output: {
      format: 'csv' as const,
      header,
      delimiter: csv.delimiter,
      appended: options.appended,
      moveLegacy: options.moveLegacy,
    },
    report: 'csv' as const,
    ...(options.keys ? { keys: true } : {}),
  };
  const slow = processFileBatch({ ...base, rows: parseCsvBlock(text, csv) });
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const fast = processFileBatch({ ...base, rows: [], bytes: new Uint8Array(bytes) });
  const fromText = processFileBatch({ ...base, rows: [], text });
  expect(fast.rows).toBe(slow.rows);
  expect(Buffer.from(fast.outBytes as Uint8Array).toString('utf8')).toBe(slow.out);
  expect(fromText.out).toBe(slow.out);
  const numbered = numberReportBytes(fast.reportBytes as Uint8Array, fast.reportLines as Uint32Array, 0);
  expect(numbered.toString('utf8')).toBe(slow.report);
  expect(numberReport('csv', fromText.report as string, fromText.reportLines as Uint32Array, 0)).toBe(
    slow.report,
  );
  expect(fast.stats).toEqual(slow.stats);
  expect(fast.keys).toEqual(slow.keys);
  return { rows: fast.rows, report: slow.report as string, keys: fromText.keys };
}

function generatedCsv(count: number, seed: number): { header: string[]; body: string } {
  let csv = '';
  for (const chunk of residentsToCsv(generateResidents({ count, seed }))) csv += chunk;
  const nl = csv.indexOf('\n');
  return {
    header: csv
      .slice(0, nl)
      .replace(/^\ufeff/, '')
      .split(','),
    body: csv.slice(nl + 1),
  };
}

describe('the cleaned CSV and the report of a raw UTF-8 block', () => {
  it('are the bytes the row-by-row writer gives, on dirty generated records', () => {
    const { header, body } = generatedCsv(3000, 11);
    const r = expectSameOutputs(
      header,
      body,
      { delimiter: ',', newline: '\n' },
      {
        profile: 'population',
        appended: ['ethnicity'],
        moveLegacy: true,
        keys: true,
      },
    );
    expect(r.rows).toBe(3000);
    expect(r.report.length).toBeGreaterThan(100_000);
    expect(r.keys?.id.length).toBe(3000);
  });

  it('are the same with CRLF records and line breaks inside quoted fields, across 32 kB parts', () => {
    const { header, body: lf } = generatedCsv(1500, 12);
    const rows = parseCsvBlock(lf, { delimiter: ',', newline: '\n' });
    // Multi-line addresses and a record end inside a quoted field every so often.
    rows.forEach((r, i) => {
      if (i % 7 === 0) r[10] = `${r[10]}\r\nPhòng 2, tầng 3`;
      if (i % 11 === 0) r[11] = `${r[11]}\nKhu B`;
    });
    const body = `${rows.map((r) => r.map((v) => csvField(v, ';')).join(';')).join('\r\n')}\r\n`;
    const r = expectSameOutputs(
      header,
      body,
      { delimiter: ';', newline: '\r\n' },
      {
        profile: 'hotel',
        appended: [],
        moveLegacy: false,
      },
    );
    expect(r.rows).toBe(1500);
  });

  it('are the same with a record longer than a part and no newline after the last record', () => {
    const header = ['Họ và tên', 'Ngày sinh', 'Số CCCD', 'Địa chỉ thường trú'];
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      // One 90 kB address (a part is 32 kB); the others ordinary.
      const address =
        i === 123
          ? `Thôn ${'Dài '.repeat(22_000)}, Tỉnh Bình Dương`
          : `Số ${i}, Xã An Khánh, Tỉnh Bình Dương`;
      lines.push(
        ['Nguyễn Văn An', '01/02/1990', '001090012345', address].map((v) => csvField(v, ',')).join(','),
      );
    }
    const r = expectSameOutputs(
      header,
      lines.join('\n'),
      { delimiter: ',', newline: '\n' },
      {
        profile: 'population',
        appended: [],
        moveLegacy: true,
      },
    );
    expect(r.rows).toBe(400);
    // Every address names Bình Dương, merged into Hồ Chí Minh in 2025: one migration per record.
    expect(r.report.match(/CLEAN_ADDRESS_PROVINCE_MIGRATED/g)).toHaveLength(400);
  });

  it('are the same when the bytes hold invalid UTF-8, replacement characters and astral letters', () => {
    const header = ['Họ và tên', 'Ngày sinh', 'Số CCCD', 'Địa chỉ thường trú', 'Ghi chú'];
    const parts: Buffer[] = [];
    for (let i = 0; i < 3000; i++) {
      const note =
        i % 97 === 0 ? '𠀀 chữ Nôm' : i % 89 === 0 ? 'dấu \ufffd thật' : i % 83 === 0 ? '' : 'không';
      const fields = [
        'nguyễn văn an',
        '1/2/1990',
        '001090012345',
        `"Số ${i}, Xã An Khánh, Tỉnh Bình Dương"`,
        note,
      ];
      parts.push(Buffer.from(`${fields.join(',')}\n`, 'utf8'));
      // A stray byte and a cut 4-byte sequence now and then (what a broken export leaves).
      if (i % 101 === 0) parts.push(Buffer.from([0x41, 0xff, 0x2c, 0xf0, 0x9f, 0x98, 0x0a]));
    }
    const r = expectSameOutputs(
      header,
      Buffer.concat(parts),
      { delimiter: ',', newline: '\n' },
      {
        profile: 'population',
        appended: [],
        moveLegacy: true,
      },
    );
    expect(r.rows).toBe(3030);
  });
});
