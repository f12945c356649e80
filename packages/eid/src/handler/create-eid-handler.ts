import { concatBytes, isCancuocError, maskId, toBase64, utf8Decode, utf8Encode } from '@cancuoc/core';
import type { AuthorizationUrlOptions, EidClient, EidLoginState } from '../create-eid-client.js';
import type { EidIdentity } from '../eid-identity.js';
import { type EidErrorCode, eidError, eidErrorMessages } from '../errors.js';
import { logoutPage, PAGE_HEADERS } from './internal/pages.js';
import { checkReturnTo, samePath } from './internal/return-to.js';
import {
  type CookieKeys,
  cookiesWithPrefix,
  deriveKeyRing,
  openCookie,
  readOnlyCookie,
  sealCookie,
  serializeCookie,
} from './session-cookie.js';
import {
  createLogoutTokenMemory,
  createMemorySessionStore,
  type EidSessionIdentity,
  type EidSessionStore,
  type EidStoredSession,
} from './session-store.js';

export type { EidSessionIdentity } from './session-store.js';

/** A logged-in session. */
export interface EidSession {
  readonly identity: EidSessionIdentity;
  /** The ID token, kept for `id_token_hint` at logout (server-side, or in the cookie when it fits). */
  readonly idToken?: string;
  /** When the session ends if unused: the earlier of the idle deadline and the absolute lifetime. */
  readonly expiresAt: Date;
  /**
   * The token a logout form must POST as `csrf` (see {@link EidHandler}): put it in a hidden
   * field of your own logout button.
   */
  readonly csrfToken?: string;
}

/** Identity fields a session may keep (`sub` and `issuer` are always kept). */
export type EidSessionField =
  | 'personalId'
  | 'fullName'
  | 'dateOfBirth'
  | 'sex'
  | 'acr'
  | 'accountType'
  | 'loginIdp';

/** Options of {@link createEidHandler}. */
export interface EidHandlerOptions {
  /** The relying party; its `redirectUri` must be `<origin><basePath>/callback`. */
  readonly client: EidClient;
  /**
   * Secret for the signed and encrypted cookies, at least 32 bytes (keep it out of the code). An
   * array rotates secrets: the first seals, every one opens.
   */
  readonly secret: string | Uint8Array | readonly (string | Uint8Array)[];
  /**
   * The portal's public origin (`https://dichvu.example.gov.vn`). Default: the origin of the
   * client's `redirectUri`, else of each request. Redirects after login stay on it, logout checks
   * `Origin` against it, and cookies are `Secure` when it is https.
   */
  readonly origin?: string;
  /** Where the routes live (default `/auth`): `/login`, `/callback`, `/logout`, `/me`, `/backchannel-logout`. */
  readonly basePath?: string;
  /** Where to send the browser after login when no `returnTo` was given (default `/`). */
  readonly afterLoginPath?: string;
  /** Where to send the browser after logout when the provider has no end-session endpoint (default `/`). */
  readonly afterLogoutPath?: string;
  /**
   * Session cookie name. Default `__Host-cancuoc_eid` on https (a sibling subdomain cannot set
   * or override it) and `cancuoc_eid` on http; pending logins use `<name>_login_<id>`.
   */
  readonly cookieName?: string;
  /** Absolute session lifetime in seconds, however active the citizen is (default 3600). */
  readonly sessionMaxAgeSec?: number;
  /** A session unused for this many seconds ends (default 1800). Server-side sessions only. */
  readonly idleTimeoutSec?: number;
  /**
   * End the session no later than the ID token's `exp` (default false). Off by default on
   * purpose: an ID token's `exp` says until when the portal may *accept the token* at login
   * (OpenID Connect Core §3.1.3.7), not how long the portal's own session may last, and Core ties
   * no relying-party session to it; providers make it short (minutes) and this handler does not
   * refresh it, so binding by default would send citizens back to VNeID every few minutes. Turn it
   * on when the portal's policy is that its session must never outlast the authentication the
   * provider vouched for (e.g. high-assurance services); the session then ends at the earliest of
   * `exp`, `sessionMaxAgeSec` and the idle timeout. To follow the provider's own session instead,
   * register `/backchannel-logout` at the provider. Applies to stateless sessions as well.
   */
  readonly sessionBoundToIdToken?: boolean;
  /**
   * Where sessions live. Default: an in-memory store ({@link createMemorySessionStore}), right
   * for one process. Several processes need a shared store (Redis, PostgreSQL). `'stateless'`
   * keeps the session in the encrypted cookie instead: no revocation (a copied cookie stays valid
   * until it expires, even after logout), no idle timeout, no back-channel logout.
   */
  readonly sessionStore?: EidSessionStore | 'stateless';
  /**
   * Identity fields the session keeps (Decree 13/2023: keep only what the portal uses). Default:
   * all of them, as before. `sub` and `issuer` are always kept.
   */
  readonly sessionFields?: readonly EidSessionField[];
  /** Mark cookies `Secure` (default: when the portal origin or the request is https). */
  readonly secureCookies?: boolean;
  /** Also end the session at the provider on logout (default true). */
  readonly providerLogout?: boolean;
  /** Logins that may be pending at once in one browser, e.g. in several tabs (default 3). */
  readonly maxPendingLogins?: number;
  /** Options for every authorization request (e.g. `acrValues`). */
  readonly authorization?: AuthorizationUrlOptions;
  /** Builds the response for a failed request (default: a short bilingual text page, status 4xx or 502). */
  readonly onError?: (error: unknown, request: Request) => Response | Promise<Response>;
}

/** The generic handler made by {@link createEidHandler}. */
export interface EidHandler {
  /** Answers the handler's routes; `undefined` for any other path (pass it on to your app). */
  handle(request: Request): Promise<Response | undefined>;
  /** The session of a request, or `undefined` when not logged in (or the cookie was tampered with). */
  getSession(request: Request): Promise<EidSession | undefined>;
}

const LOGIN_PURPOSE = 'cancuoc-eid-login';
const SESSION_PURPOSE = 'cancuoc-eid-session';
const MAX_COOKIE_VALUE = 3800;
const LOGIN_TTL = 600;
/** How old a logout token may be when verified (verifyEidLogoutToken's default `maxAgeSec`). */
const LOGOUT_TOKEN_MAX_AGE = 300;
const MAX_FORM_BYTES = 16_384;
const ALL_FIELDS: readonly EidSessionField[] = [
  'personalId',
  'fullName',
  'dateOfBirth',
  'sex',
  'acr',
  'accountType',
  'loginIdp',
];
const STATUS: Partial<Record<EidErrorCode, number>> = {
  ERR_EID_NETWORK: 502,
  ERR_EID_TIMEOUT: 502,
  ERR_EID_DISCOVERY: 502,
  ERR_EID_JWKS_UNAVAILABLE: 502,
  ERR_EID_JWKS_TIMEOUT: 502,
  ERR_EID_JWKS_INVALID: 502,
  ERR_EID_METHOD: 405,
  ERR_EID_LOGOUT_FORBIDDEN: 403,
  ERR_EID_BACKCHANNEL_UNAVAILABLE: 501,
};
// Details that may be shown to the citizen. Others (library messages, raw provider text) are
// left out of the default pages: `error.details` still has them for the portal's logs.
const PUBLIC_DETAILS: Partial<Record<EidErrorCode, readonly string[]>> = {
  ERR_EID_PROVIDER_ERROR: ['error'],
  ERR_EID_TIMEOUT: ['timeoutMs'],
  ERR_EID_JWKS_TIMEOUT: ['timeoutMs'],
  ERR_EID_ACR: ['acr', 'required'],
  ERR_EID_RETURN_TO: ['reason'],
  ERR_EID_REQUEST: ['reason'],
  ERR_EID_METHOD: ['method'],
  ERR_EID_LOGOUT_TOKEN: ['reason'],
};
const ROUTE_METHODS: Readonly<Record<string, readonly string[]>> = {
  '/login': ['GET', 'HEAD'],
  '/callback': ['GET'],
  '/logout': ['GET', 'HEAD', 'POST'],
  '/me': ['GET', 'HEAD'],
  '/backchannel-logout': ['POST'],
};
const BASE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function publicText(
  template: string,
  code: EidErrorCode,
  details: Readonly<Record<string, unknown>>,
): string {
  const allowed = PUBLIC_DETAILS[code] ?? [];
  return template
    .replace(/ ?\(\{(\w+)\}\)|: \{(\w+)\}|\{(\w+)\}/g, (whole, a?: string, b?: string, c?: string) => {
      const key = (a ?? b ?? c) as string;
      const value = details[key];
      if (!allowed.includes(key) || (typeof value !== 'string' && typeof value !== 'number')) {
        return c === undefined ? '' : '?';
      }
      return whole.replace(`{${key}}`, String(value).slice(0, 80));
    })
    .trim();
}

function errorStatus(error: unknown): number {
  return isCancuocError(error) ? (STATUS[error.code as EidErrorCode] ?? 400) : 500;
}

function defaultError(error: unknown): Response {
  const headers = { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' };
  if (isCancuocError(error) && error.code in eidErrorMessages) {
    const code = error.code as EidErrorCode;
    const messages = eidErrorMessages[code];
    const details = error.details ?? {};
    const body =
      `Đăng nhập không thành công: ${publicText(messages.vi, code, details)}\n` +
      `Login failed: ${publicText(messages.en, code, details)}\n(${code})\n`;
    return new Response(body, { status: errorStatus(error), headers });
  }
  return new Response('Đăng nhập không thành công (lỗi máy chủ)\nLogin failed (server error)\n', {
    status: 500,
    headers,
  });
}

function withHeaders(response: Response, cookies: readonly string[], extra: Record<string, string> = {}) {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries({ ...BASE_HEADERS, ...extra })) {
    if (!headers.has(name) || name === 'cache-control') headers.set(name, value);
  }
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function redirect(location: string, cookies: readonly string[] = [], status = 302): Response {
  const headers = new Headers({ ...BASE_HEADERS, location });
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { status, headers });
}

function pickIdentity(identity: EidIdentity, fields: readonly EidSessionField[]): EidSessionIdentity {
  const picked: Record<string, unknown> = { sub: identity.sub, issuer: identity.issuer };
  for (const field of fields) if (identity[field] !== undefined) picked[field] = identity[field];
  return picked as unknown as EidSessionIdentity;
}

const base64urlEncode = (bytes: Uint8Array) => toBase64(bytes, { url: true });

function randomId(): string {
  return base64urlEncode(crypto.getRandomValues(new Uint8Array(32)));
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8Encode(text) as Uint8Array<ArrayBuffer>);
  return base64urlEncode(new Uint8Array(digest));
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Reads a small `application/x-www-form-urlencoded` body, refusing anything larger than `limit`. */
async function readForm(request: Request, limit: number): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw eidError('ERR_EID_REQUEST', { reason: 'expected a form body' });
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw eidError('ERR_EID_REQUEST', { reason: 'body too large' });
  const reader = request.body?.getReader();
  if (!reader) return new URLSearchParams();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw eidError('ERR_EID_REQUEST', { reason: 'body too large' });
    }
    chunks.push(value);
  }
  return new URLSearchParams(utf8Decode(concatBytes(...chunks)));
}

interface LoadedSession {
  readonly ref: string;
  readonly session: EidSession;
  readonly providerSid?: string;
}

/**
 * A framework-neutral login handler on web-standard `Request`/`Response`: `/login` starts the
 * VNeID login, `/callback` finishes it and opens a session, `/logout` shows a confirmation page
 * (GET) and ends the session (POST with its token, or from this origin) and at the provider,
 * `/backchannel-logout` ends sessions the provider names in a logout token, `/me` answers the
 * session's identity with the ID number masked. Sessions live server-side (in memory by default,
 * or in the store you pass) behind a signed, encrypted, `__Host-` cookie on https. Works in
 * Hono, Deno, Bun, edge workers and Next.js route handlers, and in Node through `@cancuoc/eid/node`.
 *
 * @throws RangeError when a secret is shorter than 32 bytes (at the first request), or an option
 *   is out of range.
 * @example
 * ```ts
 * const eid = createEidHandler({ client, secret: process.env.SESSION_SECRET! });
 * app.all('/auth/*', async (c) => (await eid.handle(c.req.raw)) ?? c.notFound()); // Hono
 * const session = await eid.getSession(request); // session?.identity.personalId
 * ```
 */
export function createEidHandler(options: EidHandlerOptions): EidHandler {
  const { client } = options;
  const basePath = (options.basePath ?? '/auth').replace(/\/+$/, '');
  const maxAge = options.sessionMaxAgeSec ?? 3600;
  const idle = options.idleTimeoutSec ?? 1800;
  const maxPending = options.maxPendingLogins ?? 3;
  for (const [name, value] of [
    ['sessionMaxAgeSec', maxAge],
    ['idleTimeoutSec', idle],
    ['maxPendingLogins', maxPending],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  }
  const store =
    options.sessionStore === 'stateless' ? undefined : (options.sessionStore ?? createMemorySessionStore());
  const fields = options.sessionFields ?? ALL_FIELDS;
  const boundToIdToken = options.sessionBoundToIdToken ?? false;
  // Logout-token IDs already used: in the store (shared by every process) when it can keep them,
  // else in this process's memory (a store of your own without `rememberLogoutToken`).
  const rememberLogoutToken = store?.rememberLogoutToken?.bind(store) ?? createLogoutTokenMemory(100_000);
  const providerLogout = options.providerLogout ?? true;
  const configuredOrigin = (() => {
    const source = options.origin ?? client.redirectUri;
    if (source === undefined) return undefined;
    const origin = new URL(source).origin;
    if (origin === 'null') throw new TypeError('origin must be an http(s) origin');
    return origin;
  })();
  // Rewrite rolling-session timestamps at most this often, not on every request.
  const touchEvery = Math.min(60, Math.floor(idle / 10));

  let ring: Promise<{ cookies: CookieKeys[]; tokenKeys: CryptoKey[] }> | undefined;
  const keys = () => {
    ring ??= deriveKeyRing(options.secret).then(async ({ cookies, tokens }) => ({
      cookies,
      tokenKeys: await Promise.all(
        tokens.map((raw) =>
          crypto.subtle.importKey(
            'raw',
            raw as Uint8Array<ArrayBuffer>,
            { name: 'HMAC', hash: 'SHA-256' },
            false,
            ['sign'],
          ),
        ),
      ),
    }));
    ring.catch(() => {
      ring = undefined;
    });
    return ring;
  };

  const originOf = (request: Request) => configuredOrigin ?? new URL(request.url).origin;
  // From the configured origin when there is one (a TLS-terminating proxy hands us http
  // requests), so that the cookie name and `Secure` never change from one request to the next.
  const secureFor = (request: Request) =>
    options.secureCookies ?? (configuredOrigin ?? new URL(request.url).origin).startsWith('https:');
  const sessionName = (secure: boolean) =>
    options.cookieName ?? (secure ? '__Host-cancuoc_eid' : 'cancuoc_eid');
  const loginPrefix = (secure: boolean) => `${sessionName(secure)}_login_`;
  const loginName = async (secure: boolean, state: string) =>
    `${loginPrefix(secure)}${(await sha256(`login ${state}`)).slice(0, 16)}`;
  const cookie = (name: string, value: string, maxAgeSec: number, secure: boolean) =>
    serializeCookie(name, value, { path: '/', maxAgeSec, secure });
  const target = (path: string, request: Request) => new URL(path, `${originOf(request)}/`).href;

  async function csrfFor(ref: string, key?: CryptoKey): Promise<string> {
    const k = key ?? (await keys()).tokenKeys[0];
    const mac = await crypto.subtle.sign(
      'HMAC',
      k as CryptoKey,
      utf8Encode(`logout ${ref}`) as Uint8Array<ArrayBuffer>,
    );
    return base64urlEncode(new Uint8Array(mac));
  }

  async function csrfValid(ref: string, token: string | null): Promise<boolean> {
    if (!token || token.length > 128) return false;
    for (const key of (await keys()).tokenKeys) {
      if (constantTimeEqual(await csrfFor(ref, key), token)) return true;
    }
    return false;
  }

  async function loadSession(request: Request): Promise<LoadedSession | undefined> {
    const secure = secureFor(request);
    const value = readOnlyCookie(request.headers.get('cookie'), sessionName(secure));
    const payload = await openCookie((await keys()).cookies, SESSION_PURPOSE, value);
    if (!payload || typeof payload.ref !== 'string') return undefined;
    const ref = payload.ref;
    const csrfToken = await csrfFor(ref);
    if (!store) {
      if (typeof payload.identity !== 'object' || payload.identity === null) return undefined;
      return {
        ref,
        session: {
          identity: payload.identity as EidSessionIdentity,
          ...(typeof payload.idToken === 'string' ? { idToken: payload.idToken } : {}),
          expiresAt: new Date((payload.exp ?? 0) * 1000),
          csrfToken,
        },
        ...(typeof payload.psid === 'string' ? { providerSid: payload.psid } : {}),
      };
    }
    const key = await sha256(ref);
    let stored = await store.get(key);
    if (!stored) return undefined;
    const now = Math.floor(Date.now() / 1000);
    if (now >= stored.expiresAt || now - stored.lastSeenAt >= idle) {
      await store.delete(key);
      return undefined;
    }
    if (now - stored.lastSeenAt >= touchEvery) {
      stored = { ...stored, lastSeenAt: now };
      await store.set(key, stored, Math.min(idle, stored.expiresAt - now));
    }
    return {
      ref,
      session: {
        identity: stored.identity,
        ...(stored.idToken ? { idToken: stored.idToken } : {}),
        expiresAt: new Date(Math.min(stored.expiresAt, stored.lastSeenAt + idle) * 1000),
        csrfToken,
      },
      ...(stored.providerSid ? { providerSid: stored.providerSid } : {}),
    };
  }

  async function getSession(request: Request): Promise<EidSession | undefined> {
    return (await loadSession(request))?.session;
  }

  /** Clears the oldest pending logins so that a new one keeps their number within the limit. */
  async function evictPendingLogins(request: Request, secure: boolean): Promise<string[]> {
    const pending = cookiesWithPrefix(request.headers.get('cookie'), loginPrefix(secure));
    if (pending.length < maxPending) return [];
    const { cookies } = await keys();
    const dated = await Promise.all(
      pending.map(async ([name, value]) => {
        const payload = await openCookie(cookies, LOGIN_PURPOSE, value);
        return { name, iat: typeof payload?.iat === 'number' ? payload.iat : -1 };
      }),
    );
    dated.sort((a, b) => a.iat - b.iat);
    return dated.slice(0, pending.length - maxPending + 1).map(({ name }) => cookie(name, '', 0, secure));
  }

  async function login(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const origin = originOf(request);
    const secure = secureFor(request);
    const raw = url.searchParams.get('returnTo');
    // Refused here, before the citizen goes to the provider, not after the code is redeemed.
    const returnTo = raw === null ? undefined : checkReturnTo(raw, origin);
    const { url: authorize, loginState } = await client.authorizationUrl(options.authorization);
    const sealed = await sealCookie(
      (await keys()).cookies[0] as CookieKeys,
      LOGIN_PURPOSE,
      { loginState: { ...loginState }, ...(returnTo === undefined ? {} : { returnTo }) },
      LOGIN_TTL,
    );
    return redirect(authorize.href, [
      ...(await evictPendingLogins(request, secure)),
      cookie(await loginName(secure, loginState.state), sealed, LOGIN_TTL, secure),
    ]);
  }

  async function newSession(
    identity: EidIdentity,
    idToken: string | undefined,
  ): Promise<{ value: string; maxAgeSec: number }> {
    const now = Math.floor(Date.now() / 1000);
    let expiresAt = now + maxAge;
    if (boundToIdToken && identity.expiresAt) {
      expiresAt = Math.min(expiresAt, Math.floor(identity.expiresAt.getTime() / 1000));
      // Accepted within the clock tolerance but already past its exp: a session of 0 s would only
      // send the citizen round in a loop. Say so instead.
      if (expiresAt <= now) throw eidError('ERR_EID_EXPIRED');
    }
    const lifetime = expiresAt - now;
    const ref = randomId();
    const sid = identity.claims.sid;
    const stored: EidStoredSession = {
      identity: pickIdentity(identity, fields),
      ...(providerLogout && idToken ? { idToken } : {}),
      ...(typeof sid === 'string' && sid !== '' ? { providerSid: sid } : {}),
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    };
    const sealKeys = (await keys()).cookies[0] as CookieKeys;
    if (store) {
      await store.set(await sha256(ref), stored, Math.min(idle, lifetime));
      return { value: await sealCookie(sealKeys, SESSION_PURPOSE, { ref }, lifetime), maxAgeSec: lifetime };
    }
    const base = {
      ref,
      identity: stored.identity,
      ...(stored.providerSid ? { psid: stored.providerSid } : {}),
    };
    let value = await sealCookie(sealKeys, SESSION_PURPOSE, { ...base, idToken: stored.idToken }, lifetime);
    // Browsers drop cookies over 4096 bytes: keep the ID token (only a logout hint) when it fits.
    if (!stored.idToken || value.length > MAX_COOKIE_VALUE) {
      value = await sealCookie(sealKeys, SESSION_PURPOSE, base, lifetime);
    }
    return { value, maxAgeSec: lifetime };
  }

  async function callback(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const secure = secureFor(request);
    const header = request.headers.get('cookie');
    const state = url.searchParams.get('state');
    const name = state === null || state.length > 512 ? undefined : await loginName(secure, state);
    // Whatever happens next, this login is over: its cookie goes.
    const clearLogin =
      name && readOnlyCookie(header, name) !== undefined ? [cookie(name, '', 0, secure)] : [];
    try {
      // A code-flow callback never carries tokens: an implicit or hybrid response is injected.
      for (const param of ['id_token', 'token', 'access_token']) {
        if (url.searchParams.has(param)) {
          throw eidError('ERR_EID_CALLBACK', { reason: `unexpected ${param} parameter` });
        }
      }
      const { cookies } = await keys();
      const pending = name
        ? await openCookie(cookies, LOGIN_PURPOSE, readOnlyCookie(header, name))
        : undefined;
      if (!pending) {
        // Another login is pending in this browser, not this one: a callback from someone else's login.
        const others = cookiesWithPrefix(header, loginPrefix(secure)).length > 0;
        if (others && !url.searchParams.has('error')) throw eidError('ERR_EID_STATE');
        // Without its login cookie the callback cannot be tied to a login started in this browser.
        throw eidError('ERR_EID_SESSION');
      }
      const { identity, tokens } = await client.handleCallback(url, pending.loginState as EidLoginState);
      const previous = await loadSession(request).catch(() => undefined);
      if (store && previous) await store.delete(await sha256(previous.ref));
      const session = await newSession(identity, tokens.idToken);
      const origin = originOf(request);
      const returnTo = typeof pending.returnTo === 'string' ? samePath(pending.returnTo, origin) : undefined;
      return redirect(target(returnTo ?? options.afterLoginPath ?? '/', request), [
        ...clearLogin,
        cookie(sessionName(secure), session.value, session.maxAgeSec, secure),
      ]);
    } catch (error) {
      return failure(error, request, clearLogin);
    }
  }

  async function logout(request: Request): Promise<Response> {
    const loaded = await loadSession(request);
    const secure = secureFor(request);
    if (request.method !== 'POST') {
      return new Response(
        request.method === 'HEAD'
          ? null
          : logoutPage(
              `${basePath}/logout`,
              loaded?.session.csrfToken,
              target(options.afterLoginPath ?? '/', request),
            ),
        { headers: PAGE_HEADERS },
      );
    }
    // A logout must come from the portal's own pages: the same origin (fetch, forms: browsers send
    // Origin on every POST), or the confirmation token of the session (forms behind proxies that
    // change the origin). A cross-site form or navigation has neither.
    const sameOrigin = request.headers.get('origin') === originOf(request);
    if (!sameOrigin) {
      const form = await readForm(request, MAX_FORM_BYTES);
      if (!loaded || !(await csrfValid(loaded.ref, form.get('csrf')))) {
        throw eidError('ERR_EID_LOGOUT_FORBIDDEN');
      }
    }
    if (store && loaded) await store.delete(await sha256(loaded.ref));
    const clear = cookie(sessionName(secure), '', 0, secure);
    let end: URL | undefined;
    if (providerLogout) {
      end = await client
        .logoutUrl(loaded?.session.idToken ? { idTokenHint: loaded.session.idToken } : {})
        .catch(() => undefined);
    }
    // 303: the browser follows with a GET, never re-POSTing to the provider.
    return redirect(end?.href ?? target(options.afterLogoutPath ?? '/', request), [clear], 303);
  }

  async function backchannelLogout(request: Request): Promise<Response> {
    const json = (status: number, body: unknown) =>
      new Response(body === null ? null : JSON.stringify(body), {
        status,
        headers: { ...BASE_HEADERS, 'content-type': 'application/json' },
      });
    try {
      if (!store || !client.verifyLogoutToken) throw eidError('ERR_EID_BACKCHANNEL_UNAVAILABLE');
      const form = await readForm(request, MAX_FORM_BYTES);
      const claims = await client.verifyLogoutToken(form.get('logout_token'));
      // Back-Channel Logout 1.0 §2.6 step 10: a token already received is refused. Its ID is
      // recorded before any session is ended, atomically in the store, so that of two copies
      // arriving at two processes only one acts; it is kept until the token could no longer
      // pass verification anyway (a client without `acceptedUntil`: iat + 300 s + 300 s skew).
      const until =
        claims.acceptedUntil?.getTime() ?? claims.issuedAt.getTime() + (LOGOUT_TOKEN_MAX_AGE + 300) * 1000;
      const id = await sha256(`logout-token ${claims.issuer} ${claims.jti}`);
      if (!(await rememberLogoutToken(id, Math.ceil(until / 1000) + 1))) {
        throw eidError('ERR_EID_LOGOUT_REPLAY');
      }
      await store.deleteMatching({
        issuer: claims.issuer,
        ...(claims.sid ? { sid: claims.sid } : {}),
        ...(claims.sub ? { sub: claims.sub } : {}),
      });
      return json(200, null);
    } catch (error) {
      if (!isCancuocError(error)) throw error;
      // Back-Channel Logout 1.0 §2.8: 400 with an OAuth-style error body; our own outages are 5xx.
      const status = errorStatus(error);
      return json(status, {
        error: status === 400 ? 'invalid_request' : 'temporarily_unavailable',
        error_description: publicText(
          eidErrorMessages[error.code as EidErrorCode].en,
          error.code as EidErrorCode,
          error.details ?? {},
        ),
      });
    }
  }

  async function me(request: Request): Promise<Response> {
    const session = await getSession(request);
    const headers = { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8' };
    if (!session) return new Response(JSON.stringify({ authenticated: false }), { status: 401, headers });
    const { personalId, ...rest } = session.identity;
    const identity = personalId === undefined ? rest : { ...rest, personalId: maskId(personalId) };
    return new Response(JSON.stringify({ authenticated: true, identity, expiresAt: session.expiresAt }), {
      headers,
    });
  }

  async function failure(
    error: unknown,
    request: Request,
    cookies: readonly string[] = [],
  ): Promise<Response> {
    if ((error instanceof RangeError || error instanceof TypeError) && !isCancuocError(error)) throw error;
    const response = options.onError ? await options.onError(error, request) : defaultError(error);
    return withHeaders(response, cookies);
  }

  async function handle(request: Request): Promise<Response | undefined> {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(`${basePath}/`)) return undefined;
    const route = path.slice(basePath.length);
    const methods = ROUTE_METHODS[route];
    if (!methods || request.method === 'OPTIONS') return undefined;
    if (!methods.includes(request.method)) {
      const response = await failure(
        eidError('ERR_EID_METHOD', { method: request.method.slice(0, 16) }),
        request,
      );
      return withHeaders(response, [], { allow: methods.join(', ') });
    }
    try {
      switch (route) {
        case '/login':
          return await login(request);
        case '/callback':
          return await callback(request);
        case '/logout':
          return await logout(request);
        case '/backchannel-logout':
          return await backchannelLogout(request);
        default:
          return await me(request);
      }
    } catch (error) {
      return failure(error, request);
    }
  }

  return { handle, getSession };
}
