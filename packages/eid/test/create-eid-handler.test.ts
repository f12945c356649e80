import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  startTestOidcProvider,
  TestBrowser,
  type TestOidcProvider,
  testEidAccounts,
} from '@cancuoc/testkit/oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEidHandler, type EidHandler } from '../src/handler/index.js';
import { createEidClient } from '../src/index.js';
import { toNodeListener } from '../src/node/index.js';

const [man, woman] = testEidAccounts as [(typeof testEidAccounts)[0], (typeof testEidAccounts)[0]];
const secret = 'test-only secret of at least 32 bytes!!';

let op: TestOidcProvider;
let portal: Server;
let origin: string;
let eid: EidHandler;

beforeAll(async () => {
  portal = createServer();
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  op = await startTestOidcProvider({
    redirectUris: [`${origin}/auth/callback`],
    postLogoutRedirectUris: [`${origin}/`],
  });
  const client = createEidClient({
    issuer: op.issuer,
    clientId: op.clients.basic.clientId,
    clientSecret: op.clients.basic.clientSecret!,
    redirectUri: `${origin}/auth/callback`,
    postLogoutRedirectUri: `${origin}/`,
    acrValues: 'LoA1',
    allowInsecureRequests: true,
  });
  eid = createEidHandler({ client, secret });
  const listener = toNodeListener(async (request) => {
    const handled = await eid.handle(request);
    if (handled) return handled;
    const session = await eid.getSession(request);
    return new Response(session ? `Xin chào ${session.identity.fullName}` : 'anonymous', {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  });
  portal.on('request', (req, res) => listener(req, res));
});

afterAll(async () => {
  portal.closeAllConnections();
  await new Promise<void>((resolve) => portal.close(() => resolve()));
  await op.close();
});

async function loggedInBrowser(account: string, returnTo = '/dashboard'): Promise<TestBrowser> {
  const browser = new TestBrowser();
  const result = await browser.follow(`${origin}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, {
    account,
  });
  expect(result.response?.status).toBe(200);
  expect(result.url.pathname).toBe(returnTo);
  return browser;
}

describe('createEidHandler over node:http', () => {
  it('logs a citizen in end to end and greets them by name', async () => {
    const browser = new TestBrowser();
    const result = await browser.follow(`${origin}/auth/login?returnTo=/dashboard`, { account: man.sub });
    expect(result.visited.some((u) => u.startsWith(op.endpoints.authorization))).toBe(true);
    expect(result.visited.some((u) => u.startsWith(`${origin}/auth/callback?`))).toBe(true);
    expect(result.url.href).toBe(`${origin}/dashboard`);
    expect(await result.response?.text()).toBe(`Xin chào ${man.fullName}`);
  });

  it('answers /auth/me with the identity, the ID number masked', async () => {
    const browser = await loggedInBrowser(woman.sub);
    const response = await browser.request(`${origin}/auth/me`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { authenticated: boolean; identity: Record<string, unknown> };
    expect(body.authenticated).toBe(true);
    expect(body.identity.personalId).toBe('079******678');
    expect(body.identity.fullName).toBe(woman.fullName);
    expect(body.identity.sex).toBe('female');
    expect(body.identity.dateOfBirth).toEqual({ year: 2001, month: 11, day: 20 });
  });

  it('keeps the session in a cookie that is encrypted (no personal data readable) and HttpOnly', async () => {
    const browser = await loggedInBrowser(man.sub);
    const cookie = browser.cookies(new URL(origin).host).get('cancuoc_eid');
    expect(cookie?.split('.')).toHaveLength(5);
    expect(cookie!.length).toBeLessThan(4000);
    expect(cookie).not.toContain(man.personalId);
    const decoded = cookie!
      .split('.')
      .map((part) => {
        try {
          return atob(part.replace(/-/g, '+').replace(/_/g, '/'));
        } catch {
          return '';
        }
      })
      .join('');
    expect(decoded).not.toContain(man.personalId);
    expect(decoded).not.toContain('SoDinhDanh');
  });

  it('treats a tampered or foreign session cookie as logged out', async () => {
    const browser = await loggedInBrowser(man.sub);
    const cookie = browser.cookies(new URL(origin).host).get('cancuoc_eid')!;
    // One character in the middle of the ciphertext: every one of its 6 bits is part of the bytes.
    // (Changing the last characters was not always a change: the tag's last character carries
    // 2 bits, and decoders ignore the other 4.)
    const parts = cookie.split('.');
    const body = parts[3] as string;
    const mid = body.length >> 1;
    parts[3] = body.slice(0, mid) + (body[mid] === 'A' ? 'B' : 'A') + body.slice(mid + 1);
    const tampered = await fetch(`${origin}/auth/me`, {
      headers: { cookie: `cancuoc_eid=${parts.join('.')}` },
    });
    expect(tampered.status).toBe(401);
    // The same bytes spelt otherwise (an unused bit of the tag's last character set) are refused too.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const tag = cookie.split('.')[4] as string;
    expect(tag.length % 4).toBe(2);
    const respelt = `${cookie.slice(0, -1)}${alphabet[alphabet.indexOf(cookie.slice(-1)) | 1]}`;
    expect(respelt).not.toBe(cookie);
    const sameBytes = await fetch(`${origin}/auth/me`, { headers: { cookie: `cancuoc_eid=${respelt}` } });
    expect(sameBytes.status).toBe(401);
    expect((await fetch(`${origin}/auth/me`, { headers: { cookie: `cancuoc_eid=${cookie}` } })).status).toBe(
      200,
    );
    const other = createEidHandler({
      client: createEidClient({ issuer: op.issuer, clientId: 'x', redirectUri: 'http://127.0.0.1/cb' }),
      secret: `${secret}-other`,
    });
    const request = new Request(`${origin}/`, { headers: { cookie: `cancuoc_eid=${cookie}` } });
    expect(await other.getSession(request)).toBeUndefined();
    expect(await eid.getSession(request)).toBeDefined();
  });

  it('refuses a callback without the login cookie (state cannot be checked)', async () => {
    const browser = new TestBrowser();
    const result = await browser.follow(`${origin}/auth/login`, {
      account: man.sub,
      stopAt: (u) => u.pathname === '/auth/callback',
    });
    const response = await fetch(result.url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('ERR_EID_SESSION');
  });

  it('refuses a callback carrying another login state (ERR_EID_STATE), in Vietnamese too', async () => {
    const attacker = new TestBrowser();
    const stolen = await attacker.follow(`${origin}/auth/login`, {
      account: woman.sub,
      stopAt: (u) => u.pathname === '/auth/callback',
    });
    const victim = new TestBrowser();
    await victim.follow(`${origin}/auth/login`, { stopAt: (u) => u.origin === op.issuer });
    const response = await victim.request(stolen.url);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('ERR_EID_STATE');
    expect(text).toContain('Đăng nhập không thành công');
  });

  it('shows a cancelled login as a provider error', async () => {
    const browser = new TestBrowser();
    const result = await browser.follow(`${origin}/auth/login`, { deny: true });
    expect(result.response?.status).toBe(400);
    expect(await result.response?.text()).toContain('access_denied');
  });

  it('ignores an open-redirect returnTo', async () => {
    const browser = await loggedInBrowser(man.sub, '/');
    const again = await browser.follow(`${origin}/auth/login?returnTo=//evil.example.test/x`, {
      account: man.sub,
    });
    expect(again.url.origin).toBe(origin);
    expect(again.url.pathname).toBe('/');
  });

  it('logs out: a confirmation page, then a POST clears the cookie and ends the session at the provider', async () => {
    const browser = await loggedInBrowser(man.sub);
    const page = await browser.request(`${origin}/auth/logout`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('method="post"');
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    expect(csrf).toBeDefined();
    expect(browser.cookies(new URL(origin).host).has('cancuoc_eid')).toBe(true);
    const response = await browser.request(`${origin}/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: csrf! }),
    });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(op.endpoints.endSession);
    expect(location.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(browser.cookies(new URL(origin).host).has('cancuoc_eid')).toBe(false);
    expect((await browser.request(`${origin}/auth/me`)).status).toBe(401);
  });

  it('passes other paths through and rejects a short secret', async () => {
    expect(await eid.handle(new Request(`${origin}/other`))).toBeUndefined();
    expect(await eid.handle(new Request(`${origin}/auth/unknown`))).toBeUndefined();
    const weak = createEidHandler({
      client: createEidClient({ issuer: op.issuer, clientId: 'x', redirectUri: 'http://127.0.0.1/cb' }),
      secret: 'short',
    });
    await expect(weak.handle(new Request(`${origin}/auth/me`))).rejects.toThrow(RangeError);
  });
});
