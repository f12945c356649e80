import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isCancuocError } from '@cancuoc/core';
import { createDuplicateIndex } from './duplicates/index.js';
import { recordsOfKeyBatch } from './duplicates/key-batch.js';
import {
  addKeyBatch,
  type createMemoryIndex,
  type Found,
  groupsWith,
  type SimilarNamesTask,
} from './duplicates/memory-store.js';
import type { DuplicateIndex } from './duplicates/types.js';
import { cleanError } from './errors.js';
import {
  APPENDED_HEADERS,
  type FileBatchResult,
  type FileBatchTask,
  LEGACY_HEADER,
  numberReport,
  numberReportBytes,
  processFileBatch,
} from './internal/clean-batch.js';
import { type ColumnMapping, mapColumns } from './internal/columns.js';
import { renderSummaryHtml } from './internal/html.js';
import {
  DUPLICATES_HEADER,
  openTableWriter,
  outputFormatOf,
  REPORT_HEADER,
  type TableWriter,
} from './internal/outputs.js';
import { type CsvParseOptions, type InputBatch, type InputFormat, openInput } from './internal/read-input.js';
import { PROFILE_FIELDS } from './internal/rules.js';
import { type CleanSummary, SummaryBuilder } from './internal/summary.js';
import type { CleanField, Profile } from './types.js';

/** Progress of {@link cleanFile}, reported after each batch. */
export interface CleanProgress {
  records: number;
  recordsPerSecond: number;
  /** Seconds left, estimated from the bytes read (`undefined` until it can be estimated). */
  etaSeconds: number | undefined;
  bytesRead: number;
  totalBytes: number;
}

/** Options of {@link cleanFile}. */
export interface CleanFileOptions {
  /** Which fields are required (default `'population'`). */
  readonly profile?: Profile;
  /** Explicit column mapping, field → header (`{ personalId: 'Số CCCD' }`); other columns are recognised by their usual headers. */
  readonly mapping?: ColumnMapping;
  /** Cleaned file, in the format its extension names (default: the input's format). */
  readonly out?: string;
  /** Issue report: `.csv` or `.jsonl`, one line per issue. */
  readonly report?: string;
  /** Duplicate groups: `.csv` or `.jsonl` with `group, row, reason`. */
  readonly duplicates?: string;
  /** Summary as a self-contained HTML page. */
  readonly summary?: string;
  /** Summary as JSON. */
  readonly summaryJson?: string;
  /**
   * Worker threads for the per-record rules (default: one per core for CSV, whose text the
   * workers parse; cores − 1, at least 1, for JSON Lines and .xlsx; 0 = in this thread).
   */
  readonly workers?: number;
  /** Where the duplicate index lives (default `'memory'`; `'duckdb'` for lists larger than memory). */
  readonly duplicateStore?: 'memory' | 'duckdb';
  /** DuckDB file of the duplicate index (default: a temporary file). */
  readonly duplicatePath?: string;
  readonly onProgress?: (progress: CleanProgress) => void;
  readonly signal?: AbortSignal;
  /** Language of the HTML summary (default `'vi'`). */
  readonly lang?: 'vi' | 'en';
  /** Input format (default: from the extension; `.csv`, `.tsv`, `.txt` and others are CSV). */
  readonly format?: InputFormat;
  /** Text encoding of a CSV or JSON Lines input (iconv-lite name), instead of detecting it. */
  readonly encoding?: string;
  /** Longest field or line accepted, in characters (default 1 MiB). */
  readonly maxFieldLength?: number;
  /** Rows per batch handed to a worker (default 4096). */
  readonly batchSize?: number;
}

function checkOptions(input: unknown, options: CleanFileOptions): void {
  if (typeof input !== 'string' || input === '')
    throw new TypeError('cleanFile expects the input file path as a string');
  if (options === null || typeof options !== 'object')
    throw new TypeError('cleanFile expects an options object');
  if (
    options.workers !== undefined &&
    (!Number.isInteger(options.workers) || options.workers < 0 || options.workers > 256)
  )
    throw new RangeError('workers must be an integer from 0 to 256');
  if (
    options.batchSize !== undefined &&
    (!Number.isInteger(options.batchSize) || options.batchSize < 1 || options.batchSize > 1_000_000)
  )
    throw new RangeError('batchSize must be an integer from 1 to 1000000');
  if (
    options.maxFieldLength !== undefined &&
    (!Number.isInteger(options.maxFieldLength) || options.maxFieldLength < 1)
  )
    throw new RangeError('maxFieldLength must be a positive integer');
  const p = options.profile;
  if (p !== undefined) {
    if (typeof p === 'string' && !(p in PROFILE_FIELDS)) throw new RangeError(`unknown profile ${p}`);
    if (typeof p === 'object' && (p === null || typeof p.name !== 'string' || !Array.isArray(p.required)))
      throw new TypeError('a custom profile is { name, required: CleanField[] }');
  }
  if (options.lang !== undefined && options.lang !== 'vi' && options.lang !== 'en')
    throw new RangeError("lang must be 'vi' or 'en'");
}

function workerFile(): string {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('./internal/worker.ts', here).href;
  return new URL(here.endsWith('.cjs') ? './worker.cjs' : './worker.js', here).href;
}

interface Runner {
  run(task: FileBatchTask, transfer?: ArrayBuffer): Promise<FileBatchResult>;
  /** Runs a part of the duplicate index's similar-name pass (worker threads only). */
  similarNames?: (task: SimilarNamesTask) => Promise<Found[]>;
  threads: number;
  close(): Promise<void>;
}

async function createRunner(workers: number): Promise<Runner> {
  if (workers === 0) return { run: async (t) => processFileBatch(t), threads: 0, close: async () => {} };
  const { Piscina } = await import('piscina');
  let filename = workerFile();
  // From the TypeScript sources the worker needs a TypeScript loader: tsx hands its own to
  // worker threads (benchmarks run under tsx), vitest does not (tests), so a bootstrap registers it.
  if (filename.endsWith('.ts') && !process.execArgv.some((a) => /[\\/]tsx[\\/]dist[\\/]/.test(a))) {
    filename = new URL('./worker-source.mjs', filename).href;
  }
  const pool = new Piscina({ filename, minThreads: workers, maxThreads: workers });
  return {
    run: (t, transfer) =>
      (transfer ? pool.run(t, { transferList: [transfer] }) : pool.run(t)) as Promise<FileBatchResult>,
    similarNames: (t) => pool.run(t) as Promise<Found[]>,
    threads: workers,
    close: () => pool.destroy(),
  };
}

/**
 * A reading error's `row` counts the rows parsed in the reading thread; the rows of raw blocks
 * (counted by the workers) are added once the blocks in flight are done.
 */
async function withRawRows(
  error: unknown,
  rawDone: number,
  queue: readonly Promise<FileBatchResult>[],
): Promise<unknown> {
  if (
    !isCancuocError(error) ||
    (error.code !== 'ERR_CLEAN_FIELD_TOO_LARGE' && error.code !== 'ERR_CLEAN_CSV_SYNTAX')
  )
    return error;
  const details = error.details as Record<string, string | number>;
  let raw = rawDone;
  for (const r of await Promise.allSettled(queue))
    if (r.status === 'fulfilled' && r.value.relative) raw += r.value.rows;
  if (raw === 0 || typeof details.row !== 'number') return error;
  return cleanError(error.code, { ...details, row: details.row + raw });
}

async function* parsedBatches(rows: AsyncIterable<string[][]>): AsyncGenerator<InputBatch> {
  for await (const r of rows) yield { rows: r };
}

/**
 * Cleans a file of resident records (CSV in any delimiter and encoding, JSON Lines or .xlsx),
 * streaming: writes the cleaned file, the issue report, the duplicate groups and the summary, and
 * returns the summary. Per-record rules run on worker threads in batches; rows keep their order;
 * memory stays flat in the number of records except for the duplicate index.
 *
 * @param input path of the file to clean.
 * @throws TypeError / RangeError for wrong options.
 * @throws CancuocError `ERR_CLEAN_INPUT_FORMAT`, `ERR_CLEAN_INPUT_ENCODING`, `ERR_CLEAN_INPUT_BINARY`,
 *   `ERR_CLEAN_CSV_SYNTAX`, `ERR_CLEAN_FIELD_TOO_LARGE`, `ERR_CLEAN_NO_HEADER`, `ERR_CLEAN_MAPPING`,
 *   `ERR_CLEAN_ABORTED`.
 * @example
 * ```ts
 * const summary = await cleanFile('benh-nhan.csv', {
 *   profile: 'hospital',
 *   out: 'benh-nhan.sach.csv',
 *   report: 'loi.csv',
 *   duplicates: 'trung.csv',
 *   summary: 'bao-cao.html',
 * });
 * summary.byStatus.error // records that still need a person to fix them
 * ```
 */
export async function cleanFile(input: string, options: CleanFileOptions = {}): Promise<CleanSummary> {
  checkOptions(input, options);
  const signal = options.signal;
  if (signal?.aborted) throw cleanError('ERR_CLEAN_ABORTED');
  const profile = options.profile ?? 'population';
  const src = await openInput(input, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.maxFieldLength ? { maxFieldLength: options.maxFieldLength } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(signal ? { signal } : {}),
    // The reading thread only cuts CSV text at record ends; workers parse it (an explicit
    // batchSize keeps parsed batches of that size).
    rawBlocks: options.batchSize === undefined && options.workers !== 0,
  });
  const colMap = mapColumns(src.header, options.mapping);
  const columns = Object.entries(colMap) as [CleanField, number][];
  const appended = (['ethnicity', 'religion', 'nationality'] as const).filter((f) => colMap[f] !== undefined);
  const moveLegacy = colMap.personalId !== undefined && colMap.legacyId === undefined;
  const appendedHeaders = [
    ...appended.map((f) => APPENDED_HEADERS[f]),
    ...(moveLegacy ? [LEGACY_HEADER] : []),
  ];
  const outFormat = options.out ? outputFormatOf(options.out, src.format) : undefined;
  const reportFormat = options.report
    ? outputFormatOf(options.report, 'csv') === 'jsonl'
      ? 'jsonl'
      : 'csv'
    : undefined;

  const closers: (() => Promise<void>)[] = [];
  let out: TableWriter | undefined;
  let report: TableWriter | undefined;
  let dupIndex: DuplicateIndex | undefined;
  let runner: Runner | undefined;
  const summary = new SummaryBuilder();
  try {
    if (options.out && outFormat) {
      out = await openTableWriter(options.out, outFormat, src.header, {
        delimiter: src.delimiter,
        // A BOM when the input had one or was not UTF-8, so Excel reads the letters right.
        bom: src.encoding.bom || src.encoding.encoding !== 'utf-8',
        appended: appendedHeaders,
      });
      const w = out;
      closers.push(() => w.close());
    }
    if (options.report) {
      report = await openTableWriter(
        options.report,
        outputFormatOf(options.report, 'csv') === 'jsonl' ? 'jsonl' : 'csv',
        REPORT_HEADER,
        {
          bom: true,
        },
      );
      const w = report;
      closers.push(() => w.close());
    }
    if (options.duplicates) {
      dupIndex = await createDuplicateIndex({
        store: options.duplicateStore ?? 'memory',
        ...(options.duplicatePath ? { path: options.duplicatePath } : {}),
      });
    }
    // A CSV read in raw blocks leaves the reading thread little to do: one worker per core.
    // Otherwise the reading thread parses, and gets a core of its own.
    const workers =
      options.workers ?? (src.batches ? availableParallelism() : Math.max(1, availableParallelism() - 1));
    runner = await createRunner(workers);
    // Enough batches in flight that the worker never waits for the main thread's reads, writes
    // and duplicate index (GC pauses there): 2 left one worker idle a quarter of the time.
    const maxInFlight = Math.max(6, workers * 3);
    const queue: Promise<FileBatchResult>[] = [];
    let nextRow = 1;
    // Rows written so far: a raw block's rows are numbered from here when its result comes back.
    let doneRows = 0;
    let rawDone = 0;
    let lastProgress = 0;
    const started = Date.now();

    const progress = (force: boolean): void => {
      if (!options.onProgress) return;
      const now = Date.now();
      if (!force && now - lastProgress < 200) return;
      lastProgress = now;
      const elapsed = (now - started) / 1000;
      const bytes = src.bytesRead();
      const rate = elapsed > 0 ? summary.records / elapsed : 0;
      const eta =
        bytes > 0 && bytes < src.totalBytes
          ? (elapsed * (src.totalBytes - bytes)) / bytes
          : bytes >= src.totalBytes
            ? 0
            : undefined;
      options.onProgress({
        records: summary.records,
        recordsPerSecond: Math.round(rate),
        etaSeconds: eta === undefined ? undefined : Math.round(eta * 10) / 10,
        bytesRead: bytes,
        totalBytes: src.totalBytes,
      });
    };

    const drainOne = async (): Promise<void> => {
      const head = queue.shift();
      if (head === undefined) return;
      const result = await head;
      const relative = result.relative === true;
      summary.merge(result.stats);
      if (relative && result.report !== undefined && result.reportLines && reportFormat)
        result.report = numberReport(reportFormat, result.report, result.reportLines, doneRows);
      const reportBytes =
        result.reportBytes && result.reportLines
          ? numberReportBytes(result.reportBytes, result.reportLines, doneRows)
          : undefined;
      doneRows += result.rows;
      if (relative) rawDone += result.rows;
      if (out) {
        if (result.outRows) await out.writeRows(result.outRows.rows, result.outRows.extras);
        else if (result.out !== undefined) await out.writeText(result.out);
        else if (result.outBytes !== undefined) await out.writeBytes(result.outBytes);
      }
      if (report && result.report !== undefined) await report.writeText(result.report);
      else if (report && reportBytes !== undefined) await report.writeBytes(reportBytes);
      if (dupIndex && result.keys) {
        const firstRow = doneRows - result.rows + 1;
        if (addKeyBatch in dupIndex)
          (dupIndex as ReturnType<typeof createMemoryIndex>)[addKeyBatch](firstRow, result.keys);
        else await dupIndex.add(recordsOfKeyBatch(firstRow, result.keys));
      }
      progress(false);
    };

    try {
      for await (const batch of src.batches ?? parsedBatches(src.rows)) {
        if (signal?.aborted) throw cleanError('ERR_CLEAN_ABORTED');
        const rows = batch.rows ?? [];
        const task: FileBatchTask = {
          rows,
          columns,
          firstRow: nextRow,
          profile,
          keys: dupIndex !== undefined,
        };
        if (batch.text !== undefined) {
          task.text = batch.text;
          task.csv = src.csvParseOptions as CsvParseOptions;
        } else if (batch.bytes !== undefined) {
          task.bytes = batch.bytes;
          task.csv = src.csvParseOptions as CsvParseOptions;
        }
        if (outFormat) {
          task.output = {
            format: outFormat,
            header: [...src.header],
            delimiter: src.delimiter,
            appended: [...appended],
            moveLegacy,
          };
        }
        if (reportFormat) task.report = reportFormat;
        nextRow += rows.length;
        // A raw block's buffer moves to the worker instead of being copied.
        const result = runner.run(task, batch.bytes?.buffer as ArrayBuffer | undefined);
        // Keep a rejection from being reported as unhandled before its turn in the queue.
        result.catch(() => {});
        queue.push(result);
        while (queue.length >= maxInFlight) await drainOne();
      }
    } catch (error) {
      throw await withRawRows(error, rawDone, queue);
    }
    while (queue.length > 0) await drainOne();
    if (signal?.aborted) throw cleanError('ERR_CLEAN_ABORTED');

    const byReason: Record<string, number> = {};
    let groups = 0;
    let dupRecords = 0;
    if (dupIndex && options.duplicates) {
      const format = outputFormatOf(options.duplicates, 'csv') === 'jsonl' ? 'jsonl' : 'csv';
      const w = await openTableWriter(options.duplicates, format, DUPLICATES_HEADER);
      try {
        let buffer: string[][] = [];
        // The memory index groups on the pool's threads too (its columns are shared memory).
        const all =
          groupsWith in dupIndex && runner.similarNames
            ? await (dupIndex as ReturnType<typeof createMemoryIndex>)[groupsWith](
                runner.similarNames,
                runner.threads,
              )
            : dupIndex.groups();
        for await (const g of all) {
          groups++;
          dupRecords += g.rows.length;
          byReason[g.reason] = (byReason[g.reason] ?? 0) + 1;
          for (const r of g.rows) buffer.push([String(g.group), String(r), g.reason]);
          if (buffer.length >= 4096) {
            await w.writeRows(buffer);
            buffer = [];
          }
        }
        await w.writeRows(buffer);
      } finally {
        await w.close();
      }
    }
    progress(true);
    const mapped: Partial<Record<CleanField, string>> = {};
    for (const [field, at] of columns) mapped[field] = src.header[at] as string;
    const result = summary.build({
      duplicates: { checked: dupIndex !== undefined, groups, records: dupRecords, byReason },
      input: {
        format: src.format,
        encoding: src.encoding.encoding,
        delimiter: src.delimiter,
        columns: [...src.header],
        mapped,
      },
      profile: typeof profile === 'string' ? profile : profile.name,
    });
    if (options.summaryJson) await writeFile(options.summaryJson, `${JSON.stringify(result, null, 2)}\n`);
    if (options.summary) await writeFile(options.summary, renderSummaryHtml(result, options.lang ?? 'vi'));
    return result;
  } finally {
    await runner?.close();
    for (const close of closers) await close().catch(() => {});
    await dupIndex?.close();
  }
}
