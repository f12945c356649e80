import type { OutboxState, StayNotice } from '../types.js';

/**
 * The storage contract behind {@link createOutbox}: `createSqliteStore` (`@cancuoc/guest-stay/sqlite`)
 * and `createPostgresStore` (`@cancuoc/guest-stay/postgres`) implement it; so can any database that
 * commits durably and can update a row only if it still holds an expected value.
 *
 * Every method that resolves has made its change durable (fsync'd, committed). Times are epoch
 * milliseconds from the outbox's clock. A store raises `CancuocError`s: `ERR_STAY_ALREADY_QUEUED`,
 * `ERR_STAY_STORE_WRITE`, `ERR_STAY_STORE_READ`.
 */
export interface OutboxStore {
  /**
   * Stores a new `queued` entry. Rejects with `ERR_STAY_ALREADY_QUEUED` (details `id`, `state`) when
   * an entry with the same `key` exists and is not `rejected` (a rejected notice frees its key, so a
   * corrected notice for the same stay can be queued).
   */
  insert(entry: NewOutboxEntry): Promise<void>;
  /** One entry, or `undefined`. */
  get(id: string): Promise<OutboxEntry | undefined>;
  /** Entries in queueing order, optionally only those in the given states. */
  list(query?: { readonly states?: readonly OutboxState[] }): Promise<OutboxEntry[]>;
  /**
   * Atomically takes up to `limit` entries that are due — `queued` or `unknown` with
   * `nextAttemptAt <= now`, or `sending` under a lease that expired before `now` — and marks them
   * `sending` under a lease held by `owner` until `now + leaseMs`, with `attempts + 1`. Taking over
   * an expired lease sets `uncertain` (that earlier send may have reached the API). Two callers
   * never receive the same entry for the same lease.
   */
  claim(request: ClaimRequest): Promise<OutboxEntry[]>;
  /**
   * Records the outcome of sends, all in one transaction. Each settlement applies only if the entry
   * is still `sending` under `owner` with `attempts === attempt` (a lease taken over by another
   * worker makes the late answer of the first one a no-op). Resolves with the ids applied.
   */
  settle(settlements: readonly Settlement[], now: number): Promise<string[]>;
  /**
   * Called once when a worker starts, with its name. A store that serves a single worker (SQLite)
   * moves every `sending` entry — left by a crash — to `unknown` with `uncertain` set and returns
   * them; a store shared by several workers (PostgreSQL) does so only for entries leased by `owner`
   * (a worker restarted under a stable name) and lets other workers' expired leases be claimed.
   */
  recover(now: number, owner?: string): Promise<OutboxEntry[]>;
  /** The earliest time at which something becomes claimable, or `undefined` when nothing is pending. */
  nextDueAt(): Promise<number | undefined>;
  /** Pending entries (`queued`, `sending`, `unknown`) whose deadline is at or before `before` and that lack one of the `alerts` bits. */
  deadlines(before: number, alerts: number): Promise<OutboxEntry[]>;
  /** Sets alert bits on an entry; resolves `true` only for the caller that set a bit first. */
  markAlert(id: string, bit: number): Promise<boolean>;
  /** Releases the database (the outbox never calls it: the store belongs to the caller). */
  close(): Promise<void>;
}

/** What {@link OutboxStore.insert} stores. */
export interface NewOutboxEntry {
  readonly id: string;
  readonly notice: StayNotice;
  /** `notice.deadline` as epoch milliseconds (ISO strings with offsets do not sort). */
  readonly deadlineAt: number;
  readonly now: number;
}

/** One stored notice and its delivery state. */
export interface OutboxEntry {
  readonly id: string;
  readonly notice: StayNotice;
  readonly state: OutboxState;
  /** Sends started so far (recorded durably before each send). */
  readonly attempts: number;
  /** An earlier send may have reached the API (crash or lease loss while sending, timeout, dropped connection). */
  readonly uncertain: boolean;
  readonly deadlineAt: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly nextAttemptAt: number | null;
  readonly leaseOwner: string | null;
  readonly leaseUntil: number | null;
  readonly acceptedAt: number | null;
  readonly confirmedBy: 'response' | 'duplicate' | null;
  readonly reason: OutboxReason | null;
  readonly lastError: { readonly code: string; readonly message: string } | null;
  /** Bits of the deadline alerts already raised (1 approaching, 2 missed). */
  readonly alerts: number;
}

/** Why a notice was rejected: the API's code and messages, or `duplicate-elsewhere`. */
export interface OutboxReason {
  readonly code: string;
  readonly message: string;
  readonly messageVi: string;
}

/** Arguments of {@link OutboxStore.claim}. */
export interface ClaimRequest {
  readonly owner: string;
  readonly limit: number;
  readonly now: number;
  readonly leaseMs: number;
}

/** The outcome of one send, for {@link OutboxStore.settle}. */
export type Settlement =
  | {
      readonly id: string;
      readonly owner: string;
      readonly attempt: number;
      readonly state: 'accepted';
      readonly confirmedBy: 'response' | 'duplicate';
    }
  | {
      readonly id: string;
      readonly owner: string;
      readonly attempt: number;
      readonly state: 'rejected';
      readonly reason: OutboxReason;
    }
  | {
      readonly id: string;
      readonly owner: string;
      readonly attempt: number;
      /** `queued`: the send certainly did not arrive; `unknown`: it may have. */
      readonly state: 'queued' | 'unknown';
      readonly nextAttemptAt: number;
      readonly error: { readonly code: string; readonly message: string };
    };

/** Alert bits of {@link OutboxEntry.alerts}. */
export const ALERT_APPROACHING = 1;
/** @see ALERT_APPROACHING */
export const ALERT_MISSED = 2;
