/**
 * `@cancuoc/eid/handler`: a framework-neutral VNeID login handler on web-standard
 * `Request`/`Response`, with server-side sessions (memory, Redis or PostgreSQL stores) behind a
 * signed and encrypted cookie (jose), or stateless sessions in the cookie. Runtime-neutral.
 *
 * @packageDocumentation
 */

/** The generic login handler and its session types. */
export {
  createEidHandler,
  type EidHandler,
  type EidHandlerOptions,
  type EidSession,
  type EidSessionField,
  type EidSessionIdentity,
} from './create-eid-handler.js';
/** A session store on PostgreSQL (your `pg` Pool). */
export {
  createPostgresSessionStore,
  type PostgresLikeClient,
  type PostgresSessionStore,
  type PostgresSessionStoreOptions,
} from './postgres-session-store.js';
/** A session store on Redis (your ioredis client). */
export {
  createRedisSessionStore,
  type RedisLikeClient,
  type RedisSessionStoreOptions,
} from './redis-session-store.js';
/** Session stores: the interface and the in-memory store (one process). */
export {
  createMemorySessionStore,
  type EidSessionMatch,
  type EidSessionStore,
  type EidStoredSession,
  type MemorySessionStoreOptions,
} from './session-store.js';
/** Hono middleware around the handler. */
export {
  type HonoLikeContext,
  type HonoLikeMiddleware,
  type HonoMiddlewareOptions,
  toHonoMiddleware,
} from './to-hono-middleware.js';
