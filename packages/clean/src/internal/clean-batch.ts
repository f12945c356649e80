import type { CleanedRecord, CleanField, InputRecord, Profile } from '../types.js';
import { issueRows, serializeRows } from './outputs.js';
import type { InputFormat } from './read-input.js';
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
  output?: BatchOutput;
  report?: 'csv' | 'jsonl';
  /** Return each record's row and duplicate keys (for the duplicate index). */
  keys?: boolean;
}

/** What a worker sends back: serialised text (one string per output, cheap to pass) and counts. */
export interface FileBatchResult {
  rows: number;
  /** Cleaned rows as CSV or JSON Lines text. */
  out?: string;
  /** Cleaned rows and appended values, for .xlsx output (written in the main thread). */
  outRows?: { rows: string[][]; extras: string[][] };
  report?: string;
  /** Row and duplicate keys of each record (values and issues left out). */
  keys?: CleanedRecord[];
  stats: SummaryPart;
}

/**
 * Cleans a batch and serialises its outputs in the worker: structured-cloning the records with
 * their bilingual messages back to the main thread would cost more than the rules themselves.
 */
export function processFileBatch(task: FileBatchTask): FileBatchResult {
  const records = cleanBatch(task);
  const summary = new SummaryBuilder();
  summary.add(records);
  const result: FileBatchResult = { rows: records.length, stats: summary.part() };
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
  if (task.report) result.report = serializeRows(task.report, REPORT_COLUMNS, issueRows(records));
  // Only what the duplicate index reads (row and keys) crosses back: empty `values` and `issues`
  // objects were two more objects per record to clone.
  if (task.keys) result.keys = records.map((r) => ({ row: r.row, keys: r.keys }) as CleanedRecord);
  return result;
}

/** Headers of the appended columns of the cleaned file. */
export const APPENDED_HEADERS = {
  ethnicity: 'Mã dân tộc',
  religion: 'Mã tôn giáo',
  nationality: 'Mã quốc tịch',
} as const;
export const LEGACY_HEADER = 'Số CMND';
const REPORT_COLUMNS = ['row', 'field', 'code', 'severity', 'message_vi', 'message_en', 'before', 'after'];
