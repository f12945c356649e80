import { type CancuocError, isCancuocError } from '@cancuoc/core';
import type { NoticeVerdict, OutboxState, StayNotice, StaySubmitter } from '../types.js';
import { backoffDelay, type RetryOptions, resolveRetry } from './backoff.js';
import {
  ALERT_APPROACHING,
  ALERT_MISSED,
  type OutboxEntry,
  type OutboxReason,
  type OutboxStore,
  type Settlement,
} from './store.js';

/*
 * Delivery semantics (principle 6 of DESIGN.md: nothing lost, nothing submitted twice).
 *
 * The accommodation API has no idempotency key and no lookup endpoint (integrations.md §3.2): the
 * only way to learn whether a send whose answer was lost arrived is to send it again. The API
 * refuses a second notice for the same stay with "Đã tồn tại khai báo trùng thời gian tại CSLT"
 * (the client maps it to a `duplicate` verdict), so a re-send can never make the police hold a
 * stay twice; it either is accepted (the first send never arrived) or answers `duplicate` (it did).
 *
 * 1. `enqueue` commits the notice (`queued`) before it resolves.
 * 2. Before each send the store commits `sending`, `attempts + 1` and a lease. A crash after that
 *    commit leaves the entry `sending`: on restart (SQLite) or when the lease expires (PostgreSQL)
 *    it is taken as `uncertain` — that send may have arrived.
 * 3. A send that fails in a way that may have arrived — the client's error says `mayHaveArrived`
 *    (timeout, dropped connection, 502/504), or, from another submitter, `ERR_STAY_TIMEOUT`,
 *    `ERR_STAY_NETWORK`, a 5xx status, an abort or any non-coded error — makes the entry `unknown`
 *    + `uncertain`; it is re-sent after a backoff. Other failures (the batch did not arrive: 500,
 *    401, 429 …) put it back to `queued`. Neither is final: a notice is never dropped for failing
 *    to send. One exception: a refusal of the whole request naming no notice (`ERR_STAY_REFUSED`)
 *    would be refused again, so the notices are re-sent one per request and a notice refused alone
 *    is `rejected` with that message.
 * 4. Verdicts: `accepted` → `accepted` (confirmedBy `response`); `rejected` → `rejected`, final,
 *    with the API's code and messages; `duplicate` on an `uncertain` entry → `accepted` (confirmedBy
 *    `duplicate`: our earlier send is the one the API holds); `duplicate` on an entry that no earlier
 *    send of ours can have reached → `rejected` with reason `duplicate-elsewhere`: the police already
 *    hold a notice for this stay that someone else sent (the portal, the VNeID app, another system),
 *    whose content we cannot see, so a person must check it; calling it accepted would hide that.
 * 5. Results are recorded only by the lease holder of that attempt (the store fences on owner and
 *    attempt), so a worker that lost its lease cannot overwrite the outcome of the one that took over.
 */

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  /** What sends batches: `createStayClient(...)`, or anything with its `submit`. */
  readonly client: StaySubmitter;
  /** Where notices wait: `createSqliteStore` or `createPostgresStore`. */
  readonly store: OutboxStore;
  /** Notices per request (default 20). */
  readonly batchSize?: number;
  /** Backoff between failed sends (exponential with jitter). */
  readonly retry?: RetryOptions;
  /**
   * How long a worker owns the notices it is sending, in ms (default 120 000). Must exceed the
   * client's timeout: when it expires another worker (or this one) re-sends the notices as uncertain.
   */
  readonly leaseMs?: number;
  /** How often an idle worker looks for work queued by other processes, in ms (default 1 000). */
  readonly pollIntervalMs?: number;
  /** How long before its deadline a pending notice raises `deadline-approaching`, in ms (default 1 hour). */
  readonly deadlineLeadMs?: number;
  /**
   * This worker's name in leases (default a random UUID). On a shared PostgreSQL store, a stable
   * name per worker lets a restarted worker take back at once what it was sending when it died,
   * instead of waiting for its lease to expire.
   */
  readonly workerId?: string;
  /** The clock, in epoch ms (default `Date.now`). */
  readonly now?: () => number;
  /** Uniform random numbers in [0, 1) for the backoff jitter (default `Math.random`). */
  readonly random?: () => number;
}

/** A queued notice as {@link Outbox.get} and {@link Outbox.list} show it. */
export interface OutboxRecord {
  readonly id: string;
  readonly state: OutboxState;
  /** Masked document number and room: safe for logs and screens. */
  readonly label: string;
  readonly kind: StayNotice['kind'];
  /** The notice as queued (contains the full document number: do not log it). */
  readonly notice: StayNotice;
  /** The legal deadline (ISO 8601, Vietnam offset). */
  readonly deadline: string;
  /** Sends started so far. */
  readonly attempts: number;
  /** An earlier send may have reached the API; the next one reconciles it. */
  readonly possiblyDelivered: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When a `queued`/`unknown` notice is next sent. */
  readonly nextAttemptAt?: string;
  /** When the outbox recorded the acceptance. */
  readonly acceptedAt?: string;
  /** `response`: the API accepted it; `duplicate`: a re-send was told the API already holds it. */
  readonly confirmedBy?: 'response' | 'duplicate';
  /** Why it was rejected (`code` `duplicate-elsewhere`, or the API's code and messages). */
  readonly reason?: OutboxReason;
  /** The last send failure (code and English message; never personal data). */
  readonly lastError?: { readonly code: string; readonly message: string };
}

/**
 * What each event of {@link Outbox.on} carries. Events are notifications raised after the store
 * recorded the change (a crash in between loses the event, not the state): the stored state,
 * read with `list()` and `get()`, is the truth.
 */
export interface OutboxEvents {
  /** The API holds the notice. */
  accepted: {
    readonly id: string;
    readonly label: string;
    readonly attempts: number;
    readonly confirmedBy: 'response' | 'duplicate';
  };
  /** A final business refusal: fix the notice and queue it again. */
  rejected: {
    readonly id: string;
    readonly label: string;
    readonly attempts: number;
    readonly reason: OutboxReason;
  };
  /** A send may or may not have arrived (timeout, dropped connection, crash): it will be re-sent to find out. */
  unknown: {
    readonly id: string;
    readonly label: string;
    readonly attempts: number;
    readonly cause: 'send-failed' | 'crash-recovery' | 'stopped';
  };
  /** A send failed and will be retried after `delayMs`. */
  retry: {
    readonly id: string;
    readonly label: string;
    readonly attempts: number;
    readonly delayMs: number;
    readonly error: { readonly code: string; readonly message: string };
  };
  /** A pending notice's deadline is within the lead time. Raised once per notice. */
  'deadline-approaching': {
    readonly id: string;
    readonly label: string;
    readonly state: OutboxState;
    readonly deadline: string;
  };
  /** A pending notice's deadline has passed. Raised once per notice. */
  'deadline-missed': {
    readonly id: string;
    readonly label: string;
    readonly state: OutboxState;
    readonly deadline: string;
  };
  /** The worker could not use its store (or a listener threw); it keeps going and tries again. */
  error: {
    readonly error: unknown;
    readonly during: 'recover' | 'claim' | 'settle' | 'deadlines' | 'listener';
  };
}

/** The durable outbox returned by {@link createOutbox}. */
export interface Outbox {
  /**
   * Queues a notice; resolves once it is durably stored (never before). Rejects with
   * `ERR_STAY_ALREADY_QUEUED` (details: the existing `id` and `state`) when a notice for the same
   * stay (`notice.key`) is already in the outbox and not `rejected`, and with
   * `ERR_STAY_STORE_WRITE` when the store cannot write (read-only or full disk): then nothing was
   * queued and what was queued before is intact.
   */
  enqueue(notice: StayNotice): Promise<{ readonly id: string }>;
  /** Starts the worker (recovery first); resolves once recovery is done. Calling it twice is harmless. */
  start(): Promise<void>;
  /**
   * Stops the worker. By default the send in flight finishes and its outcome is recorded; with
   * `{ abandon: true }` it is aborted and its notices recorded `unknown` (re-sent and reconciled on
   * the next start). Resolves when the worker has stopped.
   */
  stop(options?: { readonly abandon?: boolean }): Promise<void>;
  /**
   * Resolves when no notice in the store is pending (`queued`, `sending` or `unknown`): for a
   * shutdown that drains the queue, or a test. Only a started outbox becomes idle.
   */
  idle(): Promise<void>;
  /** One notice's record. */
  get(id: string): Promise<OutboxRecord | undefined>;
  /** Records in queueing order, optionally in some states. Works without `start()`. */
  list(query?: { readonly state?: OutboxState | readonly OutboxState[] }): Promise<OutboxRecord[]>;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends keyof OutboxEvents>(event: E, listener: (payload: OutboxEvents[E]) => void): () => void;
}

const PENDING: readonly OutboxState[] = ['queued', 'sending', 'unknown'];
const DEADLINE_CHECK_MS = 1_000;

/**
 * Creates the durable outbox that delivers stay notices exactly once: what `enqueue` accepted is
 * stored before it resolves, sent in batches with backoff, reconciled after crashes and timeouts
 * by re-sending (a `duplicate` answer confirms an earlier send), and kept until the API has
 * accepted or finally rejected it. Runtime-neutral: the store decides where notices live.
 *
 * @throws TypeError / RangeError for a missing client or store, or nonsense options.
 * @example
 * ```ts
 * import { buildStayNotice, createOutbox, createStayClient } from '@cancuoc/guest-stay';
 * import { createSqliteStore } from '@cancuoc/guest-stay/sqlite';
 * import { startStayApi } from '@cancuoc/testkit';
 *
 * const credentials = { username: 'cslt-1', password: 'pw', clientId: 'API_CSLT', clientSecret: 'secret' };
 * const api = await startStayApi(credentials); // the local simulator; in production the ministry's URL
 * const store = createSqliteStore({ path: 'stay-outbox.db' });
 * const outbox = createOutbox({ client: createStayClient({ baseUrl: api.url, ...credentials }), store });
 * outbox.on('accepted', (e) => desk.mark(e.label, e.confirmedBy)); // '001******345 · P.302', 'response'
 * outbox.on('deadline-approaching', (e) => console.warn('not accepted yet:', e.label, e.deadline));
 * await outbox.start();
 * const notice = buildStayNotice({
 *   guest: { fullName: 'Nguyễn Văn An', dateOfBirth: { year: 1998, month: 8, day: 15 }, sex: 'male',
 *     document: { type: 'can-cuoc', number: '001098012345' } },
 *   stay: { arrival: new Date(), expectedDeparture: new Date(Date.now() + 2 * 86_400_000), room: '302', reason: 1 },
 * });
 * const { id } = await outbox.enqueue(notice); // durable from here on
 * await outbox.idle();
 * (await outbox.get(id))?.state; // 'accepted'
 * await outbox.stop();
 * await store.close();
 * await api.close();
 * ```
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { client, store } = options;
  if (typeof client?.submit !== 'function')
    throw new TypeError('createOutbox: client.submit must be a function');
  if (typeof store?.claim !== 'function')
    throw new TypeError('createOutbox: store must implement OutboxStore');
  const batchSize = positiveInteger(options.batchSize ?? 20, 'batchSize');
  const leaseMs = positiveInteger(options.leaseMs ?? 120_000, 'leaseMs');
  const pollIntervalMs = positiveInteger(options.pollIntervalMs ?? 1_000, 'pollIntervalMs');
  const deadlineLeadMs = nonNegative(options.deadlineLeadMs ?? 3_600_000, 'deadlineLeadMs');
  const retry = resolveRetry(options.retry);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const owner = options.workerId ?? globalThis.crypto.randomUUID();

  const listeners = new Map<keyof OutboxEvents, Set<(payload: never) => void>>();
  let running = false;
  let loop: Promise<void> | undefined;
  let wakePending = false;
  let wakeSleeper: (() => void) | undefined;
  let inFlight: AbortController | undefined;
  let abandoned = false;
  let lastDeadlineCheck = Number.NEGATIVE_INFINITY;
  let idleWaiters: Array<() => void> = [];

  function emit<E extends keyof OutboxEvents>(event: E, payload: OutboxEvents[E]): void {
    for (const listener of listeners.get(event) ?? []) {
      try {
        (listener as (p: OutboxEvents[E]) => void)(payload);
      } catch (error) {
        if (event !== 'error') emit('error', { error, during: 'listener' });
      }
    }
  }

  function wake(): void {
    wakePending = true;
    wakeSleeper?.();
  }

  function sleep(ms: number): Promise<void> {
    if (wakePending || !running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeSleeper = done;
    });
  }

  function resolveIdle(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  async function run(): Promise<void> {
    while (running) {
      wakePending = false;
      await checkDeadlines();
      let claimed: OutboxEntry[];
      try {
        claimed = await store.claim({ owner, limit: batchSize, now: now(), leaseMs });
      } catch (error) {
        emit('error', { error, during: 'claim' });
        await sleep(pollIntervalMs);
        continue;
      }
      if (claimed.length > 0) {
        await sendAll(claimed);
        continue;
      }
      let due: number | undefined;
      try {
        due = await store.nextDueAt();
      } catch (error) {
        emit('error', { error, during: 'claim' });
      }
      if (due === undefined && idleWaiters.length > 0) {
        // Nothing pending anywhere in the store: check once more through list (a store whose
        // nextDueAt failed must not report idle).
        const pending = await store.list({ states: PENDING }).catch(() => undefined);
        if (pending !== undefined && pending.length === 0) resolveIdle();
      }
      const wait = due === undefined ? pollIntervalMs : Math.min(pollIntervalMs, Math.max(0, due - now()));
      await sleep(Math.max(wait, 1));
    }
  }

  async function sendAll(claimed: readonly OutboxEntry[]): Promise<void> {
    // The API has one endpoint per kind: one request per kind.
    const groups = new Map<StayNotice['kind'], OutboxEntry[]>();
    for (const entry of claimed) {
      const group = groups.get(entry.notice.kind) ?? [];
      group.push(entry);
      groups.set(entry.notice.kind, group);
    }
    for (const group of groups.values()) {
      if (abandoned) {
        // Abandoned before this group went out: nothing was sent, back to the queue.
        await settleAll(
          group.map((entry) => ({
            id: entry.id,
            owner,
            attempt: entry.attempts,
            state: 'queued' as const,
            nextAttemptAt: now(),
            error: { code: 'ERR_STAY_STOPPED', message: 'The outbox stopped before this send' },
          })),
          group,
        );
        continue;
      }
      await sendBatch(group);
    }
    inFlight = undefined;
  }

  async function sendBatch(batch: readonly OutboxEntry[]): Promise<void> {
    const controller = new AbortController();
    inFlight = controller;
    let verdicts: readonly NoticeVerdict[];
    try {
      const result = await client.submit(
        batch.map((entry) => entry.notice),
        { signal: controller.signal },
      );
      verdicts = result.verdicts;
    } catch (error) {
      if (isUnattributedRefusal(error) && !controller.signal.aborted) {
        if (batch.length > 1) {
          for (const entry of batch) await sendBatch([entry]);
          return;
        }
        const reason = { code: error.code, message: error.message, messageVi: error.messageVi };
        await settleAll(
          batch.map((entry) => ({ id: entry.id, owner, attempt: entry.attempts, state: 'rejected', reason })),
          batch,
        );
        return;
      }
      const uncertain = controller.signal.aborted || mayHaveArrived(error);
      const failure = describe(error);
      const at = now();
      const settlements: Settlement[] = batch.map((entry) => ({
        id: entry.id,
        owner,
        attempt: entry.attempts,
        state: uncertain ? 'unknown' : 'queued',
        nextAttemptAt: controller.signal.aborted ? at : at + backoffDelay(entry.attempts, retry, random),
        error: failure,
      }));
      await settleAll(settlements, batch, controller.signal.aborted ? 'stopped' : 'send-failed');
      return;
    }
    const at = now();
    const settlements = batch.map((entry, index): Settlement => {
      const verdict = verdicts[index];
      const base = { id: entry.id, owner, attempt: entry.attempts };
      if (verdict === undefined) {
        // A client that answers fewer verdicts than notices: the batch arrived, this notice's fate
        // is unknown — re-send to find out.
        return {
          ...base,
          state: 'unknown',
          nextAttemptAt: at + backoffDelay(entry.attempts, retry, random),
          error: { code: 'ERR_STAY_NO_VERDICT', message: 'The answer carried no verdict for this notice' },
        };
      }
      switch (verdict.status) {
        case 'accepted':
          return { ...base, state: 'accepted', confirmedBy: 'response' };
        case 'duplicate':
          return entry.uncertain
            ? { ...base, state: 'accepted', confirmedBy: 'duplicate' }
            : {
                ...base,
                state: 'rejected',
                reason: {
                  code: 'duplicate-elsewhere',
                  message: `The API already holds a notice for this stay that this outbox did not send: ${verdict.message}`,
                  messageVi: `Cơ quan công an đã có thông báo lưu trú này do nơi khác gửi: ${verdict.message}`,
                },
              };
        default:
          // 'rejected': a business refusal naming this notice, final.
          return {
            ...base,
            state: 'rejected',
            reason: { code: verdict.code, message: verdict.message, messageVi: verdict.messageVi },
          };
      }
    });
    await settleAll(settlements, batch, 'send-failed');
  }

  async function settleAll(
    settlements: readonly Settlement[],
    batch: readonly OutboxEntry[],
    unknownCause: OutboxEvents['unknown']['cause'] = 'send-failed',
  ): Promise<void> {
    let applied: ReadonlySet<string>;
    try {
      applied = new Set(await store.settle(settlements, now()));
    } catch (error) {
      // The outcome is not recorded: the entries stay `sending` under our lease; when it expires
      // they are re-sent as uncertain and a `duplicate` answer confirms what was accepted here.
      emit('error', { error, during: 'settle' });
      return;
    }
    const at = now();
    for (const settlement of settlements) {
      if (!applied.has(settlement.id)) continue;
      const entry = batch.find((e) => e.id === settlement.id);
      if (entry === undefined) continue;
      const common = { id: entry.id, label: entry.notice.label, attempts: entry.attempts };
      switch (settlement.state) {
        case 'accepted':
          emit('accepted', { ...common, confirmedBy: settlement.confirmedBy });
          break;
        case 'rejected':
          emit('rejected', { ...common, reason: settlement.reason });
          break;
        default:
          if (settlement.state === 'unknown') emit('unknown', { ...common, cause: unknownCause });
          if (settlement.error.code !== 'ERR_STAY_STOPPED' && unknownCause !== 'stopped') {
            emit('retry', {
              ...common,
              delayMs: Math.max(0, settlement.nextAttemptAt - at),
              error: settlement.error,
            });
          }
      }
    }
  }

  async function checkDeadlines(): Promise<void> {
    const at = now();
    if (at - lastDeadlineCheck < DEADLINE_CHECK_MS) return;
    lastDeadlineCheck = at;
    try {
      const entries = await store.deadlines(at + deadlineLeadMs, ALERT_APPROACHING | ALERT_MISSED);
      for (const entry of entries) {
        const payload = {
          id: entry.id,
          label: entry.notice.label,
          state: entry.state,
          deadline: entry.notice.deadline,
        };
        if (entry.deadlineAt <= at) {
          if (
            (entry.alerts & ALERT_MISSED) === 0 &&
            (await store.markAlert(entry.id, ALERT_MISSED | ALERT_APPROACHING))
          )
            emit('deadline-missed', payload);
        } else if (
          (entry.alerts & ALERT_APPROACHING) === 0 &&
          (await store.markAlert(entry.id, ALERT_APPROACHING))
        ) {
          emit('deadline-approaching', payload);
        }
      }
    } catch (error) {
      emit('error', { error, during: 'deadlines' });
    }
  }

  return {
    async enqueue(notice) {
      assertNotice(notice);
      const id = globalThis.crypto.randomUUID();
      // A JSON round trip keeps exactly what a store gives back after a restart.
      const stored = JSON.parse(JSON.stringify(notice)) as StayNotice;
      await store.insert({ id, notice: stored, deadlineAt: Date.parse(notice.deadline), now: now() });
      wake();
      return { id };
    },

    async start() {
      if (running) return;
      if (loop !== undefined) await loop; // a stop still finishing
      running = true;
      abandoned = false;
      try {
        const recovered = await store.recover(now(), owner);
        for (const entry of recovered) {
          emit('unknown', {
            id: entry.id,
            label: entry.notice.label,
            attempts: entry.attempts,
            cause: 'crash-recovery',
          });
        }
      } catch (error) {
        emit('error', { error, during: 'recover' });
      }
      if (!running) return;
      loop = run();
    },

    async stop(stopOptions = {}) {
      running = false;
      if (stopOptions.abandon) {
        abandoned = true;
        inFlight?.abort();
      }
      wakeSleeper?.();
      await loop;
      loop = undefined;
    },

    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake();
      });
    },

    async get(id) {
      const entry = await store.get(id);
      return entry === undefined ? undefined : toRecord(entry);
    },

    async list(query = {}) {
      const state = query.state;
      const states = state === undefined ? undefined : typeof state === 'string' ? [state] : [...state];
      const entries = await store.list(states === undefined ? {} : { states });
      return entries.map(toRecord);
    },

    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
  };
}

/** Whether a failed `submit` may still have delivered the batch (see the semantics above). */
function mayHaveArrived(error: unknown): boolean {
  if (!isCancuocError(error)) return true;
  // createStayClient says so itself on every error it raises.
  const said = error.details.mayHaveArrived;
  if (typeof said === 'boolean') return said;
  if (error.code === 'ERR_STAY_TIMEOUT' || error.code === 'ERR_STAY_NETWORK') return true;
  // Another submitter: a 5xx can come after the server committed, count it as possibly delivered.
  const status = error.details.status;
  return typeof status === 'number' && status >= 500;
}

/**
 * A refusal of the whole request that names no notice (`ERR_STAY_REFUSED`): it did not arrive and
 * sending the same thing again gets the same answer, so the notices are tried one per request and
 * a notice refused alone is rejected with that message.
 */
function isUnattributedRefusal(error: unknown): error is CancuocError {
  return isCancuocError(error) && error.code === 'ERR_STAY_REFUSED';
}

function describe(error: unknown): { code: string; message: string } {
  if (isCancuocError(error)) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: error.name || 'Error', message: error.message };
  return { code: 'Error', message: String(error) };
}

function toRecord(entry: OutboxEntry): OutboxRecord {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: entry.id,
    state: entry.state,
    label: entry.notice.label,
    kind: entry.notice.kind,
    notice: entry.notice,
    deadline: entry.notice.deadline,
    attempts: entry.attempts,
    possiblyDelivered: entry.uncertain,
    createdAt: iso(entry.createdAt),
    updatedAt: iso(entry.updatedAt),
    ...(entry.nextAttemptAt !== null && (entry.state === 'queued' || entry.state === 'unknown')
      ? { nextAttemptAt: iso(entry.nextAttemptAt) }
      : {}),
    ...(entry.acceptedAt !== null ? { acceptedAt: iso(entry.acceptedAt) } : {}),
    ...(entry.confirmedBy !== null ? { confirmedBy: entry.confirmedBy } : {}),
    ...(entry.reason !== null ? { reason: entry.reason } : {}),
    ...(entry.lastError !== null ? { lastError: entry.lastError } : {}),
  };
}

function assertNotice(notice: StayNotice): void {
  if (typeof notice !== 'object' || notice === null) throw new TypeError('enqueue expects a StayNotice');
  if (notice.kind !== 'vietnamese' && notice.kind !== 'foreign')
    throw new TypeError('enqueue: notice.kind must be "vietnamese" or "foreign"');
  if (typeof notice.key !== 'string' || notice.key.length === 0)
    throw new TypeError('enqueue: notice.key must be a non-empty string');
  if (typeof notice.label !== 'string') throw new TypeError('enqueue: notice.label must be a string');
  if (typeof notice.payload !== 'object' || notice.payload === null)
    throw new TypeError('enqueue: notice.payload must be an object');
  if (typeof notice.deadline !== 'string' || Number.isNaN(Date.parse(notice.deadline)))
    throw new TypeError('enqueue: notice.deadline must be an ISO 8601 date-time');
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`createOutbox: ${name} must be an integer ≥ 1`);
  return value;
}

function nonNegative(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`createOutbox: ${name} must be ≥ 0`);
  return value;
}
