import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCancuocError } from '@cancuoc/core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { type CleanProgress, cleanFile, cleanRecords } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'cancuoc-clean-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const path = (ext: string) => join(dir, `f${++n}.${ext}`);
const readCsv = (p: string) =>
  Papa.parse<string[]>(readFileSync(p, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (isCancuocError(e)) return e.code;
    throw e;
  }
  return 'no error';
};

const HEADER = 'STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Ghi chú';
const ROWS = [
  '1,nguyễn  văn an,15/08/1990,Nam,001090012345,"khách quen, ""VIP"""',
  '2,Trần Thị Bình,31/02/1985,Nữ,001185012346,',
  '3,NguyÔn V¨n C,00/00/1970,Nam,1070012347,"dòng 1\ndòng 2"',
  '4,Nguyễn Văn An,15/08/1990,Nam,001090012345,trùng',
];
const CSV = `${HEADER}\n${ROWS.join('\n')}\n`;
// Windows-1258 writes tones as combining marks after the letter (base letters â ê ô ơ ư ă đ precomposed).
const to1258 = (s: string) =>
  iconv.encode(
    s
      .normalize('NFD')
      .replace(/([a-zA-Z])([\u0302\u0306\u031b])/g, (_, b: string, m: string) => (b + m).normalize('NFC')),
    'windows-1258',
  );

describe('cleanFile: CSV end to end', () => {
  it('writes the cleaned file, the issue report, duplicates and the summaries', async () => {
    const input = path('csv');
    writeFileSync(input, CSV);
    const out = path('csv');
    const report = path('csv');
    const duplicates = path('csv');
    const html = path('html');
    const json = path('json');
    const summary = await cleanFile(input, {
      profile: 'hospital',
      out,
      report,
      duplicates,
      summary: html,
      summaryJson: json,
      workers: 0,
    });
    expect(summary.records).toBe(4);
    expect(summary.input).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect(summary.input.mapped).toEqual({
      fullName: 'Họ và tên',
      birthDate: 'Ngày sinh',
      sex: 'Giới tính',
      personalId: 'Số CCCD',
    });
    const rows = readCsv(out);
    // Header kept, unknown columns kept, CMND column appended (the list had none).
    expect(rows[0]).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Ghi chú', 'Số CMND']);
    expect(rows[1]).toEqual([
      '1',
      'Nguyễn Văn An',
      '15/08/1990',
      'Nam',
      '001090012345',
      'khách quen, "VIP"',
      '',
    ]);
    expect(rows[2]?.[2]).toBe('31/02/1985');
    expect(rows[3]).toEqual(['3', 'Nguyễn Văn C', '1970', 'Nam', '001070012347', 'dòng 1\ndòng 2', '']);
    const issues = readCsv(report);
    expect(issues[0]).toEqual([
      'row',
      'field',
      'code',
      'severity',
      'message_vi',
      'message_en',
      'before',
      'after',
    ]);
    const byCode = (code: string) => issues.filter((r) => r[2] === code);
    expect(byCode('CLEAN_DATE_IMPOSSIBLE').map((r) => [r[0], r[1], r[3]])).toEqual([
      ['2', 'birthDate', 'error'],
    ]);
    expect(byCode('CLEAN_LEGACY_FONT')[0]?.slice(6)).toEqual(['NguyÔn V¨n C', 'Nguyễn Văn C']);
    expect(byCode('CLEAN_ID_LEADING_ZERO')[0]?.slice(0, 4)).toEqual([
      '3',
      'personalId',
      'CLEAN_ID_LEADING_ZERO',
      'fixed',
    ]);
    expect(readCsv(duplicates)).toEqual([
      ['group', 'row', 'reason'],
      ['1', '1', 'same-id'],
      ['1', '4', 'same-id'],
    ]);
    expect(summary.duplicates).toEqual({ checked: true, groups: 1, records: 2, byReason: { 'same-id': 1 } });
    expect(summary.byStatus).toEqual({ clean: 1, fixed: 2, warning: 0, error: 1 });
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(summary);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('lang="vi"');
    expect(page).toContain('<svg');
    // Self-contained and free of personal data.
    expect(page).not.toMatch(/https?:|<script|<link|src=/);
    expect(page).not.toContain('001090012345');
    expect(page).not.toContain('Nguyễn Văn An');
  });

  it('keeps the order of rows across worker threads and batches', async () => {
    const input = path('csv');
    const lines = Array.from(
      { length: 900 },
      (_, i) => `${i + 1},Người Số ${String.fromCharCode(65 + (i % 26))},0${(i % 9) + 1}/01/1990`,
    );
    writeFileSync(input, `STT,Họ tên,Ngày sinh\n${lines.join('\n')}\n`);
    const out = path('csv');
    const report = path('csv');
    const summary = await cleanFile(input, {
      out,
      report,
      workers: 2,
      batchSize: 64,
      profile: { name: 'x', required: [] },
    });
    expect(summary.records).toBe(900);
    const rows = readCsv(out).slice(1);
    expect(rows.map((r) => r[0])).toEqual(lines.map((_, i) => String(i + 1)));
    const issues = readCsv(report).slice(1);
    expect(issues.map((r) => r[0])).toEqual(
      [...issues.map((r) => r[0])].sort((a, b) => Number(a) - Number(b)),
    );
  });

  it('reports progress up to the whole file', async () => {
    const input = path('csv');
    writeFileSync(input, CSV);
    const seen: CleanProgress[] = [];
    await cleanFile(input, { workers: 0, onProgress: (p) => seen.push(p) });
    const last = seen.at(-1);
    expect(last).toMatchObject({ records: 4, etaSeconds: 0 });
    expect(last?.bytesRead).toBe(last?.totalBytes);
    expect(last?.totalBytes).toBe(Buffer.byteLength(CSV));
  });

  it('maps columns explicitly and rejects a mapping to a missing header', async () => {
    const input = path('csv');
    writeFileSync(input, 'Cột A;Cột B\nle thi hoa;099123456\n');
    const out = path('csv');
    await cleanFile(input, {
      out,
      workers: 0,
      mapping: { fullName: 'Cột A', phone: 'cot b' },
      profile: { name: 'x', required: [] },
    });
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8'), {
      delimiter: ';',
      skipEmptyLines: true,
    }).data;
    expect(rows).toEqual([
      ['Cột A', 'Cột B'],
      ['Le Thi Hoa', '0991234560'.slice(0, 0) + '099123456'],
    ]);
    expect(await codeOf(cleanFile(input, { workers: 0, mapping: { fullName: 'Không có' } }))).toBe(
      'ERR_CLEAN_MAPPING',
    );
    const noHeader = path('csv');
    writeFileSync(noHeader, 'a,b\n1,2\n');
    expect(await codeOf(cleanFile(noHeader, { workers: 0 }))).toBe('ERR_CLEAN_NO_HEADER');
  });

  it('sniffs semicolon, tab and pipe delimiters and writes the same one back', async () => {
    for (const d of [';', '\t', '|']) {
      const input = path('csv');
      writeFileSync(input, `Họ và tên${d}Ngày sinh${d}Ghi chú\nLê Hoa${d}1/2/1990${d}"a${d}b"\n`);
      const out = path('csv');
      const s = await cleanFile(input, { out, workers: 0, profile: { name: 'x', required: [] } });
      expect(s.input.delimiter).toBe(d);
      const rows = Papa.parse<string[]>(readFileSync(out, 'utf8').replace(/^\ufeff/, ''), {
        delimiter: d,
        skipEmptyLines: true,
      }).data;
      expect(rows[1]).toEqual(['Lê Hoa', '01/02/1990', `a${d}b`]);
    }
  });
});

describe('cleanFile: encodings', () => {
  const text =
    'Họ và tên,Quê quán\nTrần Thị Bích Phượng,Xã Đồng Tâm; Tỉnh Hưng Yên\nLê Hữu Thọ,Phường Ấn Hữu\n';
  const expected = [
    ['Họ và tên', 'Quê quán'],
    ['Trần Thị Bích Phượng', 'Xã Đồng Tâm; Tỉnh Hưng Yên'],
    ['Lê Hữu Thọ', 'Phường Ấn Hữu'],
  ];
  for (const [name, bytes, encoding, bom] of [
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8', true],
    ['UTF-16 LE with BOM', iconv.encode(text, 'utf-16le', { addBOM: true }), 'utf-16le', true],
    ['UTF-16 BE with BOM', iconv.encode(text, 'utf-16be', { addBOM: true }), 'utf-16be', true],
    ['UTF-16 LE without BOM', iconv.encode(text, 'utf-16le'), 'utf-16le', false],
    ['Windows-1258', to1258(text), 'windows-1258', false],
  ] as const) {
    it(`reads ${name} and writes UTF-8 with a BOM`, async () => {
      const input = path('csv');
      writeFileSync(input, bytes);
      const out = path('csv');
      const s = await cleanFile(input, { out, workers: 0, profile: { name: 'x', required: [] } });
      expect(s.input.encoding).toBe(encoding);
      expect(s.records).toBe(2);
      const written = readFileSync(out);
      expect([...written.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(readCsv(out)).toEqual(expected);
      expect(bom).toBe(encoding !== 'windows-1258' && name !== 'UTF-16 LE without BOM');
    });
  }
  it('takes a forced encoding', async () => {
    const input = path('csv');
    writeFileSync(input, to1258(text));
    const s = await cleanFile(input, {
      workers: 0,
      encoding: 'windows-1258',
      profile: { name: 'x', required: [] },
    });
    expect(s.input.encoding).toBe('windows-1258');
    expect(await codeOf(cleanFile(input, { workers: 0, encoding: 'klingon-8' }))).toBe(
      'ERR_CLEAN_INPUT_ENCODING',
    );
  });
});

describe('cleanFile: xlsx and JSON Lines', () => {
  it('round-trips an .xlsx workbook, reading date cells as dates', async () => {
    const input = path('xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Họ và tên', 'Ngày sinh', 'Dân tộc', 'Ghi chú']);
    ws.addRow(['nguyễn văn an', new Date(Date.UTC(1990, 7, 15)), 'kinh', 'x']);
    ws.addRow(['Lê Thị Hoa', '31/02/1990', 'Kinh', { richText: [{ text: 'đậm ' }, { text: 'nhạt' }] }]);
    await wb.xlsx.writeFile(input);
    const out = path('xlsx');
    const s = await cleanFile(input, { out, workers: 0, profile: { name: 'x', required: [] } });
    expect(s.input.format).toBe('xlsx');
    expect(s.records).toBe(2);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const rows: unknown[][] = [];
    back.worksheets[0]?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['Họ và tên', 'Ngày sinh', 'Dân tộc', 'Ghi chú', 'Mã dân tộc'],
      ['Nguyễn Văn An', '15/08/1990', 'Kinh', 'x', '01'],
      ['Lê Thị Hoa', '31/02/1990', 'Kinh', 'đậm nhạt', '01'],
    ]);
  });
  it('rejects a file that is not a workbook and the old .xls format', async () => {
    const bad = path('xlsx');
    writeFileSync(bad, 'not a zip');
    expect(await codeOf(cleanFile(bad, { workers: 0 }))).toBe('ERR_CLEAN_INPUT_FORMAT');
    const xls = path('xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    expect(await codeOf(cleanFile(xls, { workers: 0 }))).toBe('ERR_CLEAN_INPUT_FORMAT');
  });
  it('cleans JSON Lines and keeps unknown keys', async () => {
    const input = path('jsonl');
    writeFileSync(
      input,
      `${JSON.stringify({ hoTen: 'le  hoa', ngaySinh: '00/00/1970', maKhach: 17 })}\n\n${JSON.stringify({ hoTen: 'Lê Lan', ngaySinh: '1980', extra: { a: 1 } })}\n`,
    );
    const out = path('jsonl');
    await cleanFile(input, {
      out,
      workers: 0,
      mapping: { fullName: 'hoTen', birthDate: 'ngaySinh' },
      profile: { name: 'x', required: [] },
    });
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { hoTen: 'Le Hoa', ngaySinh: '1970', maKhach: '17' },
      { hoTen: 'Lê Lan', ngaySinh: '1980', extra: '{"a":1}' },
    ]);
    const broken = path('jsonl');
    writeFileSync(broken, '{"hoTen":"A"}\n{oops\n');
    expect(await codeOf(cleanFile(broken, { workers: 0, mapping: { fullName: 'hoTen' } }))).toBe(
      'ERR_CLEAN_INPUT_FORMAT',
    );
  });
});

describe('cleanFile: hostile input', () => {
  it('reports an unterminated quote with a typed error', async () => {
    const input = path('csv');
    writeFileSync(input, 'Họ và tên,Ngày sinh\n"Lê Hoa,1990\nTrần An,1991\n');
    expect(await codeOf(cleanFile(input, { workers: 0 }))).toBe('ERR_CLEAN_CSV_SYNTAX');
  });
  it('caps a 10 MB field instead of buffering it', async () => {
    const input = path('csv');
    writeFileSync(input, `Họ và tên,Ghi chú\nLê Hoa,"${'x'.repeat(10 * 1024 * 1024)}"\n`);
    expect(await codeOf(cleanFile(input, { workers: 0 }))).toBe('ERR_CLEAN_FIELD_TOO_LARGE');
    const line = path('csv');
    writeFileSync(line, `Họ và tên,Ghi chú\nLê Hoa,${'y'.repeat(3 * 1024 * 1024)}\n`);
    expect(await codeOf(cleanFile(line, { workers: 0, maxFieldLength: 1000 }))).toBe(
      'ERR_CLEAN_FIELD_TOO_LARGE',
    );
  });
  it('refuses binary junk', async () => {
    const input = path('csv');
    const junk = new Uint8Array(5000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    writeFileSync(input, junk);
    expect(await codeOf(cleanFile(input, { workers: 0 }))).toBe('ERR_CLEAN_INPUT_BINARY');
  });
  it('answers an empty file with ERR_CLEAN_NO_HEADER', async () => {
    const input = path('csv');
    writeFileSync(input, '');
    expect(await codeOf(cleanFile(input, { workers: 0 }))).toBe('ERR_CLEAN_NO_HEADER');
  });
});

describe('cleanFile: cancellation and misuse', () => {
  it('stops when the signal fires', async () => {
    const input = path('csv');
    writeFileSync(input, `Họ tên\n${'Lê Hoa\n'.repeat(5000)}`);
    const before = new AbortController();
    before.abort();
    expect(await codeOf(cleanFile(input, { workers: 0, signal: before.signal }))).toBe('ERR_CLEAN_ABORTED');
    const during = new AbortController();
    const run = cleanFile(input, {
      workers: 0,
      batchSize: 100,
      signal: during.signal,
      onProgress: () => during.abort(),
    });
    expect(await codeOf(run)).toBe('ERR_CLEAN_ABORTED');
  });
  it('throws TypeError and RangeError for wrong options', async () => {
    await expect(cleanFile(42 as unknown as string)).rejects.toThrow(TypeError);
    await expect(cleanFile('x.csv', { workers: -1 })).rejects.toThrow(RangeError);
    await expect(cleanFile('x.csv', { batchSize: 0 })).rejects.toThrow(RangeError);
    await expect(cleanFile('x.csv', { profile: 'school' as 'hotel' })).rejects.toThrow(RangeError);
    await expect(cleanFile('x.csv', { lang: 'fr' as 'vi' })).rejects.toThrow(RangeError);
  });
});

describe('cleanRecords', () => {
  it('cleans an async iterable in order', async () => {
    async function* source() {
      yield { fullName: 'le thi  hoa', birthDate: '00/00/1970' };
      yield { fullName: 'Trần An', birthDate: '31/04/1990' };
    }
    const out = [];
    for await (const r of cleanRecords(source(), { profile: { name: 'x', required: [] } })) out.push(r);
    expect(out.map((r) => [r.row, r.values.fullName, r.values.birthDate])).toEqual([
      [1, 'Le Thi Hoa', '1970'],
      [2, 'Trần An', '31/04/1990'],
    ]);
    expect(out[1]?.issues.map((i) => i.code)).toEqual(['CLEAN_DATE_IMPOSSIBLE']);
  });
  it('rejects what is not iterable', async () => {
    await expect(
      cleanRecords(5 as unknown as [])
        [Symbol.asyncIterator]()
        .next(),
    ).rejects.toThrow(TypeError);
  });
});
