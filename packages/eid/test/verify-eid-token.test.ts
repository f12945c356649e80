import { isCancuocError, utf8Encode } from '@cancuoc/core';
import { startTestOidcProvider, type TestOidcProvider, testEidAccounts } from '@cancuoc/testkit/oidc';
import { base64url, CompactSign, exportSPKI, generateKeyPair, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEidKeySet, type VerifyEidTokenOptions, verifyEidToken } from '../src/index.js';

const [man] = testEidAccounts as [(typeof testEidAccounts)[0]];
let op: TestOidcProvider;
beforeAll(async () => {
  op = await startTestOidcProvider();
});
afterAll(async () => {
  await op.close();
});

/** Options for a fresh key set, so that no test sees another's cached keys. */
function opts(extra: Partial<VerifyEidTokenOptions> = {}): VerifyEidTokenOptions {
  return {
    issuer: op.issuer,
    audience: op.clients.basic.clientId,
    jwks: createEidKeySet(op.endpoints.jwks, { timeoutMs: 2000 }),
    ...extra,
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCancuocError(error)) throw new Error(`expected a CancuocError, got ${String(error)}`);
  return error.code;
}

const now = () => Math.floor(Date.now() / 1000);

describe('verifyEidToken: accepts what the provider really signs', () => {
  it('verifies a provider-signed token and maps the national claims it carries', async () => {
    const token = await op.signToken({
      SoDinhDanh: man.personalId,
      HoVaTen: man.fullName,
      NgayThangNamSinh: man.dateOfBirth,
      LoaiTaiKhoan: '1',
      loginIdp: 'BCA',
      nonce: 'n-1',
    });
    const identity = await verifyEidToken(token, opts({ nonce: 'n-1', requiredAcr: 'LoA1' }));
    expect(identity.sub).toBe(man.sub);
    expect(identity.personalId).toBe(man.personalId);
    expect(identity.fullName).toBe(man.fullName);
    expect(identity.dateOfBirth).toEqual({ year: 1999, month: 5, day: 15 });
    expect(identity.sex).toBe('male');
    expect(identity.acr).toBe('LoA1');
    expect(identity.claims.nonce).toBe('n-1');
    expect(identity.expiresAt).toBeInstanceOf(Date);
  });

  it('takes the national claims from userinfo when the token lacks them', async () => {
    const token = await op.signToken();
    const userinfo = {
      sub: man.sub,
      SoDinhDanh: man.personalId,
      HoVaTen: man.fullName,
      NgayThangNamSinh: man.dateOfBirth,
    };
    const identity = await verifyEidToken(token, opts({ userinfo }));
    expect(identity.personalId).toBe(man.personalId);
    expect(identity.dateOfBirth).toEqual({ year: 1999, month: 5, day: 15 });
  });

  it('accepts a fixed JWKS object and a cached jwksUri', async () => {
    const token = await op.signToken();
    expect((await verifyEidToken(token, opts({ jwks: op.jwks() }))).sub).toBe(man.sub);
    const { jwks: _, ...rest } = opts();
    const before = op.requestCounts.get('/oauth2/jwks') ?? 0;
    await verifyEidToken(token, { ...rest, jwksUri: op.endpoints.jwks });
    await verifyEidToken(token, { ...rest, jwksUri: op.endpoints.jwks });
    expect(op.requestCounts.get('/oauth2/jwks')).toBe(before + 1);
  });
});

describe('verifyEidToken: each security check is its own case', () => {
  it('rejects alg "none" (ERR_EID_ALGORITHM)', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = base64url.encode(
      JSON.stringify({
        iss: op.issuer,
        aud: op.clients.basic.clientId,
        sub: man.sub,
        iat: now(),
        exp: now() + 60,
      }),
    );
    expect(await codeOf(verifyEidToken(`${header}.${payload}.`, opts()))).toBe('ERR_EID_ALGORITHM');
  });

  it('rejects HS256 signed with the provider public key as the secret (ERR_EID_ALGORITHM)', async () => {
    const publicKey = await importJWK(op.jwks().keys[0]!, 'RS256');
    const pem = await exportSPKI(publicKey as CryptoKey);
    const token = await new SignJWT({ iss: op.issuer, aud: op.clients.basic.clientId, sub: man.sub })
      .setProtectedHeader({ alg: 'HS256', kid: op.currentKid() })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(utf8Encode(pem));
    expect(await codeOf(verifyEidToken(token, opts()))).toBe('ERR_EID_ALGORITHM');
  });

  it('refuses to be configured with an HMAC or none algorithm', async () => {
    const token = await op.signToken();
    await expect(verifyEidToken(token, opts({ algorithms: ['HS256' as never] }))).rejects.toThrow(RangeError);
    await expect(verifyEidToken(token, opts({ algorithms: ['none' as never] }))).rejects.toThrow(RangeError);
  });

  it('rejects an RS512 token when only RS256 is allowed (ERR_EID_ALGORITHM)', async () => {
    const { privateKey } = await generateKeyPair('RS512');
    const token = await op.signToken({}, { header: { alg: 'RS512' }, key: privateKey });
    expect(await codeOf(verifyEidToken(token, opts()))).toBe('ERR_EID_ALGORITHM');
  });

  it('rejects an unknown kid (ERR_EID_KEY_NOT_FOUND)', async () => {
    const token = await op.signToken({}, { header: { kid: 'no-such-key' } });
    expect(await codeOf(verifyEidToken(token, opts()))).toBe('ERR_EID_KEY_NOT_FOUND');
  });

  it('rejects a token without kid by default (ERR_EID_KEY_NOT_FOUND), accepts it when allowed', async () => {
    const token = await op.signToken({}, { header: { kid: undefined } });
    expect(await codeOf(verifyEidToken(token, opts()))).toBe('ERR_EID_KEY_NOT_FOUND');
    expect((await verifyEidToken(token, opts({ requireKid: false }))).sub).toBe(man.sub);
  });

  it('rejects a token signed by another key under the provider kid (ERR_EID_SIGNATURE)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await op.signToken({}, { key: privateKey });
    expect(await codeOf(verifyEidToken(token, opts()))).toBe('ERR_EID_SIGNATURE');
  });

  it('rejects a tampered payload (ERR_EID_SIGNATURE)', async () => {
    const token = await op.signToken({ SoDinhDanh: man.personalId });
    const [h, p, s] = token.split('.') as [string, string, string];
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(p)));
    claims.SoDinhDanh = '079301005678';
    const forged = `${h}.${base64url.encode(JSON.stringify(claims))}.${s}`;
    expect(await codeOf(verifyEidToken(forged, opts()))).toBe('ERR_EID_SIGNATURE');
  });

  it('rejects an expired token (ERR_EID_EXPIRED) but tolerates bounded skew', async () => {
    const expired = await op.signToken({ iat: now() - 600, exp: now() - 120 });
    expect(await codeOf(verifyEidToken(expired, opts()))).toBe('ERR_EID_EXPIRED');
    const justExpired = await op.signToken({ iat: now() - 600, exp: now() - 30 });
    expect((await verifyEidToken(justExpired, opts({ clockToleranceSec: 60 }))).sub).toBe(man.sub);
    expect(await codeOf(verifyEidToken(justExpired, opts({ clockToleranceSec: 0 })))).toBe('ERR_EID_EXPIRED');
    await expect(verifyEidToken(justExpired, opts({ clockToleranceSec: 3600 }))).rejects.toThrow(RangeError);
  });

  it('rejects a token that is not valid yet (ERR_EID_NOT_YET_VALID)', async () => {
    const token = await op.signToken({ nbf: now() + 600 });
    expect(await codeOf(verifyEidToken(token, opts()))).toBe('ERR_EID_NOT_YET_VALID');
  });

  it('rejects a token issued in the future or too long ago (ERR_EID_ISSUED_AT)', async () => {
    const future = await op.signToken({ iat: now() + 600, exp: now() + 900 });
    expect(await codeOf(verifyEidToken(future, opts()))).toBe('ERR_EID_ISSUED_AT');
    const old = await op.signToken({ iat: now() - 7200, exp: now() + 60 });
    expect(await codeOf(verifyEidToken(old, opts({ maxAgeSec: 3600 })))).toBe('ERR_EID_ISSUED_AT');
  });

  it('rejects a token without exp (ERR_EID_CLAIMS)', async () => {
    const token = await op.signToken({ exp: undefined });
    expect(await codeOf(verifyEidToken(token, opts()))).toBe('ERR_EID_CLAIMS');
  });

  it('rejects a wrong issuer (ERR_EID_ISSUER)', async () => {
    const token = await op.signToken({ iss: 'https://evil.example.test' });
    expect(await codeOf(verifyEidToken(token, opts()))).toBe('ERR_EID_ISSUER');
  });

  it('rejects a token for another client (ERR_EID_AUDIENCE)', async () => {
    const token = await op.signToken({ aud: 'another-portal' });
    expect(await codeOf(verifyEidToken(token, opts()))).toBe('ERR_EID_AUDIENCE');
  });

  it('rejects a foreign azp and several audiences without azp (ERR_EID_AZP)', async () => {
    const foreign = await op.signToken({ azp: 'another-portal' });
    expect(await codeOf(verifyEidToken(foreign, opts()))).toBe('ERR_EID_AZP');
    const shared = await op.signToken({ aud: [op.clients.basic.clientId, 'another-portal'] });
    expect(await codeOf(verifyEidToken(shared, opts()))).toBe('ERR_EID_AZP');
    const ours = await op.signToken({
      aud: [op.clients.basic.clientId, 'x'],
      azp: op.clients.basic.clientId,
    });
    expect((await verifyEidToken(ours, opts())).sub).toBe(man.sub);
  });

  it('rejects a nonce mismatch or a replayed token from another login (ERR_EID_NONCE)', async () => {
    const token = await op.signToken({ nonce: 'login-1' });
    expect(await codeOf(verifyEidToken(token, opts({ nonce: 'login-2' })))).toBe('ERR_EID_NONCE');
    const noNonce = await op.signToken();
    expect(await codeOf(verifyEidToken(noNonce, opts({ nonce: 'login-2' })))).toBe('ERR_EID_NONCE');
  });

  it('checks at_hash against the access token when present (ERR_EID_AT_HASH)', async () => {
    const accessToken = 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y';
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', utf8Encode(accessToken) as Uint8Array<ArrayBuffer>),
    );
    const atHash = base64url.encode(digest.slice(0, 16));
    const token = await op.signToken({ at_hash: atHash });
    expect((await verifyEidToken(token, opts({ accessToken }))).sub).toBe(man.sub);
    expect(await codeOf(verifyEidToken(token, opts({ accessToken: `${accessToken}x` })))).toBe(
      'ERR_EID_AT_HASH',
    );
  });

  it('enforces the minimum assurance level (ERR_EID_ACR)', async () => {
    const loa1 = await op.signToken({ acr: 'LoA1' });
    expect(await codeOf(verifyEidToken(loa1, opts({ requiredAcr: 'LoA2' })))).toBe('ERR_EID_ACR');
    const none = await op.signToken({ acr: undefined });
    expect(await codeOf(verifyEidToken(none, opts({ requiredAcr: 'LoA1' })))).toBe('ERR_EID_ACR');
    const keycloak = await op.signToken({ acr: '2' });
    expect((await verifyEidToken(keycloak, opts({ requiredAcr: 'LoA2' }))).acr).toBe('2');
    const custom = await op.signToken({ acr: 'gold' });
    const order = ['bronze', 'silver', 'gold'];
    expect((await verifyEidToken(custom, opts({ requiredAcr: 'silver', acrOrder: order }))).acr).toBe('gold');
  });

  it('rejects an invalid personal ID number in the claims (ERR_EID_PERSONAL_ID)', async () => {
    for (const bad of ['00109900123', '999099001234', '0010990012345']) {
      const token = await op.signToken({ SoDinhDanh: bad });
      expect(await codeOf(verifyEidToken(token, opts()))).toBe('ERR_EID_PERSONAL_ID');
    }
  });

  it('rejects a birth date that contradicts the personal ID (ERR_EID_CLAIMS with an issue)', async () => {
    const token = await op.signToken({ SoDinhDanh: man.personalId, NgayThangNamSinh: '19880515' });
    const error = await verifyEidToken(token, opts()).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('ERR_EID_CLAIMS');
    expect((error as { issues: { path: string[] }[] }).issues[0]?.path).toEqual(['dateOfBirth']);
  });

  it('rejects userinfo about another subject (ERR_EID_USERINFO_SUBJECT)', async () => {
    const token = await op.signToken();
    const userinfo = { sub: 'someone-else', SoDinhDanh: man.personalId };
    expect(await codeOf(verifyEidToken(token, opts({ userinfo })))).toBe('ERR_EID_USERINFO_SUBJECT');
  });

  it('rejects an oversized token before parsing or fetching keys (ERR_EID_TOKEN_SIZE)', async () => {
    const before = op.requestCounts.get('/oauth2/jwks') ?? 0;
    const huge = await op.signToken({ padding: 'x'.repeat(20_000) });
    expect(await codeOf(verifyEidToken(huge, opts()))).toBe('ERR_EID_TOKEN_SIZE');
    expect(await codeOf(verifyEidToken('a'.repeat(10_000_000), opts()))).toBe('ERR_EID_TOKEN_SIZE');
    expect(op.requestCounts.get('/oauth2/jwks') ?? 0).toBe(before);
  });

  it('rejects malformed JSON in the header or payload (ERR_EID_TOKEN_FORMAT)', async () => {
    const badHeader = `${base64url.encode('{"alg":"RS256",')}.${base64url.encode('{}')}.c2ln`;
    expect(await codeOf(verifyEidToken(badHeader, opts()))).toBe('ERR_EID_TOKEN_FORMAT');
    const key = await importJWK(op.jwks().keys[0]!, 'RS256');
    expect(key).toBeDefined();
    const signedGarbage = await new CompactSign(utf8Encode('{"sub": "x", oops'))
      .setProtectedHeader({ alg: 'RS256', kid: op.currentKid() })
      .sign((await generateKeyPair('RS256')).privateKey);
    // Garbage signed by a foreign key fails on the signature first: nothing unsigned is parsed.
    expect(await codeOf(verifyEidToken(signedGarbage, opts()))).toBe('ERR_EID_SIGNATURE');
    // Properly signed by the provider's key, but not a JSON object: a format error.
    const notJson = await op.signToken({}, { rawPayload: utf8Encode('{"sub": "x", oops') });
    expect(await codeOf(verifyEidToken(notJson, opts()))).toBe('ERR_EID_TOKEN_FORMAT');
    const jsonArray = await op.signToken({}, { rawPayload: utf8Encode('[1,2]') });
    expect(await codeOf(verifyEidToken(jsonArray, opts()))).toBe('ERR_EID_TOKEN_FORMAT');
    const arrayPayload = await op.signToken({}, {});
    const [h, , s] = arrayPayload.split('.') as [string, string, string];
    expect(await codeOf(verifyEidToken(`${h}.${base64url.encode('[1,2]')}.${s}`, opts()))).toBe(
      'ERR_EID_SIGNATURE',
    );
  });

  it('rejects non-JWS shapes: JWE, two parts, non-strings (ERR_EID_TOKEN_FORMAT)', async () => {
    expect(await codeOf(verifyEidToken('a.b.c.d.e', opts()))).toBe('ERR_EID_TOKEN_FORMAT');
    expect(await codeOf(verifyEidToken('a.b', opts()))).toBe('ERR_EID_TOKEN_FORMAT');
    expect(await codeOf(verifyEidToken(42, opts()))).toBe('ERR_EID_TOKEN_FORMAT');
    expect(await codeOf(verifyEidToken('', opts()))).toBe('ERR_EID_TOKEN_FORMAT');
  });
});

describe('verifyEidToken: JWKS cache, rotation and failures', () => {
  it('follows a key rotation by re-downloading the JWKS once, rate-limited', async () => {
    const rotating = await startTestOidcProvider();
    try {
      const jwks = createEidKeySet(rotating.endpoints.jwks, { cooldownMs: 60_000 });
      const options = { issuer: rotating.issuer, audience: rotating.clients.basic.clientId, jwks };
      await verifyEidToken(await rotating.signToken(), options);
      await verifyEidToken(await rotating.signToken(), options);
      expect(rotating.requestCounts.get('/oauth2/jwks')).toBe(1);
      await rotating.rotateKeys({ retireOld: true });
      const fresh = await rotating.signToken();
      // The cache was just filled, so the cooldown blocks a refetch: the new key is not known yet.
      expect(await codeOf(verifyEidToken(fresh, options))).toBe('ERR_EID_KEY_NOT_FOUND');
      expect(rotating.requestCounts.get('/oauth2/jwks')).toBe(1);

      // With the cooldown over, one unknown kid triggers exactly one download.
      const jwks2 = createEidKeySet(rotating.endpoints.jwks, { cooldownMs: 0 });
      const options2 = { ...options, jwks: jwks2 };
      await verifyEidToken(fresh, options2);
      const afterFirst = rotating.requestCounts.get('/oauth2/jwks') ?? 0;
      await rotating.rotateKeys();
      expect((await verifyEidToken(await rotating.signToken(), options2)).sub).toBe(
        rotating.accounts[0]?.sub,
      );
      expect(rotating.requestCounts.get('/oauth2/jwks')).toBe(afterFirst + 1);
    } finally {
      await rotating.close();
    }
  });

  it('a flood of unknown kids does not hammer the JWKS endpoint', async () => {
    const jwks = createEidKeySet(op.endpoints.jwks, { cooldownMs: 60_000 });
    await verifyEidToken(await op.signToken(), opts({ jwks }));
    const before = op.requestCounts.get('/oauth2/jwks') ?? 0;
    for (let i = 0; i < 20; i++) {
      const token = await op.signToken({}, { header: { kid: `forged-${i}` } });
      expect(await codeOf(verifyEidToken(token, opts({ jwks })))).toBe('ERR_EID_KEY_NOT_FOUND');
    }
    expect(op.requestCounts.get('/oauth2/jwks')).toBe(before);
  });

  it('reports a JWKS endpoint that is down (ERR_EID_JWKS_UNAVAILABLE)', async () => {
    op.faults.jwks = 'down';
    try {
      expect(await codeOf(verifyEidToken(await op.signToken(), opts()))).toBe('ERR_EID_JWKS_UNAVAILABLE');
    } finally {
      op.faults.jwks = undefined;
    }
  });

  it('gives up on a JWKS endpoint that never answers within the bounded timeout (ERR_EID_JWKS_TIMEOUT)', async () => {
    op.faults.jwks = 'hang';
    try {
      const jwks = createEidKeySet(op.endpoints.jwks, { timeoutMs: 150 });
      const error = await verifyEidToken(await op.signToken(), opts({ jwks })).catch((e: unknown) => e);
      expect((error as { code: string }).code).toBe('ERR_EID_JWKS_TIMEOUT');
      expect((error as { details: { timeoutMs: number } }).details.timeoutMs).toBe(150);
    } finally {
      op.faults.jwks = undefined;
    }
  });

  it('reports an unreachable JWKS host (ERR_EID_JWKS_UNAVAILABLE)', async () => {
    const jwks = createEidKeySet('http://127.0.0.1:9/jwks');
    expect(await codeOf(verifyEidToken(await op.signToken(), opts({ jwks })))).toBe(
      'ERR_EID_JWKS_UNAVAILABLE',
    );
  });

  it('uses an injected fetch for the JWKS', async () => {
    let calls = 0;
    const jwks = createEidKeySet('https://idp.example.test/jwks', {
      fetch: async () => {
        calls++;
        return new Response(JSON.stringify(op.jwks()), { headers: { 'content-type': 'application/json' } });
      },
    });
    expect((await verifyEidToken(await op.signToken(), opts({ jwks }))).sub).toBe(man.sub);
    expect(calls).toBe(1);
  });

  it('reports a malformed key set (ERR_EID_JWKS_INVALID)', async () => {
    const jwks = createEidKeySet('https://idp.example.test/jwks', {
      fetch: async () =>
        new Response(JSON.stringify({ keys: 'nope' }), { headers: { 'content-type': 'application/json' } }),
    });
    expect(await codeOf(verifyEidToken(await op.signToken(), opts({ jwks })))).toBe('ERR_EID_JWKS_INVALID');
  });
});
