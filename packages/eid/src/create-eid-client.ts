import { equalBytes, utf8Encode } from '@cancuoc/core';
import * as oauth from 'oauth4webapi';
import { createEidKeySet, type EidKeySet } from './create-eid-key-set.js';
import type { EidIdentity } from './eid-identity.js';
import { eidError } from './errors.js';
import { type HttpSettings, requestOptions, translateOauthError } from './internal/oauth.js';
import { mapEidClaims } from './map-eid-claims.js';
import { type EidEndpoints, type EidProviderName, eidProviders, presetEndpoints } from './presets.js';
import { type EidLogoutClaims, verifyEidLogoutToken } from './verify-eid-logout-token.js';
import { type EidAlgorithm, verifyEidToken } from './verify-eid-token.js';

/** How the client authenticates at the token endpoint. */
export type EidClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'none';

/** Options of {@link createEidClient}. */
export interface EidClientOptions {
  /**
   * The provider's issuer identifier. Alone, it is used for OpenID discovery
   * (`<issuer>/.well-known/openid-configuration`); with `preset` or `endpoints`, it is only the
   * expected `iss` of ID tokens.
   */
  readonly issuer?: string;
  /** A national provider preset (see {@link eidProviders}); endpoints are taken from it. */
  readonly preset?: EidProviderName;
  /** Serve the preset's paths from another base URL (a staging or test server). */
  readonly baseUrl?: string;
  /** Explicit endpoints, for providers without discovery; they override the preset's. */
  readonly endpoints?: Partial<EidEndpoints>;
  /** Your client ID at the provider. */
  readonly clientId: string;
  /** Your client secret (for `client_secret_basic`, the default when set, or `client_secret_post`). */
  readonly clientSecret?: string;
  /** Your private key for `private_key_jwt` (a non-extractable CryptoKey is fine). */
  readonly privateKey?: CryptoKey | { readonly key: CryptoKey; readonly kid?: string };
  /** Token endpoint authentication (default: `client_secret_basic` with a secret, `private_key_jwt` with a key, else `none`). */
  readonly clientAuth?: EidClientAuthMethod;
  /** Where the provider sends the browser back (registered at the provider). */
  readonly redirectUri: string;
  /** Where the provider sends the browser after logout. */
  readonly postLogoutRedirectUri?: string;
  /** Scopes (default `openid`, what the national portal's clients ask for). */
  readonly scope?: string;
  /** `acr_values` to request (e.g. `LoA1`, what agency portals send). */
  readonly acrValues?: string | readonly string[];
  /** Minimum `acr` the ID token must carry (default: none). */
  readonly requiredAcr?: string;
  /** Accepted ID token algorithms (default `['RS256']`). */
  readonly algorithms?: readonly EidAlgorithm[];
  /** Clock skew allowed, in seconds (default 60, at most 300). */
  readonly clockToleranceSec?: number;
  /** Fetch userinfo during {@link EidClient.handleCallback} (default: when the provider has a userinfo endpoint). */
  readonly fetchUserinfo?: boolean;
  /** How long a started login may take before its callback is refused, in seconds (default 600). */
  readonly loginTtlSec?: number;
  /** Timeout of each request to the provider, in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** The `fetch` to use (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch;
  /** A JWKS key set to reuse (default: one made from the provider's `jwks_uri`). */
  readonly jwks?: EidKeySet;
  /** Allow `http:` endpoints. Only accepted when every endpoint is on a loopback address (tests, local development). */
  readonly allowInsecureRequests?: boolean;
}

/**
 * What must survive between {@link EidClient.authorizationUrl} and
 * {@link EidClient.handleCallback}: keep it server-side or in an encrypted cookie, never in the URL.
 */
export interface EidLoginState {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** Seconds since the epoch when the login started. */
  readonly createdAt: number;
}

/** Tokens returned by the provider. Secrets: never log them. */
export interface EidTokens {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly idToken?: string;
  readonly refreshToken?: string;
  /** When the access token expires, if the provider said. */
  readonly expiresAt?: Date;
  readonly scope?: string;
}

/** The outcome of a successful login. */
export interface EidLoginResult {
  /** The citizen, from the verified ID token completed by userinfo. */
  readonly identity: EidIdentity;
  readonly tokens: EidTokens;
  /** The userinfo response, when it was fetched. */
  readonly userinfo?: Readonly<Record<string, unknown>>;
}

/** Options of {@link EidClient.authorizationUrl}. */
export interface AuthorizationUrlOptions {
  /** Override the client's `acr_values`. */
  readonly acrValues?: string | readonly string[];
  /** Override the client's scopes. */
  readonly scope?: string;
  /** `prompt` (e.g. `login` to force a fresh login). */
  readonly prompt?: string;
  /** `login_hint`. */
  readonly loginHint?: string;
  /** Any other authorization request parameters. */
  readonly extraParams?: Readonly<Record<string, string>>;
}

/** Options of {@link EidClient.logoutUrl}. */
export interface LogoutUrlOptions {
  /** The ID token of the session, sent as `id_token_hint`. */
  readonly idTokenHint?: string;
  /** Override the client's `postLogoutRedirectUri`. */
  readonly postLogoutRedirectUri?: string;
  readonly state?: string;
}

/** A relying party of the national e-ID, made by {@link createEidClient}. */
export interface EidClient {
  /** Starts a login: the URL to redirect the browser to and the state to keep until the callback. */
  authorizationUrl(options?: AuthorizationUrlOptions): Promise<{ url: URL; loginState: EidLoginState }>;
  /** Finishes a login from the callback URL (or its query) and the kept state. */
  handleCallback(
    callback: URL | string | URLSearchParams,
    loginState: EidLoginState,
  ): Promise<EidLoginResult>;
  /** Fetches userinfo with an access token; its `sub` must equal `expectedSub`. */
  userinfo(accessToken: string, expectedSub: string): Promise<Readonly<Record<string, unknown>>>;
  /** Exchanges a refresh token; a new ID token, if any, is verified and must be for `expectedSub`. */
  refresh(refreshToken: string, options?: { expectedSub?: string }): Promise<EidTokens>;
  /** The provider's end-session URL for RP-initiated logout, or `undefined` when it has none. */
  logoutUrl(options?: LogoutUrlOptions): Promise<URL | undefined>;
  /** The provider metadata in use (from discovery or built from the endpoints). */
  metadata(): Promise<Readonly<oauth.AuthorizationServer>>;
  /**
   * The registered redirect URI (the login handler takes the portal's origin, and whether its
   * cookies are `Secure`, from it). Optional for clients made by hand.
   */
  readonly redirectUri?: string;
  /**
   * Verifies a back-channel logout token from this provider (see {@link verifyEidLogoutToken})
   * with the client's key set, issuer, client ID and algorithms. Optional for clients made by hand.
   */
  verifyLogoutToken?(token: unknown): Promise<EidLogoutClaims>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function resolveStatic(options: EidClientOptions): oauth.AuthorizationServer | undefined {
  const preset = options.preset === undefined ? undefined : eidProviders[options.preset];
  if (!preset && !options.endpoints) return undefined;
  const base = preset ? presetEndpoints(preset, options.baseUrl) : undefined;
  const endpoints = { ...base, ...options.endpoints };
  const issuer = options.issuer ?? (options.baseUrl ? undefined : preset?.issuer);
  if (!issuer) throw new TypeError('createEidClient: give the expected issuer with baseUrl or endpoints');
  if (!endpoints.authorization || !endpoints.token) {
    throw new TypeError('createEidClient: endpoints need at least authorization and token');
  }
  return {
    issuer,
    authorization_endpoint: endpoints.authorization,
    token_endpoint: endpoints.token,
    ...(endpoints.userinfo ? { userinfo_endpoint: endpoints.userinfo } : {}),
    ...(endpoints.jwks ? { jwks_uri: endpoints.jwks } : {}),
    ...(endpoints.endSession ? { end_session_endpoint: endpoints.endSession } : {}),
    code_challenge_methods_supported: ['S256'],
  };
}

function clientAuthOf(options: EidClientOptions): oauth.ClientAuth {
  const method =
    options.clientAuth ??
    (options.clientSecret !== undefined
      ? 'client_secret_basic'
      : options.privateKey !== undefined
        ? 'private_key_jwt'
        : 'none');
  switch (method) {
    case 'client_secret_basic':
    case 'client_secret_post':
      if (!options.clientSecret) throw new TypeError(`createEidClient: ${method} needs clientSecret`);
      return method === 'client_secret_basic'
        ? oauth.ClientSecretBasic(options.clientSecret)
        : oauth.ClientSecretPost(options.clientSecret);
    case 'private_key_jwt': {
      const key = options.privateKey;
      if (!key) throw new TypeError('createEidClient: private_key_jwt needs privateKey');
      return oauth.PrivateKeyJwt('key' in key ? (key as oauth.PrivateKey) : key);
    }
    default:
      return oauth.None();
  }
}

function sameString(a: string, b: string): boolean {
  return equalBytes(utf8Encode(a), utf8Encode(b));
}

function acrParam(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.join(' ');
}

function tokensOf(response: oauth.TokenEndpointResponse): EidTokens {
  return {
    accessToken: response.access_token,
    tokenType: response.token_type,
    ...(response.id_token ? { idToken: response.id_token } : {}),
    ...(response.refresh_token ? { refreshToken: response.refresh_token } : {}),
    ...(typeof response.expires_in === 'number'
      ? { expiresAt: new Date(Date.now() + response.expires_in * 1000) }
      : {}),
    ...(response.scope ? { scope: response.scope } : {}),
  };
}

/**
 * Creates a relying party for "log in with VNeID" (OpenID Connect authorization code flow with
 * PKCE S256, state and nonce) on top of oauth4webapi, with strict ID token verification by
 * {@link verifyEidToken} and the national claims mapped from userinfo.
 *
 * @throws TypeError on incomplete configuration; RangeError when `allowInsecureRequests` is set for a
 *   non-loopback provider.
 * @example
 * ```ts
 * const client = createEidClient({ preset: 'dvcqg', clientId, clientSecret, redirectUri, acrValues: 'LoA1' });
 * const { url, loginState } = await client.authorizationUrl(); // keep loginState in the session
 * // …on the callback:
 * const { identity } = await client.handleCallback(request.url, loginState);
 * ```
 */
export function createEidClient(options: EidClientOptions): EidClient {
  if (!options.clientId) throw new TypeError('createEidClient needs clientId');
  if (!options.redirectUri) throw new TypeError('createEidClient needs redirectUri');
  const staticServer = resolveStatic(options);
  if (!staticServer && !options.issuer)
    throw new TypeError('createEidClient needs issuer, preset or endpoints');
  const clientAuth = clientAuthOf(options);
  const algorithms = options.algorithms ?? ['RS256'];
  const tolerance = options.clockToleranceSec ?? 60;
  const http: HttpSettings = {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    allowInsecureRequests: options.allowInsecureRequests ?? false,
  };
  const loginTtl = options.loginTtlSec ?? 600;
  const client: oauth.Client = {
    client_id: options.clientId,
    id_token_signed_response_alg: algorithms[0] ?? 'RS256',
    [oauth.clockTolerance]: tolerance,
  };

  function assertTransport(server: oauth.AuthorizationServer): void {
    if (!http.allowInsecureRequests) return;
    const urls = [
      server.issuer,
      server.authorization_endpoint,
      server.token_endpoint,
      server.userinfo_endpoint,
    ];
    for (const value of urls) {
      if (value === undefined) continue;
      const url = new URL(value);
      if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
        throw new RangeError('allowInsecureRequests is only accepted for loopback providers');
      }
    }
  }

  let serverPromise: Promise<oauth.AuthorizationServer> | undefined;
  function server(): Promise<oauth.AuthorizationServer> {
    if (staticServer) {
      assertTransport(staticServer);
      return Promise.resolve(staticServer);
    }
    serverPromise ??= (async () => {
      const issuer = new URL(options.issuer as string);
      if (http.allowInsecureRequests && issuer.protocol === 'http:' && !LOOPBACK.has(issuer.hostname)) {
        throw new RangeError('allowInsecureRequests is only accepted for loopback providers');
      }
      try {
        const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...requestOptions(http) });
        const metadata = await oauth.processDiscoveryResponse(issuer, response);
        assertTransport(metadata);
        return metadata;
      } catch (error) {
        throw translateOauthError(error, 'ERR_EID_DISCOVERY', http.timeoutMs);
      }
    })();
    // A failed discovery is retried on the next call rather than cached forever.
    serverPromise.catch(() => {
      serverPromise = undefined;
    });
    return serverPromise;
  }

  let keySet: EidKeySet | undefined = options.jwks;
  function keysOf(as: oauth.AuthorizationServer): EidKeySet {
    if (keySet) return keySet;
    if (!as.jwks_uri) throw new TypeError('The provider publishes no jwks_uri: pass endpoints.jwks or jwks');
    keySet = createEidKeySet(as.jwks_uri, {
      timeoutMs: Math.min(http.timeoutMs, 10_000),
      ...(http.fetch ? { fetch: http.fetch } : {}),
    });
    return keySet;
  }

  async function verifyIdToken(
    as: oauth.AuthorizationServer,
    idToken: string,
    extra: { nonce?: string; accessToken?: string },
  ): Promise<EidIdentity> {
    return verifyEidToken(idToken, {
      issuer: as.issuer,
      audience: options.clientId,
      jwks: keysOf(as),
      algorithms,
      clockToleranceSec: tolerance,
      ...(options.requiredAcr === undefined ? {} : { requiredAcr: options.requiredAcr }),
      ...extra,
    });
  }

  async function userinfo(
    accessToken: string,
    expectedSub: string,
  ): Promise<Readonly<Record<string, unknown>>> {
    const as = await server();
    if (!as.userinfo_endpoint) throw new TypeError('The provider has no userinfo endpoint');
    try {
      const response = await oauth.userInfoRequest(as, client, accessToken, requestOptions(http));
      return await oauth.processUserInfoResponse(as, client, expectedSub, response);
    } catch (error) {
      throw translateOauthError(error, 'ERR_EID_USERINFO', http.timeoutMs);
    }
  }

  return {
    metadata: server,
    redirectUri: options.redirectUri,

    async verifyLogoutToken(token) {
      const as = await server();
      return verifyEidLogoutToken(token, {
        issuer: as.issuer,
        audience: options.clientId,
        jwks: keysOf(as),
        algorithms,
        clockToleranceSec: tolerance,
      });
    },

    async authorizationUrl(request = {}) {
      const as = await server();
      const loginState: EidLoginState = {
        state: oauth.generateRandomState(),
        nonce: oauth.generateRandomNonce(),
        codeVerifier: oauth.generateRandomCodeVerifier(),
        createdAt: Math.floor(Date.now() / 1000),
      };
      const url = new URL(as.authorization_endpoint as string);
      const params: Record<string, string | undefined> = {
        ...request.extraParams,
        response_type: 'code',
        client_id: options.clientId,
        redirect_uri: options.redirectUri,
        scope: request.scope ?? options.scope ?? 'openid',
        state: loginState.state,
        nonce: loginState.nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(loginState.codeVerifier),
        code_challenge_method: 'S256',
        acr_values: acrParam(request.acrValues ?? options.acrValues),
        prompt: request.prompt,
        login_hint: request.loginHint,
      };
      for (const [key, value] of Object.entries(params))
        if (value !== undefined) url.searchParams.set(key, value);
      return { url, loginState };
    },

    async handleCallback(callback, loginState) {
      const as = await server();
      const params =
        callback instanceof URLSearchParams ? callback : new URL(callback, options.redirectUri).searchParams;
      const state = params.get('state');
      if (
        typeof loginState?.state !== 'string' ||
        typeof loginState.nonce !== 'string' ||
        typeof loginState.codeVerifier !== 'string'
      ) {
        throw eidError('ERR_EID_SESSION');
      }
      if (state === null || !sameString(state, loginState.state)) throw eidError('ERR_EID_STATE');
      if (Math.floor(Date.now() / 1000) - loginState.createdAt > loginTtl) throw eidError('ERR_EID_SESSION');
      let validated: URLSearchParams;
      try {
        validated = oauth.validateAuthResponse(as, client, params, loginState.state);
      } catch (error) {
        throw translateOauthError(error, 'ERR_EID_CALLBACK', http.timeoutMs);
      }
      let tokenResponse: oauth.TokenEndpointResponse;
      try {
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          clientAuth,
          validated,
          options.redirectUri,
          loginState.codeVerifier,
          requestOptions(http),
        );
        tokenResponse = await oauth.processAuthorizationCodeResponse(as, client, response, {
          expectedNonce: loginState.nonce,
          requireIdToken: true,
        });
      } catch (error) {
        throw translateOauthError(error, 'ERR_EID_TOKEN_RESPONSE', http.timeoutMs);
      }
      const tokens = tokensOf(tokenResponse);
      const idToken = tokens.idToken as string;
      // Signature, algorithm, at_hash and acr, which oauth4webapi leaves to us for the code flow.
      const verified = await verifyIdToken(as, idToken, {
        nonce: loginState.nonce,
        accessToken: tokens.accessToken,
      });
      const wantUserinfo = options.fetchUserinfo ?? as.userinfo_endpoint !== undefined;
      if (!wantUserinfo) return { identity: verified, tokens };
      const info = await userinfo(tokens.accessToken, verified.sub);
      // Signed claims win; userinfo brings the national claims (it is where the portal puts them).
      const identity = mapEidClaims({ ...info, ...verified.claims }, { issuer: as.issuer });
      return { identity, tokens, userinfo: info };
    },

    userinfo,

    async refresh(refreshToken, refreshOptions = {}) {
      const as = await server();
      let tokenResponse: oauth.TokenEndpointResponse;
      try {
        const response = await oauth.refreshTokenGrantRequest(
          as,
          client,
          clientAuth,
          refreshToken,
          requestOptions(http),
        );
        tokenResponse = await oauth.processRefreshTokenResponse(as, client, response);
      } catch (error) {
        throw translateOauthError(error, 'ERR_EID_TOKEN_RESPONSE', http.timeoutMs);
      }
      const tokens = tokensOf(tokenResponse);
      if (tokens.idToken) {
        const identity = await verifyIdToken(as, tokens.idToken, { accessToken: tokens.accessToken });
        if (refreshOptions.expectedSub !== undefined && identity.sub !== refreshOptions.expectedSub) {
          throw eidError('ERR_EID_CLAIMS', { reason: 'the refreshed ID token is for another subject' });
        }
      }
      return tokens;
    },

    async logoutUrl(request = {}) {
      const as = await server();
      if (!as.end_session_endpoint) return undefined;
      const url = new URL(as.end_session_endpoint);
      url.searchParams.set('client_id', options.clientId);
      const redirect = request.postLogoutRedirectUri ?? options.postLogoutRedirectUri;
      if (request.idTokenHint) url.searchParams.set('id_token_hint', request.idTokenHint);
      if (redirect) url.searchParams.set('post_logout_redirect_uri', redirect);
      if (request.state) url.searchParams.set('state', request.state);
      return url;
    },
  };
}
