import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  startTestOidcProvider,
  TestBrowser,
  type TestOidcProvider,
  testEidAccounts,
} from '@cancuoc/testkit/oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Portal, startPortal } from '../src/portal.js';

const [citizen] = testEidAccounts as [(typeof testEidAccounts)[0]];
let op: TestOidcProvider;
let portal: Portal;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  // The provider must know the portal's callback and the portal the provider's issuer: pick the
  // portal's port first, register it at the provider, then start the portal on it.
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  op = await startTestOidcProvider({
    discovery: false,
    redirectUris: [`${publicUrl}/auth/callback`],
    postLogoutRedirectUris: [`${publicUrl}/`],
  });
  portal = await startPortal({
    provider: { preset: 'dvcqg', baseUrl: op.issuer, issuer: op.issuer, allowInsecureRequests: true },
    clientId: op.clients.basic.clientId,
    clientSecret: op.clients.basic.clientSecret ?? '',
    publicUrl,
    sessionSecret: 'portal test secret, at least 32 bytes long',
    port,
  });
});

afterAll(async () => {
  await portal?.close();
  await op?.close();
});

describe('example portal', () => {
  it('offers the VNeID login to an anonymous visitor', async () => {
    const response = await fetch(`${portal.url}/`);
    expect(await response.text()).toContain('Đăng nhập bằng VNeID');
  });

  it('logs a citizen in through the provider and greets them with the masked ID', async () => {
    const browser = new TestBrowser();
    const home = await browser.follow(`${portal.url}/`);
    expect(await home.response?.text()).toContain('/auth/login');
    const result = await browser.follow(`${portal.url}/auth/login`, { account: citizen.sub });
    expect(result.url.href).toBe(`${portal.url}/`);
    const html = await result.response?.text();
    expect(html).toContain(`Xin chào, ${citizen.fullName}`);
    expect(html).toContain('001******234');
    expect(html).not.toContain(citizen.personalId);
    expect(html).toContain('15/05/1999');

    const form = await (await browser.request(`${portal.url}/`)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    expect(form).toContain('action="/auth/logout"');
    const logout = await browser.request(`${portal.url}/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf }),
    });
    expect(logout.status).toBe(303);
    expect(new URL(logout.headers.get('location') ?? '').pathname).toBe('/oidc/logout');
    expect(await (await browser.request(`${portal.url}/`)).text()).toContain('Đăng nhập bằng VNeID');
  });
});
