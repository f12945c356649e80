/**
 * The handler in headless Chromium, where the browser's own URL and cookie rules decide: an https
 * portal on `www.portal.test`, a sibling `evil.portal.test` (same site) and a cross-site
 * `attacker.example`, all mapped to loopback by Chromium's host resolver. Skipped with a
 * message when Chromium or openssl is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toBase64 } from '@cancuoc/core';
import { CHROMIUM_PATH, chromiumSkipReason } from '@cancuoc/testkit/browser';
import { startTestOidcProvider, type TestOidcProvider, testEidAccounts } from '@cancuoc/testkit/oidc';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEidHandler,
  createMemorySessionStore,
  type EidHandler,
  type EidHandlerOptions,
} from '../src/handler/index.js';
import { deriveKeyRing, sealCookie } from '../src/handler/session-cookie.js';
import { createEidClient, type EidClient } from '../src/index.js';
import { toNodeListener } from '../src/node/index.js';

const SECRET = 'browser test secret, at least 32 bytes';
const [man, woman] = testEidAccounts as [(typeof testEidAccounts)[0], (typeof testEidAccounts)[0]];

function opensslSkipReason(): string | undefined {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'browser test skipped: openssl not found (it makes the test TLS certificate)';
  }
}
const skip = chromiumSkipReason() ?? opensslSkipReason();
if (skip) console.warn(skip);

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe.skipIf(skip !== undefined)('the handler in headless Chromium', () => {
  let dir: string;
  let browser: Browser;
  let op: TestOidcProvider;
  let portalServer: Server;
  let evilServer: Server;
  let origin: string;
  let evilPort: number;
  let client: EidClient;
  let eid: EidHandler;
  const store = createMemorySessionStore();
  const use = (options: Partial<EidHandlerOptions> = {}) => {
    eid = createEidHandler({ client, secret: SECRET, sessionStore: store, ...options });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cancuoc-eid-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=portal.test',
        '-addext',
        'subjectAltName=DNS:portal.test,DNS:*.portal.test,DNS:attacker.example',
      ],
      { stdio: 'ignore' },
    );
    const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };

    portalServer = createServer(tls);
    const port = await listen(portalServer);
    origin = `https://www.portal.test:${port}`;
    op = await startTestOidcProvider({
      redirectUris: [`${origin}/auth/callback`],
      postLogoutRedirectUris: [`${origin}/`],
    });
    client = createEidClient({
      issuer: op.issuer,
      clientId: op.clients.basic.clientId,
      clientSecret: op.clients.basic.clientSecret ?? '',
      redirectUri: `${origin}/auth/callback`,
      postLogoutRedirectUri: `${origin}/`,
      allowInsecureRequests: true,
    });
    use();
    const listener = toNodeListener(async (request) => {
      const handled = await eid.handle(request);
      if (handled) return handled;
      const session = await eid.getSession(request);
      return new Response(
        `<!doctype html><title>portal</title><p id="who">${session?.identity.sub ?? 'anonymous'}</p>`,
        {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        },
      );
    });
    portalServer.on('request', (req, res) => listener(req, res));

    // The other sites: /toss plants a cookie for the parent domain, /csrf posts a logout form.
    evilServer = createServer(tls, (req, res) => {
      const url = new URL(req.url ?? '/', 'https://evil');
      if (url.pathname === '/toss') {
        const name = url.searchParams.get('name') ?? '';
        res.setHeader(
          'set-cookie',
          `${name}=${url.searchParams.get('value')}; Domain=portal.test; Path=/; Secure; SameSite=Lax`,
        );
        res.end('planted');
        return;
      }
      res.setHeader('content-type', 'text/html');
      res.end(
        `<form id="f" method="post" action="${origin}/auth/logout"><input name="x" value="1"></form>` +
          '<script>document.getElementById("f").submit()</script>',
      );
    });
    evilPort = await listen(evilServer);

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--host-resolver-rules=MAP www.portal.test 127.0.0.1, MAP evil.portal.test 127.0.0.1, MAP attacker.example 127.0.0.1',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of [portalServer, evilServer]) {
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
    }
    await op?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The attacker's own valid session cookie for the portal (as if she had logged in as herself
   * in her own browser): a session in the portal's store, sealed with the portal's secret.
   */
  async function attackerCookie(sub: string): Promise<string> {
    const ref = toBase64(crypto.getRandomValues(new Uint8Array(32)), { url: true });
    const key = toBase64(
      new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(ref))),
      { url: true },
    );
    const t = Math.floor(Date.now() / 1000);
    await store.set(
      key,
      { identity: { sub, issuer: op.issuer }, createdAt: t, lastSeenAt: t, expiresAt: t + 600 },
      600,
    );
    const { cookies } = await deriveKeyRing(SECRET);
    return sealCookie(cookies[0]!, 'cancuoc-eid-session', { ref }, 600);
  }

  /** A fresh browser profile logged in as the provider's first account (its login page completes by itself). */
  async function loggedIn(account: string): Promise<BrowserContext> {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(`${origin}/auth/login`);
    await page.waitForURL(`${origin}/`);
    expect(await page.textContent('#who')).toBe(account);
    await page.close();
    return context;
  }

  async function who(context: BrowserContext): Promise<string | null> {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const text = await page.textContent('#who');
    await page.close();
    return text;
  }

  it('refuses returnTo=/%09/evil.example at /auth/login: the browser never leaves the portal', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const seen: string[] = [];
    page.on('request', (r) => seen.push(r.url()));
    for (const value of ['/%09/evil.example', '/%09%5Cevil.example', '/%0D%0A/evil.example']) {
      const response = await page.goto(`${origin}/auth/login?returnTo=${value}`);
      expect(response?.status()).toBe(400);
      expect(new URL(page.url()).origin).toBe(origin);
    }
    expect(seen.some((u) => new URL(u).hostname.includes('evil'))).toBe(false);
    await context.close();
  });

  it('lands on the portal after a real login for returnTo values the browser would read as another host', async () => {
    const context = await loggedIn(man.sub);
    const page = await context.newPage();
    const seen: string[] = [];
    page.on('request', (r) => seen.push(r.url()));
    for (const value of ['%5C%5Cevil.example', '/%5C%5Cevil.example', '/.//evil.example', '//evil.example']) {
      await page.goto(`${origin}/auth/login?returnTo=${value}`);
      await page.waitForLoadState();
      expect(new URL(page.url()).hostname).toBe('www.portal.test');
    }
    await page.goto(`${origin}/auth/login?returnTo=${encodeURIComponent('/dashboard?x=1')}`);
    await page.waitForURL(`${origin}/dashboard?x=1`);
    expect(seen.some((u) => new URL(u).hostname === 'evil.example')).toBe(false);
    await context.close();
  });

  it('is immune to cookie tossing with the default __Host- name: the sibling cannot plant one', async () => {
    const planted = await attackerCookie(woman.sub);
    const victim = await loggedIn(man.sub);
    const own = (await victim.cookies(origin)).find((c) => c.name === '__Host-cancuoc_eid');
    expect(own?.path).toBe('/');
    expect(own?.secure).toBe(true);
    const page = await victim.newPage();
    await page.goto(`https://evil.portal.test:${evilPort}/toss?name=__Host-cancuoc_eid&value=${planted}`);
    expect((await victim.cookies(origin)).filter((c) => c.name === '__Host-cancuoc_eid')).toHaveLength(1);
    expect(await who(victim)).toBe(man.sub);
    // The same cookie, sent alone, is a valid session: only the browser's __Host- rule stopped it.
    const alone = await browser.newContext({ ignoreHTTPSErrors: true });
    await alone.addCookies([{ name: '__Host-cancuoc_eid', value: planted, url: origin, secure: true }]);
    expect(await who(alone)).toBe(woman.sub);
    await Promise.all([alone.close(), victim.close()]);
  });

  it('treats a tossed duplicate of an unprefixed cookie as no session, never as the planted one', async () => {
    use({ cookieName: 'cancuoc_eid' });
    try {
      const planted = await attackerCookie(woman.sub);
      const victim = await loggedIn(man.sub);
      const page = await victim.newPage();
      await page.goto(`https://evil.portal.test:${evilPort}/toss?name=cancuoc_eid&value=${planted}`);
      expect((await victim.cookies(origin)).filter((c) => c.name === 'cancuoc_eid')).toHaveLength(2);
      expect(await who(victim)).toBe('anonymous');
      await victim.close();
    } finally {
      use();
    }
  });

  it('keeps the citizen logged in when a cross-site or sibling page posts a logout form, or links to it', async () => {
    const victim = await loggedIn(man.sub);
    const page = await victim.newPage();
    for (const site of [
      `https://attacker.example:${evilPort}/csrf`,
      `https://evil.portal.test:${evilPort}/csrf`,
    ]) {
      const posted = page.waitForResponse(
        (r) => r.url() === `${origin}/auth/logout` && r.request().method() === 'POST',
      );
      await page.goto(site);
      expect((await posted).status()).toBe(403);
      expect(await who(victim)).toBe(man.sub);
    }
    await page.goto(`${origin}/auth/logout`, { referer: `https://attacker.example:${evilPort}/` });
    expect(await page.textContent('h1')).toBe('Đăng xuất?');
    expect(await who(victim)).toBe(man.sub);

    // The citizen's own click on the confirmation page logs her out.
    const posted = page.waitForResponse(
      (r) => r.url() === `${origin}/auth/logout` && r.request().method() === 'POST',
    );
    await page.click('button[type=submit]');
    expect((await posted).status()).toBe(303);
    expect(await who(victim)).toBe('anonymous');
    await victim.close();
  });
});
