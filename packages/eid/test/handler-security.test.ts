import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { TestBrowser, testEidAccounts } from '@cancuoc/testkit/oidc';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEidHandler, createMemorySessionStore, toHonoMiddleware } from '../src/handler/index.js';
import { MAX_RETURN_TO } from '../src/handler/internal/return-to.js';
import { BACKCHANNEL_LOGOUT_EVENT, type EidClient } from '../src/index.js';
import { inspectableStore } from './helpers/inspectable-store.js';
import { csrfOf, form, SECRET, startPortal, type TestPortal } from './helpers/portal.js';

const [man, woman] = testEidAccounts as [(typeof testEidAccounts)[0], (typeof testEidAccounts)[0]];
let portal: TestPortal;
let host: string;

beforeAll(async () => {
  portal = await startPortal();
  host = new URL(portal.origin).host;
});
afterAll(async () => {
  await portal.close();
});
beforeEach(() => {
  portal.use();
});

async function login(account: string, browser = new TestBrowser(), returnTo?: string) {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const result = await browser.follow(`${portal.origin}/auth/login${query}`, { account });
  return { browser, result };
}

describe('returnTo (RFC 9700 §4.11.1)', () => {
  for (const value of [
    '/\t/evil.example',
    '/\t\\evil.example',
    '/\r\nSet-Cookie: x=1',
    '/a\u0000b',
    '/\u0085',
  ]) {
    it(`refuses ${JSON.stringify(value)} at /auth/login with a typed 400, before the provider`, async () => {
      const before = portal.op.requestCounts.get('/oauth2/authorize') ?? 0;
      const response = await fetch(`${portal.origin}/auth/login?returnTo=${encodeURIComponent(value)}`, {
        redirect: 'manual',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toContain('ERR_EID_RETURN_TO');
      expect(portal.op.requestCounts.get('/oauth2/authorize') ?? 0).toBe(before);
    });
  }

  it('refuses a returnTo over MAX_RETURN_TO (1800) characters, and keeps the login cookie under 4 KB at the limit', async () => {
    const long = `/${'a'.repeat(MAX_RETURN_TO)}`;
    const refused = await fetch(`${portal.origin}/auth/login?returnTo=${long}`, { redirect: 'manual' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('ERR_EID_RETURN_TO');
    const atLimit = `/${'a'.repeat(MAX_RETURN_TO - 5)}?q=1`;
    const response = await fetch(`${portal.origin}/auth/login?returnTo=${encodeURIComponent(atLimit)}`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    const [cookie] = response.headers.getSetCookie();
    // Browsers keep a cookie whose name and value fit in 4096 bytes; the whole line fits here.
    expect(cookie!.length).toBeLessThan(4096);
    const { result } = await login(man.sub, new TestBrowser(), atLimit);
    expect(result.url.href).toBe(`${portal.origin}${atLimit}`);
  });

  for (const value of [
    '//evil.example/x',
    '/\\evil.example',
    '/\\\\evil.example',
    '/.//evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'https:evil.example',
  ]) {
    it(`keeps the citizen on the portal for ${JSON.stringify(value)}`, async () => {
      const { result } = await login(man.sub, new TestBrowser(), value);
      expect(result.response?.status).toBe(200);
      expect(result.url.origin).toBe(portal.origin);
      expect(result.visited.every((u) => !new URL(u).hostname.includes('evil'))).toBe(true);
    });
  }

  it('sends the browser back to a same-origin path with its query and fragment, as an absolute URL', async () => {
    const browser = new TestBrowser();
    const done = await browser.follow(
      `${portal.origin}/auth/login?returnTo=${encodeURIComponent('/a/b?x=1#top')}`,
      {
        account: man.sub,
        stopAt: (u) => u.pathname === '/a/b',
      },
    );
    expect(done.url.href).toBe(`${portal.origin}/a/b?x=1#top`);
  });
});

describe('cookies', () => {
  it('treats two session cookies of one name (cookie tossing) as no session', async () => {
    const { browser: victim } = await login(woman.sub);
    const { browser: attacker } = await login(man.sub);
    const mine = victim.cookies(host).get('cancuoc_eid')!;
    const planted = attacker.cookies(host).get('cancuoc_eid')!;
    for (const header of [
      `cancuoc_eid=${planted}; cancuoc_eid=${mine}`,
      `cancuoc_eid=${mine}; cancuoc_eid=${planted}`,
    ]) {
      const response = await fetch(`${portal.origin}/auth/me`, { headers: { cookie: header } });
      expect(response.status).toBe(401);
    }
    const alone = await fetch(`${portal.origin}/auth/me`, { headers: { cookie: `cancuoc_eid=${mine}` } });
    expect(alone.status).toBe(200);
  });

  it('names cookies __Host- with Path=/ and Secure when the redirect URI is https, even over http behind a proxy', async () => {
    const client: EidClient = { ...portal.client, redirectUri: 'https://portal.example.test/auth/callback' };
    const eid = createEidHandler({ client, secret: SECRET });
    const response = await eid.handle(new Request('http://10.0.0.5:3000/auth/login'));
    const [cookie] = response!.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-cancuoc_eid_login_[\w-]{16}=/);
    expect(cookie).toContain('; Path=/;');
    expect(cookie).toContain('; Secure');
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('logs in with a custom __Host- cookie name (its login cookie has Path=/)', async () => {
    portal.use({ cookieName: '__Host-eid' });
    const browser = new TestBrowser();
    const start = await browser.request(`${portal.origin}/auth/login`);
    expect(start.headers.getSetCookie()[0]).toMatch(/^__Host-eid_login_[\w-]+=[^;]+; Path=\/; .*Secure/);
    const { result } = await login(man.sub, browser);
    expect(await result.response?.text()).toBe(`hello ${man.sub}`);
  });

  it('clears the login cookie after a failed callback', async () => {
    const browser = new TestBrowser();
    const result = await browser.follow(`${portal.origin}/auth/login`, { deny: true });
    expect(result.response?.status).toBe(400);
    expect(result.response?.headers.get('cache-control')).toBe('no-store');
    expect([...browser.cookies(host).keys()].some((n) => n.startsWith('cancuoc_eid_login_'))).toBe(false);
  });

  it('lets two logins be pending at once (two tabs) and completes both', async () => {
    const browser = new TestBrowser();
    const toProvider = (u: URL) => u.origin === portal.op.issuer;
    const first = await browser.follow(`${portal.origin}/auth/login?returnTo=/one`, { stopAt: toProvider });
    const second = await browser.follow(`${portal.origin}/auth/login?returnTo=/two`, { stopAt: toProvider });
    expect([...browser.cookies(host).keys()].filter((n) => n.startsWith('cancuoc_eid_login_'))).toHaveLength(
      2,
    );
    const two = await browser.follow(second.url, { account: woman.sub });
    expect(two.url.pathname).toBe('/two');
    // The provider remembers her login: the first tab's login completes as her too.
    const one = await browser.follow(first.url, { account: woman.sub });
    expect(one.url.pathname).toBe('/one');
    expect(await one.response?.text()).toBe(`hello ${woman.sub}`);
  });

  it('keeps at most maxPendingLogins pending logins, dropping the oldest', async () => {
    portal.use({ maxPendingLogins: 2 });
    const browser = new TestBrowser();
    for (let i = 0; i < 4; i++) await browser.request(`${portal.origin}/auth/login`);
    expect([...browser.cookies(host).keys()].filter((n) => n.startsWith('cancuoc_eid_login_'))).toHaveLength(
      2,
    );
  });
});

describe('logout', () => {
  it('shows a confirmation page on GET and keeps the session (a link or cross-site navigation logs nobody out)', async () => {
    const { browser } = await login(man.sub);
    const page = await browser.request(`${portal.origin}/auth/logout`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain('Đăng xuất');
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(200);
  });

  it('refuses a POST without the token from another origin or none (403), and the session stays', async () => {
    const { browser } = await login(man.sub);
    for (const init of [
      form({}),
      form({ csrf: 'forged' }),
      { ...form({}), headers: { ...form({}).headers, origin: 'https://evil.example' } },
      { ...form({}), headers: { ...form({}).headers, origin: 'null' } },
    ]) {
      const response = await browser.request(`${portal.origin}/auth/logout`, init);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('ERR_EID_LOGOUT_FORBIDDEN');
    }
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(200);
  });

  it('accepts a POST from the same origin (fetch from the portal pages) without a token', async () => {
    const { browser } = await login(man.sub);
    const response = await browser.request(`${portal.origin}/auth/logout`, {
      method: 'POST',
      headers: { origin: portal.origin },
    });
    expect(response.status).toBe(303);
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(401);
  });

  it('revokes the session server-side: a cookie copied before logout no longer works', async () => {
    const { browser } = await login(man.sub);
    const copied = browser.cookies(host).get('cancuoc_eid')!;
    const csrf = csrfOf(await (await browser.request(`${portal.origin}/auth/logout`)).text())!;
    expect((await browser.request(`${portal.origin}/auth/logout`, form({ csrf }))).status).toBe(303);
    const replay = await fetch(`${portal.origin}/auth/me`, { headers: { cookie: `cancuoc_eid=${copied}` } });
    expect(replay.status).toBe(401);
  });

  it('keeps the stateless mode as an option, where a copied cookie outlives logout (documented limit)', async () => {
    portal.use({ sessionStore: 'stateless' });
    const { browser } = await login(man.sub);
    const copied = browser.cookies(host).get('cancuoc_eid')!;
    const csrf = csrfOf(await (await browser.request(`${portal.origin}/auth/logout`)).text())!;
    expect((await browser.request(`${portal.origin}/auth/logout`, form({ csrf }))).status).toBe(303);
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(401);
    const replay = await fetch(`${portal.origin}/auth/me`, { headers: { cookie: `cancuoc_eid=${copied}` } });
    expect(replay.status).toBe(200);
  });
});

describe('server-side sessions', () => {
  it('ends a session unused for idleTimeoutSec, and rolls the deadline while it is used', async () => {
    const store = inspectableStore();
    portal.use({ sessionStore: store, idleTimeoutSec: 600 });
    const { browser } = await login(man.sub);
    const [key, stored] = [...store.sessions][0]!;
    // Used 5 minutes ago: still valid, and the use moves lastSeenAt forward.
    store.sessions.set(key, { ...stored, lastSeenAt: stored.lastSeenAt - 300 });
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(200);
    expect(store.sessions.get(key)!.lastSeenAt).toBeGreaterThanOrEqual(stored.lastSeenAt);
    // Unused for 10 minutes: gone.
    store.sessions.set(key, { ...stored, lastSeenAt: stored.lastSeenAt - 600 });
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(401);
    expect(store.sessions.has(key)).toBe(false);
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    const store = inspectableStore();
    portal.use({ sessionStore: store });
    const { browser } = await login(man.sub);
    const [key, stored] = [...store.sessions][0]!;
    store.sessions.set(key, { ...stored, expiresAt: Math.floor(Date.now() / 1000) - 1 });
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(401);
  });

  it('keeps only the configured identity fields and nothing personal in the cookie', async () => {
    const store = inspectableStore();
    portal.use({ sessionStore: store, sessionFields: ['personalId'], providerLogout: false });
    const { browser } = await login(woman.sub);
    const [, stored] = [...store.sessions][0]!;
    expect(Object.keys(stored.identity).sort()).toEqual(['issuer', 'personalId', 'sub']);
    expect(stored.idToken).toBeUndefined();
    const me = (await (await browser.request(`${portal.origin}/auth/me`)).json()) as {
      identity: Record<string, unknown>;
    };
    expect(me.identity).toEqual({ sub: woman.sub, issuer: portal.op.issuer, personalId: '079******678' });
    // The cookie only refers to the session: a 256-bit reference, sealed.
    expect(browser.cookies(host).get('cancuoc_eid')!.length).toBeLessThan(400);
  });

  it('replaces the previous session of the browser on a new login (no fixation)', async () => {
    const store = inspectableStore();
    portal.use({ sessionStore: store });
    const { browser } = await login(man.sub);
    const first = browser.cookies(host).get('cancuoc_eid')!;
    await login(woman.sub, browser);
    expect(store.sessions.size).toBe(1);
    const old = await fetch(`${portal.origin}/auth/me`, { headers: { cookie: `cancuoc_eid=${first}` } });
    expect(old.status).toBe(401);
  });

  it('opens sessions sealed with an older secret (rotation) and seals new ones with the first', async () => {
    const store = createMemorySessionStore();
    portal.use({ sessionStore: store, secret: SECRET });
    const { browser } = await login(man.sub);
    const newSecret = 'the next session secret, also 32+ bytes';
    portal.use({ sessionStore: store, secret: [newSecret, SECRET] });
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(200);
    const { browser: later } = await login(woman.sub);
    portal.use({ sessionStore: store, secret: newSecret });
    expect((await later.request(`${portal.origin}/auth/me`)).status).toBe(200);
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(401);
  });
});

describe('back-channel logout (OpenID Connect Back-Channel Logout 1.0)', () => {
  const post = (body: Record<string, string>) =>
    fetch(`${portal.origin}/auth/backchannel-logout`, form(body));

  async function logoutToken(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
    return portal.op.signToken(
      {
        acr: undefined,
        exp: undefined,
        jti: crypto.randomUUID(),
        events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
        ...claims,
      },
      { header: { typ: 'logout+jwt', ...header } },
    );
  }

  it('ends every session of the subject named by a valid logout token', async () => {
    const { browser: a } = await login(man.sub);
    const { browser: b } = await login(man.sub);
    const { browser: other } = await login(woman.sub);
    const response = await post({ logout_token: await logoutToken({ sub: man.sub }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await a.request(`${portal.origin}/auth/me`)).status).toBe(401);
    expect((await b.request(`${portal.origin}/auth/me`)).status).toBe(401);
    expect((await other.request(`${portal.origin}/auth/me`)).status).toBe(200);
  });

  it('ends only the provider session named by sid', async () => {
    const store = inspectableStore();
    portal.use({ sessionStore: store });
    const { browser: a } = await login(man.sub);
    const [keyA, storedA] = [...store.sessions][0]!;
    store.sessions.set(keyA, { ...storedA, providerSid: 'sid-a' });
    const { browser: b } = await login(man.sub);
    const response = await post({ logout_token: await logoutToken({ sub: undefined, sid: 'sid-a' }) });
    expect(response.status).toBe(200);
    expect((await a.request(`${portal.origin}/auth/me`)).status).toBe(401);
    expect((await b.request(`${portal.origin}/auth/me`)).status).toBe(200);
  });

  const bad: [string, () => Promise<string>][] = [
    ['with a nonce (an ID token)', () => logoutToken({ nonce: 'n' })],
    ['without the logout event', () => logoutToken({ events: { other: {} } })],
    ['with the event as a string', () => logoutToken({ events: { [BACKCHANNEL_LOGOUT_EVENT]: 'x' } })],
    ['without sid or sub', () => logoutToken({ sub: undefined })],
    ['without jti', () => logoutToken({ jti: undefined })],
    ['for another audience', () => logoutToken({ aud: 'someone-else' })],
    ['from another issuer', () => logoutToken({ iss: 'https://evil.example' })],
    ['issued an hour ago', () => logoutToken({ iat: Math.floor(Date.now() / 1000) - 3600 })],
    ['issued in the future', () => logoutToken({ iat: Math.floor(Date.now() / 1000) + 3600 })],
    ['of another type (at+jwt)', () => logoutToken({}, { typ: 'at+jwt' })],
    ['an ID token the provider issued', () => portal.op.signToken({ sub: man.sub })],
    [
      'signed with a foreign key',
      async () => {
        const { privateKey } = await crypto.subtle.generateKey(
          {
            name: 'RSASSA-PKCS1-v1_5',
            modulusLength: 2048,
            publicExponent: new Uint8Array([1, 0, 1]),
            hash: 'SHA-256',
          },
          false,
          ['sign'],
        );
        return portal.op.signToken(
          { acr: undefined, jti: 'j', events: { [BACKCHANNEL_LOGOUT_EVENT]: {} } },
          { key: privateKey, header: { typ: 'logout+jwt' } },
        );
      },
    ],
    ['signed with HS256', () => logoutToken({}, { alg: 'HS256' })],
    ['garbage', async () => 'not.a.token'],
  ];
  for (const [name, make] of bad) {
    it(`refuses a logout token ${name} with a 400 and ends nothing`, async () => {
      const { browser } = await login(man.sub);
      let token: string;
      try {
        token = await make();
      } catch {
        token = 'eyJhbGciOiJIUzI1NiJ9.e30.x';
      }
      const response = await post({ logout_token: token });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
      expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(200);
    });
  }

  it('answers 501 in the stateless mode (nothing to revoke) and 405 to a GET', async () => {
    portal.use({ sessionStore: 'stateless' });
    const response = await post({ logout_token: await logoutToken({ sub: man.sub }) });
    expect(response.status).toBe(501);
    expect((await fetch(`${portal.origin}/auth/backchannel-logout`)).status).toBe(405);
  });
});

describe('typed errors', () => {
  async function pendingState(browser: TestBrowser): Promise<string> {
    const atProvider = await browser.follow(`${portal.origin}/auth/login`, {
      stopAt: (u) => u.origin === portal.op.issuer,
    });
    return atProvider.url.searchParams.get('state')!;
  }

  for (const param of ['id_token', 'token', 'access_token']) {
    it(`answers a callback carrying ${param}= with a typed 400, no-store, no library text`, async () => {
      const browser = new TestBrowser();
      const state = await pendingState(browser);
      const response = await browser.request(
        `${portal.origin}/auth/callback?code=abc&state=${state}&${param}=eyJhbGciOiJub25lIn0.e30.`,
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const text = await response.text();
      expect(text).toContain('ERR_EID_CALLBACK');
      expect(text).not.toMatch(/oauth4webapi|Unsupported|Error:/);
      expect([...browser.cookies(host).keys()].some((n) => n.startsWith('cancuoc_eid_login_'))).toBe(false);
    });
  }

  it('caps and cleans the provider error it echoes', async () => {
    const browser = new TestBrowser();
    const state = await pendingState(browser);
    const error = `<script>${'x'.repeat(500)}\u202e`;
    const response = await browser.request(
      `${portal.origin}/auth/callback?error=${encodeURIComponent(error)}&state=${state}&iss=${encodeURIComponent(portal.op.issuer)}`,
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('ERR_EID_PROVIDER_ERROR');
    expect(text).not.toContain('x'.repeat(65));
    expect(text).not.toContain('\u202e');
    expect(text.length).toBeLessThan(600);
  });

  it('leaves library messages out of the default error page', async () => {
    portal.op.faults.tokenMalformed = true;
    try {
      const { result } = await login(man.sub);
      expect(result.response?.status).toBe(400);
      const text = await result.response!.text();
      expect(text).toContain('ERR_EID_TOKEN_RESPONSE');
      expect(text).not.toMatch(/JSON|oauth4webapi|position|Unexpected/);
    } finally {
      portal.op.faults.tokenMalformed = false;
    }
  });

  it('answers a wrong method on its own routes with 405 and Allow', async () => {
    const response = await fetch(`${portal.origin}/auth/login`, { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.text()).toContain('ERR_EID_METHOD');
  });

  function raw(head: string): Promise<string> {
    const { port } = new URL(portal.origin);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
      let out = '';
      socket.on('data', (d) => {
        out += d.toString('latin1');
      });
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });
  }

  it('answers TRACE with 405, never 500', async () => {
    for (const path of ['/auth/login', '/anything']) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(`${portal.origin}${path}`, { method: 'TRACE' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(405);
    }
  });

  for (const [name, head] of [
    ['a Host with a space', 'GET /auth/login HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n'],
    [
      'a Host with userinfo',
      'GET /auth/login HTTP/1.1\r\nHost: user@evil.example\r\nConnection: close\r\n\r\n',
    ],
    ['a Host with a path', 'GET /auth/login HTTP/1.1\r\nHost: evil.example/x\r\nConnection: close\r\n\r\n'],
    [
      'an absolute-form target',
      'GET http://evil.example/auth/login HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    ],
  ] as const) {
    it(`answers ${name} with 400, never 500`, async () => {
      const response = await raw(head);
      expect(response).toMatch(/^HTTP\/1\.1 400 /);
    });
  }

  it('keeps a request target of //host as a path on this host', async () => {
    const response = await raw(
      `GET //evil.example/auth/me HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect(response).toContain('anonymous');
  });
});

describe('Hono wrapper', () => {
  it('takes the scheme from X-Forwarded-Proto only with trustProxy', async () => {
    // A client made by hand, without a redirect URI: the request decides the scheme.
    const { redirectUri: _, ...client } = portal.client;
    const eid = createEidHandler({ client, secret: SECRET });
    for (const trustProxy of [true, false]) {
      const app = new Hono();
      app.use(toHonoMiddleware(eid.handle, { trustProxy }));
      const response = await app.fetch(
        new Request('http://internal:8080/auth/login', {
          headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'portal.example.test' },
        }),
      );
      const [cookie] = response.headers.getSetCookie();
      if (trustProxy) expect(cookie).toMatch(/^__Host-cancuoc_eid_login_.*; Secure$/);
      else expect(cookie).toMatch(/^cancuoc_eid_login_(?!.*Secure)/);
    }
  });
});
