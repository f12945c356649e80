/**
 * The session stores against real servers: Redis and PostgreSQL started from the machine's own
 * binaries by @cancuoc/testkit/servers (skipped with a message where they are not installed),
 * then a whole login, logout and back-channel logout through the handler on each.
 */

import { TestBrowser, testEidAccounts } from '@cancuoc/testkit/oidc';
import {
  type PostgresServer,
  postgresSkipReason,
  type RedisServer,
  redisSkipReason,
  startPostgres,
  startRedis,
} from '@cancuoc/testkit/servers';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMemorySessionStore,
  createPostgresSessionStore,
  createRedisSessionStore,
  type EidSessionStore,
  type EidStoredSession,
} from '../src/handler/index.js';
import { BACKCHANNEL_LOGOUT_EVENT } from '../src/index.js';
import { csrfOf, form, startPortal, type TestPortal } from './helpers/portal.js';

const [man, woman] = testEidAccounts as [(typeof testEidAccounts)[0], (typeof testEidAccounts)[0]];
const now = () => Math.floor(Date.now() / 1000);

function session(sub: string, providerSid?: string, issuer = 'https://op.example'): EidStoredSession {
  const t = now();
  return {
    identity: { sub, issuer, fullName: 'Nguyễn Thị Lan' },
    ...(providerSid ? { providerSid } : {}),
    createdAt: t,
    lastSeenAt: t,
    expiresAt: t + 3600,
  };
}

/** The contract every store keeps. */
function storeContract(name: string, make: () => EidSessionStore) {
  describe(`${name} store contract`, () => {
    it('keeps, replaces and deletes a session, with its Vietnamese text intact', async () => {
      const store = make();
      expect(await store.get('k1')).toBeUndefined();
      await store.set('k1', session('a'), 60);
      expect((await store.get('k1'))?.identity.fullName).toBe('Nguyễn Thị Lan');
      await store.set('k1', { ...session('a'), lastSeenAt: 42 }, 60);
      expect((await store.get('k1'))?.lastSeenAt).toBe(42);
      await store.delete('k1');
      expect(await store.get('k1')).toBeUndefined();
    });

    it('deletes the sessions of a provider sid, or every session of a subject, at one issuer only', async () => {
      const store = make();
      await store.set('s1', session('alice', 'sid-1'), 60);
      await store.set('s2', session('alice', 'sid-2'), 60);
      await store.set('s3', session('bob', 'sid-3'), 60);
      await store.set('s4', session('alice', 'sid-1', 'https://other.example'), 60);
      expect(await store.deleteMatching({ issuer: 'https://op.example', sid: 'sid-1' })).toBe(1);
      expect(await store.get('s1')).toBeUndefined();
      expect(await store.get('s2')).toBeDefined();
      expect(await store.get('s4')).toBeDefined();
      expect(await store.deleteMatching({ issuer: 'https://op.example', sid: 'sid-2', sub: 'bob' })).toBe(0);
      expect(await store.deleteMatching({ issuer: 'https://op.example', sub: 'alice' })).toBe(1);
      expect(await store.get('s2')).toBeUndefined();
      expect(await store.get('s3')).toBeDefined();
      expect(await store.deleteMatching({ issuer: 'https://op.example' })).toBe(0);
    });

    it('remembers a logout-token ID once (a replay answers false) until its time, then forgets it', async () => {
      const store = make();
      const remember = store.rememberLogoutToken?.bind(store);
      expect(remember).toBeDefined();
      const id = `jti-${crypto.randomUUID()}`;
      expect(await remember!(id, now() + 60)).toBe(true);
      expect(await remember!(id, now() + 60)).toBe(false);
      expect(await remember!(`${id}-other`, now() + 60)).toBe(true);
      // Session keys and token IDs live apart: a session under the same key changes nothing.
      await store.set(id, session('alice'), 60);
      expect(await remember!(id, now() + 60)).toBe(false);
      expect(await store.get(id)).toBeDefined();
      const short = `short-${crypto.randomUUID()}`;
      expect(await remember!(short, now() + 1)).toBe(true);
      expect(await remember!(short, now() + 1)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect(await remember!(short, now() + 60)).toBe(true);
    });

    it('lets exactly one of concurrent callers remember an ID', async () => {
      const store = make();
      const id = `race-${crypto.randomUUID()}`;
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => store.rememberLogoutToken!(id, now() + 60)),
      );
      expect(answers.filter(Boolean)).toHaveLength(1);
    });
  });
}

/** A full login → logout → back-channel logout round through the handler on a store. */
function handlerOnStore(name: string, make: () => EidSessionStore) {
  describe(`the handler on the ${name} store`, () => {
    let portal: TestPortal;
    beforeAll(async () => {
      portal = await startPortal();
    });
    afterAll(async () => {
      await portal?.close();
    });

    it('logs in, revokes on logout, and ends sessions on a back-channel logout', async () => {
      const store = make();
      portal.use({ sessionStore: store });
      const host = new URL(portal.origin).host;
      const browser = new TestBrowser();
      await browser.follow(`${portal.origin}/auth/login`, { account: man.sub });
      expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(200);
      const copied = browser.cookies(host).get('cancuoc_eid')!;
      // Another process of the same portal (a new handler, same store and secret) sees the session.
      portal.use({ sessionStore: store });
      expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(200);
      const csrf = csrfOf(await (await browser.request(`${portal.origin}/auth/logout`)).text())!;
      expect((await browser.request(`${portal.origin}/auth/logout`, form({ csrf }))).status).toBe(303);
      const replay = await fetch(`${portal.origin}/auth/me`, {
        headers: { cookie: `cancuoc_eid=${copied}` },
      });
      expect(replay.status).toBe(401);

      const other = new TestBrowser();
      await other.follow(`${portal.origin}/auth/login`, { account: woman.sub });
      const token = await portal.op.signToken(
        {
          sub: woman.sub,
          acr: undefined,
          exp: undefined,
          jti: crypto.randomUUID(),
          events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
        },
        { header: { typ: 'logout+jwt' } },
      );
      const response = await fetch(`${portal.origin}/auth/backchannel-logout`, form({ logout_token: token }));
      expect(response.status).toBe(200);
      expect((await other.request(`${portal.origin}/auth/me`)).status).toBe(401);

      // The same token again, at another process of the portal (new handler, same store): the
      // store shares the used jti, so the replay is refused and her new session stays.
      await other.follow(`${portal.origin}/auth/login`, { account: woman.sub });
      portal.use({ sessionStore: store });
      const again = await fetch(`${portal.origin}/auth/backchannel-logout`, form({ logout_token: token }));
      expect(again.status).toBe(400);
      expect(((await again.json()) as { error_description: string }).error_description).toMatch(
        /already used/,
      );
      expect((await other.request(`${portal.origin}/auth/me`)).status).toBe(200);
    });
  });
}

storeContract('memory', () => createMemorySessionStore());
handlerOnStore('memory', () => createMemorySessionStore());

describe('memory store limits', () => {
  it('drops the oldest sessions beyond maxSessions', async () => {
    const store = createMemorySessionStore({ maxSessions: 2 });
    for (const key of ['a', 'b', 'c']) await store.set(key, session(key), 60);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('c')).toBeDefined();
  });
});

const redisSkip = redisSkipReason();
if (redisSkip) console.warn(redisSkip);
describe.skipIf(redisSkip !== undefined)('on a real Redis server', () => {
  let server: RedisServer;
  const clients: Redis[] = [];
  const client = () => {
    const c = new Redis(server.url, { lazyConnect: false, maxRetriesPerRequest: 1 });
    clients.push(c);
    return c;
  };
  let prefix = 0;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server?.stop();
  });
  storeContract('Redis', () => createRedisSessionStore({ client: client(), prefix: `t${++prefix}:` }));
  handlerOnStore('Redis', () => createRedisSessionStore({ client: client(), prefix: `h${++prefix}:` }));

  it('lets Redis expire sessions and their indexes (TTL set)', async () => {
    const c = client();
    const store = createRedisSessionStore({ client: c, prefix: 'ttl:' });
    await store.set('k', session('alice', 'sid-9'), 30);
    expect(await c.ttl('ttl:s:k')).toBeGreaterThan(0);
    expect(await c.ttl('ttl:s:k')).toBeLessThanOrEqual(30);
    const indexes = await c.keys('ttl:sid:*');
    expect(indexes).toHaveLength(1);
    expect(await c.ttl(indexes[0]!)).toBeGreaterThan(30);
    // A used logout-token ID lives until the token's time, and a replay does not extend it.
    await store.rememberLogoutToken!('j1', now() + 120);
    expect(await c.ttl('ttl:jti:j1')).toBeGreaterThan(100);
    expect(await c.ttl('ttl:jti:j1')).toBeLessThanOrEqual(120);
    expect(await store.rememberLogoutToken!('j1', now() + 9999)).toBe(false);
    expect(await c.ttl('ttl:jti:j1')).toBeLessThanOrEqual(120);
  });
});

const postgresSkip = postgresSkipReason();
if (postgresSkip) console.warn(postgresSkip);
describe.skipIf(postgresSkip !== undefined)('on a real PostgreSQL server', () => {
  let server: PostgresServer;
  let pool: pg.Pool;
  let table = 0;
  beforeAll(async () => {
    server = await startPostgres();
    pool = new pg.Pool({ connectionString: server.connectionString, max: 4 });
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  });
  storeContract('PostgreSQL', () =>
    createPostgresSessionStore({ client: pool, table: `sessions_${++table}` }),
  );
  handlerOnStore('PostgreSQL', () =>
    createPostgresSessionStore({ client: pool, table: `public.handler_sessions_${++table}` }),
  );

  it('ignores expired rows and prunes them', async () => {
    const store = createPostgresSessionStore({ client: pool, table: 'expiring' });
    await store.set('old', session('alice'), 1);
    await pool.query(`UPDATE expiring SET expires_at = now() - interval '1 second'`);
    expect(await store.get('old')).toBeUndefined();
    await store.rememberLogoutToken!('old-jti', now() + 60);
    await pool.query(`UPDATE expiring_jti SET expires_at = now() - interval '1 second'`);
    expect(await store.prune()).toBe(1);
    expect((await pool.query('SELECT count(*)::int AS n FROM expiring_jti')).rows[0].n).toBe(0);
  });

  it('refuses a table name that is not a plain identifier', () => {
    expect(() => createPostgresSessionStore({ client: pool, table: 'x; DROP TABLE y' })).toThrow(TypeError);
  });
});
