import { isCancuocError } from '@cancuoc/core';
import {
  startTestOidcProvider,
  TestBrowser,
  type TestOidcClient,
  type TestOidcProvider,
  testEidAccounts,
} from '@cancuoc/testkit/oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEidClient, type EidClientOptions } from '../src/index.js';

const redirectUri = 'http://127.0.0.1:9/callback';
const postLogoutRedirectUri = 'http://127.0.0.1:9/bye';
const [man, woman] = testEidAccounts as [(typeof testEidAccounts)[0], (typeof testEidAccounts)[0]];

let op: TestOidcProvider;
beforeAll(async () => {
  op = await startTestOidcProvider({
    redirectUris: [redirectUri],
    postLogoutRedirectUris: [postLogoutRedirectUri],
  });
});
afterAll(async () => {
  await op.close();
});

function clientOptions(c: TestOidcClient = op.clients.basic): EidClientOptions {
  return {
    issuer: op.issuer,
    clientId: c.clientId,
    ...(c.clientSecret ? { clientSecret: c.clientSecret } : {}),
    ...(c.privateKey ? { privateKey: c.privateKey } : {}),
    clientAuth: c.tokenEndpointAuthMethod,
    redirectUri,
    postLogoutRedirectUri,
    acrValues: 'LoA1',
    allowInsecureRequests: true,
  };
}

/** Runs the browser part of a login and returns the callback URL the provider redirected to. */
async function loginAt(
  url: URL,
  options: { account?: string; acr?: string; deny?: boolean } = {},
): Promise<URL> {
  const browser = new TestBrowser();
  const result = await browser.follow(url, { ...options, stopAt: (u) => u.href.startsWith(redirectUri) });
  return result.url;
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isCancuocError(error), `expected ${code}, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
}

describe('createEidClient: full login against a real OpenID provider', () => {
  it('builds an authorization URL with state, nonce, PKCE S256, scope and acr_values', async () => {
    const client = createEidClient(clientOptions());
    const { url, loginState } = await client.authorizationUrl();
    expect(url.origin + url.pathname).toBe(op.endpoints.authorization);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('state')).toBe(loginState.state);
    expect(url.searchParams.get('nonce')).toBe(loginState.nonce);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('code_challenge')).not.toBe(loginState.codeVerifier);
    expect(url.searchParams.get('scope')).toBe('openid');
    expect(url.searchParams.get('acr_values')).toBe('LoA1');
    const second = await client.authorizationUrl();
    expect(second.loginState.state).not.toBe(loginState.state);
    expect(second.loginState.nonce).not.toBe(loginState.nonce);
  });

  it('logs in with discovery and client_secret_basic, mapping the national claims from userinfo', async () => {
    const client = createEidClient(clientOptions());
    const { url, loginState } = await client.authorizationUrl();
    const callback = await loginAt(url, { account: man.sub });
    const result = await client.handleCallback(callback, loginState);
    expect(result.identity.sub).toBe(man.sub);
    expect(result.identity.personalId).toBe(man.personalId);
    expect(result.identity.fullName).toBe(man.fullName);
    expect(result.identity.dateOfBirth).toEqual({ year: 1999, month: 5, day: 15 });
    expect(result.identity.accountType).toBe('1');
    expect(result.identity.loginIdp).toBe('BCA');
    expect(result.identity.acr).toBe('LoA1');
    expect(result.identity.issuer).toBe(op.issuer);
    expect(result.userinfo?.SoDinhDanh).toBe(man.personalId);
    // The provider keeps the national claims out of the ID token, as the real portal does.
    const idPayload = JSON.parse(
      atob(result.tokens.idToken!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')),
    );
    expect(idPayload.SoDinhDanh).toBeUndefined();
    expect(result.tokens.accessToken.length).toBeGreaterThan(10);
  });

  it('logs in without discovery from the dvcqg preset paths on another base URL', async () => {
    const noDiscovery = await startTestOidcProvider({ discovery: false, redirectUris: [redirectUri] });
    try {
      const wellKnown = await fetch(`${noDiscovery.issuer}/.well-known/openid-configuration`);
      expect(wellKnown.status).toBe(404);
      const client = createEidClient({
        preset: 'dvcqg',
        baseUrl: noDiscovery.issuer,
        issuer: noDiscovery.issuer,
        endpoints: { endSession: noDiscovery.endpoints.endSession },
        clientId: noDiscovery.clients.basic.clientId,
        clientSecret: noDiscovery.clients.basic.clientSecret!,
        redirectUri,
        allowInsecureRequests: true,
      });
      const { url, loginState } = await client.authorizationUrl();
      expect(url.pathname).toBe('/oauth2/authorize');
      const callback = await loginAt(url, { account: woman.sub });
      const { identity } = await client.handleCallback(callback, loginState);
      expect(identity.personalId).toBe(woman.personalId);
      expect(identity.dateOfBirth).toEqual({ year: 2001, month: 11, day: 20 });
    } finally {
      await noDiscovery.close();
    }
  });

  it('logs in with explicit endpoints and client_secret_post', async () => {
    const client = createEidClient({
      ...clientOptions(op.clients.post),
      endpoints: op.endpoints,
    });
    const { url, loginState } = await client.authorizationUrl();
    const { identity } = await client.handleCallback(await loginAt(url), loginState);
    expect(identity.sub).toBe(man.sub);
  });

  it('logs in with private_key_jwt client authentication', async () => {
    const client = createEidClient(clientOptions(op.clients.privateKeyJwt));
    const { url, loginState } = await client.authorizationUrl();
    const { identity } = await client.handleCallback(await loginAt(url, { account: woman.sub }), loginState);
    expect(identity.sub).toBe(woman.sub);
  });

  it('refreshes tokens and checks the refreshed ID token subject', async () => {
    const client = createEidClient(clientOptions());
    const { url, loginState } = await client.authorizationUrl();
    const { tokens, identity } = await client.handleCallback(await loginAt(url), loginState);
    expect(tokens.refreshToken).toBeDefined();
    const refreshed = await client.refresh(tokens.refreshToken!, { expectedSub: identity.sub });
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    await expectCode(client.refresh('not-a-refresh-token'), 'ERR_EID_TOKEN_RESPONSE');
  });

  it('fetches userinfo for an access token and rejects a subject mismatch', async () => {
    const client = createEidClient(clientOptions());
    const { url, loginState } = await client.authorizationUrl();
    const { tokens } = await client.handleCallback(await loginAt(url), loginState);
    const info = await client.userinfo(tokens.accessToken, man.sub);
    expect(info.HoVaTen).toBe(man.fullName);
    await expectCode(client.userinfo(tokens.accessToken, woman.sub), 'ERR_EID_USERINFO_SUBJECT');
  });

  it('builds an RP-initiated logout URL with id_token_hint that the provider accepts', async () => {
    const client = createEidClient(clientOptions());
    const login = await client.authorizationUrl();
    const { tokens } = await client.handleCallback(await loginAt(login.url), login.loginState);
    const url = await client.logoutUrl({ idTokenHint: tokens.idToken!, state: 'bye' });
    expect(url?.origin + (url?.pathname ?? '')).toBe(op.endpoints.endSession);
    expect(url?.searchParams.get('id_token_hint')).toBe(tokens.idToken);
    expect(url?.searchParams.get('post_logout_redirect_uri')).toBe(postLogoutRedirectUri);
    expect(url?.searchParams.get('client_id')).toBe(op.clients.basic.clientId);
    const logoutPage = await fetch(url!);
    expect(logoutPage.status).toBe(200);
  });
});

describe('createEidClient: security of the callback', () => {
  it('rejects a callback whose state does not match the login (ERR_EID_STATE)', async () => {
    const client = createEidClient(clientOptions());
    const first = await client.authorizationUrl();
    const second = await client.authorizationUrl();
    const callback = await loginAt(first.url);
    await expectCode(client.handleCallback(callback, second.loginState), 'ERR_EID_STATE');
  });

  it('rejects a callback without state (ERR_EID_STATE)', async () => {
    const client = createEidClient(clientOptions());
    const { loginState } = await client.authorizationUrl();
    await expectCode(client.handleCallback(`${redirectUri}?code=abc`, loginState), 'ERR_EID_STATE');
  });

  it('reports a login the citizen cancelled (ERR_EID_PROVIDER_ERROR access_denied)', async () => {
    const client = createEidClient(clientOptions());
    const { url, loginState } = await client.authorizationUrl();
    const callback = await loginAt(url, { deny: true });
    const error = await client.handleCallback(callback, loginState).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('ERR_EID_PROVIDER_ERROR');
    expect((error as { details: { error: string } }).details.error).toBe('access_denied');
  });

  it('refuses a replayed callback: the code cannot be redeemed twice', async () => {
    const client = createEidClient(clientOptions());
    const { url, loginState } = await client.authorizationUrl();
    const callback = await loginAt(url);
    await client.handleCallback(callback, loginState);
    await expectCode(client.handleCallback(callback, loginState), 'ERR_EID_TOKEN_RESPONSE');
  });

  it('refuses a code obtained for another login nonce (nonce mismatch, ERR_EID_NONCE)', async () => {
    const client = createEidClient(clientOptions());
    const { url, loginState } = await client.authorizationUrl();
    const callback = await loginAt(url);
    // An attacker injects their own code into a victim's login: state copied, nonce is the victim's.
    const victim = await client.authorizationUrl();
    const forged = { ...victim.loginState, state: loginState.state, codeVerifier: loginState.codeVerifier };
    await expectCode(client.handleCallback(callback, forged), 'ERR_EID_NONCE');
  });

  it('refuses a login below the required assurance level (ERR_EID_ACR)', async () => {
    const client = createEidClient({ ...clientOptions(), requiredAcr: 'LoA2' });
    const { url, loginState } = await client.authorizationUrl({ acrValues: 'LoA2' });
    await expectCode(client.handleCallback(await loginAt(url, { acr: 'LoA1' }), loginState), 'ERR_EID_ACR');
    const again = await client.authorizationUrl({ acrValues: 'LoA2' });
    const { identity } = await client.handleCallback(
      await loginAt(again.url, { acr: 'LoA2' }),
      again.loginState,
    );
    expect(identity.acr).toBe('LoA2');
  });

  it('refuses userinfo that belongs to someone else (ERR_EID_USERINFO_SUBJECT)', async () => {
    const client = createEidClient(clientOptions());
    const { url, loginState } = await client.authorizationUrl();
    const callback = await loginAt(url, { account: man.sub });
    op.faults.userinfoSub = woman.sub;
    try {
      await expectCode(client.handleCallback(callback, loginState), 'ERR_EID_USERINFO_SUBJECT');
    } finally {
      op.faults.userinfoSub = undefined;
    }
  });

  it('reports malformed JSON from the token endpoint (ERR_EID_TOKEN_RESPONSE)', async () => {
    const client = createEidClient(clientOptions());
    const { url, loginState } = await client.authorizationUrl();
    const callback = await loginAt(url);
    op.faults.tokenMalformed = true;
    try {
      await expectCode(client.handleCallback(callback, loginState), 'ERR_EID_TOKEN_RESPONSE');
    } finally {
      op.faults.tokenMalformed = undefined;
    }
  });

  it('gives up on a token endpoint that never answers, within timeoutMs (ERR_EID_TIMEOUT)', async () => {
    const client = createEidClient({ ...clientOptions(), timeoutMs: 200 });
    const { url, loginState } = await client.authorizationUrl();
    const callback = await loginAt(url);
    op.faults.tokenHang = true;
    try {
      const error = await client.handleCallback(callback, loginState).catch((e: unknown) => e);
      expect((error as { code: string }).code).toBe('ERR_EID_TIMEOUT');
      expect((error as { details: { timeoutMs: number } }).details.timeoutMs).toBe(200);
    } finally {
      op.faults.tokenHang = undefined;
    }
  });

  it('reports malformed JSON from userinfo (ERR_EID_USERINFO)', async () => {
    const client = createEidClient(clientOptions());
    const { url, loginState } = await client.authorizationUrl();
    const callback = await loginAt(url);
    op.faults.userinfoMalformed = true;
    try {
      await expectCode(client.handleCallback(callback, loginState), 'ERR_EID_USERINFO');
    } finally {
      op.faults.userinfoMalformed = undefined;
    }
  });

  it('refuses an expired login state (ERR_EID_SESSION)', async () => {
    const client = createEidClient(clientOptions());
    const { url, loginState } = await client.authorizationUrl();
    const callback = await loginAt(url);
    const old = { ...loginState, createdAt: loginState.createdAt - 3600 };
    await expectCode(client.handleCallback(callback, old), 'ERR_EID_SESSION');
  });

  it('fails discovery of an unreachable provider with a coded error', async () => {
    const client = createEidClient({ ...clientOptions(), issuer: 'http://127.0.0.1:9' });
    await expectCode(client.authorizationUrl(), 'ERR_EID_NETWORK');
  });

  it('refuses plain http to a non-loopback provider even when asked', async () => {
    const client = createEidClient({ ...clientOptions(), issuer: 'http://idp.example.test' });
    await expect(client.authorizationUrl()).rejects.toThrow(RangeError);
  });

  it('uses an injected fetch for every request to the provider', async () => {
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(new URL(input instanceof Request ? input.url : input).pathname);
      return fetch(input, init);
    };
    const client = createEidClient({ ...clientOptions(), fetch: spy });
    const { url, loginState } = await client.authorizationUrl();
    await client.handleCallback(await loginAt(url), loginState);
    expect(seen).toEqual(
      expect.arrayContaining([
        '/.well-known/openid-configuration',
        '/oauth2/token',
        '/oauth2/jwks',
        '/oauth2/userinfo',
      ]),
    );
  });
});
