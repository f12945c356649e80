/**
 * Export of stay notices to the portal's bulk-import Excel file, or to a CSV with the same column
 * headers, for when the accommodation API is unavailable. `exceljs` (an optional peer dependency)
 * is loaded only when an Excel file is asked for.
 */
import { stayError } from '../errors.js';
import type { StayNotice } from '../types.js';
import { type ExportCatalogs, rowOf, STAY_EXPORT_HEADERS } from './rows.js';

/** Options of {@link exportStayNotices}. */
export interface ExportStayNoticesOptions extends ExportCatalogs {
  /** `xlsx`: the portal's Excel template (needs `exceljs`); `csv`: UTF-8 with BOM, RFC 4180. */
  readonly format: 'xlsx' | 'csv';
  /** Worksheet name (default `Danh sách lưu trú`). */
  readonly sheetName?: string;
}

// OWASP "CSV injection": a cell that starts with one of these is run as a formula by spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  // RFC 4180 §2: fields with commas, quotes or line breaks are quoted, quotes doubled.
  return /[",\r\n]/.test(guarded) || /^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function toCsv(rows: readonly (readonly string[])[]): Uint8Array {
  const text = rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  // The BOM makes Excel read the file as UTF-8 (Vietnamese letters).
  return new TextEncoder().encode(`\uFEFF${text}`);
}

interface ExcelModule {
  Workbook: new () => {
    addWorksheet(name: string): {
      addRow(values: readonly unknown[]): { font: unknown };
      columns: { width?: number }[];
      getRow(n: number): { font: unknown };
      views: unknown[];
    };
    xlsx: { writeBuffer(): Promise<ArrayBuffer | Uint8Array> };
  };
}

async function loadExcel(): Promise<ExcelModule> {
  try {
    const mod = (await import('exceljs')) as unknown as ExcelModule & { default?: ExcelModule };
    return mod.default?.Workbook ? mod.default : mod;
  } catch (cause) {
    throw stayError('ERR_STAY_EXPORT_PEER', {}, { cause });
  }
}

/**
 * Writes notices as the portal's bulk-import file: an Excel workbook (`xlsx`, one sheet, the
 * template's headers in row 1) or a CSV with the same headers. Text cells stay text (document
 * numbers keep their leading zeros); in the CSV, cells that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`) are prefixed with `'`.
 *
 * @throws CancuocError `ERR_STAY_EXPORT_PEER` when `xlsx` is asked for and `exceljs` is not installed.
 * @example
 * ```ts
 * import { exportStayNotices } from '@cancuoc/guest-stay/export';
 * const bytes = await exportStayNotices([notice], { format: 'csv' });
 * // await writeFile('luu-tru.csv', bytes);
 * ```
 */
export async function exportStayNotices(
  notices: readonly StayNotice[],
  options: ExportStayNoticesOptions,
): Promise<Uint8Array> {
  if (!Array.isArray(notices)) throw new TypeError('exportStayNotices expects an array of stay notices');
  if (options?.format !== 'xlsx' && options?.format !== 'csv') {
    throw new TypeError("exportStayNotices needs { format: 'xlsx' | 'csv' }");
  }
  for (const n of notices) {
    if (
      typeof n?.payload !== 'object' ||
      n.payload === null ||
      (n.kind !== 'vietnamese' && n.kind !== 'foreign')
    ) {
      throw new TypeError('exportStayNotices expects stay notices made by buildStayNotice');
    }
  }
  const rows = notices.map((n, i) => rowOf(n, i, options));
  if (options.format === 'csv') return toCsv([STAY_EXPORT_HEADERS, ...rows]);

  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet((options.sheetName ?? 'Danh sách lưu trú').slice(0, 31));
  sheet.addRow(STAY_EXPORT_HEADERS);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns = STAY_EXPORT_HEADERS.map((h) => ({ width: Math.max(8, Math.min(40, h.length + 4)) }));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  const view = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  return new Uint8Array(view);
}
