import type { CancuocError, Lang } from '@cancuoc/core';
import pc from 'picocolors';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';

/** Where the command writes: `process.stdout`/`process.stderr` or anything with `write`. */
export interface CliOutput {
  write(chunk: string): unknown;
  /** A terminal: progress bars and colours (unless NO_COLOR). */
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Options of `run`: the streams and environment, so that tests run the command in-process. */
export interface RunOptions {
  /** Default `process.stdout`. */
  readonly stdout?: CliOutput;
  /** Default `process.stderr`. */
  readonly stderr?: CliOutput;
  /** Environment read for LANG/LC_ALL, NO_COLOR; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are read from; default `process.cwd()`. */
  readonly cwd?: string;
  /** Stops long-running commands (`bridge`, `clean`); default: SIGINT/SIGTERM of the process. */
  readonly signal?: AbortSignal;
}

/** The language of the environment: Vietnamese when LC_ALL, LC_MESSAGES or LANG starts with `vi`. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^vi/i.test(locale) ? 'vi' : 'en';
}

/** What every command gets: output helpers in the chosen language and mode. */
export class Context {
  readonly lang: Lang;
  readonly json: boolean;
  readonly color: ReturnType<typeof pc.createColors>;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly signal: AbortSignal | undefined;

  constructor(
    options: Required<Pick<RunOptions, 'stdout' | 'stderr' | 'env' | 'cwd'>> & RunOptions,
    flags: { lang?: string; json?: boolean },
  ) {
    this.stdout = options.stdout;
    this.stderr = options.stderr;
    this.env = options.env;
    this.cwd = options.cwd;
    this.signal = options.signal;
    this.lang = flags.lang === 'vi' || flags.lang === 'en' ? flags.lang : langFromEnv(options.env);
    this.json = flags.json === true;
    // https://no-color.org: a non-empty NO_COLOR turns colours off; so does a pipe or TERM=dumb.
    const noColor = (options.env.NO_COLOR ?? '') !== '' || options.env.TERM === 'dumb';
    this.color = pc.createColors(options.stdout.isTTY === true && !noColor && !this.json);
  }

  /** The text of the current language. */
  t(en: string, vi: string): string {
    return this.lang === 'vi' ? vi : en;
  }

  /** A line on stdout (text mode). */
  out(line = ''): void {
    this.stdout.write(`${line}\n`);
  }

  /** A line on stderr. */
  err(line: string): void {
    this.stderr.write(`${line}\n`);
  }

  /** One JSON document on stdout. */
  printJson(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, jsonReplacer, 2)}\n`);
  }

  /**
   * Reports a coded error on stderr in both languages (the chosen one first) and returns its exit
   * code: 3 for input errors. In JSON mode the error also goes to stdout as `{ error }`.
   */
  fail(error: CancuocError, exit: ExitCode = EXIT_CODES.input): ExitCode {
    const [first, second] =
      this.lang === 'vi' ? [error.messageVi, error.message] : [error.message, error.messageVi];
    if (this.json) this.printJson({ error: errorJson(error) });
    this.err(`${this.color.red(error.code)}: ${first}`);
    this.err(`  ${second}`);
    return exit;
  }
}

/** A coded error as JSON: code, both messages, details. */
export function errorJson(error: CancuocError): {
  code: string;
  message: string;
  messageVi: string;
  details: unknown;
} {
  return { code: error.code, message: error.message, messageVi: error.messageVi, details: error.details };
}

/** Dates as ISO strings, bytes as their length, bigints as strings. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: value.length };
  if (typeof value === 'bigint') return value.toString();
  return value;
}
