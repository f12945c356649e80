/**
 * A real OpenID provider (panva/oidc-provider) on 127.0.0.1, configured like the national
 * public-service portal's login server (xacthuc.dichvucong.gov.vn): `/oauth2/authorize`,
 * `/oauth2/token`, `/oauth2/userinfo`, RS256 ID tokens with a `kid`, `acr` LoA1/LoA2, and the
 * Vietnamese claims (`SoDinhDanh`, `HoVaTen`, `NgayThangNamSinh` …) released through userinfo
 * only, never in the ID token (see shared/reference/integrations.md §1.1).
 *
 * Node only: it is exported from `@cancuoc/testkit/oidc`, never from the main entry.
 * Fault injection (JWKS down or hanging, userinfo answering another `sub`) and key rotation let
 * tests prove how a relying party behaves when the provider misbehaves.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK, JWTPayload } from 'jose';
import type { Configuration } from 'oidc-provider';
import { importPeer } from '../internal/optional-peer.js';
import { type TestEidAccount, testEidAccounts } from './accounts.js';

type Jose = typeof import('jose');
const FEATURE = '@cancuoc/testkit/oidc';
// jose and oidc-provider are optional peers: loaded when a provider starts, so that importing
// the subpath without them fails with an install hint (ERR_TESTKIT_PEER_MISSING), not at import.
const loadJose = (): Promise<Jose> => importPeer('jose', FEATURE, () => import('jose'));

/** Endpoint paths of the test provider (those of the national portal's login server). */
export const testOidcPaths = {
  authorization: '/oauth2/authorize',
  token: '/oauth2/token',
  userinfo: '/oauth2/userinfo',
  jwks: '/oauth2/jwks',
  endSession: '/oidc/logout',
} as const;

/** Options of {@link startTestOidcProvider}. */
export interface TestOidcProviderOptions {
  /** Serve `/.well-known/openid-configuration` (default true). The national portal publishes none. */
  readonly discovery?: boolean;
  /** Where the relying party's callback lives (default `http://127.0.0.1/callback`). */
  readonly redirectUris?: readonly string[];
  /** Where the provider may send the browser back after logout. */
  readonly postLogoutRedirectUris?: readonly string[];
  /** Accounts that can log in (default {@link testEidAccounts}). */
  readonly accounts?: readonly TestEidAccount[];
  /** Release the Vietnamese claims in the ID token too (default false, like the real provider). */
  readonly claimsInIdToken?: boolean;
  /**
   * Turns on oidc-provider's `backchannelLogout` feature (OpenID Connect Back-Channel Logout 1.0)
   * and registers this URI, with `backchannel_logout_session_required`, for every client: ID
   * tokens then carry `sid`, and ending a session at the provider (its end-session endpoint, with
   * `logout=yes` on the confirmation) POSTs a signed logout token here. Off by default.
   */
  readonly backchannelLogoutUri?: string;
  /** Lifetime of the ID tokens the provider issues, in seconds (default 600). */
  readonly idTokenTtlSec?: number;
}

/** One logout token the provider POSTed to a relying party (see `backchannelLogoutUri`). */
export interface TestBackchannelDelivery {
  readonly clientId: string;
  readonly accountId: string;
  readonly sid: string;
  /** Whether the relying party answered 200 or 204. */
  readonly ok: boolean;
  /** Why it failed (the relying party's status, or the network error). */
  readonly error?: string;
}

/** Faults the provider can be told to inject. */
export interface TestOidcFaults {
  /** `down`: the JWKS endpoint answers 503; `hang`: it never answers. */
  jwks?: 'down' | 'hang' | undefined;
  /** Userinfo answers with this `sub` instead of the logged-in user's. */
  userinfoSub?: string | undefined;
  /** The token endpoint answers a truncated JSON body. */
  tokenMalformed?: boolean | undefined;
  /** The token endpoint never answers. */
  tokenHang?: boolean | undefined;
  /** The userinfo endpoint answers a truncated JSON body. */
  userinfoMalformed?: boolean | undefined;
}

/** A relying party registered at the test provider. */
export interface TestOidcClient {
  readonly clientId: string;
  /** Set for `client_secret_basic` and `client_secret_post` clients. */
  readonly clientSecret?: string;
  /** Set for the `private_key_jwt` client: its private signing key (RS256). */
  readonly privateKey?: CryptoKey;
  readonly tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
}

/** Options of {@link TestOidcProvider.signToken}. */
export interface SignTestTokenOptions {
  /** Protected header fields to set or override (`alg` defaults to RS256, `kid` to the current key). */
  readonly header?: Record<string, unknown>;
  /** Sign with this key instead of the provider's current one. */
  readonly key?: CryptoKey | Uint8Array;
  /** Seconds since the epoch used as "now" for default `iat`/`exp` (default: the clock). */
  readonly now?: number;
  /** Sign these exact bytes as the payload instead of the claims (for malformed-payload tests). */
  readonly rawPayload?: Uint8Array;
}

/** A running test provider. */
export interface TestOidcProvider {
  /** The issuer identifier, `http://127.0.0.1:<port>`. */
  readonly issuer: string;
  readonly port: number;
  /** Absolute URLs of the endpoints. */
  readonly endpoints: {
    readonly authorization: string;
    readonly token: string;
    readonly userinfo: string;
    readonly jwks: string;
    readonly endSession: string;
  };
  /** A `client_secret_basic` client (the default), a `client_secret_post` and a `private_key_jwt` one. */
  readonly clients: {
    readonly basic: TestOidcClient;
    readonly post: TestOidcClient;
    readonly privateKeyJwt: TestOidcClient;
  };
  /** The accounts that can log in. */
  readonly accounts: readonly TestEidAccount[];
  /** Faults to inject; change them at any time. */
  readonly faults: TestOidcFaults;
  /** How many requests each path received. */
  readonly requestCounts: Map<string, number>;
  /** The back-channel logout tokens POSTed so far, in order (with `backchannelLogoutUri`). */
  readonly backchannelDeliveries: readonly TestBackchannelDelivery[];
  /** The public JWKS currently served. */
  jwks(): { keys: JWK[] };
  /** The `kid` of the key tokens are signed with now. */
  currentKid(): string;
  /**
   * Signs a token with the provider's current key (or `options.key`). Claims default to a valid
   * ID token for the basic client and the first account; `claims` override them (a value of
   * `undefined` removes a claim).
   */
  signToken(claims?: Record<string, unknown>, options?: SignTestTokenOptions): Promise<string>;
  /**
   * Adds a new signing key to the JWKS and makes {@link signToken} use it. With `retireOld`, the
   * previous keys disappear from the JWKS (tokens the provider itself issues keep its own key).
   */
  rotateKeys(options?: { retireOld?: boolean }): Promise<string>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newSigningKey(): Promise<SigningKey & { privateJwk: JWK }> {
  const { generateKeyPair, exportJWK } = await loadJose();
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `test-${randomUUID().slice(0, 8)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk, privateJwk };
}

function claimsOf(account: TestEidAccount): Record<string, unknown> {
  return {
    sub: account.sub,
    TechID: account.techId,
    SoDinhDanh: account.personalId,
    HoVaTen: account.fullName,
    NgayThangNamSinh: account.dateOfBirth,
    LoaiTaiKhoan: account.accountType,
    loginIdp: account.loginIdp,
    name: account.fullName,
    ...(account.email === undefined ? {} : { email: account.email }),
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const NATIONAL_CLAIMS = ['SoDinhDanh', 'HoVaTen', 'NgayThangNamSinh', 'LoaiTaiKhoan', 'loginIdp', 'TechID'];

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('oidc-provider WARNING')) warn(...args);
  };
  try {
    return await fn();
  } finally {
    console.warn = warn;
  }
}

/**
 * Starts a real OpenID provider on 127.0.0.1 with a random port. Close it after the test file.
 *
 * @throws CancuocError `ERR_TESTKIT_PEER_MISSING` when the optional peers `jose` or
 *   `oidc-provider` are not installed (`npm install --save-dev jose oidc-provider`).
 * @example
 * ```ts
 * const op = await startTestOidcProvider({ redirectUris: ['http://127.0.0.1:3000/callback'] });
 * try { … } finally { await op.close(); }
 * ```
 */
export async function startTestOidcProvider(
  options: TestOidcProviderOptions = {},
): Promise<TestOidcProvider> {
  const discovery = options.discovery ?? true;
  // Both peers checked before anything starts: one clear error, no half-started server.
  await loadJose();
  await importPeer('oidc-provider', FEATURE, () => import('oidc-provider'));
  const accounts = options.accounts ?? testEidAccounts;
  const redirectUris = [...(options.redirectUris ?? ['http://127.0.0.1/callback'])];
  const postLogoutRedirectUris = [...(options.postLogoutRedirectUris ?? [])];
  const faults: TestOidcFaults = {};
  const requestCounts = new Map<string, number>();

  const providerKey = await newSigningKey();
  const extraKeys: SigningKey[] = [];
  let retired = false;
  let current: SigningKey = providerKey;
  const rpKey = await newSigningKey();

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;

  const grant = { grant_types: ['authorization_code', 'refresh_token'], response_types: ['code' as const] };
  const backchannelUri = options.backchannelLogoutUri;
  const common = {
    ...grant,
    redirect_uris: redirectUris,
    post_logout_redirect_uris: postLogoutRedirectUris,
    id_token_signed_response_alg: 'RS256' as const,
    ...(backchannelUri === undefined
      ? {}
      : { backchannel_logout_uri: backchannelUri, backchannel_logout_session_required: true }),
  };
  const backchannelDeliveries: TestBackchannelDelivery[] = [];
  const clients = {
    basic: {
      clientId: 'cancuoc-test-basic',
      clientSecret: `secret-${randomUUID()}`,
      tokenEndpointAuthMethod: 'client_secret_basic',
    },
    post: {
      clientId: 'cancuoc-test-post',
      clientSecret: `secret-${randomUUID()}`,
      tokenEndpointAuthMethod: 'client_secret_post',
    },
    privateKeyJwt: {
      clientId: 'cancuoc-test-pkjwt',
      privateKey: rpKey.privateKey,
      tokenEndpointAuthMethod: 'private_key_jwt',
    },
  } as const satisfies Record<string, TestOidcClient>;

  const byId = new Map(accounts.map((a) => [a.sub, a]));
  const configuration: Configuration = {
    clients: [
      {
        ...common,
        client_id: clients.basic.clientId,
        client_secret: clients.basic.clientSecret,
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        ...common,
        client_id: clients.post.clientId,
        client_secret: clients.post.clientSecret,
        token_endpoint_auth_method: 'client_secret_post',
      },
      {
        ...common,
        client_id: clients.privateKeyJwt.clientId,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: { keys: [rpKey.publicJwk] },
      } as never,
    ],
    jwks: { keys: [providerKey.privateJwk as never] },
    acrValues: ['LoA1', 'LoA2'],
    claims: {
      openid: ['sub', ...NATIONAL_CLAIMS],
      profile: ['name'],
      email: ['email'],
    },
    findAccount: async (_ctx, id) => {
      const account = byId.get(id);
      if (!account) return undefined;
      // The national portal releases its claims through userinfo only (integrations.md §1.1).
      return {
        accountId: id,
        claims: async (use: string) =>
          (use === 'id_token' && !options.claimsInIdToken ? { sub: account.sub } : claimsOf(account)) as {
            sub: string;
          },
      };
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      ...(backchannelUri === undefined ? {} : { backchannelLogout: { enabled: true } }),
    },
    // oidc-provider refuses outgoing requests to loopback and private addresses (SSRF guard);
    // the relying parties of this test provider live on 127.0.0.1, so its requests there (the
    // back-channel logout POSTs) go out without that guard. Any other address keeps it.
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
      if (!LOOPBACK.has(url.hostname) || init === undefined) return fetch(input, init);
      const { dispatcher: _guard, ...rest } = init as RequestInit & { dispatcher?: unknown };
      return fetch(input, rest);
    },
    pkce: { required: () => true },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    routes: {
      authorization: testOidcPaths.authorization,
      token: testOidcPaths.token,
      userinfo: testOidcPaths.userinfo,
      jwks: testOidcPaths.jwks,
      end_session: testOidcPaths.endSession,
    },
    cookies: { keys: [randomUUID()] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: options.idTokenTtlSec ?? 600,
      RefreshToken: 86_400,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'application/json';
      ctx.body = out;
    },
  };
  // oidc-provider warns on import (Node 20 is below its preferred LTS) and on the in-memory
  // adapter, both expected in tests: keep those two warnings off the test and demo output.
  const provider = await quietly(async () => {
    const { default: Provider } = await importPeer('oidc-provider', FEATURE, () => import('oidc-provider'));
    return new Provider(issuer, configuration);
  });
  const callback = provider.callback();
  provider.on('backchannel.success', (_ctx, client, accountId, sid) => {
    backchannelDeliveries.push({ clientId: client.clientId, accountId, sid, ok: true });
  });
  provider.on('backchannel.error', (_ctx, error, client, accountId, sid) => {
    backchannelDeliveries.push({
      clientId: client.clientId,
      accountId,
      sid,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  });

  const openSockets = new Set<ServerResponse>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    requestCounts.set(url.pathname, (requestCounts.get(url.pathname) ?? 0) + 1);
    if (url.pathname.startsWith('/.well-known/') && !discovery) {
      res.writeHead(404).end();
      return;
    }
    if (url.pathname === testOidcPaths.jwks) {
      if (faults.jwks === 'down') {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
        return;
      }
      if (faults.jwks === 'hang') {
        openSockets.add(res);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks()));
      return;
    }
    if (url.pathname === testOidcPaths.token && faults.tokenHang) {
      openSockets.add(res);
      return;
    }
    const malformed =
      (url.pathname === testOidcPaths.token && faults.tokenMalformed) ||
      (url.pathname === testOidcPaths.userinfo && faults.userinfoMalformed);
    if (malformed) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token": "abc", "token_');
      return;
    }
    if (url.pathname === testOidcPaths.userinfo && faults.userinfoSub !== undefined) {
      const account = accounts[0];
      const body = { ...(account ? claimsOf(account) : {}), sub: faults.userinfoSub };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    if (url.pathname.startsWith('/interaction/')) {
      void interact(req, res, url).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
      return;
    }
    callback(req, res);
  });

  // Completes login and consent programmatically: `?account=<sub>&acr=LoA2&deny=1`.
  async function interact(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (url.searchParams.get('deny') === '1') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The citizen cancelled the login' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (details.prompt.name === 'login') {
      const accountId = url.searchParams.get('account') ?? accounts[0]?.sub ?? '';
      const acr = url.searchParams.get('acr') ?? 'LoA1';
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId, acr, amr: ['pwd'] } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const session = details.session;
    const clientId = details.params.client_id as string;
    const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const grant = existing ?? new provider.Grant({ accountId: session?.accountId ?? '', clientId });
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  function jwks(): { keys: JWK[] } {
    const keys = retired ? extraKeys.slice(-1) : [providerKey, ...extraKeys];
    return { keys: keys.map((k) => k.publicJwk) };
  }

  async function signToken(
    claims: Record<string, unknown> = {},
    signOptions: SignTestTokenOptions = {},
  ): Promise<string> {
    const now = signOptions.now ?? Math.floor(Date.now() / 1000);
    const account = accounts[0];
    const merged: Record<string, unknown> = {
      iss: issuer,
      aud: clients.basic.clientId,
      sub: account?.sub,
      iat: now,
      exp: now + 300,
      acr: 'LoA1',
      ...claims,
    };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    const header = { alg: 'RS256', kid: current.kid, typ: 'JWT', ...signOptions.header };
    const key = signOptions.key ?? current.privateKey;
    const { CompactSign, SignJWT } = await loadJose();
    if (signOptions.rawPayload) {
      return new CompactSign(signOptions.rawPayload).setProtectedHeader(header as { alg: string }).sign(key);
    }
    return new SignJWT(merged as JWTPayload).setProtectedHeader(header as { alg: string }).sign(key);
  }

  async function rotateKeys(rotate: { retireOld?: boolean } = {}): Promise<string> {
    const key = await newSigningKey();
    extraKeys.push(key);
    current = key;
    retired = rotate.retireOld ?? false;
    return key.kid;
  }

  async function close(): Promise<void> {
    for (const res of openSockets) res.socket?.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  }

  const at = (path: string) => `${issuer}${path}`;
  return {
    issuer,
    port,
    endpoints: {
      authorization: at(testOidcPaths.authorization),
      token: at(testOidcPaths.token),
      userinfo: at(testOidcPaths.userinfo),
      jwks: at(testOidcPaths.jwks),
      endSession: at(testOidcPaths.endSession),
    },
    clients,
    accounts,
    faults,
    requestCounts,
    backchannelDeliveries,
    jwks,
    currentKid: () => current.kid,
    signToken,
    rotateKeys,
    close,
  };
}
