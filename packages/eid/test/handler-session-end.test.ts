/**
 * How sessions end beyond logout: bounded by the ID token's `exp` when the portal asks for it,
 * back-channel logout tokens refused when replayed, and a back-channel logout sent by the real
 * provider (oidc-provider's backchannelLogout feature) when the citizen ends her session there.
 */

import { TestBrowser, testEidAccounts } from '@cancuoc/testkit/oidc';
import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EidClient } from '../src/index.js';
import { BACKCHANNEL_LOGOUT_EVENT, verifyEidLogoutToken } from '../src/index.js';
import { inspectableStore } from './helpers/inspectable-store.js';
import { form, startPortal, type TestPortal } from './helpers/portal.js';

const [man, woman] = testEidAccounts as [(typeof testEidAccounts)[0], (typeof testEidAccounts)[0]];
const nowSec = () => Math.floor(Date.now() / 1000);
/**
 * Moves the clock forward without waiting: only `Date` is faked (timers, sockets and the provider
 * keep running), so the handler, jose and the stores all see the later time.
 */
function advanceClock(ms: number): void {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  vi.setSystemTime(Date.now() + ms);
}
afterEach(() => {
  vi.useRealTimers();
});

function maxAgeOf(response: Response, name: string): number | undefined {
  for (const header of response.headers.getSetCookie()) {
    if (header.startsWith(`${name}=`)) return Number(/Max-Age=(\d+)/i.exec(header)?.[1]);
  }
  return undefined;
}

/** Logs in; answers the browser and the callback's response (the session cookie's Set-Cookie). */
async function login(portal: TestPortal, account: string, browser = new TestBrowser()) {
  const atCallback = await browser.follow(`${portal.origin}/auth/login`, {
    account,
    stopAt: (u) => u.pathname === '/auth/callback',
  });
  const callback = await browser.request(atCallback.url);
  return { browser, callback };
}

describe('a session and the ID token’s exp (sessionBoundToIdToken)', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    // ID tokens of 2 s, so that a test can see a session end at exp.
    portal = await startPortal({ provider: { idTokenTtlSec: 2 } });
  });
  afterAll(async () => {
    await portal.close();
  });

  it('by default outlives the ID token (OpenID Connect Core ties no session to exp)', async () => {
    const store = inspectableStore();
    portal.use({ sessionStore: store });
    const { browser, callback } = await login(portal, man.sub);
    const [, stored] = [...store.sessions][0]!;
    const exp = decodeJwt(stored.idToken!).exp!;
    expect(stored.expiresAt - stored.createdAt).toBe(3600);
    expect(maxAgeOf(callback, 'cancuoc_eid')).toBe(3600);
    advanceClock((exp - Date.now() / 1000 + 0.3) * 1000);
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(200);
  });

  it('ends at the ID token’s exp when bound, well before sessionMaxAgeSec, server-side', async () => {
    const store = inspectableStore();
    portal.use({ sessionStore: store, sessionBoundToIdToken: true });
    const { browser, callback } = await login(portal, man.sub);
    const [, stored] = [...store.sessions][0]!;
    const exp = decodeJwt(stored.idToken!).exp!;
    expect(stored.expiresAt).toBe(exp);
    expect(maxAgeOf(callback, 'cancuoc_eid')).toBeLessThanOrEqual(2);
    const me = (await (await browser.request(`${portal.origin}/auth/me`)).json()) as { expiresAt: string };
    expect(Date.parse(me.expiresAt)).toBe(exp * 1000);
    advanceClock((exp - Date.now() / 1000 + 0.3) * 1000);
    // The browser would have dropped the cookie (Max-Age); a copy sent anyway finds no session.
    const copied = browser.cookies(new URL(portal.origin).host).get('cancuoc_eid');
    const late = await fetch(`${portal.origin}/auth/me`, { headers: { cookie: `cancuoc_eid=${copied}` } });
    expect(late.status).toBe(401);
  });

  it('keeps sessionMaxAgeSec when it ends before the ID token', async () => {
    const store = inspectableStore();
    portal.use({ sessionStore: store, sessionBoundToIdToken: true, sessionMaxAgeSec: 1 });
    await login(portal, man.sub);
    const [, stored] = [...store.sessions][0]!;
    expect(stored.expiresAt - stored.createdAt).toBe(1);
  });

  it('bounds a stateless session (the sealed cookie) by exp as well', async () => {
    portal.use({ sessionStore: 'stateless', sessionBoundToIdToken: true });
    const { browser, callback } = await login(portal, woman.sub);
    expect(maxAgeOf(callback, 'cancuoc_eid')).toBeLessThanOrEqual(2);
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(200);
    advanceClock(2300);
    const copied = browser.cookies(new URL(portal.origin).host).get('cancuoc_eid');
    const late = await fetch(`${portal.origin}/auth/me`, { headers: { cookie: `cancuoc_eid=${copied}` } });
    expect(late.status).toBe(401);
  });

  it('refuses, with a typed 400 (ERR_EID_EXPIRED), an ID token accepted within the clock skew but past exp', async () => {
    const client: EidClient = {
      ...portal.client,
      async handleCallback(url, state) {
        const result = await portal.client.handleCallback(url, state);
        return { ...result, identity: { ...result.identity, expiresAt: new Date(Date.now() - 5000) } };
      },
    };
    const store = inspectableStore();
    portal.use({ client, sessionStore: store, sessionBoundToIdToken: true });
    const { callback } = await login(portal, man.sub);
    expect(callback.status).toBe(400);
    expect(await callback.text()).toContain('ERR_EID_EXPIRED');
    expect(store.sessions.size).toBe(0);
    // Without the binding, the same login opens a session (the default keeps working).
    portal.use({ client, sessionStore: store });
    expect((await login(portal, man.sub)).callback.status).toBe(302);
  });
});

describe('logout-token replay (Back-Channel Logout 1.0 §2.6, step 10)', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal.close();
  });

  const post = (token: string) =>
    fetch(`${portal.origin}/auth/backchannel-logout`, form({ logout_token: token }));
  const logoutToken = (claims: Record<string, unknown>) =>
    portal.op.signToken(
      {
        acr: undefined,
        exp: undefined,
        jti: crypto.randomUUID(),
        events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
        ...claims,
      },
      { header: { typ: 'logout+jwt' } },
    );

  it('refuses a replayed jti with a typed 400 (ERR_EID_LOGOUT_REPLAY) and ends nothing the second time', async () => {
    portal.use();
    const token = await logoutToken({ sub: man.sub });
    const { browser: first } = await login(portal, man.sub);
    expect((await post(token)).status).toBe(200);
    expect((await first.request(`${portal.origin}/auth/me`)).status).toBe(401);
    const { browser: second } = await login(portal, man.sub);
    const replay = await post(token);
    expect(replay.status).toBe(400);
    expect(replay.headers.get('cache-control')).toBe('no-store');
    const body = (await replay.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toMatch(/already used/);
    expect((await second.request(`${portal.origin}/auth/me`)).status).toBe(200);
    // A new token (new jti) for the same subject is not a replay.
    expect((await post(await logoutToken({ sub: man.sub }))).status).toBe(200);
    expect((await second.request(`${portal.origin}/auth/me`)).status).toBe(401);
  });

  it('lets only one of two copies arriving at once act', async () => {
    portal.use();
    const token = await logoutToken({ sub: woman.sub });
    const statuses = (await Promise.all([post(token), post(token), post(token)])).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 400, 400]);
  });

  it('refuses replays with a store of the portal’s own that keeps no token IDs (in-process memory)', async () => {
    portal.use({ sessionStore: inspectableStore() });
    const token = await logoutToken({ sub: man.sub });
    expect((await post(token)).status).toBe(200);
    expect((await post(token)).status).toBe(400);
  });

  it('keeps a jti only as long as the token could pass: acceptedUntil = min(exp, iat + maxAgeSec) + tolerance', async () => {
    const iat = nowSec();
    const verify = (claims: Record<string, unknown>) =>
      logoutToken({ sub: man.sub, iat, ...claims }).then((token) =>
        verifyEidLogoutToken(token, {
          issuer: portal.op.issuer,
          audience: portal.op.clients.basic.clientId,
          jwks: portal.op.jwks(),
          clockToleranceSec: 30,
        }),
      );
    const withoutExp = await verify({});
    expect(withoutExp.expiresAt).toBeUndefined();
    expect(withoutExp.acceptedUntil?.getTime()).toBe((iat + 300 + 30) * 1000);
    const withExp = await verify({ exp: iat + 120 });
    expect(withExp.expiresAt?.getTime()).toBe((iat + 120) * 1000);
    expect(withExp.acceptedUntil?.getTime()).toBe((iat + 120 + 30) * 1000);
  });
});

describe('back-channel logout from the real provider (oidc-provider backchannelLogout)', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startPortal({ backchannelLogout: true });
  });
  afterAll(async () => {
    await portal.close();
  });

  /** Ends the browser's session at the provider, as the citizen would on VNeID's own pages. */
  async function logoutAtProvider(browser: TestBrowser): Promise<Response> {
    const end = new URL(portal.op.endpoints.endSession);
    end.searchParams.set('client_id', portal.op.clients.basic.clientId);
    const page = await (await browser.request(end)).text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
    expect(action && xsrf).toBeTruthy();
    // logout=yes: end the whole provider session (every relying party), not only this client's.
    return browser.request(new URL(action!, end), form({ xsrf: xsrf!, logout: 'yes' }));
  }

  it('ends the portal session when the citizen ends her session at the provider', async () => {
    const store = inspectableStore();
    portal.use({ sessionStore: store });
    const { browser } = await login(portal, man.sub);
    const { browser: other } = await login(portal, woman.sub);
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(200);
    const sessions = [...store.sessions.values()];
    // The provider's ID tokens carry sid now, and the session keeps it.
    for (const s of sessions) expect(s.providerSid).toBe(decodeJwt(s.idToken!).sid);
    const mine = sessions.find((s) => s.identity.sub === man.sub)!;

    const confirmed = await logoutAtProvider(browser);
    expect(confirmed.status).toBeLessThan(400);
    // The provider waits for the deliveries before it answers the confirmation.
    expect(portal.op.backchannelDeliveries).toEqual([
      { clientId: portal.op.clients.basic.clientId, accountId: man.sub, sid: mine.providerSid, ok: true },
    ]);
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(401);
    expect(store.sessions.size).toBe(1);
    // Another citizen's session (another provider session) is untouched.
    expect((await other.request(`${portal.origin}/auth/me`)).status).toBe(200);
  });

  it('works on the default store too, and the provider sees a refused delivery when the portal has no store', async () => {
    portal.use();
    const { browser } = await login(portal, man.sub);
    await logoutAtProvider(browser);
    expect(portal.op.backchannelDeliveries.at(-1)?.ok).toBe(true);
    expect((await browser.request(`${portal.origin}/auth/me`)).status).toBe(401);

    portal.use({ sessionStore: 'stateless' });
    const { browser: stateless } = await login(portal, woman.sub);
    await logoutAtProvider(stateless);
    const last = portal.op.backchannelDeliveries.at(-1);
    expect(last?.ok).toBe(false);
    expect(last?.error).toMatch(/501/);
    // The documented limit of the stateless mode: the session goes on.
    expect((await stateless.request(`${portal.origin}/auth/me`)).status).toBe(200);
  });
});
