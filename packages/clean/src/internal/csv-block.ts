import Papa from 'papaparse';
import { grown } from './typed-arrays.js';

/** How a raw block of CSV records is parsed. */
export interface CsvParseOptions {
  delimiter: string;
  newline: '\n' | '\r\n';
}

/**
 * Rows of a raw block with where each came from in the block's text, so that a record the rules
 * left unchanged is written back as a copy of its own text instead of being serialised again.
 */
export interface CsvBlock {
  text: string;
  rows: string[][];
  /**
   * Present when the block was read by the span scanner: per row, `lines[2r]`/`lines[2r + 1]`
   * are the start and end (newline excluded) of its text, `firstField[r]` the index of its first
   * field in `fields`, where field `f` spans `fields[3f]`..`fields[3f + 1]` (quotes included) and
   * `fields[3f + 2]` is 1 when those characters are exactly what the CSV writer would write for
   * the field's value (so they can be copied).
   */
  spans?: { lines: Int32Array; firstField: Int32Array; fields: Int32Array };
}

/**
 * Scans `buf` from `from` for the last record end outside quotes (RFC 4180 §2.6: quotes come in
 * pairs, `""` being an escaped quote, so their parity tells whether a newline is inside a field).
 * Works on text and on UTF-8 bytes alike: `"` and `\n` never occur inside a multi-byte sequence.
 * Returns the quote state at the end and the last record end found (or `boundary` unchanged).
 */
export function scanRecordEnds<T extends string | number>(
  buf: {
    readonly length: number;
    indexOf(v: T, from: number): number;
    lastIndexOf(v: T, from: number): number;
  },
  from: number,
  inQuote: boolean,
  boundary: number,
  quote: T,
  newline: T,
): { inQuote: boolean; boundary: number } {
  const len = buf.length;
  let i = from;
  let q = -2;
  while (i < len) {
    if (inQuote) {
      const j = buf.indexOf(quote, i);
      if (j < 0) break;
      inQuote = false;
      i = j + 1;
      q = -2;
      continue;
    }
    if (q !== -1 && q < i) q = buf.indexOf(quote, i);
    const nl = buf.lastIndexOf(newline, q < 0 ? len - 1 : q);
    if (nl >= i) boundary = nl;
    if (q < 0) break;
    inQuote = true;
    i = q + 1;
  }
  return { inQuote, boundary };
}

/** Parses a raw block of whole CSV records exactly as the reading thread would have (papaparse). */
export function parseCsvBlock(text: string, options: CsvParseOptions): string[][] {
  return Papa.parse<string[]>(text, { ...options, skipEmptyLines: 'greedy' }).data;
}

/**
 * Parses a raw block with the span scanner, or with papaparse when the text is anything but
 * plain RFC 4180 (a closing quote followed by other text, a quote left open, an unusual
 * delimiter): both give the same rows (property-tested), the scanner also gives spans.
 *
 * Hand-written because no CSV library reports where each record and field lies in the text;
 * papaparse stays the reference and the parser of everything unusual.
 */
export function parseCsvBlockWithSpans(text: string, options: CsvParseOptions): CsvBlock {
  const scanned = scanBlock(text, options);
  return scanned ?? { text, rows: parseCsvBlock(text, options) };
}

function scanBlock(text: string, options: CsvParseOptions): CsvBlock | undefined {
  const d = options.delimiter;
  if (d.length !== 1 || d === '"' || d === '\r' || d === '\n' || d === '\ufeff') return undefined;
  // papaparse drops a byte order mark at the start of its input.
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const dc = d.charCodeAt(0);
  const crlf = options.newline === '\r\n';
  const len = text.length;
  const rows: string[][] = [];
  let lines = new Int32Array(1024);
  let firstField = new Int32Array(512);
  let fields = new Int32Array(8192);
  let nf = 0;
  let i = 0;
  while (i < len) {
    const lineStart = i;
    const fieldBase = nf;
    const row: string[] = [];
    let blank = true;
    let lineEnd = -1;
    for (;;) {
      // One field starting at i.
      const start = i;
      let value: string;
      let canonical: boolean;
      if (i < len && text.charCodeAt(i) === 34) {
        let j = i + 1;
        let escaped = false;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) return undefined;
          if (text.charCodeAt(q + 1) === 34) {
            escaped = true;
            j = q + 2;
            continue;
          }
          j = q;
          break;
        }
        // Copyable when the writer would quote the value too (the same test as needsCsvQuotes,
        // run here on the flat block text rather than on the field's slice).
        canonical =
          escaped || (j > i + 1 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(j - 1) === 32));
        for (let k = i + 1; !canonical && k < j; k++) {
          const c = text.charCodeAt(k);
          canonical = c === dc || c === 10 || c === 13 || c === 0xfeff;
        }
        value = text.slice(i + 1, j);
        if (escaped) value = value.replaceAll('""', '"');
        i = j + 1;
        // What may follow a closing quote: the delimiter, the record's end or the text's end.
        if (i < len) {
          const c = text.charCodeAt(i);
          if (c !== dc && !(crlf ? c === 13 && text.charCodeAt(i + 1) === 10 : c === 10)) return undefined;
        }
      } else {
        // Copyable unless the writer would quote it: a quote, CR, LF or BOM inside (the
        // delimiter cannot be), or a space at either end.
        let special = false;
        let j = i;
        while (j < len) {
          const c = text.charCodeAt(j);
          if (c === dc) break;
          if (c === 10) {
            if (!crlf) break;
            special = true;
          } else if (c === 13) {
            if (crlf && text.charCodeAt(j + 1) === 10) break;
            special = true;
          } else if (c === 34 || c === 0xfeff) special = true;
          j++;
        }
        value = text.slice(i, j);
        canonical = !special && !(j > i && (text.charCodeAt(i) === 32 || text.charCodeAt(j - 1) === 32));
        i = j;
      }
      if (blank && value.length > 0 && value.trim() !== '') blank = false;
      row.push(value);
      if (3 * nf + 3 > fields.length) fields = grown(fields, 3 * nf + 3);
      fields[3 * nf] = start;
      fields[3 * nf + 1] = i;
      fields[3 * nf + 2] = canonical ? 1 : 0;
      nf++;
      if (i >= len) {
        lineEnd = len;
        break;
      }
      const c = text.charCodeAt(i);
      if (c === dc) {
        i++;
        // A delimiter at the very end: the record has one more, empty, field.
        if (i >= len) {
          row.push('');
          if (3 * nf + 3 > fields.length) fields = grown(fields, 3 * nf + 3);
          fields[3 * nf] = len;
          fields[3 * nf + 1] = len;
          fields[3 * nf + 2] = 1;
          nf++;
          lineEnd = len;
          break;
        }
        continue;
      }
      lineEnd = i;
      i += crlf ? 2 : 1;
      break;
    }
    // papaparse's 'greedy' skipping: a record whose fields are all blank is not a record.
    if (blank) {
      nf = fieldBase;
      continue;
    }
    const r = rows.length;
    if (2 * r + 2 > lines.length) lines = grown(lines, 2 * r + 2);
    if (r + 1 > firstField.length) firstField = grown(firstField, r + 1);
    lines[2 * r] = lineStart;
    lines[2 * r + 1] = lineEnd;
    firstField[r] = fieldBase;
    rows.push(row);
  }
  if (rows.length + 1 > firstField.length) firstField = grown(firstField, rows.length + 1);
  firstField[rows.length] = nf;
  return { text, rows, spans: { lines, firstField, fields } };
}
