import { isCancuocError } from '@cancuoc/core';
import { hostileStrings } from '@cancuoc/testkit';
import { startTestOidcProvider, type TestOidcProvider } from '@cancuoc/testkit/oidc';
import fc from 'fast-check';
import { base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEidKeySet, type VerifyEidTokenOptions, verifyEidToken } from '../src/index.js';

let op: TestOidcProvider;
let options: VerifyEidTokenOptions;
beforeAll(async () => {
  op = await startTestOidcProvider();
  options = {
    issuer: op.issuer,
    audience: op.clients.basic.clientId,
    jwks: createEidKeySet(op.endpoints.jwks),
  };
});
afterAll(async () => {
  await op.close();
});

async function onlyCancuocErrors(token: unknown): Promise<void> {
  try {
    await verifyEidToken(token, options);
  } catch (error) {
    expect(isCancuocError(error), String(error)).toBe(true);
    return;
  }
  throw new Error('an arbitrary token was accepted');
}

describe('verifyEidToken properties', () => {
  it('answers every hostile string with a CancuocError', async () => {
    for (const text of hostileStrings) await onlyCancuocErrors(text);
  });

  it('answers arbitrary strings with a CancuocError', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300 }), onlyCancuocErrors), { numRuns: 200 });
  });

  it('answers arbitrary JWS-shaped tokens (any header and payload JSON) with a CancuocError', async () => {
    const part = fc.jsonValue().map((v) => base64url.encode(JSON.stringify(v) ?? 'null'));
    const header = fc
      .record(
        { alg: fc.oneof(fc.constantFrom('RS256', 'none', 'HS256', 'ES256'), fc.string()), kid: fc.string() },
        {
          requiredKeys: [],
        },
      )
      .map((h) => base64url.encode(JSON.stringify(h)));
    await fc.assert(
      fc.asyncProperty(header, part, fc.base64String(), (h, p, s) =>
        onlyCancuocErrors(`${h}.${p}.${s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')}`),
      ),
      { numRuns: 200 },
    );
  });

  it('accepts exactly the tokens the provider signed, whatever their extra claims (round trip)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.stringMatching(/^x_[a-z]{1,8}$/), fc.jsonValue(), { maxKeys: 5 }),
        async (extra) => {
          const token = await op.signToken(extra);
          const identity = await verifyEidToken(token, options);
          for (const [k, v] of Object.entries(extra))
            expect(identity.claims[k]).toEqual(JSON.parse(JSON.stringify(v)));
        },
      ),
      { numRuns: 30 },
    );
  });
});
