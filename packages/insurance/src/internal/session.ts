/**
 * The gateway session: `POST /api/token/take` (form `username`, `password` = MD5 hex) gives
 * `APIKey { access_token, id_token, expires_in }` (reference notes integrations.md §2.1). One token
 * is kept and shared by every check; it is renewed a minute before it expires, by one request at a
 * time however many checks wait for it, and dropped when the gateway answers 401 with it.
 */
import type { CancuocError } from '@cancuoc/core';
import { type InsuranceErrorCode, insuranceError } from '../errors.js';
import { parseExpiresIn } from './expires.js';
import { abortedError, type HttpConfig, postForm } from './http.js';
import { fieldError, isJsonObject, optionalText, parseJsonObject, resultCode } from './json.js';

/** A session token. */
export interface SessionToken {
  readonly accessToken: string;
  readonly idToken: string;
  /** When it expires (ms since the epoch). */
  readonly expiresAt: number;
}

/** Renew this long before the announced expiry, so that no check is sent with a dying token. */
export const RENEW_BEFORE_MS = 60_000;
/** Lifetime assumed when `expires_in` is missing or unreadable (a 401 renews it anyway). */
export const DEFAULT_LIFETIME_MS = 10 * 60_000;

/** The shared session of one client. */
export interface Session {
  /** A token that is not about to expire, renewing it (once, shared) when needed. */
  get(signal?: AbortSignal): Promise<SessionToken>;
  /** Forgets `token` after the gateway refused it (a newer token is kept). */
  invalidate(token: SessionToken): void;
  /** The current token, for redaction. */
  current(): SessionToken | undefined;
}

/** Waits for a shared promise, giving up (for this caller only) when its signal aborts. */
function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortedError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortedError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function loginError(code: string): CancuocError<InsuranceErrorCode> {
  if (code === '401') return insuranceError('ERR_INSURANCE_AUTH', { gatewayCode: code });
  if (code === '500') {
    return insuranceError('ERR_INSURANCE_SERVER', {
      reason: `login answered ${code}`,
      reasonVi: `đăng nhập trả về mã ${code}`,
      gatewayCode: code,
    });
  }
  return insuranceError('ERR_INSURANCE_LOGIN_REFUSED', { gatewayCode: code });
}

/** Creates the session of one client. */
export function createSession(options: {
  readonly http: HttpConfig;
  readonly url: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly now: () => number;
}): Session {
  let token: SessionToken | undefined;
  let pending: Promise<SessionToken> | undefined;

  async function take(): Promise<SessionToken> {
    const answer = await postForm(options.http, options.url, {
      username: options.username,
      password: options.passwordHash,
    });
    if (answer.status === 401 || answer.status === 403) {
      throw insuranceError('ERR_INSURANCE_AUTH', { gatewayCode: `HTTP ${answer.status}` });
    }
    if (answer.status < 200 || answer.status > 299) {
      throw insuranceError('ERR_INSURANCE_HTTP', { status: answer.status });
    }
    const body = parseJsonObject(answer.text);
    const code = resultCode(body);
    if (code !== '200') throw loginError(code);
    const key = body.APIKey;
    if (!isJsonObject(key)) throw fieldError('APIKey', 'an object');
    const accessToken = optionalText(key, 'access_token', 8192);
    if (accessToken === undefined) throw fieldError('APIKey.access_token', 'a token');
    const idToken = optionalText(key, 'id_token', 8192) ?? '';
    const now = options.now();
    const expiresAt = parseExpiresIn(key.expires_in, now) ?? now + DEFAULT_LIFETIME_MS;
    return { accessToken, idToken, expiresAt };
  }

  return {
    get(signal) {
      if (signal?.aborted) return Promise.reject(abortedError(signal));
      const now = options.now();
      if (token && now < token.expiresAt - RENEW_BEFORE_MS) return Promise.resolve(token);
      if (!pending) {
        // The renewal is shared: it runs without any one caller's signal, under the HTTP timeout.
        pending = take().then(
          (fresh) => {
            token = fresh;
            pending = undefined;
            return fresh;
          },
          (error: unknown) => {
            pending = undefined;
            throw error;
          },
        );
        // Every waiter may have given up (aborted): the failure is theirs to see, not unhandled.
        pending.catch(() => {});
      }
      return withSignal(pending, signal);
    },
    invalidate(refused) {
      if (token === refused) token = undefined;
    },
    current: () => token,
  };
}
