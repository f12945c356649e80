/**
 * Splits a CSV file into byte ranges that start and end on record boundaries, and numbers the
 * rows each range starts at. Hand-written because it only counts bytes: a newline ends a record
 * unless it sits inside double quotes (RFC 4180 §2.6–2.7: a quote inside a quoted field is
 * doubled, so toggling on every `"` byte tracks the state). UTF-8 only: every multi-byte UTF-8
 * sequence has its high bit set, so `"` and `\n` bytes are always the characters themselves.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { distributedError } from './errors.js';

/** One partition of a CSV file: bytes `[start, end)` holding data rows `firstRow … firstRow + rows - 1`. */
export interface CsvPartition {
  index: number;
  start: number;
  end: number;
  firstRow: number;
  rows: number;
}

/** The plan of a file: its header record and its partitions. */
export interface CsvPlan {
  /** The header record's text (without BOM and line ending). */
  header: string;
  partitions: CsvPartition[];
  rows: number;
  bytes: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
/** A header longer than this is not a header (hostile or binary input). */
const MAX_HEADER_BYTES = 1 << 20;

/**
 * Plans up to `count` partitions of about equal size. A line whose fields are all blank (spaces,
 * tabs, line breaks, quotes and delimiters only) is not a row, as in the single-machine reader.
 */
export async function planCsvPartitions(file: string, count: number, delimiter = ','): Promise<CsvPlan> {
  const sep = delimiter.charCodeAt(0);
  const { size } = await stat(file);
  const fail = (reason: string, reasonVi: string) =>
    distributedError('ERR_CLEAN_INPUT_FORMAT', { reason, reasonVi });
  let offset = 0;
  let inQuotes = false;
  let justClosed = false;
  let hasContent = false;
  let recordStart = 0;
  let header: { start: number; end: number } | undefined;
  let rows = 0;
  const partitions: CsvPartition[] = [];
  let partStart = 0;
  let partFirstRow = 1;
  let target = 0;

  const endRecord = (end: number) => {
    const content = hasContent;
    hasContent = false;
    const start = recordStart;
    recordStart = end;
    if (!content) return;
    if (header === undefined) {
      header = { start, end };
      partStart = end;
      target = end + (size - end) / count;
      return;
    }
    rows++;
    if (end >= target && partitions.length < count - 1) {
      partitions.push({
        index: partitions.length,
        start: partStart,
        end,
        firstRow: partFirstRow,
        rows: rows - partFirstRow + 1,
      });
      partStart = end;
      partFirstRow = rows + 1;
      const dataStart = header.end;
      target = dataStart + ((partitions.length + 1) * (size - dataStart)) / count;
    }
  };

  let first = true;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let i = 0;
    if (first) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
        throw fail('UTF-16 input: convert it to UTF-8 first', 'tệp mã UTF-16: hãy chuyển sang UTF-8 trước');
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
      recordStart = i;
    }
    for (; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) {
        // A quote right after a closing quote is an escaped quote: a character of the field.
        if (!inQuotes && justClosed) hasContent = true;
        justClosed = inQuotes;
        inQuotes = !inQuotes;
        continue;
      }
      justClosed = false;
      if (b === LF) {
        if (!inQuotes) endRecord(offset + i + 1);
      } else if (b !== CR && b !== SPACE && b !== TAB && (b !== sep || inQuotes)) {
        hasContent = true;
      }
    }
    offset += chunk.length;
    if (header === undefined && offset - recordStart > MAX_HEADER_BYTES)
      throw fail('the header row is longer than 1 MB', 'dòng tiêu đề dài hơn 1 MB');
  }
  // The last record may have no line ending.
  endRecord(size);
  if (header === undefined) throw fail('the file has no header row', 'tệp không có dòng tiêu đề');
  if (rows >= partFirstRow)
    partitions.push({
      index: partitions.length,
      start: partStart,
      end: size,
      firstRow: partFirstRow,
      rows: rows - partFirstRow + 1,
    });
  const handle = await open(file, 'r');
  try {
    const bytes = Buffer.alloc(header.end - header.start);
    await handle.read(bytes, 0, bytes.length, header.start);
    return { header: bytes.toString('utf8').replace(/\r?\n$/, ''), partitions, rows, bytes: size };
  } finally {
    await handle.close();
  }
}
