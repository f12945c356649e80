/**
 * `@cancuoc/guest-stay/postgres`: the PostgreSQL store of the stay-notice outbox, for hotel chains
 * whose front desks share one queue (Node only, `pg` as an optional peer dependency).
 *
 * @packageDocumentation
 */

/** The shared PostgreSQL outbox store (`FOR UPDATE SKIP LOCKED` claims, leases). */
export {
  createPostgresStore,
  type PostgresStore,
  type PostgresStoreOptions,
} from './create-postgres-store.js';
