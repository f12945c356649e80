import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';

/** Options of {@link createEidKeySet}. */
export interface EidKeySetOptions {
  /** The `fetch` to use (default `globalThis.fetch`): inject one for proxies, tests or edge runtimes. */
  readonly fetch?: typeof fetch;
  /** Abort a key-set download after this many milliseconds (default 5000). */
  readonly timeoutMs?: number;
  /**
   * Minimum time between two downloads triggered by an unknown `kid` (default 30 000 ms): a flood
   * of forged tokens with random `kid`s cannot make us hammer the provider.
   */
  readonly cooldownMs?: number;
  /** Download the key set again after this long even without an unknown `kid` (default 10 min). */
  readonly cacheMaxAgeMs?: number;
}

/**
 * The identity provider's signing keys (JWKS): downloaded on first use, cached, downloaded again
 * once when a token names an unknown `kid` (key rotation), at most once per cooldown.
 * Pass it as `jwks` to {@link verifyEidToken} and reuse it for every verification.
 */
export interface EidKeySet {
  /** The key resolver jose verifies with. */
  readonly getKey: JWTVerifyGetKey;
  /** Where the keys come from (`undefined` for a fixed, local key set). */
  readonly uri: string | undefined;
  /** How long a key-set download may take (ms), for error messages. */
  readonly timeoutMs: number;
}

const KEY_SET = Symbol.for('cancuoc.eid.keySet');

// Errors thrown by the download itself (DNS, refused connection, TLS): a TypeError from fetch looks
// like the TypeErrors jose and WebCrypto raise for unusable keys, so the download's are marked.
const networkFailures = new WeakSet<object>();

/** Whether `error` was thrown by the `fetch` of a key-set download. @internal */
export function isNetworkFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && networkFailures.has(error);
}

/**
 * Creates a cached key set for an identity provider's JWKS URI, or wraps a fixed JWKS
 * (for providers that hand keys out of band, and for tests).
 *
 * @param source - the JWKS URI (`https://…/oauth2/jwks`) or a JWKS object `{ keys: [...] }`.
 * @example
 * ```ts
 * const jwks = createEidKeySet('https://xacthuc.dichvucong.gov.vn/oauth2/jwks', { timeoutMs: 3000 });
 * const identity = await verifyEidToken(idToken, { issuer, audience: clientId, jwks });
 * ```
 */
export function createEidKeySet(
  source: string | URL | JSONWebKeySet,
  options: EidKeySetOptions = {},
): EidKeySet {
  const timeoutMs = options.timeoutMs ?? 5000;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new RangeError('timeoutMs must be a positive integer');
  if (typeof source === 'object' && !(source instanceof URL)) {
    if (!source || !Array.isArray(source.keys))
      throw new TypeError('jwks must be a JWKS object { keys: [...] }');
    return Object.freeze({ getKey: createLocalJWKSet(source), uri: undefined, timeoutMs, [KEY_SET]: true });
  }
  const url = new URL(source);
  const marked: typeof fetch = async (input, init) => {
    try {
      return await (options.fetch ? options.fetch(input, init) : globalThis.fetch(input, init));
    } catch (error) {
      if (typeof error === 'object' && error !== null) networkFailures.add(error);
      throw error;
    }
  };
  const getKey = createRemoteJWKSet(url, {
    timeoutDuration: timeoutMs,
    cooldownDuration: options.cooldownMs ?? 30_000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    [customFetch]: marked,
  });
  return Object.freeze({ getKey, uri: url.href, timeoutMs, [KEY_SET]: true });
}

/** Whether a value was made by {@link createEidKeySet}. @internal */
export function isEidKeySet(value: unknown): value is EidKeySet {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[KEY_SET] === true;
}
