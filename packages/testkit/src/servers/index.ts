/**
 * `@cancuoc/testkit/servers`: real PostgreSQL and Redis servers for tests, started from the
 * machine's own binaries (Debian's `postgresql` and `redis-server` packages) on a free loopback
 * port in a temporary directory, and stopped after. Never a mock: the stores of `@cancuoc/guest-stay`
 * and `@cancuoc/eid` are tested against the real thing. Node-only.
 *
 * @packageDocumentation
 */
export {
  type PostgresServer,
  postgresSkipReason,
  type StartPostgresOptions,
  startPostgres,
} from './postgres.js';
export { type RedisServer, redisSkipReason, startRedis } from './redis.js';
