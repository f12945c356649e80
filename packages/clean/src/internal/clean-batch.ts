import { type KeyBatch, KeyBatchBuilder } from '../duplicates/key-batch.js';
import type { CleanedRecord, CleanField, Profile, RecordIssue } from '../types.js';
import { type CsvBlock, type CsvParseOptions, parseCsvBlockWithSpans, scanRecordEnds } from './csv-block.js';
import { cleanIssueMessages } from './issue-codes.js';
import { csvField, issueRows, serializeRows } from './outputs.js';
import type { InputFormat } from './read-input.js';
import { blankToEmpty, cleanFields, emptyFields } from './rules.js';
import { SummaryBuilder, type SummaryPart } from './summary.js';
import { grown } from './typed-arrays.js';
import { Utf8Writer } from './utf8-writer.js';

/** One batch of rows sent to a worker thread (plain data: it crosses the thread boundary). */
export interface BatchTask {
  rows: string[][];
  /** `[field, column index]` pairs. */
  columns: [CleanField, number][];
  /** Data row number of `rows[0]` (1-based). */
  firstRow: number;
  profile: Profile;
}

/** Cleans a batch of rows: the unit of work of the worker pool. */
export function cleanBatch(task: BatchTask): CleanedRecord[] {
  return cleanRows(task.rows, task.columns, task.firstRow, task.profile);
}

function cleanRows(
  rows: readonly string[][],
  cols: readonly [CleanField, number][],
  firstRow: number,
  profile: Profile,
): CleanedRecord[] {
  const out: CleanedRecord[] = new Array(rows.length);
  const names = cols.map((c) => c[0]);
  const positions = cols.map((c) => c[1]);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as string[];
    const fields = emptyFields();
    for (let j = 0; j < names.length; j++) {
      const field = names[j] as CleanField;
      const v = row[positions[j] as number];
      if (v !== undefined && v !== '') fields[field] = blankToEmpty(v);
    }
    out[i] = cleanFields(fields, firstRow + i, profile);
  }
  return out;
}

/** How a worker writes the cleaned rows of a batch. */
export interface BatchOutput {
  format: InputFormat;
  /** The input's header when the batch was read (JSON Lines keys by position). */
  header: string[];
  delimiter: string;
  /** Catalogue code columns appended after the input's columns. */
  appended: ('ethnicity' | 'religion' | 'nationality')[];
  /** Append the CMND column (the input had none). */
  moveLegacy: boolean;
}

/** A batch with what to produce besides the cleaned records. */
export interface FileBatchTask extends BatchTask {
  /**
   * Raw text of whole CSV records, parsed here instead of `rows` (with `csv`). Rows are then
   * numbered from 1 within the block (`firstRow` is ignored) and the report's `row` column is
   * left for the reading thread to fill ({@link FileBatchResult.reportLines}): it alone knows how
   * many records came before.
   */
  text?: string;
  /** Raw UTF-8 bytes of whole CSV records, decoded and parsed here (like `text`). */
  bytes?: Uint8Array;
  csv?: CsvParseOptions;
  output?: BatchOutput;
  report?: 'csv' | 'jsonl';
  /** Return each record's row and duplicate keys (for the duplicate index). */
  keys?: boolean;
}

/** What a worker sends back: serialised text (one string per output, cheap to pass) and counts. */
export interface FileBatchResult {
  rows: number;
  /** Rows were numbered from 1 within a raw block. */
  relative?: boolean;
  /** Cleaned rows as CSV or JSON Lines text. */
  out?: string;
  /** Cleaned rows as UTF-8 CSV (a raw UTF-8 block): written as they are. */
  outBytes?: Uint8Array;
  /**
   * Report lines as UTF-8 CSV (a raw UTF-8 block), `row` left empty; `reportLines` holds their
   * byte lengths ({@link numberReportBytes}).
   */
  reportBytes?: Uint8Array;
  /** Cleaned rows and appended values, for .xlsx output (written in the main thread). */
  outRows?: { rows: string[][]; extras: string[][] };
  report?: string;
  /**
   * For a raw block: `[length, local row]` of each report line, whose `row` value was written
   * empty; the length counts characters of `report` ({@link numberReport}) or bytes of
   * `reportBytes` ({@link numberReportBytes}), which put the real row in.
   */
  reportLines?: Uint32Array;
  /** Duplicate keys of the batch's records, in row order from its first row. */
  keys?: KeyBatch;
  stats: SummaryPart;
}

/**
 * Cleans a batch and serialises its outputs in the worker: structured-cloning the records with
 * their bilingual messages back to the main thread would cost more than the rules themselves.
 */
export function processFileBatch(task: FileBatchTask): FileBatchResult {
  const o = task.output;
  if (
    task.bytes !== undefined &&
    task.csv !== undefined &&
    (o === undefined || (o.format === 'csv' && o.delimiter === task.csv.delimiter)) &&
    (task.report === undefined || task.report === 'csv')
  )
    return processUtf8Block(task, task.bytes, task.csv);
  const relative = task.text !== undefined || task.bytes !== undefined;
  let block: CsvBlock | undefined;
  if (relative) {
    const b = task.bytes;
    // Blocks are cut at line ends, so no UTF-8 sequence is split between two of them.
    const text = b
      ? Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8')
      : (task.text as string);
    block = parseCsvBlockWithSpans(text, task.csv as CsvParseOptions);
    task.rows = block.rows;
    task.firstRow = 1;
  }
  const records = cleanBatch(task);
  const summary = new SummaryBuilder();
  summary.add(records);
  const result: FileBatchResult = { rows: records.length, stats: summary.part() };
  if (relative) result.relative = true;
  if (o && o.format === 'csv' && block?.spans && o.delimiter === task.csv?.delimiter) {
    let text = '';
    writeFromSpans(block, records, task.columns, o, (line) => {
      text += line;
    });
    result.out = text;
  } else if (o) {
    const { rows, extras } = cleanedRows(task.rows, records, task.columns, o);
    if (o.format === 'xlsx') result.outRows = { rows, extras };
    else {
      const appendedNames = [
        ...o.appended.map((f) => APPENDED_HEADERS[f]),
        ...(o.moveLegacy ? [LEGACY_HEADER] : []),
      ];
      result.out = serializeRows(o.format, o.header, rows, {
        delimiter: o.delimiter,
        appended: appendedNames,
        extras,
      });
    }
  }
  if (task.report === 'csv' && relative) {
    const issues = reportCsvLines(records);
    result.report = issues.text;
    result.reportLines = issues.lines;
  } else if (task.report && relative) {
    const rows = issueRows(records);
    const lines = new Uint32Array(rows.length * 2);
    let text = '';
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as string[];
      lines[2 * i + 1] = Number(r[0]);
      r[0] = '';
      const line = serializeRows(task.report, REPORT_COLUMNS, [r]);
      lines[2 * i] = line.length;
      text += line;
    }
    result.report = text;
    result.reportLines = lines;
  } else if (task.report) result.report = serializeRows(task.report, REPORT_COLUMNS, issueRows(records));
  // Only what the duplicate index reads (row and keys) crosses back: empty `values` and `issues`
  // objects were two more objects per record to clone.
  if (task.keys) {
    const keys = new KeyBatchBuilder();
    addKeys(keys, records);
    result.keys = keys.finish();
  }
  return result;
}

// Bytes of a UTF-8 block decoded and cleaned at a time: the strings and objects of a part die
// young (cheap for the garbage collector) and V8 decodes short UTF-8 runs ≈ 2.5× faster
// than a whole 1 MB block, whose string goes to the large-object space.
const PART = 32_768;

// The UTF-8 bytes of a report line's middle ({@link reportLineMiddle}), by code, field, severity
// and Vietnamese message: the same few hundred bytes of bilingual text recur on thousands of
// lines, and copying them costs a fraction of encoding them again. Bounded per (code, field,
// severity) and in all (a few MB at most): past that, a message with a record's own values in it
// is encoded each time.
const HEADS_PER_KIND = 256;
const HEADS_IN_ALL = 8192;
let headsKept = 0;
type Heads = Map<string, { en: string; bytes: Buffer }>;
const headsByCode = new Map<string, Map<string, Map<string, Heads>>>();

/** The map under `key`, made empty on first use. */
function child<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = map.get(key);
  if (m === undefined) {
    m = new Map();
    map.set(key, m);
  }
  return m;
}

function reportLineHead(i: RecordIssue): Buffer {
  const field = i.field ?? '';
  const heads = child(child(child(headsByCode, i.code), field), i.severity);
  const hit = heads.get(i.messageVi);
  if (hit !== undefined && hit.en === i.messageEn) return hit.bytes;
  const bytes = Buffer.from(reportLineMiddle(i), 'utf8');
  if (hit === undefined && heads.size < HEADS_PER_KIND && headsKept < HEADS_IN_ALL) {
    heads.set(i.messageVi, { en: i.messageEn, bytes });
    headsKept++;
  }
  return bytes;
}

/** Writes one CSV report line (its `row` left empty, see {@link numberReport}); returns its length in bytes. */
function writeReportLine(report: Utf8Writer, i: RecordIssue): number {
  return report.writeBytes(reportLineHead(i)) + report.write(reportLineEnd(i));
}

/**
 * A raw UTF-8 block cut into parts of about {@link PART} bytes at record ends, each decoded,
 * parsed, cleaned and written before the next: the cleaned CSV and the report come back as UTF-8
 * bytes (moved, not copied, to the reading thread, which writes them as they are).
 */
function processUtf8Block(task: FileBatchTask, bytes: Uint8Array, csv: CsvParseOptions): FileBatchResult {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const o = task.output;
  const out = o ? new Utf8Writer(b.length + (b.length >> 3)) : undefined;
  // A report is about as long as its block (≈ one issue per record, each a long line).
  const report = task.report ? new Utf8Writer(b.length + (b.length >> 2)) : undefined;
  let lines = new Uint32Array(report ? 8192 : 0);
  let nLines = 0;
  const summary = new SummaryBuilder();
  const keys = task.keys ? new KeyBatchBuilder() : undefined;
  const crlf = csv.newline === '\r\n';
  let rows = 0;
  let pos = 0;
  while (pos < b.length) {
    const end = partEnd(b, pos, crlf);
    const block = parseCsvBlockWithSpans(b.toString('utf8', pos, end), csv);
    pos = end;
    const records = cleanRows(block.rows, task.columns, rows + 1, task.profile);
    rows += records.length;
    summary.add(records);
    if (o && out) {
      // Line by line: V8 encodes a short string straight away, while one long concatenation
      // would first be flattened (≈ 10× the cost).
      if (block.spans) writeFromSpans(block, records, task.columns, o, (line) => out.write(line));
      else {
        const { rows: all, extras } = cleanedRows(block.rows, records, task.columns, o);
        out.write(serializeRows('csv', o.header, all, { delimiter: o.delimiter, extras }));
      }
    }
    if (report) {
      for (const r of records) {
        for (const i of r.issues) {
          lines = grown(lines, 2 * nLines + 2);
          lines[2 * nLines] = writeReportLine(report, i);
          lines[2 * nLines + 1] = i.row;
          nLines++;
        }
      }
    }
    if (keys) addKeys(keys, records);
  }
  const result: FileBatchResult = { rows, relative: true, stats: summary.part() };
  if (out) result.outBytes = out.bytes();
  if (report) {
    result.reportBytes = report.bytes();
    result.reportLines = lines.slice(0, 2 * nLines);
  }
  if (keys) result.keys = keys.finish();
  return result;
}

/** End of the part of `b` that starts at `pos`: the last record end within {@link PART} bytes (or the first after). */
function partEnd(b: Buffer, pos: number, crlf: boolean): number {
  if (b.length - pos <= PART * 1.5) return b.length;
  let size = PART;
  for (;;) {
    const window = b.subarray(pos, Math.min(b.length, pos + size));
    let { boundary } = scanRecordEnds(window, 0, false, -1, 0x22, 0x0a);
    // With CRLF records a lone LF is inside a field: the part ends at a CR LF.
    while (crlf && boundary > 0 && window[boundary - 1] !== 0x0d)
      ({ boundary } = scanRecordEnds(window.subarray(0, boundary), 0, false, -1, 0x22, 0x0a));
    if (boundary >= 0 && !(crlf && boundary === 0)) return pos + boundary + 1;
    if (pos + size >= b.length) return b.length;
    size *= 2;
  }
}

/** Input rows with the cleaned values put in, and each row's appended values. */
function cleanedRows(
  input: readonly string[][],
  records: readonly CleanedRecord[],
  columns: readonly [CleanField, number][],
  o: BatchOutput,
): { rows: string[][]; extras: string[][] } {
  const rows: string[][] = new Array(records.length);
  const extras: string[][] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const rec = records[i] as CleanedRecord;
    rows[i] = withValues(input[i] as string[], rec, columns);
    extras[i] = extrasOf(rec, o);
  }
  return { rows, extras };
}

function withValues(
  row: readonly string[],
  rec: CleanedRecord,
  columns: readonly [CleanField, number][],
): string[] {
  const copy = row.slice();
  for (const [field, at] of columns) {
    const v = rec.values[field];
    if (v !== undefined) copy[at] = v;
    else if (copy[at] !== undefined && copy[at] !== '') copy[at] = '';
  }
  return copy;
}

function addKeys(k: KeyBatchBuilder, records: readonly CleanedRecord[]): void {
  for (const r of records) {
    const keys = r.keys;
    k.add(keys.personalId, keys.foldedName, keys.birthDate, keys.birthPlace);
  }
}

function extrasOf(rec: CleanedRecord, o: BatchOutput): string[] {
  const e: string[] = o.appended.map((f) => rec.codes?.[f] ?? '');
  if (o.moveLegacy) e.push(rec.values.legacyId ?? '');
  return e;
}

/**
 * The cleaned CSV of a block read with spans: the same bytes as {@link serializeRows} would
 * write, but each run of fields the rules left as they were (and that the input already wrote
 * as the writer would) is copied from the input's text; only changed fields are written anew.
 * Most records change in none or one or two of their fields.
 */
function writeFromSpans(
  block: CsvBlock,
  records: readonly CleanedRecord[],
  columns: readonly [CleanField, number][],
  o: BatchOutput,
  write: (line: string) => void,
): void {
  const { text, rows } = block;
  const { lines, firstField, fields } = block.spans as NonNullable<CsvBlock['spans']>;
  const d = o.delimiter;
  const width = o.header.length;
  const fieldAt = new Array<CleanField | undefined>(width);
  for (const [field, at] of columns) fieldAt[at] = field;
  for (let r = 0; r < records.length; r++) {
    const rec = records[r] as CleanedRecord;
    const row = rows[r] as string[];
    if (row.length < width) {
      // A short row is padded under the header: written the general way.
      write(
        serializeRows('csv', o.header, [withValues(row, rec, columns)], {
          delimiter: d,
          extras: [extrasOf(rec, o)],
        }),
      );
      continue;
    }
    const fb = firstField[r] as number;
    let runStart = lines[2 * r] as number;
    let line = '';
    for (let j = 0; j < row.length; j++) {
      const f = fb + j;
      const field = j < width ? fieldAt[j] : undefined;
      let value = row[j] as string;
      let write = fields[3 * f + 2] === 0;
      if (field !== undefined) {
        const v = rec.values[field];
        if (v !== undefined) {
          if (v !== value) {
            value = v;
            write = true;
          }
        } else if (value !== '') {
          value = '';
          write = true;
        }
      }
      if (write) {
        line += text.slice(runStart, fields[3 * f]) + csvField(value, d);
        runStart = fields[3 * f + 1] as number;
      }
    }
    line += text.slice(runStart, lines[2 * r + 1]);
    for (const f of o.appended) line += d + csvField(rec.codes?.[f] ?? '', d);
    if (o.moveLegacy) line += d + csvField(rec.values.legacyId ?? '', d);
    write(`${line}\r\n`);
  }
}

// Most messages have no details: the catalogue's own strings, quoted for CSV once per code.
const quotedByCode = new Map<string, { vi: string; en: string; qVi: string; qEn: string }>();
function quotedMessages(i: RecordIssue): { vi: string; en: string } {
  let q = quotedByCode.get(i.code);
  if (q === undefined) {
    const entry = (cleanIssueMessages as Record<string, { vi: string; en: string } | undefined>)[i.code];
    q = entry
      ? { vi: entry.vi, en: entry.en, qVi: csvField(entry.vi, ','), qEn: csvField(entry.en, ',') }
      : { vi: '', en: '', qVi: '', qEn: '' };
    quotedByCode.set(i.code, q);
  }
  return {
    vi: i.messageVi === q.vi ? q.qVi : csvField(i.messageVi, ','),
    en: i.messageEn === q.en ? q.qEn : csvField(i.messageEn, ','),
  };
}

/** One CSV line of the issue report with its `row` left empty (see {@link numberReport}). */
function reportCsvLine(i: RecordIssue): string {
  return reportLineMiddle(i) + reportLineEnd(i);
}

/** A report line from its `field` to its `message_en` (`,field,code,severity,message_vi,message_en,`). */
function reportLineMiddle(i: RecordIssue): string {
  // Field names, codes and severities are identifiers: never quoted.
  const m = quotedMessages(i);
  return `,${i.field ?? ''},${i.code},${i.severity},${m.vi},${m.en},`;
}

/** The rest of a report line: `before,after` and the line end. */
function reportLineEnd(i: RecordIssue): string {
  return `${csvField(i.before ?? '', ',')},${csvField(i.after ?? '', ',')}\r\n`;
}

/** CSV report lines of a raw block (row left empty, see {@link numberReport}). */
function reportCsvLines(records: readonly CleanedRecord[]): { text: string; lines: Uint32Array } {
  let n = 0;
  for (const r of records) n += r.issues.length;
  const lines = new Uint32Array(n * 2);
  let text = '';
  let k = 0;
  for (const r of records) {
    for (const i of r.issues) {
      const line = reportCsvLine(i);
      lines[2 * k] = line.length;
      lines[2 * k + 1] = i.row;
      text += line;
      k++;
    }
  }
  return { text, lines };
}

/**
 * Puts the rows into the report lines of a raw block (see {@link FileBatchResult.reportLines}):
 * the empty `row` value sits at the start of a CSV line and after `{"row":"` in JSON Lines.
 */
export function numberReport(
  format: 'csv' | 'jsonl',
  text: string,
  lines: Uint32Array,
  rowsBefore: number,
): string {
  const at = format === 'csv' ? 0 : 8;
  let out = '';
  let pos = 0;
  for (let i = 0; i < lines.length; i += 2) {
    const len = lines[i] as number;
    out +=
      text.slice(pos, pos + at) +
      String(rowsBefore + (lines[i + 1] as number)) +
      text.slice(pos + at, pos + len);
    pos += len;
  }
  return out;
}

/**
 * {@link numberReport} for a CSV report in UTF-8 bytes ({@link FileBatchResult.reportBytes}):
 * each line gets its row number in front.
 */
export function numberReportBytes(bytes: Uint8Array, lines: Uint32Array, rowsBefore: number): Buffer {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Row numbers are at most 16 digits.
  const out = Buffer.allocUnsafe(bytes.byteLength + (lines.length / 2) * 16);
  let at = 0;
  let pos = 0;
  for (let i = 0; i < lines.length; i += 2) {
    const len = lines[i] as number;
    at += out.write(String(rowsBefore + (lines[i + 1] as number)), at, 'latin1');
    at += src.copy(out, at, pos, pos + len);
    pos += len;
  }
  return out.subarray(0, at);
}

/** Headers of the appended columns of the cleaned file. */
export const APPENDED_HEADERS = {
  ethnicity: 'Mã dân tộc',
  religion: 'Mã tôn giáo',
  nationality: 'Mã quốc tịch',
} as const;
export const LEGACY_HEADER = 'Số CMND';
const REPORT_COLUMNS = ['row', 'field', 'code', 'severity', 'message_vi', 'message_en', 'before', 'after'];
