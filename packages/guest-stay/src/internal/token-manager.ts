/**
 * The facility's token pair (KBTT API guide v1.4, APIs 1–3): log in with the integrator's Basic
 * client credentials and the facility account (`grant-type=api_cslt`); refresh when under 60 s
 * remain (§13.2), which rotates both tokens; one refresh at a time however many requests wait
 * (single flight), since the old refresh token dies with the refresh. Tokens never leave this
 * module except in the Authorization header.
 */
import { toBase64, utf8Encode } from '@cancuoc/core';
import { stayError } from '../errors.js';
import { bodyCode, exchange, type HttpConfig } from './http.js';

/** Credentials of the client and the facility account. */
export interface Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string;
  readonly password: string;
}

interface TokenState {
  readonly access: string;
  readonly refresh: string;
  /** Epoch ms when the access token expires. */
  readonly expiresAt: number;
}

/** Refresh when fewer than this many ms remain (guide §13.2: "còn < 60 giây"). */
export const REFRESH_MARGIN_MS = 60_000;

/** The token pair of one client. */
export interface TokenManager {
  /** A usable access token, logging in or refreshing first when needed. */
  accessToken(): Promise<string>;
  /** Forget an access token the API refused (HTTP 401), so the next call refreshes. */
  invalidate(token: string): void;
  /** Revoke the access token (API 3) and forget the pair. */
  revoke(signal?: AbortSignal): Promise<void>;
  /** The Basic authorization header value. */
  readonly basic: string;
}

/** Makes the token manager of a client. */
export function createTokenManager(
  http: HttpConfig,
  credentials: Credentials,
  now: () => number,
): TokenManager {
  const basic = `Basic ${toBase64(utf8Encode(`${credentials.clientId}:${credentials.clientSecret}`))}`;
  let state: TokenState | undefined;
  let inflight: Promise<TokenState> | undefined;

  const readPair = (status: number, json: unknown): TokenState => {
    const code = bodyCode(json);
    if (status === 401 || status === 403 || code === '401' || code === '403') {
      throw stayError('ERR_STAY_AUTH', { status, mayHaveArrived: false, retryable: false });
    }
    if (status >= 500) throw stayError('ERR_STAY_SERVER', { status, mayHaveArrived: false, retryable: true });
    if (status !== 200 || code !== '200') {
      throw stayError('ERR_STAY_HTTP', { status, mayHaveArrived: false, retryable: false });
    }
    const data = (json as { data?: unknown }).data as Record<string, unknown> | null | undefined;
    const access = data?.AccessToken;
    const refresh = data?.RefreshToken;
    const exp = data?.Exp;
    const valid = (t: unknown): t is string => typeof t === 'string' && t.length > 0 && t.length <= 8192;
    if (!valid(access) || !valid(refresh) || typeof exp !== 'number' || !Number.isFinite(exp) || exp <= 0) {
      throw stayError('ERR_STAY_RESPONSE', {
        status,
        reason: 'token answer without AccessToken, RefreshToken or Exp',
        mayHaveArrived: false,
        retryable: false,
      });
    }
    // Exp is a Unix time in seconds (guide §2.6).
    return { access, refresh, expiresAt: exp * 1000 };
  };

  const login = async (signal?: AbortSignal): Promise<TokenState> => {
    const form = new URLSearchParams({
      username: credentials.username,
      password: credentials.password,
      'grant-type': 'api_cslt',
    });
    const answer = await exchange(http, {
      method: 'POST',
      path: '/authorization-service/oauth/token',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      signal,
    });
    return readPair(answer.status, answer.json);
  };

  const refresh = async (current: TokenState, signal?: AbortSignal): Promise<TokenState> => {
    try {
      const answer = await exchange(http, {
        method: 'POST',
        path: '/authorization-service/oauth/refresh-token',
        query: { refresh_token: current.refresh },
        headers: { authorization: basic },
        signal,
      });
      return readPair(answer.status, answer.json);
    } catch (error) {
      // A refresh token the API no longer knows (expired, revoked, rotated by another process
      // of the same account): log in again with the password.
      if ((error as { code?: string }).code === 'ERR_STAY_AUTH') return login(signal);
      throw error;
    }
  };

  return {
    basic,
    async accessToken() {
      for (;;) {
        if (state && state.expiresAt - now() > REFRESH_MARGIN_MS) return state.access;
        if (!inflight) {
          const current = state;
          // Not tied to this caller's signal: other callers wait on the same refresh.
          inflight = (current ? refresh(current) : login()).then(
            (next) => {
              state = next;
              inflight = undefined;
              return next;
            },
            (error: unknown) => {
              inflight = undefined;
              throw error;
            },
          );
        }
        const next = await inflight;
        // A pair that is already short-lived (a TTL under 60 s) is used once rather than refreshed in a loop.
        if (next.expiresAt - now() <= REFRESH_MARGIN_MS) return next.access;
      }
    },
    invalidate(token) {
      if (state?.access === token) state = { ...state, expiresAt: 0 };
    },
    async revoke(signal) {
      if (inflight) await inflight.catch(() => undefined);
      const current = state;
      state = undefined;
      if (!current) return;
      const answer = await exchange(http, {
        method: 'DELETE',
        path: '/authorization-service/oauth/revoke',
        query: { access_token: current.access },
        headers: { authorization: basic },
        signal,
      });
      if (answer.status >= 400 && answer.status !== 401) {
        throw stayError(answer.status >= 500 ? 'ERR_STAY_SERVER' : 'ERR_STAY_HTTP', {
          status: answer.status,
          mayHaveArrived: false,
          retryable: answer.status >= 500,
        });
      }
    },
  };
}
