import type pg from 'pg';
import { type OutboxRow, rowToEntry, settlementValues } from '../internal/outbox-row.js';
import { requireStorePeer } from '../internal/require-peer.js';
import { alreadyQueuedError, outboxError } from '../outbox/errors.js';
import type { OutboxStore } from '../outbox/store.js';

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** `postgresql://user:password@host:5432/database` (ignored when `pool` is given). */
  readonly connectionString?: string;
  /** An existing `pg` pool to use instead (the store then never ends it). */
  readonly pool?: pg.Pool;
  /** The table, optionally schema-qualified (default `cancuoc_stay_outbox`); created when absent. */
  readonly table?: string;
  /** Connections in the store's own pool (default 4). */
  readonly maxConnections?: number;
}

/** The PostgreSQL outbox store, with its pool for maintenance. */
export interface PostgresStore extends OutboxStore {
  readonly pool: pg.Pool;
}

const COLUMNS =
  'id, notice, state, attempts, uncertain, deadline_at, created_at, updated_at, next_attempt_at, lease_owner, lease_until, accepted_at, confirmed_by, reason, last_error, alerts';
const PENDING = "('queued', 'sending', 'unknown')";

/**
 * Creates the shared outbox store of a hotel chain: the front desks' workers (one per process or
 * machine) share one PostgreSQL table. A worker takes notices with `SELECT … FOR UPDATE SKIP LOCKED`
 * inside the transaction that marks them `sending` under its lease, so two workers never send one
 * notice at the same time; when a worker dies its lease expires and another worker re-sends its
 * notices as uncertain (a `duplicate` answer confirms what the dead worker delivered). Every write
 * is a committed transaction before it resolves. Workers' clocks must agree (NTP) to well within
 * the lease. Node only (`pg`, an optional peer dependency).
 *
 * @throws CancuocError `ERR_STAY_STORE_PEER` when no `pool` is given and `pg` is not installed.
 * @example
 * ```ts
 * import { hostname } from 'node:os';
 * import { createOutbox, createStayClient } from '@cancuoc/guest-stay';
 * import { createPostgresStore } from '@cancuoc/guest-stay/postgres';
 *
 * const store = createPostgresStore({ connectionString: 'postgresql://hotel@db.internal/hotel' });
 * const client = createStayClient({ baseUrl: 'https://api-tbltkbtt.bocongan.gov.vn', clientId, clientSecret, username, password });
 * // A stable name per desk: restarted, it takes back at once what it was sending.
 * const outbox = createOutbox({ client, store, workerId: `front-desk-${hostname()}`, leaseMs: 120_000 });
 * await outbox.start();
 * process.on('SIGTERM', async () => { await outbox.stop(); await store.close(); });
 * ```
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const table = options.table ?? 'cancuoc_stay_outbox';
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(table))
    throw new TypeError(
      'createPostgresStore: table must be a lower-case SQL identifier, optionally schema-qualified',
    );
  if (options.pool === undefined && typeof options.connectionString !== 'string')
    throw new TypeError('createPostgresStore: give a connectionString or a pool');
  const ownPool = options.pool === undefined;
  const pool =
    options.pool ??
    new (requireStorePeer<typeof pg>('pg').Pool)({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 4,
    });
  // An idle client that loses its connection emits 'error' on the pool; without a listener Node
  // would crash the process. The next query reports the failure instead.
  if (ownPool) pool.on('error', () => {});
  const name = table.replace('.', '_');

  let ready: Promise<void> | undefined;
  function schema(): Promise<void> {
    ready ??= (async () => {
      // Already there: nothing to write (a read-only role or standby can still list the queue).
      const found = await pool.query('SELECT to_regclass($1) AS t', [table]);
      if ((found.rows[0] as { t: string | null } | undefined)?.t != null) return;
      await transaction(async (client) => {
        // Several workers may start at once: serialise the CREATE … IF NOT EXISTS.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [table]);
        await client.query(`
          CREATE TABLE IF NOT EXISTS ${table} (
            seq BIGSERIAL PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            key TEXT NOT NULL,
            kind TEXT NOT NULL,
            notice TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'accepted', 'rejected', 'unknown')),
            attempts INTEGER NOT NULL DEFAULT 0,
            uncertain BOOLEAN NOT NULL DEFAULT FALSE,
            deadline_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            next_attempt_at BIGINT,
            lease_owner TEXT,
            lease_until BIGINT,
            accepted_at BIGINT,
            confirmed_by TEXT,
            reason TEXT,
            last_error TEXT,
            alerts INTEGER NOT NULL DEFAULT 0
          )`);
        // One live notice per stay; a rejected notice frees its key for a corrected one.
        await client.query(
          `CREATE UNIQUE INDEX IF NOT EXISTS ${name}_live_key ON ${table} (key) WHERE state <> 'rejected'`,
        );
        await client.query(
          `CREATE INDEX IF NOT EXISTS ${name}_pending ON ${table} (state, next_attempt_at) WHERE state IN ${PENDING}`,
        );
      });
    })().catch((cause: unknown) => {
      ready = undefined;
      throw outboxError('ERR_STAY_STORE_OPEN', { reason: reasonOf(cause) }, { cause });
    });
    return ready;
  }

  async function transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async function read<T>(fn: () => Promise<T>): Promise<T> {
    await schema();
    try {
      return await fn();
    } catch (cause) {
      throw outboxError('ERR_STAY_STORE_READ', { reason: reasonOf(cause) }, { cause });
    }
  }

  async function write<T>(fn: () => Promise<T>): Promise<T> {
    await schema();
    try {
      return await fn();
    } catch (cause) {
      throw outboxError('ERR_STAY_STORE_WRITE', { reason: reasonOf(cause) }, { cause });
    }
  }

  const rows = (result: pg.QueryResult) => (result.rows as (OutboxRow & { seq: string })[]).map(rowToEntry);
  const ordered = (result: pg.QueryResult) =>
    (result.rows as (OutboxRow & { seq: string })[])
      .sort((a, b) => Number(a.seq) - Number(b.seq))
      .map(rowToEntry);

  return {
    pool,

    async insert(entry) {
      const { notice } = entry;
      await schema();
      try {
        await pool.query(
          `INSERT INTO ${table} (id, key, kind, notice, state, deadline_at, created_at, updated_at, next_attempt_at)
           VALUES ($1, $2, $3, $4, 'queued', $5, $6, $6, $6)`,
          [entry.id, notice.key, notice.kind, JSON.stringify(notice), entry.deadlineAt, entry.now],
        );
      } catch (cause) {
        if ((cause as { code?: unknown }).code === '23505') {
          const existing = await read(() =>
            pool.query(`SELECT id, state FROM ${table} WHERE key = $1 AND state <> 'rejected'`, [notice.key]),
          );
          const row = existing.rows[0] as { id: string; state: string } | undefined;
          if (row !== undefined) {
            throw alreadyQueuedError(row, notice.label, cause);
          }
        }
        throw outboxError('ERR_STAY_STORE_WRITE', { reason: reasonOf(cause) }, { cause });
      }
    },

    async get(id) {
      const result = await read(() => pool.query(`SELECT ${COLUMNS} FROM ${table} WHERE id = $1`, [id]));
      return rows(result)[0];
    },

    async list(query = {}) {
      const states = query.states;
      if (states !== undefined && states.length === 0) return [];
      const result = await read(() =>
        states === undefined
          ? pool.query(`SELECT ${COLUMNS} FROM ${table} ORDER BY seq`)
          : pool.query(`SELECT ${COLUMNS} FROM ${table} WHERE state = ANY($1) ORDER BY seq`, [states]),
      );
      return rows(result);
    },

    async claim({ owner, limit, now, leaseMs }) {
      // SKIP LOCKED: rows another worker is claiming right now are passed over, never waited for
      // and never taken twice; the `sending` mark and the lease commit with the claim.
      const result = await write(() =>
        transaction((client) =>
          client.query(
            `WITH picked AS (
               SELECT seq FROM ${table}
                WHERE (state IN ('queued', 'unknown') AND next_attempt_at <= $1)
                   OR (state = 'sending' AND lease_until <= $1)
                ORDER BY seq
                LIMIT $2
                FOR UPDATE SKIP LOCKED)
             UPDATE ${table} AS t
                SET uncertain = (t.uncertain OR t.state = 'sending'),
                    state = 'sending', attempts = t.attempts + 1,
                    lease_owner = $3, lease_until = $4, updated_at = $1
               FROM picked
              WHERE t.seq = picked.seq
             RETURNING t.seq, ${COLUMNS.split(', ')
               .map((c) => `t.${c}`)
               .join(', ')}`,
            [now, limit, owner, now + leaseMs],
          ),
        ),
      );
      return ordered(result);
    },

    async settle(settlements, now) {
      return write(() =>
        transaction(async (client) => {
          const applied: string[] = [];
          for (const settlement of settlements) {
            const v = settlementValues(settlement, now);
            const result = await client.query(
              `UPDATE ${table}
                  SET state = $1, updated_at = $2, lease_owner = NULL, lease_until = NULL,
                      accepted_at = $3, confirmed_by = $4, reason = $5,
                      last_error = COALESCE($6, last_error), next_attempt_at = $7,
                      uncertain = (uncertain OR $8)
                WHERE id = $9 AND state = 'sending' AND lease_owner = $10 AND attempts = $11`,
              [
                v.state,
                now,
                v.acceptedAt,
                v.confirmedBy,
                v.reason,
                v.lastError,
                v.nextAttemptAt,
                v.uncertain,
                settlement.id,
                settlement.owner,
                settlement.attempt,
              ],
            );
            if (result.rowCount === 1) applied.push(settlement.id);
          }
          return applied;
        }),
      );
    },

    async recover(now, owner) {
      // Shared by several workers: another worker's `sending` rows are its own business until
      // their lease expires. Only rows this worker's name leased before a restart (a stable
      // `workerId`) are taken back at once.
      if (owner === undefined) return [];
      const result = await write(() =>
        pool.query(
          `UPDATE ${table}
              SET state = 'unknown', uncertain = TRUE, lease_owner = NULL, lease_until = NULL,
                  next_attempt_at = $1, updated_at = $1
            WHERE state = 'sending' AND lease_owner = $2
            RETURNING seq, ${COLUMNS}`,
          [now, owner],
        ),
      );
      return ordered(result);
    },

    async nextDueAt() {
      const result = await read(() =>
        pool.query(
          `SELECT MIN(CASE WHEN state = 'sending' THEN lease_until ELSE next_attempt_at END) AS due
             FROM ${table} WHERE state IN ${PENDING}`,
        ),
      );
      const due = (result.rows[0] as { due: string | null } | undefined)?.due ?? null;
      return due === null ? undefined : Number(due);
    },

    async deadlines(before, alerts) {
      const result = await read(() =>
        pool.query(
          `SELECT ${COLUMNS} FROM ${table}
            WHERE state IN ${PENDING} AND deadline_at <= $1 AND (alerts & $2) <> $2
            ORDER BY deadline_at`,
          [before, alerts],
        ),
      );
      return rows(result);
    },

    async markAlert(id, bit) {
      const result = await write(() =>
        pool.query(`UPDATE ${table} SET alerts = alerts | $2 WHERE id = $1 AND (alerts & $2) <> $2`, [
          id,
          bit,
        ]),
      );
      return result.rowCount === 1;
    },

    async close() {
      if (ownPool) await pool.end();
    },
  } satisfies PostgresStore;
}

function reasonOf(error: unknown): string {
  // SQLSTATE (53100 disk full, 25006 read-only transaction …) or the socket's errno code: no data.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
