// Fuzz-audit findings (issue 13): malformed keys in an available JWKS must give a typed
// ERR_EID_JWKS_INVALID (never a DOMException, never "unavailable"), and a token has one spelling:
// base64url whose unused last bits are not zero is refused, so deny lists keyed on the string hold.
import { isCancuocError } from '@cancuoc/core';
import { startTestOidcProvider, type TestOidcProvider } from '@cancuoc/testkit/oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEidKeySet,
  type EidKeySet,
  type VerifyEidTokenOptions,
  verifyEidLogoutToken,
  verifyEidToken,
} from '../src/index.js';

let op: TestOidcProvider;
beforeAll(async () => {
  op = await startTestOidcProvider();
});
afterAll(async () => {
  await op.close();
});

const opts = (jwks: EidKeySet, extra: Partial<VerifyEidTokenOptions> = {}): VerifyEidTokenOptions => ({
  issuer: op.issuer,
  audience: op.clients.basic.clientId,
  jwks,
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<{ code: string; reason?: unknown }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCancuocError(error)) throw new Error(`expected a CancuocError, got ${String(error)}`);
  return { code: error.code, reason: (error.details as { reason?: unknown }).reason };
}

/** The same keys served locally and over HTTP (a fresh set each time: nothing cached between tests). */
function keySets(keys: unknown[]): [string, EidKeySet][] {
  return [
    ['fixed', createEidKeySet({ keys } as never)],
    [
      'downloaded',
      createEidKeySet('https://idp.example.test/jwks', {
        fetch: async () =>
          new Response(JSON.stringify({ keys }), { headers: { 'content-type': 'application/json' } }),
      }),
    ],
  ];
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifyEidToken with a malformed key in an available JWKS', () => {
  it('reports an RSA key without e as ERR_EID_JWKS_INVALID, not a DOMException', async () => {
    const good = op.jwks().keys[0]!;
    const { e: _, ...withoutE } = good;
    for (const [, jwks] of keySets([withoutE])) {
      expect((await failure(verifyEidToken(await op.signToken(), opts(jwks)))).code).toBe(
        'ERR_EID_JWKS_INVALID',
      );
    }
  });

  it('reports an RSA key with a truncated modulus as ERR_EID_JWKS_INVALID, not unavailable', async () => {
    const good = op.jwks().keys[0]!;
    for (const [, jwks] of keySets([{ ...good, n: 'AAAA' }])) {
      expect((await failure(verifyEidToken(await op.signToken(), opts(jwks)))).code).toBe(
        'ERR_EID_JWKS_INVALID',
      );
    }
  });

  it('reports an EC key whose point is AAAA as ERR_EID_JWKS_INVALID', async () => {
    const kid = 'ec-1';
    const token = `${b64({ alg: 'ES256', kid })}.${b64({ sub: 'x' })}.${Buffer.alloc(64, 1).toString('base64url')}`;
    for (const [, jwks] of keySets([{ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA', kid }])) {
      expect((await failure(verifyEidToken(token, opts(jwks, { algorithms: ['ES256'] })))).code).toBe(
        'ERR_EID_JWKS_INVALID',
      );
    }
  });

  it('reports a JWKS answer that is not JSON as ERR_EID_JWKS_INVALID, a 500 as unavailable', async () => {
    const html = createEidKeySet('https://idp.example.test/jwks', {
      fetch: async () => new Response('<html>maintenance</html>'),
    });
    expect((await failure(verifyEidToken(await op.signToken(), opts(html)))).code).toBe(
      'ERR_EID_JWKS_INVALID',
    );
    const down = createEidKeySet('https://idp.example.test/jwks', {
      fetch: async () => new Response('oops', { status: 500 }),
    });
    expect((await failure(verifyEidToken(await op.signToken(), opts(down)))).code).toBe(
      'ERR_EID_JWKS_UNAVAILABLE',
    );
    const unreachable = createEidKeySet('https://idp.example.test/jwks', {
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect((await failure(verifyEidToken(await op.signToken(), opts(unreachable)))).code).toBe(
      'ERR_EID_JWKS_UNAVAILABLE',
    );
  });
});

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Spellings of a segment that decode to the same bytes (its last character's unused bits set). */
function aliases(segment: string): string[] {
  const rest = segment.length % 4;
  if (rest === 0) return [];
  const unused = rest === 2 ? 0x0f : 0x03;
  const last = ALPHABET.indexOf(segment.at(-1)!);
  const out: string[] = [];
  for (let bits = 1; bits <= unused; bits++)
    out.push(segment.slice(0, -1) + ALPHABET[(last & ~unused) | bits]);
  return out;
}

/** A provider-signed token whose header and payload segments both end in a partial character. */
async function tokenWithPartialSegments(): Promise<string> {
  for (let h = 0; h < 4; h++) {
    for (let p = 0; p < 4; p++) {
      const token = await op.signToken({ pad: 'x'.repeat(p) }, { header: { pad: 'y'.repeat(h) } });
      if (token.split('.').every((s) => s.length % 4 !== 0)) return token;
    }
  }
  throw new Error('no token with partial segments');
}

describe('verifyEidToken accepts only canonical base64url', () => {
  it('verifies the canonical token and refuses every alias of it, in every segment', async () => {
    const jwks = createEidKeySet(op.jwks());
    const token = await tokenWithPartialSegments();
    expect((await verifyEidToken(token, opts(jwks))).sub).toBeTypeOf('string');
    const segments = token.split('.');
    let tried = 0;
    for (const [i, segment] of segments.entries()) {
      for (const alias of aliases(segment)) {
        const variant = segments.map((s, j) => (j === i ? alias : s)).join('.');
        // The alias decodes to the very same bytes…
        expect(Buffer.from(alias, 'base64url')).toEqual(Buffer.from(segment, 'base64url'));
        // …and is refused before any key is looked at.
        expect(await failure(verifyEidToken(variant, opts(jwks)))).toEqual({
          code: 'ERR_EID_TOKEN_FORMAT',
          reason: 'non-canonical base64url',
        });
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(3 * 3);
  });

  it('refuses a segment whose length leaves a lone last character', async () => {
    const [h, p, s] = (await op.signToken()).split('.');
    const lone = [h, p, `${s}${s!.length % 4 === 0 ? 'A' : 'AAAA'.slice(0, 5 - (s!.length % 4))}`].join('.');
    expect(lone.split('.')[2]!.length % 4).toBe(1);
    expect((await failure(verifyEidToken(lone, opts(createEidKeySet(op.jwks()))))).code).toBe(
      'ERR_EID_TOKEN_FORMAT',
    );
  });

  it('refuses a non-canonical logout token the same way', async () => {
    const token = await tokenWithPartialSegments();
    const [h, p, s] = token.split('.');
    const variant = [h, p, aliases(s!)[0]].join('.');
    expect(
      await failure(verifyEidLogoutToken(variant, { issuer: op.issuer, audience: 'x', jwks: op.jwks() })),
    ).toEqual({ code: 'ERR_EID_LOGOUT_TOKEN', reason: 'non-canonical base64url' });
  });
});
