import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestOidcProvider,
  TestBrowser,
  type TestOidcProvider,
  testEidAccounts,
} from '../src/oidc/index.js';

const redirectUri = 'http://127.0.0.1:9/callback';
let op: TestOidcProvider;
beforeAll(async () => {
  op = await startTestOidcProvider({ redirectUris: [redirectUri] });
});
afterAll(async () => {
  await op.close();
});

describe('startTestOidcProvider', () => {
  it('serves discovery with the national portal paths and RS256', async () => {
    const res = await fetch(`${op.issuer}/.well-known/openid-configuration`);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(op.issuer);
    expect(doc.authorization_endpoint).toBe(op.endpoints.authorization);
    expect(doc.id_token_signing_alg_values_supported).toContain('RS256');
  });

  it('drives a login to the callback with a code', async () => {
    const url = new URL(op.endpoints.authorization);
    url.search = new URLSearchParams({
      client_id: op.clients.basic.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid',
      state: 's1',
      nonce: 'n1',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).toString();
    const browser = new TestBrowser();
    const result = await browser.follow(url, {
      account: testEidAccounts[1]!.sub,
      stopAt: (u) => u.href.startsWith(redirectUri),
    });
    expect(result.url.searchParams.get('state')).toBe('s1');
    expect(result.url.searchParams.get('code')).toMatch(/.+/);
  });
});
