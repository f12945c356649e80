import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { CleanedRecord, RecordIssue } from '../types.js';
import type { InputFormat } from './read-input.js';
import { TextSink } from './sink.js';

/** Writes rows of a table to CSV (with the input's delimiter), JSON Lines or .xlsx. */
export interface TableWriter {
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
  const join = (r: readonly string[], e: readonly string[] | undefined): string[] => {
    const out = r.slice();
    // Short rows are padded so that appended columns stay under their header.
    while (out.length < header.length) out.push('');
    return e ? out.concat(e) : out;
  };
  if (format === 'xlsx') {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: false,
      useStyles: false,
    });
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow([...header, ...appended]).commit();
    return {
      async writeRows(rows, extras) {
        rows.forEach((r, i) => {
          ws.addRow(join(r, extras?.[i])).commit();
        });
      },
      async close() {
        ws.commit();
        await wb.commit();
      },
    };
  }
  const sink = new TextSink(path);
  if (format === 'jsonl') {
    return {
      async writeRows(rows, extras) {
        let text = '';
        rows.forEach((r, k) => {
          // `header` is read at write time: for JSON Lines it grows as new keys appear.
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
        await sink.write(text);
      },
      close: () => sink.close(),
    };
  }
  const delimiter = options.delimiter ?? ',';
  const unparse = (rows: readonly (readonly string[])[]): string =>
    // quotes only where needed (delimiter, quote, CR/LF); a leading space is kept as written.
    `${Papa.unparse(rows as string[][], { delimiter, newline: '\r\n', header: false })}\r\n`;
  await sink.write((options.bom ? '\ufeff' : '') + unparse([[...header, ...appended]]));
  return {
    async writeRows(rows, extras) {
      if (rows.length > 0)
        await sink.write(unparse(extras ? rows.map((r, i) => join(r, extras[i])) : (rows as string[][])));
    },
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
