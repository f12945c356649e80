import type { CleanedRecord, RecordIssue } from '../types.js';
import type { InputFormat } from './read-input.js';
import { TextSink } from './sink.js';

/** Writes rows of a table to CSV (with the input's delimiter), JSON Lines or .xlsx. */
export interface TableWriter {
  /** Writes text already serialised by {@link serializeRows} (CSV and JSON Lines only). */
  writeText(text: string): Promise<void>;
  /** Writes UTF-8 bytes already serialised (CSV only). */
  writeBytes(bytes: Uint8Array): Promise<void>;
  /** Writes rows; `extras[i]` holds the values of the appended columns of `rows[i]`. */
  writeRows(rows: readonly (readonly string[])[], extras?: readonly (readonly string[])[]): Promise<void>;
  close(): Promise<void>;
}

/** Output format from the file name, defaulting to `fallback`. */
export function outputFormatOf(path: string, fallback: InputFormat): InputFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'csv';
  return fallback;
}

/**
 * Serialises rows as CSV (CRLF line ends, quotes only where needed) or JSON Lines, appended
 * columns after the input's. Pure: worker threads call it so that only one string per batch
 * crosses back to the main thread.
 */
export function serializeRows(
  format: 'csv' | 'jsonl',
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: { delimiter?: string; appended?: readonly string[]; extras?: readonly (readonly string[])[] } = {},
): string {
  if (rows.length === 0) return '';
  const appended = options.appended ?? [];
  const extras = options.extras;
  if (format === 'jsonl') {
    let text = '';
    rows.forEach((r, k) => {
      const obj: Record<string, string> = {};
      for (let i = 0; i < r.length; i++) {
        const v = r[i];
        if (v !== undefined) obj[header[i] as string] = v;
      }
      const e = extras?.[k];
      if (e)
        appended.forEach((name, i) => {
          const v = e[i];
          if (v !== undefined && v !== '') obj[name] = v;
        });
      text += `${JSON.stringify(obj)}\n`;
    });
    return text;
  }
  const delimiter = csvDelimiter(options.delimiter);
  let text = '';
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k] as readonly string[];
    let line = '';
    for (let i = 0; i < r.length; i++) {
      if (i > 0) line += delimiter;
      line += csvField(r[i], delimiter);
    }
    const e = extras?.[k];
    if (e) {
      // Short rows are padded so that appended columns stay under their header.
      for (let i = r.length; i < header.length; i++)
        line += (i > 0 ? delimiter : '') + csvField('', delimiter);
      for (let i = 0; i < e.length; i++) {
        if (r.length > 0 || header.length > 0 || i > 0) line += delimiter;
        line += csvField(e[i], delimiter);
      }
    }
    text += `${line}\r\n`;
  }
  return text;
}

// The CSV writer is hand-written, not Papa.unparse: it writes the same bytes (quotes only where
// papaparse puts them: delimiter, quote, CR, LF, BOM, a leading or trailing space) without
// building a padded copy of every row and testing each field four times — serialising was a
// third of a worker's time per record.
function csvDelimiter(d: string | undefined): string {
  // papaparse falls back to a comma when the delimiter holds a character that cannot delimit.
  if (d === undefined || /[\r\n"\ufeff]/.test(d)) return ',';
  return d;
}

/**
 * Whether the CSV writer quotes a (non-empty) field: where papaparse quotes, i.e. a delimiter,
 * quote, CR, LF or BOM inside, or a space at either end. The span scanner of `csv-block.ts` makes
 * the same decision inline while it reads a field (property-tested against this).
 */
export function needsCsvQuotes(s: string, delimiter: string): boolean {
  if (s.length === 0) return false;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32) return true;
  // A one-character delimiter is looked for in the same pass.
  const d = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 10 || c === 13 || c === 0xfeff || c === d) return true;
  }
  return d === -1 && s.includes(delimiter);
}

/** A field as the CSV writer writes it. */
export function csvField(value: string | undefined, delimiter: string): string {
  if (value === undefined || value === null) return '';
  const s = String(value);
  if (s.length === 0) return delimiter === '' ? '""' : s;
  if (!needsCsvQuotes(s, delimiter)) return s;
  if (s.includes('"')) return `"${s.replaceAll('"', '""')}"`;
  return `"${s}"`;
}

// Short rows are padded so that appended columns stay under their header (xlsx rows).
function padJoin(r: readonly string[], width: number, e: readonly string[] | undefined): string[] {
  const out = r.slice();
  while (out.length < width) out.push('');
  return e ? out.concat(e) : out;
}

/**
 * Opens a table writer. CSV output is UTF-8 with CRLF line ends; it starts with a BOM when
 * `bom` is set (so that Excel reads Vietnamese letters right).
 */
export async function openTableWriter(
  path: string,
  format: InputFormat,
  header: readonly string[],
  options: { delimiter?: string; bom?: boolean; appended?: readonly string[] } = {},
): Promise<TableWriter> {
  const appended = options.appended ?? [];
  if (format === 'xlsx') {
    // exceljs is loaded only for .xlsx: importing it costs ≈ 0.4 s in every thread.
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: false,
      useStyles: false,
    });
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow([...header, ...appended]).commit();
    return {
      async writeText() {
        throw new TypeError('an .xlsx writer takes rows, not text');
      },
      async writeBytes() {
        throw new TypeError('an .xlsx writer takes rows, not bytes');
      },
      async writeRows(rows, extras) {
        rows.forEach((r, i) => {
          ws.addRow(padJoin(r, header.length, extras?.[i])).commit();
        });
      },
      async close() {
        ws.commit();
        await wb.commit();
      },
    };
  }
  const sink = new TextSink(path);
  const delimiter = options.delimiter ?? ',';
  if (format === 'csv')
    await sink.write(
      (options.bom ? '\ufeff' : '') + serializeRows('csv', header, [[...header, ...appended]], { delimiter }),
    );
  return {
    writeText: (text) => (text.length > 0 ? sink.write(text) : Promise.resolve()),
    writeBytes: (bytes) => (bytes.byteLength > 0 ? sink.write(bytes) : Promise.resolve()),
    // `header` is read at write time: for JSON Lines it grows as new keys appear.
    writeRows: (rows, extras) =>
      sink.write(serializeRows(format, header, rows, { delimiter, appended, ...(extras ? { extras } : {}) })),
    close: () => sink.close(),
  };
}

/** Columns of the issue report. */
export const REPORT_HEADER = [
  'row',
  'field',
  'code',
  'severity',
  'message_vi',
  'message_en',
  'before',
  'after',
] as const;

/** Rows of the issue report for a batch of records. */
export function issueRows(records: readonly CleanedRecord[]): string[][] {
  const rows: string[][] = [];
  for (const r of records) {
    for (const i of r.issues as RecordIssue[]) {
      rows.push([
        String(i.row),
        i.field ?? '',
        i.code,
        i.severity,
        i.messageVi,
        i.messageEn,
        i.before ?? '',
        i.after ?? '',
      ]);
    }
  }
  return rows;
}

/** Columns of the duplicates file. */
export const DUPLICATES_HEADER = ['group', 'row', 'reason'] as const;
