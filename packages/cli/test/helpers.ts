import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/index.js';

/** A captured output stream; `tty` makes it look like a terminal (what cli-progress calls on one). */
export class Capture {
  text = '';
  readonly isTTY: boolean;
  readonly columns = 100;
  constructor(tty = false) {
    this.isTTY = tty;
  }
  private waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  write(chunk: string): boolean {
    this.text += chunk;
    this.waiters = this.waiters.filter((w) => {
      const m = this.text.match(w.pattern);
      if (m) w.resolve(m);
      return !m;
    });
    return true;
  }
  /** Resolves once the text written so far matches `pattern`. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
    const m = this.text.match(pattern);
    if (m) return Promise.resolve(m);
    return new Promise((resolve) => this.waiters.push({ pattern, resolve }));
  }
  // The tty.WriteStream methods cli-progress uses on a terminal.
  cursorTo(x: number): boolean {
    this.text += `\u001b[${x + 1}G`;
    return true;
  }
  clearLine(): boolean {
    this.text += '\u001b[2K';
    return true;
  }
  moveCursor(): boolean {
    return true;
  }
  clearScreenDown(): boolean {
    return true;
  }
  on(): this {
    return this;
  }
  removeListener(): this {
    return this;
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command in-process with captured streams and an English, colourless environment by default. */
export async function cli(
  argv: readonly string[],
  options: {
    env?: Record<string, string>;
    tty?: boolean;
    cwd?: string;
    signal?: AbortSignal;
    stdout?: Capture;
    stderr?: Capture;
  } = {},
): Promise<CliResult> {
  const stdout = options.stdout ?? new Capture(options.tty);
  const stderr = options.stderr ?? new Capture(options.tty);
  const code = await run(argv, {
    stdout,
    stderr,
    env: options.env ?? { LANG: 'en_US.UTF-8' },
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A fresh temporary folder, removed by the returned function. */
export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cancuoc-cli-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
