/**
 * `@cancuoc/guest-stay/sqlite`: the embedded SQLite store of the stay-notice outbox (Node only,
 * better-sqlite3 12.x as an optional peer dependency).
 *
 * @packageDocumentation
 */

/** The SQLite outbox store (WAL, synchronous=FULL). */
export { createSqliteStore, type SqliteStore, type SqliteStoreOptions } from './create-sqlite-store.js';
