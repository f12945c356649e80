import { isCancuocError, maskId, type PartialDate } from '@cancuoc/core';
import type { AuthorizationUrlOptions, EidClient, EidLoginState } from '../create-eid-client.js';
import type { EidIdentity } from '../eid-identity.js';
import { deriveCookieKeys, openCookie, readCookie, sealCookie, serializeCookie } from './session-cookie.js';

/** What the session cookie keeps about the logged-in citizen (no raw claims: cookies are small). */
export interface EidSessionIdentity {
  readonly sub: string;
  readonly issuer: string;
  readonly personalId?: string;
  readonly fullName?: string;
  readonly dateOfBirth?: PartialDate;
  readonly sex?: 'male' | 'female';
  readonly acr?: string;
  readonly accountType?: string;
  readonly loginIdp?: string;
}

/** A logged-in session read from the cookie. */
export interface EidSession {
  readonly identity: EidSessionIdentity;
  /** The ID token, kept for `id_token_hint` at logout when it fits in the cookie. */
  readonly idToken?: string;
  /** When the session ends. */
  readonly expiresAt: Date;
}

/** Options of {@link createEidHandler}. */
export interface EidHandlerOptions {
  /** The relying party; its `redirectUri` must be `<origin><basePath>/callback`. */
  readonly client: EidClient;
  /** Secret for the signed and encrypted cookies, at least 32 bytes (keep it out of the code). */
  readonly secret: string | Uint8Array;
  /** Where the routes live (default `/auth`): `/login`, `/callback`, `/logout`, `/me`. */
  readonly basePath?: string;
  /** Where to send the browser after login when no `returnTo` was given (default `/`). */
  readonly afterLoginPath?: string;
  /** Where to send the browser after logout when the provider has no end-session endpoint (default `/`). */
  readonly afterLogoutPath?: string;
  /** Session cookie name (default `cancuoc_eid`; the login cookie adds `_login`). */
  readonly cookieName?: string;
  /** Session lifetime in seconds (default 3600). */
  readonly sessionMaxAgeSec?: number;
  /** Mark cookies `Secure` (default: when the request URL is https). */
  readonly secureCookies?: boolean;
  /** Also end the session at the provider on logout (default true). */
  readonly providerLogout?: boolean;
  /** Options for every authorization request (e.g. `acrValues`). */
  readonly authorization?: AuthorizationUrlOptions;
  /** Builds the response for a failed login (default: a short bilingual text page, status 400 or 502). */
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

function safeReturnTo(value: string | null, fallback: string): string {
  // Only same-site absolute paths: `//host` and `/\host` would be open redirects.
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { status: 302, headers });
}

function defaultError(error: unknown): Response {
  if (isCancuocError(error)) {
    const upstream = ['ERR_EID_NETWORK', 'ERR_EID_TIMEOUT', 'ERR_EID_DISCOVERY', 'ERR_EID_JWKS_UNAVAILABLE'];
    const status = upstream.includes(error.code) || error.code === 'ERR_EID_JWKS_TIMEOUT' ? 502 : 400;
    const body = `Đăng nhập không thành công: ${error.messageVi}\nLogin failed: ${error.message}\n(${error.code})\n`;
    return new Response(body, {
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  return new Response('Login failed\n', {
    status: 500,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

function sessionIdentity(identity: EidIdentity): EidSessionIdentity {
  const { sub, issuer, personalId, fullName, dateOfBirth, sex, acr, accountType, loginIdp } = identity;
  const picked = { sub, issuer, personalId, fullName, dateOfBirth, sex, acr, accountType, loginIdp };
  return Object.fromEntries(
    Object.entries(picked).filter(([, v]) => v !== undefined),
  ) as unknown as EidSessionIdentity;
}

/**
 * A framework-neutral login handler on web-standard `Request`/`Response`: `/login` starts the
 * VNeID login, `/callback` finishes it and sets a signed, encrypted session cookie, `/logout`
 * clears it (and logs out at the provider), `/me` answers the session's identity with the ID
 * number masked. Works as is in Hono, Deno, Bun, edge workers and Next.js route handlers, and
 * in Node through `@cancuoc/eid/node`.
 *
 * @throws RangeError when the secret is shorter than 32 bytes (at the first request).
 * @example
 * ```ts
 * const eid = createEidHandler({ client, secret: process.env.SESSION_SECRET! });
 * app.all('/auth/*', async (c) => (await eid.handle(c.req.raw)) ?? c.notFound()); // Hono
 * const session = await eid.getSession(request); // session?.identity.personalId
 * ```
 */
export function createEidHandler(options: EidHandlerOptions): EidHandler {
  const basePath = (options.basePath ?? '/auth').replace(/\/+$/, '');
  const cookieName = options.cookieName ?? 'cancuoc_eid';
  const loginCookie = `${cookieName}_login`;
  const maxAge = options.sessionMaxAgeSec ?? 3600;
  const afterLogin = options.afterLoginPath ?? '/';
  const afterLogout = options.afterLogoutPath ?? '/';
  let keys: ReturnType<typeof deriveCookieKeys> | undefined;
  const keysOnce = () => {
    keys ??= deriveCookieKeys(options.secret);
    return keys;
  };
  const secure = (request: Request) => options.secureCookies ?? new URL(request.url).protocol === 'https:';

  async function getSession(request: Request): Promise<EidSession | undefined> {
    const payload = await openCookie(
      await keysOnce(),
      SESSION_PURPOSE,
      readCookie(request.headers.get('cookie'), cookieName),
    );
    if (!payload || typeof payload.identity !== 'object' || payload.identity === null) return undefined;
    return {
      identity: payload.identity as EidSessionIdentity,
      ...(typeof payload.idToken === 'string' ? { idToken: payload.idToken } : {}),
      expiresAt: new Date((payload.exp ?? 0) * 1000),
    };
  }

  async function login(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const returnTo = safeReturnTo(url.searchParams.get('returnTo'), afterLogin);
    const { url: target, loginState } = await options.client.authorizationUrl(options.authorization);
    const sealed = await sealCookie(
      await keysOnce(),
      LOGIN_PURPOSE,
      { loginState: { ...loginState }, returnTo },
      600,
    );
    return redirect(target.href, [
      serializeCookie(loginCookie, sealed, { path: basePath, maxAgeSec: 600, secure: secure(request) }),
    ]);
  }

  async function callback(request: Request): Promise<Response> {
    const k = await keysOnce();
    const clearLogin = serializeCookie(loginCookie, '', {
      path: basePath,
      maxAgeSec: 0,
      secure: secure(request),
    });
    const pending = await openCookie(
      k,
      LOGIN_PURPOSE,
      readCookie(request.headers.get('cookie'), loginCookie),
    );
    const loginState = pending?.loginState as EidLoginState | undefined;
    // Without its login cookie the callback cannot be tied to a login started in this browser.
    const { identity, tokens } = await options.client.handleCallback(
      new URL(request.url),
      loginState ?? ({} as EidLoginState),
    );
    const identityPart = { identity: sessionIdentity(identity) };
    let session = await sealCookie(k, SESSION_PURPOSE, { ...identityPart, idToken: tokens.idToken }, maxAge);
    // Browsers drop cookies over 4096 bytes: keep the ID token (only a logout hint) when it fits.
    if (!tokens.idToken || session.length > MAX_COOKIE_VALUE) {
      session = await sealCookie(k, SESSION_PURPOSE, identityPart, maxAge);
    }
    const returnTo = safeReturnTo(
      typeof pending?.returnTo === 'string' ? pending.returnTo : null,
      afterLogin,
    );
    return redirect(returnTo, [
      clearLogin,
      serializeCookie(cookieName, session, { path: '/', maxAgeSec: maxAge, secure: secure(request) }),
    ]);
  }

  async function logout(request: Request): Promise<Response> {
    const session = await getSession(request);
    const clear = serializeCookie(cookieName, '', { path: '/', maxAgeSec: 0, secure: secure(request) });
    let target: URL | undefined;
    if (options.providerLogout ?? true) {
      target = await options.client
        .logoutUrl(session?.idToken ? { idTokenHint: session.idToken } : {})
        .catch(() => undefined);
    }
    return redirect(target?.href ?? afterLogout, [clear]);
  }

  async function me(request: Request): Promise<Response> {
    const session = await getSession(request);
    const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
    if (!session) return new Response(JSON.stringify({ authenticated: false }), { status: 401, headers });
    const { personalId, ...rest } = session.identity;
    const identity = personalId === undefined ? rest : { ...rest, personalId: maskId(personalId) };
    return new Response(JSON.stringify({ authenticated: true, identity, expiresAt: session.expiresAt }), {
      headers,
    });
  }

  async function handle(request: Request): Promise<Response | undefined> {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(`${basePath}/`)) return undefined;
    const route = path.slice(basePath.length);
    if (request.method !== 'GET' && request.method !== 'HEAD' && route !== '/logout') return undefined;
    try {
      switch (route) {
        case '/login':
          return await login(request);
        case '/callback':
          return await callback(request);
        case '/logout':
          return await logout(request);
        case '/me':
          return await me(request);
        default:
          return undefined;
      }
    } catch (error) {
      if (error instanceof RangeError || error instanceof TypeError) throw error;
      return options.onError ? options.onError(error, request) : defaultError(error);
    }
  }

  return { handle, getSession };
}
