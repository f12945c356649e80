import { resolve } from 'node:path';
import { type CleanField, cleanFields, cleanFile } from '@cancuoc/clean';
import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import { cliError } from '../errors.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import type { Context } from '../internal/context.js';
import { exists } from '../internal/files.js';
import { UsageError } from '../internal/usage-error.js';

/** What `cleanFile` returns. */
export type CleanSummary = Awaited<ReturnType<typeof cleanFile>>;
type CleanProgress = Parameters<NonNullable<NonNullable<Parameters<typeof cleanFile>[1]>['onProgress']>>[0];

/** Options of `cancuoc clean`. */
export interface CleanOptions {
  profile?: string;
  out?: string;
  report?: string;
  duplicates?: string;
  summary?: string;
  summaryJson?: string;
  map?: string[];
  workers?: string;
  duplicateStore?: string;
  encoding?: string;
}

/**
 * Parses `--map field=Header` pairs.
 *
 * @throws CancuocError `ERR_CLI_MAPPING`.
 */
export function parseMapping(pairs: readonly string[]): Partial<Record<CleanField, string>> {
  const mapping: Partial<Record<CleanField, string>> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim() as CleanField;
    const header = pair.slice(at + 1).trim();
    if (at <= 0 || header === '' || !cleanFields.includes(field)) {
      throw cliError('ERR_CLI_MAPPING', { mapping: pair, fields: cleanFields.join(', ') });
    }
    mapping[field] = header;
  }
  return mapping;
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** Progress on stderr: a bar on a terminal, a line per tenth of the file otherwise. */
function progressReporter(ctx: Context): { update(p: CleanProgress): void; stop(): void } {
  if (ctx.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: ctx.stderr as unknown as NodeJS.WritableStream,
        format: ctx.t(
          '{bar} {percentage}% | {records} records | {rate} rec/s | ETA {eta_text}',
          '{bar} {percentage}% | {records} bản ghi | {rate} bản ghi/giây | còn {eta_text}',
        ),
        hideCursor: false,
        noTTYOutput: false,
        barsize: 30,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = {
          records: p.records.toLocaleString('en-US'),
          rate: Math.round(p.recordsPerSecond).toLocaleString('en-US'),
          eta_text: p.etaSeconds === undefined ? '?' : `${Math.ceil(p.etaSeconds)}s`,
        };
        if (!started) {
          bar.start(Math.max(p.totalBytes, 1), p.bytesRead, payload);
          started = true;
        } else bar.update(p.bytesRead, payload);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  if (ctx.json) return { update() {}, stop() {} };
  let nextTenth = 1;
  return {
    update(p) {
      const tenth = p.totalBytes > 0 ? Math.floor((p.bytesRead / p.totalBytes) * 10) : 0;
      if (tenth < nextTenth) return;
      nextTenth = tenth + 1;
      ctx.err(
        ctx.t(
          `progress ${tenth * 10}%: ${p.records} records, ${mb(p.bytesRead)} of ${mb(p.totalBytes)}, ${Math.round(p.recordsPerSecond)} records/s`,
          `tiến độ ${tenth * 10}%: ${p.records} bản ghi, ${mb(p.bytesRead)} / ${mb(p.totalBytes)}, ${Math.round(p.recordsPerSecond)} bản ghi/giây`,
        ),
      );
    },
    stop() {},
  };
}

function table(ctx: Context, head: string[]): InstanceType<typeof Table> {
  const colored = ctx.color.isColorSupported;
  return new Table({ head, style: colored ? { head: ['cyan'] } : { head: [], border: [] } });
}

function printSummary(ctx: Context, s: CleanSummary, written: readonly [string, string | undefined][]): void {
  const t = ctx.t.bind(ctx);
  const totals = table(ctx, [t('Records', 'Bản ghi'), t('Count', 'Số lượng')]);
  totals.push(
    [t('read', 'đã đọc'), s.records],
    [t('clean (no issue)', 'sạch (không có lỗi)'), s.byStatus.clean],
    [t('repaired only', 'chỉ được sửa tự động'), s.byStatus.fixed],
    [t('with warnings', 'có cảnh báo'), s.byStatus.warning],
    [t('with errors', 'có lỗi'), s.byStatus.error],
    [
      t('duplicate groups', 'nhóm trùng lặp'),
      `${s.duplicates.groups} (${s.duplicates.records} ${t('records', 'bản ghi')})`,
    ],
    [
      t('speed', 'tốc độ'),
      `${Math.round(s.recordsPerSecond).toLocaleString('en-US')} ${t('records/s', 'bản ghi/giây')} (${s.elapsedSeconds.toFixed(1)} s)`,
    ],
  );
  ctx.out(totals.toString());
  if (s.byCode.length > 0) {
    const codes = table(ctx, [
      t('Issue', 'Lỗi'),
      t('Severity', 'Mức'),
      t('Count', 'Số lượng'),
      t('Meaning', 'Ý nghĩa'),
    ]);
    for (const c of s.byCode.slice(0, 12)) {
      const message = ctx.lang === 'vi' ? c.messageVi : c.messageEn;
      codes.push([c.code, c.severity, c.count, message.length > 60 ? `${message.slice(0, 59)}…` : message]);
    }
    ctx.out(codes.toString());
  }
  for (const [label, path] of written) if (path) ctx.out(`${label}: ${path}`);
}

/**
 * `cancuoc clean <file>`: cleans a resident list with `@cancuoc/clean` and writes what was asked
 * (cleaned file, issue report, duplicate groups, HTML/JSON summary), with progress on stderr and a
 * summary table at the end. Exit 1 when records with errors or warnings, or duplicates, were found.
 */
export async function cleanCommand(ctx: Context, input: string, options: CleanOptions): Promise<ExitCode> {
  const path = resolve(ctx.cwd, input);
  if (!(await exists(path))) throw cliError('ERR_CLI_FILE_NOT_FOUND', { path: input });
  const mapping = parseMapping(options.map ?? []);
  const workers = options.workers === undefined ? undefined : Number(options.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) {
    throw new UsageError(
      '--workers takes a whole number (0 = no worker threads)',
      '--workers nhận một số nguyên (0 = không dùng luồng phụ)',
    );
  }
  const store = options.duplicateStore;
  if (store !== undefined && store !== 'memory' && store !== 'duckdb') {
    throw new UsageError(
      "--duplicate-store takes 'memory' or 'duckdb'",
      "--duplicate-store nhận 'memory' hoặc 'duckdb'",
    );
  }
  const out = (p: string | undefined) => (p === undefined ? undefined : resolve(ctx.cwd, p));
  const progress = progressReporter(ctx);
  let summary: CleanSummary;
  try {
    summary = await cleanFile(path, {
      ...(options.profile ? { profile: options.profile as 'hospital' } : {}),
      ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
      ...(options.out ? { out: out(options.out)! } : {}),
      ...(options.report ? { report: out(options.report)! } : {}),
      ...(options.duplicates ? { duplicates: out(options.duplicates)! } : {}),
      ...(options.summary ? { summary: out(options.summary)! } : {}),
      ...(options.summaryJson ? { summaryJson: out(options.summaryJson)! } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(store ? { duplicateStore: store } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      lang: ctx.lang,
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop();
  }
  if (ctx.json) ctx.printJson(summary);
  else {
    printSummary(ctx, summary, [
      [ctx.t('cleaned file', 'tệp đã làm sạch'), options.out],
      [ctx.t('issue report', 'báo cáo lỗi'), options.report],
      [ctx.t('duplicates', 'trùng lặp'), options.duplicates],
      [ctx.t('summary', 'tổng hợp'), options.summary],
      [ctx.t('summary (JSON)', 'tổng hợp (JSON)'), options.summaryJson],
    ]);
  }
  const findings = summary.byStatus.error + summary.byStatus.warning + summary.duplicates.groups;
  return findings > 0 ? EXIT_CODES.findings : EXIT_CODES.ok;
}
