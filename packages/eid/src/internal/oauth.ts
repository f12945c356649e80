/** Glue between oauth4webapi and our errors: request options and error translation. @internal */
import { isCancuocError } from '@cancuoc/core';
import * as oauth from 'oauth4webapi';
import { eidError } from '../errors.js';

/** HTTP options shared by every oauth4webapi request we make. */
export interface HttpSettings {
  readonly fetch: typeof fetch | undefined;
  readonly timeoutMs: number;
  readonly allowInsecureRequests: boolean;
}

/** oauth4webapi request options for one request: injected fetch, timeout, http for loopback. */
export function requestOptions(http: HttpSettings): {
  signal: AbortSignal;
  [oauth.customFetch]?: (url: string, init: oauth.CustomFetchOptions<string, unknown>) => Promise<Response>;
  [oauth.allowInsecureRequests]?: boolean;
} {
  return {
    signal: AbortSignal.timeout(http.timeoutMs),
    ...(http.fetch ? { [oauth.customFetch]: http.fetch as never } : {}),
    ...(http.allowInsecureRequests ? { [oauth.allowInsecureRequests]: true } : {}),
  };
}

/**
 * The provider's `error` value as it may be echoed: RFC 6749 §4.1.2.1 allows only
 * %x20-21 / %x23-5B / %x5D-7E; anything else is replaced and the value cut at 64 characters, so
 * a crafted callback cannot put long or control-laden text into our error pages and logs.
 */
export function providerErrorCode(value: unknown): string {
  if (typeof value !== 'string' || value === '') return 'unknown';
  const clean = value.slice(0, 64).replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '?');
  return value.length > 64 ? `${clean}…` : clean;
}

function printable(value: string, max: number): string {
  return value
    .slice(0, max)
    .replace(/[^\x20-\x7e\u00a0-\uffff]|[\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
}

const CLAIM_CODES = {
  nonce: 'ERR_EID_NONCE',
  iss: 'ERR_EID_ISSUER',
  aud: 'ERR_EID_AUDIENCE',
  azp: 'ERR_EID_AZP',
  exp: 'ERR_EID_EXPIRED',
  nbf: 'ERR_EID_NOT_YET_VALID',
  iat: 'ERR_EID_ISSUED_AT',
} as const;

/**
 * Turns what an oauth4webapi call threw into a CancuocError of the step (`fallback`), keeping the
 * precise code when the failure names a claim. Never copies token values into the error.
 */
export function translateOauthError(
  error: unknown,
  fallback: 'ERR_EID_TOKEN_RESPONSE' | 'ERR_EID_USERINFO' | 'ERR_EID_DISCOVERY' | 'ERR_EID_CALLBACK',
  timeoutMs: number,
): Error {
  if (isCancuocError(error)) return error;
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return eidError('ERR_EID_TIMEOUT', { timeoutMs }, { cause: error });
  }
  if (error instanceof oauth.ResponseBodyError) {
    return eidError(fallback, { reason: `${error.error} (HTTP ${error.status})`, error: error.error });
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return eidError('ERR_EID_PROVIDER_ERROR', {
      error: providerErrorCode(error.error),
      ...(error.error_description === undefined
        ? {}
        : { description: printable(error.error_description, 200) }),
    });
  }
  if (error instanceof oauth.UnsupportedOperationError) {
    // e.g. an `id_token` or `token` parameter in a code-flow callback (implicit/hybrid response).
    return eidError(fallback, { reason: 'unsupported response', oauthCode: error.code ?? 'unknown' });
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    return eidError(fallback, { reason: `HTTP ${error.status} (WWW-Authenticate challenge)` });
  }
  if (error instanceof oauth.OperationProcessingError) {
    const cause = error.cause as { claim?: string; attribute?: string } | undefined;
    if (error.code === oauth.JSON_ATTRIBUTE_COMPARISON && cause?.attribute === 'sub') {
      return eidError('ERR_EID_USERINFO_SUBJECT');
    }
    if (error.code === oauth.JSON_ATTRIBUTE_COMPARISON && fallback === 'ERR_EID_USERINFO') {
      return eidError('ERR_EID_USERINFO_SUBJECT');
    }
    const claimCode = cause?.claim ? CLAIM_CODES[cause.claim as keyof typeof CLAIM_CODES] : undefined;
    if (claimCode) return eidError(claimCode);
    return eidError(fallback, { reason: error.message.slice(0, 200), oauthCode: error.code ?? 'unknown' });
  }
  // fetch() rejects with a TypeError when the network fails; oauth4webapi's own TypeErrors
  // (ERR_INVALID_ARG_*) are misuse and stay as they are.
  if (
    error instanceof TypeError &&
    !String((error as { code?: unknown }).code ?? '').startsWith('ERR_INVALID')
  ) {
    return eidError('ERR_EID_NETWORK', { reason: error.message.slice(0, 200) }, { cause: error });
  }
  if (error instanceof Error) return error;
  return new Error(String(error));
}
