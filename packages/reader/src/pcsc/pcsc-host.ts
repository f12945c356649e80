/**
 * Where the PC/SC calls run.
 *
 * Why another process: several calls of the `smartcard` binding (3.7) are synchronous on the
 * calling thread — the Context constructor (SCardEstablishContext), `listReaders`
 * (SCardListReaders + SCardGetStatusChange), `Card.disconnect` (SCardDisconnect), `Card.atr`
 * (SCardStatus) and `Context.close` (SCardReleaseContext) — and pcsc-lite's client waits for the
 * daemon's answer with no time limit (poll with timeout -1). pcscd answers only once it holds the
 * reader, which its presence poll or another application may hold for as long as the reader's
 * driver takes. Issue 14: a `close()` right after a card placed while waiting froze Node's event
 * loop for good, SCardDisconnect waiting on pcscd, whose reader thread waited on the card.
 * Here every call runs in a child process that owns the binding; the event loop only awaits IPC
 * messages, each with a deadline, and a host that misses one is killed (SIGKILL always works,
 * and pcscd releases what a dead client held).
 *
 * Not a worker thread: the binding keeps its classes in C++ statics, so loading it in a second
 * worker (or after one ended) crashes the whole process ("Entering the V8 API without proper
 * locking"), and a thread stuck in a native call cannot be stopped.
 *
 * The `load` option (fakes in tests) keeps the binding on the calling thread through the same
 * interface ({@link createDirectHost}).
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fail } from '../errors.js';
import { CardRemovedError } from '../transport.js';
import { PCSC_CHILD_SOURCE } from './pcsc-child-source.js';
import type { SmartcardCard, SmartcardContext, SmartcardModule } from './smartcard-module.js';

/** A reader and its state as PC/SC reports it. */
export interface HostReader {
  readonly name: string;
  readonly state: number;
  readonly atr: Uint8Array | null;
}

/** The constants of the binding the transport needs. */
export interface HostConstants {
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_PROTOCOL_T0: number;
  readonly SCARD_PROTOCOL_T1: number;
  readonly SCARD_LEAVE_CARD: number;
  readonly SCARD_STATE_PRESENT: number;
}

/** The PC/SC operations the transport and the watcher use, all asynchronous and bounded. */
export interface PcscHost {
  readonly constants: HostConstants;
  list(): Promise<HostReader[]>;
  /** Resolves with the changed states, `[]` on timeout, `null` when cancelled. */
  wait(readers: readonly { name: string; state: number }[], timeoutMs: number): Promise<HostReader[] | null>;
  /** Waits (on a context of its own) until the reader's state differs from `state`, or `timeoutMs`. */
  settle(reader: { name: string; state: number }, timeoutMs: number): Promise<void>;
  /** Ends a pending {@link wait}. */
  cancel(): Promise<void>;
  connect(name: string): Promise<{ handle: number; atr: Uint8Array | null }>;
  transmit(handle: number, apdu: Uint8Array, maxRecvLength: number): Promise<Uint8Array>;
  disconnect(handle: number): Promise<void>;
  /** Cancels waits, disconnects every card (leaving it powered), releases the contexts. Never throws. */
  close(): Promise<void>;
}

/** Options of the hosts: the deadline of each native call. */
export interface HostOptions {
  /** Longest time any one PC/SC call may take, in milliseconds (default 15 000). */
  readonly callTimeoutMs?: number;
}

const DEFAULT_CALL_TIMEOUT_MS = 15_000;

/** Messages of the binding that mean the card left (or was reset under us): pcsc_errors.h of smartcard 3.7. */
const CARD_GONE =
  /card was removed|card was reset|no smart card present|card is unpowered|card is unresponsive/i;
const NO_SERVICE = /service not running|service stopped|no service|cannot connect|communication error/i;

/** Maps a failure of the binding to the reader's error model. */
export function pcscFailure(message: string, op: string): Error {
  if (CARD_GONE.test(message)) return new CardRemovedError(message);
  if (NO_SERVICE.test(message)) return fail('ERR_READER_PCSC_UNAVAILABLE', { reason: message });
  return fail('ERR_READER_TRANSPORT', { reason: `${op}: ${message}` });
}

function withDeadline<T>(promise: Promise<T>, timeoutMs: number, onTimeout: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(fail('ERR_READER_TIMEOUT', { timeoutMs }));
    }, timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The path of the installed `smartcard` package as seen from this package, if any. */
export function resolveSmartcard(): string | undefined {
  // One line for both builds: the CJS bundle has __filename, the ESM bundle and src have import.meta.
  const here = typeof __filename === 'string' ? __filename : import.meta.url;
  try {
    return createRequire(here).resolve('smartcard');
  } catch {
    return undefined;
  }
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
type Ready = { ready: true; constants: HostConstants } | { ready: false; message: string };

/**
 * Starts a child process that owns the `smartcard` binding.
 *
 * @throws CancuocError `ERR_READER_PCSC_MISSING` when `smartcard` is not installed or not built,
 *   `ERR_READER_PCSC_UNAVAILABLE` when the PC/SC service is not running.
 */
export async function createProcessHost(options: HostOptions = {}): Promise<PcscHost> {
  const smartcardPath = resolveSmartcard();
  if (!smartcardPath) throw fail('ERR_READER_PCSC_MISSING');
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const child: ChildProcess = spawn(process.execPath, ['-e', PCSC_CHILD_SOURCE], {
    // ELECTRON_RUN_AS_NODE: inside an Electron desk app, execPath is Electron; make it act as Node.
    env: { ...process.env, CANCUOC_SMARTCARD_PATH: smartcardPath, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    windowsHide: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; op: string }
  >();
  let nextId = 1;
  let dead: Error | undefined;

  const abandon = (reason: Error) => {
    if (dead) return;
    dead = reason;
    for (const p of pending.values()) p.reject(reason);
    pending.clear();
    child.kill('SIGKILL');
  };

  const ready = new Promise<HostConstants>((resolve, reject) => {
    child.once('message', (message: Ready) => {
      if (message.ready) resolve(message.constants);
      else if (NO_SERVICE.test(message.message))
        reject(fail('ERR_READER_PCSC_UNAVAILABLE', { reason: message.message }));
      else reject(fail('ERR_READER_PCSC_MISSING', {}, { cause: new Error(message.message) }));
    });
    child.once('error', (error) => reject(fail('ERR_READER_TRANSPORT', { reason: error.message })));
    child.once('exit', () =>
      reject(fail('ERR_READER_PCSC_MISSING', {}, { cause: new Error(stderr || 'the PC/SC process exited') })),
    );
  });
  let constants: HostConstants;
  try {
    constants = await withDeadline(ready, callTimeoutMs, () => undefined);
  } catch (error) {
    abandon(error as Error);
    throw error;
  }
  child.on('message', (message: Reply) => {
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.ok) p.resolve(message.value);
    else p.reject(pcscFailure(message.message, p.op));
  });
  child.on('exit', () => abandon(fail('ERR_READER_TRANSPORT', { reason: 'the PC/SC process exited' })));

  const call = <T>(op: string, args: Record<string, unknown> = {}, timeoutMs = callTimeoutMs): Promise<T> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, op });
    });
    child.send({ id, op, args });
    return withDeadline(answer, timeoutMs, () =>
      abandon(fail('ERR_READER_TRANSPORT', { reason: `PC/SC ${op} did not return within ${timeoutMs} ms` })),
    );
  };

  let closing: Promise<void> | undefined;
  return {
    constants,
    list: () => call<HostReader[]>('list'),
    // The wait's own timeout ends it inside pcsc-lite; the deadline adds the call budget on top.
    wait: (readers, timeoutMs) =>
      call<HostReader[] | null>('wait', { readers, timeoutMs }, timeoutMs + callTimeoutMs),
    settle: async (reader, timeoutMs) => {
      await call('settle', { readers: [reader], timeoutMs }, timeoutMs + callTimeoutMs);
    },
    cancel: async () => {
      if (!dead) await call('cancel');
    },
    connect: (name) =>
      call('connect', {
        name,
        shareMode: constants.SCARD_SHARE_SHARED,
        protocols: constants.SCARD_PROTOCOL_T0 | constants.SCARD_PROTOCOL_T1,
      }),
    transmit: async (handle, apdu, maxRecvLength) =>
      new Uint8Array(await call<Uint8Array>('transmit', { handle, apdu, maxRecvLength })),
    disconnect: async (handle) => {
      await call('disconnect', { handle, disposition: constants.SCARD_LEAVE_CARD });
    },
    close() {
      closing ??= (async () => {
        try {
          if (!dead) await call('close', { disposition: constants.SCARD_LEAVE_CARD });
        } catch {
          // Bounded by the call deadline; a daemon that does not answer leaves nothing to release.
        } finally {
          abandon(fail('ERR_READER_TRANSPORT', { reason: 'closed' }));
        }
      })();
      return closing;
    },
  };
}

/**
 * The same operations on the calling thread, over a module given by `load` (fakes in tests, or an
 * application that wraps the binding itself). Asynchronous calls get the same deadlines; the
 * synchronous ones are only as safe as the module given.
 */
export function createDirectHost(sc: SmartcardModule, options: HostOptions = {}): PcscHost {
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const main = new sc.Context();
  let watch: SmartcardContext | undefined;
  const cards = new Map<number, SmartcardCard>();
  let nextHandle = 1;
  const guard = async <T>(op: string, run: () => T | Promise<T>, timeoutMs = callTimeoutMs): Promise<T> => {
    try {
      return await withDeadline(Promise.resolve().then(run), timeoutMs, () => undefined);
    } catch (error) {
      if (error instanceof Error && !('code' in error && String(error.code).startsWith('ERR_'))) {
        throw pcscFailure(error.message, op);
      }
      throw error;
    }
  };
  const toReader = (r: { name: string; state: number; atr?: Uint8Array | null }): HostReader => ({
    name: r.name,
    state: r.state,
    atr: r.atr ? new Uint8Array(r.atr) : null,
  });
  let closed = false;
  return {
    constants: sc,
    list: () => guard('list', () => main.listReaders().map(toReader)),
    wait: (readers, timeoutMs) =>
      guard(
        'wait',
        async () => {
          watch ??= new sc.Context();
          const changes = (await watch.waitForChange(readers as never, timeoutMs)) as
            | { name: string; state: number; atr?: Uint8Array | null }[]
            | null
            | undefined;
          return changes ? changes.map(toReader) : changes === null ? null : [];
        },
        timeoutMs + callTimeoutMs,
      ),
    settle: (reader, timeoutMs) =>
      guard(
        'settle',
        async () => {
          const probe = new sc.Context();
          try {
            await probe.waitForChange([reader], timeoutMs);
          } finally {
            probe.close();
          }
        },
        timeoutMs + callTimeoutMs,
      ),
    cancel: async () => {
      watch?.cancel?.();
    },
    connect: (name) =>
      guard('connect', async () => {
        const reader = main.listReaders().find((r) => r.name === name);
        if (!reader) throw new Error('Unknown reader');
        const card = await reader.connect(sc.SCARD_SHARE_SHARED, sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1);
        const handle = nextHandle++;
        cards.set(handle, card);
        return {
          handle,
          atr: card.atr ? new Uint8Array(card.atr) : reader.atr ? new Uint8Array(reader.atr) : null,
        };
      }),
    transmit: (handle, apdu, maxRecvLength) =>
      guard('transmit', async () => {
        const card = cards.get(handle);
        if (!card) throw new CardRemovedError();
        return new Uint8Array(await card.transmit(apdu, { maxRecvLength }));
      }),
    disconnect: async (handle) => {
      const card = cards.get(handle);
      cards.delete(handle);
      try {
        card?.disconnect(sc.SCARD_LEAVE_CARD);
      } catch {
        // the card is gone already
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        watch?.cancel?.();
      } catch {
        // nothing pending
      }
      for (const card of cards.values()) {
        try {
          card.disconnect(sc.SCARD_LEAVE_CARD);
        } catch {
          // the card is gone already
        }
      }
      cards.clear();
      try {
        watch?.close();
      } catch {
        // released already
      }
      try {
        main.close();
      } catch {
        // released already
      }
    },
  };
}
