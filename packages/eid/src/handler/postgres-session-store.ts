import { type EidSessionStore, type EidStoredSession, parseStored } from './session-store.js';

/** The subset of a `pg` Pool or Client the PostgreSQL store uses. */
export interface PostgresLikeClient {
  query(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

/** Options of {@link createPostgresSessionStore}. */
export interface PostgresSessionStoreOptions {
  /** A `pg` Pool (recommended) or Client. */
  readonly client: PostgresLikeClient;
  /** Table name, optionally schema-qualified (default `cancuoc_eid_sessions`). */
  readonly table?: string;
  /**
   * Create the tables and indexes on first use when missing (default true): the sessions table
   * and `<table>_jti`, where IDs of back-channel logout tokens already used are kept until those
   * tokens expire (`id text PRIMARY KEY, expires_at timestamptz NOT NULL`).
   */
  readonly createTable?: boolean;
}

/** A PostgreSQL session store, with `prune()` to delete expired rows (run it now and then). */
export interface PostgresSessionStore extends EidSessionStore {
  /** Deletes expired sessions (and expired logout-token IDs); answers how many sessions. */
  prune(): Promise<number>;
}

const TABLE_NAME = /^(?:[a-z_][a-z0-9_]{0,62}\.)?[a-z_][a-z0-9_]{0,62}$/;

/**
 * A session store on PostgreSQL, for portals that run several processes and already have a
 * database. One row per session (JSON data, issuer, `sub`, provider `sid`, expiry), and one per
 * back-channel logout token already used, in `<table>_jti` (replays are refused); expired rows
 * are ignored on read and deleted by `prune()` (also run now and then on write). Takes your `pg`
 * Pool: no dependency on a PostgreSQL library.
 *
 * @throws TypeError when the table name is not a plain (optionally schema-qualified) identifier.
 * @example
 * ```ts
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const eid = createEidHandler({ client, secret, sessionStore: createPostgresSessionStore({ client: pool }) });
 * ```
 */
export function createPostgresSessionStore(options: PostgresSessionStoreOptions): PostgresSessionStore {
  const { client } = options;
  const table = options.table ?? 'cancuoc_eid_sessions';
  if (!TABLE_NAME.test(table)) throw new TypeError('table must be a plain lower-case SQL identifier');
  const bare = table.split('.').pop() as string;
  const jtiTable = `${table}_jti`;
  let ready: Promise<void> | undefined;
  const ensure = (): Promise<void> => {
    if (options.createTable === false) return Promise.resolve();
    ready ??= (async () => {
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${table} (
          key text PRIMARY KEY,
          issuer text NOT NULL,
          sub text NOT NULL,
          sid text,
          data jsonb NOT NULL,
          expires_at timestamptz NOT NULL
        )`,
      );
      await client.query(`CREATE INDEX IF NOT EXISTS ${bare}_sub_idx ON ${table} (issuer, sub)`);
      await client.query(`CREATE INDEX IF NOT EXISTS ${bare}_sid_idx ON ${table} (issuer, sid)`);
      await client.query(`CREATE INDEX IF NOT EXISTS ${bare}_expires_idx ON ${table} (expires_at)`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${jtiTable} (id text PRIMARY KEY, expires_at timestamptz NOT NULL)`,
      );
    })();
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  };
  let writes = 0;
  async function prune(): Promise<number> {
    await ensure();
    const result = await client.query(`DELETE FROM ${table} WHERE expires_at <= now()`);
    await client.query(`DELETE FROM ${jtiTable} WHERE expires_at <= now()`);
    return result.rowCount ?? 0;
  }
  return {
    async get(key) {
      await ensure();
      const { rows } = await client.query(`SELECT data FROM ${table} WHERE key = $1 AND expires_at > now()`, [
        key,
      ]);
      const data = rows[0]?.data;
      return typeof data === 'string' ? parseStored(data) : (data as EidStoredSession | undefined);
    },
    async set(key, session, ttlSec) {
      await ensure();
      await client.query(
        `INSERT INTO ${table} (key, issuer, sub, sid, data, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))
         ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, sid = EXCLUDED.sid, expires_at = EXCLUDED.expires_at`,
        [
          key,
          session.identity.issuer,
          session.identity.sub,
          session.providerSid ?? null,
          JSON.stringify(session),
          Math.max(1, Math.ceil(ttlSec)),
        ],
      );
      writes += 1;
      if (writes % 256 === 0) await prune();
    },
    async delete(key) {
      await ensure();
      await client.query(`DELETE FROM ${table} WHERE key = $1`, [key]);
    },
    async deleteMatching(match) {
      await ensure();
      if (match.sid !== undefined) {
        const result = await client.query(
          `DELETE FROM ${table} WHERE issuer = $1 AND sid = $2 AND ($3::text IS NULL OR sub = $3)`,
          [match.issuer, match.sid, match.sub ?? null],
        );
        return result.rowCount ?? 0;
      }
      if (match.sub === undefined) return 0;
      const result = await client.query(`DELETE FROM ${table} WHERE issuer = $1 AND sub = $2`, [
        match.issuer,
        match.sub,
      ]);
      return result.rowCount ?? 0;
    },
    async rememberLogoutToken(id, untilSec) {
      await ensure();
      // One statement, so two processes receiving the same token race on the primary key: one
      // inserts (1 row), the other finds a live row and changes nothing (0 rows). A row past its
      // time (not yet pruned) is taken over.
      const result = await client.query(
        `INSERT INTO ${jtiTable} AS seen (id, expires_at) VALUES ($1, to_timestamp($2))
         ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen.expires_at <= now()`,
        [id, untilSec],
      );
      return (result.rowCount ?? 0) === 1;
    },
    prune,
  };
}
