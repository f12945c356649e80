import type Database from 'better-sqlite3';
import { type OutboxRow, rowToEntry, settlementValues } from '../internal/outbox-row.js';
import { requireStorePeer } from '../internal/require-peer.js';
import { alreadyQueuedError, outboxError } from '../outbox/errors.js';
import type { OutboxStore } from '../outbox/store.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file (created with its table when absent, unless `readonly`). */
  readonly path: string;
  /**
   * Open the file read-only: for a process that only inspects the queue (`list`, `get`) while the
   * worker runs elsewhere. Every write then fails with `ERR_STAY_STORE_WRITE`.
   */
  readonly readonly?: boolean;
  /** How long a write waits for another connection's lock, in ms (default 5 000). */
  readonly busyTimeoutMs?: number;
}

/** The SQLite outbox store, with its database handle for maintenance (backups, tests). */
export interface SqliteStore extends OutboxStore {
  /** The better-sqlite3 connection (do not write the outbox table through it). */
  readonly database: Database.Database;
}

const SCHEMA_VERSION = 1;
const TABLE = 'stay_outbox';
const SCHEMA = `
CREATE TABLE IF NOT EXISTS ${TABLE} (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  key TEXT NOT NULL,
  kind TEXT NOT NULL,
  notice TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'accepted', 'rejected', 'unknown')),
  attempts INTEGER NOT NULL DEFAULT 0,
  uncertain INTEGER NOT NULL DEFAULT 0,
  deadline_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  next_attempt_at INTEGER,
  lease_owner TEXT,
  lease_until INTEGER,
  accepted_at INTEGER,
  confirmed_by TEXT,
  reason TEXT,
  last_error TEXT,
  alerts INTEGER NOT NULL DEFAULT 0
);
-- One live notice per stay; a rejected notice frees its key for a corrected one.
CREATE UNIQUE INDEX IF NOT EXISTS ${TABLE}_live_key ON ${TABLE} (key) WHERE state <> 'rejected';
CREATE INDEX IF NOT EXISTS ${TABLE}_pending ON ${TABLE} (state, next_attempt_at);
`;
const COLUMNS =
  'id, notice, state, attempts, uncertain, deadline_at, created_at, updated_at, next_attempt_at, lease_owner, lease_until, accepted_at, confirmed_by, reason, last_error, alerts';
const PENDING = "('queued', 'sending', 'unknown')";

/**
 * Creates the embedded outbox store: one SQLite file, for a hotel whose notices go out from one
 * worker process. Writes are durable before they resolve: the journal is a write-ahead log
 * (`journal_mode=WAL`) synced on every commit (`synchronous=FULL`), so a notice `enqueue` accepted
 * survives a crash of the process and a power cut. Other processes may open the same file to read
 * it (`readonly: true`); for several sending workers use `createPostgresStore`. Node only
 * (better-sqlite3 12.x, an optional peer dependency).
 *
 * @throws `ERR_STAY_STORE_OPEN` when the file cannot be opened or its table created,
 *   `ERR_STAY_STORE_PEER` when better-sqlite3 is not installed.
 * @example
 * ```ts
 * import { createOutbox } from '@cancuoc/guest-stay';
 * import { createSqliteStore } from '@cancuoc/guest-stay/sqlite';
 *
 * // An admin page beside the worker: read the queue, never send (no start()).
 * const store = createSqliteStore({ path: 'stay-outbox.db' });
 * const inspect = createOutbox({ client: { submit: () => Promise.reject(new Error('read only')) }, store });
 * for (const r of await inspect.list({ state: ['unknown', 'rejected'] })) console.warn(r.label, r.state, r.reason?.messageVi);
 * await store.close();
 * ```
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  if (typeof options?.path !== 'string' || options.path.length === 0)
    throw new TypeError('createSqliteStore: path must be a non-empty string');
  const readonly = options.readonly === true;
  const SqliteDatabase = requireStorePeer<typeof Database>('better-sqlite3');
  let db: Database.Database | undefined;
  try {
    db = new SqliteDatabase(options.path, { readonly, fileMustExist: readonly });
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5_000))}`);
    if (!readonly) {
      // WAL + FULL: each commit is fsync'd to the log before it returns (sqlite.org/pragma.html#pragma_synchronous).
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // Checkpoints (copying the log into the database file, two more fsyncs) are run by the
      // worker's calls below, not by whichever commit crosses SQLite's 1 000-page mark: that commit
      // would often be an enqueue, and its latency is what a front desk waits for.
      db.pragma('wal_autocheckpoint = 0');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) throw new Error(`schema version ${version} is newer than this SDK's`);
      db.exec(SCHEMA);
      if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
  } catch (cause) {
    if (db?.open) db.close();
    throw outboxError('ERR_STAY_STORE_OPEN', { reason: reasonOf(cause) }, { cause });
  }
  const database: Database.Database = db;

  let statements: ReturnType<typeof prepare> | undefined;
  function prepare() {
    return {
      insert: database.prepare(
        `INSERT INTO ${TABLE} (id, key, kind, notice, state, deadline_at, created_at, updated_at, next_attempt_at)
         VALUES (@id, @key, @kind, @notice, 'queued', @deadlineAt, @now, @now, @now)`,
      ),
      byKey: database.prepare(`SELECT id, state FROM ${TABLE} WHERE key = ? AND state <> 'rejected'`),
      get: database.prepare(`SELECT ${COLUMNS} FROM ${TABLE} WHERE id = ?`),
      listAll: database.prepare(`SELECT ${COLUMNS} FROM ${TABLE} ORDER BY seq`),
      claim: database.prepare(
        `UPDATE ${TABLE}
            SET uncertain = CASE WHEN state = 'sending' THEN 1 ELSE uncertain END,
                state = 'sending', attempts = attempts + 1,
                lease_owner = @owner, lease_until = @leaseUntil, updated_at = @now
          WHERE seq IN (SELECT seq FROM ${TABLE}
                         WHERE (state IN ('queued', 'unknown') AND next_attempt_at <= @now)
                            OR (state = 'sending' AND lease_until <= @now)
                         ORDER BY seq LIMIT @limit)
          RETURNING seq, ${COLUMNS}`,
      ),
      settle: database.prepare(
        `UPDATE ${TABLE}
            SET state = @state, updated_at = @now, lease_owner = NULL, lease_until = NULL,
                accepted_at = @acceptedAt, confirmed_by = @confirmedBy, reason = @reason,
                last_error = COALESCE(@lastError, last_error), next_attempt_at = @nextAttemptAt,
                uncertain = MAX(uncertain, @uncertain)
          WHERE id = @id AND state = 'sending' AND lease_owner = @owner AND attempts = @attempt`,
      ),
      recover: database.prepare(
        `UPDATE ${TABLE}
            SET state = 'unknown', uncertain = 1, lease_owner = NULL, lease_until = NULL,
                next_attempt_at = @now, updated_at = @now
          WHERE state = 'sending'
          RETURNING seq, ${COLUMNS}`,
      ),
      nextDue: database.prepare(
        `SELECT MIN(CASE WHEN state = 'sending' THEN lease_until ELSE next_attempt_at END) AS due
           FROM ${TABLE} WHERE state IN ${PENDING}`,
      ),
      deadlines: database.prepare(
        `SELECT ${COLUMNS} FROM ${TABLE}
          WHERE state IN ${PENDING} AND deadline_at <= ? AND (alerts & ?) <> ? ORDER BY deadline_at`,
      ),
      markAlert: database.prepare(
        `UPDATE ${TABLE} SET alerts = alerts | @bit WHERE id = @id AND (alerts & @bit) <> @bit`,
      ),
    };
  }
  function sql() {
    statements ??= prepare();
    return statements;
  }

  // Commits since the last checkpoint (a commit here writes about 5 log pages).
  let sinceCheckpoint = 0;
  function committed(path: 'worker' | 'enqueue'): void {
    sinceCheckpoint++;
    // The worker checkpoints every 200 commits; enqueue only if no worker has for a long time (an
    // outbox that queues but never starts), so that the log cannot grow without bound.
    if (sinceCheckpoint < (path === 'worker' ? 200 : 5_000)) return;
    try {
      database.pragma('wal_checkpoint(PASSIVE)');
      sinceCheckpoint = 0;
    } catch {
      // A checkpoint that fails (busy, I/O) is retried on a later commit; the log still holds the data.
    }
  }

  const claimTx = (request: { owner: string; limit: number; now: number; leaseMs: number }) =>
    (
      sql().claim.all({ ...request, leaseUntil: request.now + request.leaseMs }) as (OutboxRow & {
        seq: number;
      })[]
    )
      .sort((a, b) => a.seq - b.seq)
      .map(rowToEntry);

  return {
    database,

    async insert(entry) {
      const { notice } = entry;
      try {
        sql().insert.run({
          id: entry.id,
          key: notice.key,
          kind: notice.kind,
          notice: JSON.stringify(notice),
          deadlineAt: entry.deadlineAt,
          now: entry.now,
        });
        committed('enqueue');
      } catch (cause) {
        if (codeOf(cause) === 'SQLITE_CONSTRAINT_UNIQUE') {
          const existing = read(
            () => sql().byKey.get(notice.key) as { id: string; state: string } | undefined,
          );
          if (existing !== undefined) {
            throw alreadyQueuedError(existing, notice.label, cause);
          }
        }
        throw writeError(cause);
      }
    },

    async get(id) {
      const row = read(() => sql().get.get(id) as OutboxRow | undefined);
      return row === undefined ? undefined : rowToEntry(row);
    },

    async list(query = {}) {
      const states = query.states;
      const rows = read(() => {
        if (states === undefined) return sql().listAll.all() as OutboxRow[];
        if (states.length === 0) return [];
        const marks = states.map(() => '?').join(', ');
        return database
          .prepare(`SELECT ${COLUMNS} FROM ${TABLE} WHERE state IN (${marks}) ORDER BY seq`)
          .all(...states) as OutboxRow[];
      });
      return rows.map(rowToEntry);
    },

    async claim(request) {
      // One statement, so one implicit transaction: the rows taken and their `sending` mark
      // commit together (and are fsync'd) before the batch goes out.
      const claimed = write(() => database.transaction(claimTx).immediate(request));
      if (claimed.length > 0) committed('worker');
      return claimed;
    },

    async settle(settlements, now) {
      const applied = write(() =>
        database
          .transaction(() => {
            const done: string[] = [];
            for (const settlement of settlements) {
              const values = settlementValues(settlement, now);
              const result = sql().settle.run({
                ...values,
                uncertain: values.uncertain ? 1 : 0,
                now,
                id: settlement.id,
                owner: settlement.owner,
                attempt: settlement.attempt,
              });
              if (result.changes === 1) done.push(settlement.id);
            }
            return done;
          })
          .immediate(),
      );
      committed('worker');
      return applied;
    },

    async recover(now) {
      // One worker per SQLite file: whatever is `sending` when it starts was left by a crash.
      return write(() =>
        (sql().recover.all({ now }) as (OutboxRow & { seq: number })[])
          .sort((a, b) => a.seq - b.seq)
          .map(rowToEntry),
      );
    },

    async nextDueAt() {
      const row = read(() => sql().nextDue.get() as { due: number | null });
      return row.due === null ? undefined : row.due;
    },

    async deadlines(before, alerts) {
      return read(() => sql().deadlines.all(before, alerts, alerts) as OutboxRow[]).map(rowToEntry);
    },

    async markAlert(id, bit) {
      return write(() => sql().markAlert.run({ id, bit }).changes === 1);
    },

    async close() {
      if (database.open) database.close();
    },
  } satisfies SqliteStore;
}

function read<T>(fn: () => T): T {
  try {
    return fn();
  } catch (cause) {
    throw outboxError('ERR_STAY_STORE_READ', { reason: reasonOf(cause) }, { cause });
  }
}

function write<T>(fn: () => T): T {
  try {
    return fn();
  } catch (cause) {
    throw writeError(cause);
  }
}

/** SQLITE_READONLY, SQLITE_FULL, SQLITE_IOERR_*, SQLITE_BUSY … all mean: not stored. */
function writeError(cause: unknown) {
  return outboxError('ERR_STAY_STORE_WRITE', { reason: reasonOf(cause) }, { cause });
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function reasonOf(error: unknown): string {
  // The SQLite result code names the cause without echoing data (SQLITE_FULL, SQLITE_READONLY …).
  return codeOf(error) ?? (error instanceof Error ? error.message : String(error));
}
