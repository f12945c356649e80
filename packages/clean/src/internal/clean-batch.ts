import type { KeyColumns } from '../duplicates/memory-store.js';
import type { CleanedRecord, CleanField, InputRecord, Profile } from '../types.js';
import { issueRows, serializeRows } from './outputs.js';
import { type CsvParseOptions, type InputFormat, parseCsvBlock } from './read-input.js';
import { runRules } from './rules.js';
import { SummaryBuilder, type SummaryPart } from './summary.js';

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
  const out: CleanedRecord[] = new Array(task.rows.length);
  const cols = task.columns;
  for (let i = 0; i < task.rows.length; i++) {
    const row = task.rows[i] as string[];
    const input: InputRecord = {};
    for (let j = 0; j < cols.length; j++) {
      const [field, at] = cols[j] as [CleanField, number];
      const v = row[at];
      if (v !== undefined && v !== '') input[field] = v;
    }
    out[i] = runRules(input, task.firstRow + i, task.profile);
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
  /** Cleaned rows and appended values, for .xlsx output (written in the main thread). */
  outRows?: { rows: string[][]; extras: string[][] };
  report?: string;
  /**
   * For a raw block: `[length, local row]` of each report line, whose `row` value was written
   * empty; {@link numberReport} puts the real row in.
   */
  reportLines?: Uint32Array;
  /** Duplicate keys of the batch's records, in row order from its first row. */
  keys?: KeyColumns;
  stats: SummaryPart;
}

/**
 * Cleans a batch and serialises its outputs in the worker: structured-cloning the records with
 * their bilingual messages back to the main thread would cost more than the rules themselves.
 */
export function processFileBatch(task: FileBatchTask): FileBatchResult {
  const relative = task.text !== undefined || task.bytes !== undefined;
  if (relative) {
    const b = task.bytes;
    // Blocks are cut at line ends, so no UTF-8 sequence is split between two of them.
    const text = b
      ? Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8')
      : (task.text as string);
    task.rows = parseCsvBlock(text, task.csv as CsvParseOptions);
    task.firstRow = 1;
  }
  const records = cleanBatch(task);
  const summary = new SummaryBuilder();
  summary.add(records);
  const result: FileBatchResult = { rows: records.length, stats: summary.part() };
  if (relative) result.relative = true;
  const o = task.output;
  if (o) {
    const rows: string[][] = new Array(records.length);
    const extras: string[][] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const rec = records[i] as CleanedRecord;
      const row = (task.rows[i] as string[]).slice();
      for (const [field, at] of task.columns) {
        const v = rec.values[field];
        if (v !== undefined) row[at] = v;
        else if (row[at] !== undefined && row[at] !== '') row[at] = '';
      }
      rows[i] = row;
      const e: string[] = o.appended.map((f) => rec.codes?.[f] ?? '');
      if (o.moveLegacy) e.push(rec.values.legacyId ?? '');
      extras[i] = e;
    }
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
  if (task.report && relative) {
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
  if (task.keys) result.keys = keyColumns(records);
  return result;
}

function keyColumns(records: readonly CleanedRecord[]): KeyColumns {
  const n = records.length;
  const k: KeyColumns = { id: new Array(n), name: new Array(n), date: new Array(n), place: new Array(n) };
  for (let i = 0; i < n; i++) {
    const keys = (records[i] as CleanedRecord).keys;
    k.id[i] = keys.personalId ?? '';
    k.name[i] = keys.foldedName ?? '';
    k.date[i] = keys.birthDate ?? '';
    k.place[i] = keys.birthPlace ?? '';
  }
  return k;
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

/** Headers of the appended columns of the cleaned file. */
export const APPENDED_HEADERS = {
  ethnicity: 'Mã dân tộc',
  religion: 'Mã tôn giáo',
  nationality: 'Mã quốc tịch',
} as const;
export const LEGACY_HEADER = 'Số CMND';
const REPORT_COLUMNS = ['row', 'field', 'code', 'severity', 'message_vi', 'message_en', 'before', 'after'];
