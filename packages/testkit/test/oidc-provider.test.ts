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

describe('startTestOidcProvider options and faults', () => {
  it('hides discovery when asked, like the national portal', async () => {
    const bare = await startTestOidcProvider({ discovery: false });
    try {
      expect((await fetch(`${bare.issuer}/.well-known/openid-configuration`)).status).toBe(404);
      expect((await fetch(bare.endpoints.jwks)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('serves a JWKS that follows rotations, and injects JWKS faults', async () => {
    const before = op.jwks().keys.map((k) => k.kid);
    const kid = await op.rotateKeys();
    expect(op.currentKid()).toBe(kid);
    const served = (await (await fetch(op.endpoints.jwks)).json()) as { keys: { kid: string }[] };
    expect(served.keys.map((k) => k.kid)).toEqual([...before, kid]);
    op.faults.jwks = 'down';
    expect((await fetch(op.endpoints.jwks)).status).toBe(503);
    op.faults.jwks = undefined;
  });

  it('signs tokens with the current key and default ID-token claims', async () => {
    const token = await op.signToken({ nonce: 'n' });
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'RS256', kid: op.currentKid() });
    expect(payload).toMatchObject({
      iss: op.issuer,
      aud: op.clients.basic.clientId,
      nonce: 'n',
      acr: 'LoA1',
    });
    expect(payload.exp - payload.iat).toBe(300);
  });

  it('cancels a login when the browser asks to deny', async () => {
    const url = new URL(op.endpoints.authorization);
    url.search = new URLSearchParams({
      client_id: op.clients.basic.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid',
      state: 's2',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).toString();
    const result = await new TestBrowser().follow(url, {
      deny: true,
      stopAt: (u) => u.href.startsWith(redirectUri),
    });
    expect(result.url.searchParams.get('error')).toBe('access_denied');
    expect(result.url.searchParams.get('state')).toBe('s2');
  });
});

describe('startTestOidcProvider with backchannelLogoutUri', () => {
  it('puts sid in ID tokens and POSTs a logout token when the session ends at the provider', async () => {
    const { createServer } = await import('node:http');
    const { createHash } = await import('node:crypto');
    const received: string[] = [];
    const rp = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        received.push(new URLSearchParams(body).get('logout_token') ?? '');
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => rp.listen(0, '127.0.0.1', resolve));
    const rpOrigin = `http://127.0.0.1:${(rp.address() as { port: number }).port}`;
    const bc = await startTestOidcProvider({
      redirectUris: [`${rpOrigin}/callback`],
      backchannelLogoutUri: `${rpOrigin}/backchannel-logout`,
    });
    const decode = (jwt: string) =>
      JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    try {
      const verifier = 'a-code-verifier-of-at-least-forty-three-characters-long';
      const url = new URL(bc.endpoints.authorization);
      url.search = new URLSearchParams({
        client_id: bc.clients.basic.clientId,
        redirect_uri: `${rpOrigin}/callback`,
        response_type: 'code',
        scope: 'openid',
        nonce: 'n',
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString();
      const browser = new TestBrowser();
      const account = testEidAccounts[0]!.sub;
      const { url: callback } = await browser.follow(url, { account, stopAt: (u) => u.origin === rpOrigin });
      const basic = Buffer.from(`${bc.clients.basic.clientId}:${bc.clients.basic.clientSecret}`).toString(
        'base64',
      );
      const tokens = (await (
        await fetch(bc.endpoints.token, {
          method: 'POST',
          headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code: callback.searchParams.get('code') ?? '',
            redirect_uri: `${rpOrigin}/callback`,
            code_verifier: verifier,
          }),
        })
      ).json()) as { id_token: string };
      const sid = decode(tokens.id_token).sid;
      expect(sid).toMatch(/.+/);

      const end = new URL(bc.endpoints.endSession);
      end.searchParams.set('client_id', bc.clients.basic.clientId);
      const page = await (await browser.request(end)).text();
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
      await browser.request(`${bc.issuer}/oidc/logout/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ xsrf, logout: 'yes' }),
      });
      expect(received).toHaveLength(1);
      expect(decode(received[0]!)).toMatchObject({
        iss: bc.issuer,
        aud: bc.clients.basic.clientId,
        sub: account,
        sid,
        events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
      });
      expect(bc.backchannelDeliveries).toEqual([
        { clientId: bc.clients.basic.clientId, accountId: account, sid, ok: true },
      ]);
    } finally {
      await bc.close();
      rp.closeAllConnections();
      await new Promise<void>((resolve) => rp.close(() => resolve()));
    }
  });
});
