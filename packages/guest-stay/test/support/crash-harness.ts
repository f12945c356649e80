/**
 * Runs the outbox worker fixture as a real child process and kills it with SIGKILL at seeded
 * random points, restarting it until it exits by itself with nothing left to send.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AcceptedStay } from '@cancuoc/testkit';
import type { StayNotice } from '../../src/types.js';

const WORKER = fileURLToPath(new URL('../fixtures/outbox-worker.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** mulberry32: a small seeded generator, so that a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Progress of the whole job, counted over every start of every worker: one line per notice queued
 * (`q`) and per notice accepted (`accepted`), about 2 000 lines for 1 000 notices.
 */
export class Progress {
  count = 0;
  private waiters: { n: number; resolve: () => void }[] = [];
  tick(): void {
    this.count++;
    this.waiters = this.waiters.filter((w) => {
      if (this.count < w.n) return true;
      w.resolve();
      return false;
    });
  }
  reach(n: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.count >= n) resolve();
      else this.waiters.push({ n, resolve });
    });
  }
}

/** `count` kill points drawn uniformly over `[from, to]` lines of progress, in order. */
export function killPoints(random: () => number, count: number, from: number, to: number): number[] {
  return Array.from({ length: count }, () => from + Math.floor(random() * (to - from))).sort((a, b) => a - b);
}

export interface SuperviseOptions {
  readonly env: Readonly<Record<string, string>>;
  readonly random: () => number;
  /**
   * Where to kill this worker, in lines of the job's progress (shared with the other workers):
   * progress rather than time, so that the kills spread over queueing and sending whatever the
   * machine's speed. A point already passed when the worker is up kills it after its next line.
   */
  readonly killAt: readonly number[];
  readonly progress: Progress;
  /** Extra environment per start (e.g. a worker name on some restarts only). */
  readonly perStart?: (start: number) => Readonly<Record<string, string>>;
}

export interface SuperviseReport {
  kills: number;
  starts: number;
  /** What the worker was doing when each kill landed (its last line). */
  killedAfter: string[];
  /** Per start: seconds to `ready`, seconds alive, and how it ended. */
  timeline: string[];
}

interface Running {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  /** Progress lines this start printed. */
  readonly lines: () => number;
  readonly exit: Promise<number | null>;
  readonly stderr: () => string;
  readonly lastLine: () => string;
}

function startWorker(env: Readonly<Record<string, string>>, shared: Progress): Running {
  const child = spawn(process.execPath, ['--conditions=@cancuoc/source', '--import', 'tsx', WORKER], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let mine = 0;
  let last = '(nothing)';
  let buffered = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      last = line === 'q' || line.startsWith('queued') ? 'queueing' : line === 'accepted' ? 'sending' : line;
      if (line === 'ready') markReady();
      if (line === 'q' || line === 'accepted') {
        mine++;
        shared.tick();
      }
      nl = buffered.indexOf('\n');
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err = (err + chunk).slice(-20_000);
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exit, stderr: () => err, lastLine: () => last, lines: () => mine };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the worker, kills it at each of `killAt`, then lets it finish. */
export async function supervise(options: SuperviseOptions): Promise<SuperviseReport> {
  const report: SuperviseReport = { kills: 0, starts: 0, killedAfter: [], timeline: [] };
  const { progress } = options;
  for (;;) {
    report.starts++;
    const t0 = Date.now();
    let readyAt = Number.NaN;
    const worker = startWorker({ ...options.env, ...options.perStart?.(report.starts) }, progress);
    void worker.ready.then(() => {
      readyAt = Date.now();
    });
    const seconds = (t: number) => ((t - t0) / 1000).toFixed(1);
    const note = (end: string) =>
      report.timeline.push(`ready ${seconds(readyAt)}s, ${end} ${seconds(Date.now())}s`);
    const point = options.killAt[report.kills];
    if (point !== undefined) {
      const early = await Promise.race([worker.ready.then(() => 'ready' as const), worker.exit]);
      if (early === 'ready') {
        const jitter = Math.floor(options.random() * 20);
        const outcome = await Promise.race([
          progress
            .reach(Math.max(point, progress.count + 1))
            .then(() => wait(jitter))
            .then(() => 'kill' as const),
          worker.exit,
        ]);
        if (outcome === 'kill') {
          report.killedAfter.push(`${worker.lastLine()} @${progress.count}`);
          worker.child.kill('SIGKILL');
          await worker.exit;
          note(`killed (${worker.lastLine()}, ${worker.lines()} lines) at`);
          report.kills++;
          await wait(Math.floor(options.random() * 100));
          continue;
        }
      }
    }
    const code = await worker.exit;
    note('finished at');
    if (code !== 0) throw new Error(`worker exited with ${code}:\n${worker.stderr()}`);
    return report;
  }
}

/** The document of a stay, as the simulator tells stays apart. */
export function documentOfPayload(
  kind: StayNotice['kind'],
  payload: Readonly<Record<string, unknown>>,
): string {
  return kind === 'vietnamese'
    ? `vn:${String(payload.loaiGiayTo)}:${String(payload.soGiayTo)}`
    : `foreign:${String(payload.quocTich)}:${String(payload.soHoChieu)}`;
}

/** Compares what the simulator accepted with what was queued: missing and doubled documents. */
export function compareAccepted(
  queued: readonly StayNotice[],
  accepted: readonly AcceptedStay[],
): { missing: string[]; doubled: string[]; unexpected: string[] } {
  const expected = new Set(queued.map((n) => documentOfPayload(n.kind, n.payload)));
  const counts = new Map<string, number>();
  for (const stay of accepted) {
    const doc = documentOfPayload(stay.kind, stay.payload);
    counts.set(doc, (counts.get(doc) ?? 0) + 1);
  }
  return {
    missing: [...expected].filter((doc) => !counts.has(doc)),
    doubled: [...counts].filter(([, n]) => n > 1).map(([doc]) => doc),
    unexpected: [...counts.keys()].filter((doc) => !expected.has(doc)),
  };
}
