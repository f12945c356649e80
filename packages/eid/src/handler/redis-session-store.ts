import { type EidSessionStore, parseStored, sessionMatches } from './session-store.js';

/**
 * The subset of an ioredis client the Redis store uses (ioredis 5 fits as is; wrap other clients).
 * Needs Redis 7 or later (`EXPIRE … NX|GT`).
 */
export interface RedisLikeClient {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: 'EX', seconds: number): Promise<unknown>;
  del(...keys: string[]): Promise<number>;
  sadd(key: string, ...members: string[]): Promise<number>;
  smembers(key: string): Promise<string[]>;
  expire(key: string, seconds: number, mode: 'NX' | 'GT'): Promise<number>;
}

/** Options of {@link createRedisSessionStore}. */
export interface RedisSessionStoreOptions {
  /** A connected client, e.g. `new Redis(process.env.REDIS_URL)` from ioredis. */
  readonly client: RedisLikeClient;
  /** Prefix of every key (default `cancuoc:eid:`). */
  readonly prefix?: string;
}

/**
 * A session store on Redis, for portals that run several processes. Sessions expire by
 * themselves (Redis TTL); the issuer/`sid` and issuer/`sub` indexes that back-channel logout uses
 * are sets that expire with their last session; IDs of back-channel logout tokens already used
 * are kept under `<prefix>jti:` until those tokens expire. Takes your client: no dependency on a Redis library.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * const sessionStore = createRedisSessionStore({ client: new Redis(process.env.REDIS_URL!) });
 * const eid = createEidHandler({ client, secret, sessionStore });
 * ```
 */
export function createRedisSessionStore(options: RedisSessionStoreOptions): EidSessionStore {
  const { client } = options;
  const prefix = options.prefix ?? 'cancuoc:eid:';
  const sessionKey = (key: string) => `${prefix}s:${key}`;
  const index = (kind: 'sid' | 'sub', issuer: string, value: string) =>
    `${prefix}${kind}:${encodeURIComponent(issuer)}:${encodeURIComponent(value)}`;
  return {
    async get(key) {
      return parseStored(await client.get(sessionKey(key)));
    },
    async set(key, session, ttlSec) {
      const ttl = Math.max(1, Math.ceil(ttlSec));
      await client.set(sessionKey(key), JSON.stringify(session), 'EX', ttl);
      const lifetime = Math.max(1, Math.ceil(session.expiresAt - Date.now() / 1000));
      const indexes = [index('sub', session.identity.issuer, session.identity.sub)];
      if (session.providerSid) indexes.push(index('sid', session.identity.issuer, session.providerSid));
      for (const name of indexes) {
        await client.sadd(name, key);
        // A new set gets the session's lifetime; an existing one only ever grows (NX, then GT).
        await client.expire(name, lifetime, 'NX');
        await client.expire(name, lifetime, 'GT');
      }
    },
    async delete(key) {
      await client.del(sessionKey(key));
    },
    async deleteMatching(match) {
      const name =
        match.sid !== undefined
          ? index('sid', match.issuer, match.sid)
          : match.sub !== undefined
            ? index('sub', match.issuer, match.sub)
            : undefined;
      if (!name) return 0;
      let count = 0;
      for (const key of await client.smembers(name)) {
        const session = parseStored(await client.get(sessionKey(key)));
        if (session && sessionMatches(session, match)) count += await client.del(sessionKey(key));
      }
      if (match.sid !== undefined && match.sub === undefined) await client.del(name);
      return count;
    },
    async rememberLogoutToken(id, untilSec) {
      // SADD answers 1 only to the first caller, atomically across processes. It is used rather
      // than SET … NX so that the client subset stays what it was: a wrapper of another client
      // written for the earlier interface could drop an NX it never heard of and let replays by.
      const name = `${prefix}jti:${id}`;
      const added = await client.sadd(name, '1');
      // NX: a replay never extends the first record's life.
      await client.expire(name, Math.max(1, Math.ceil(untilSec - Date.now() / 1000)), 'NX');
      return added === 1;
    },
  };
}
