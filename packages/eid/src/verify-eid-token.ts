import { decodeProtectedHeader, errors, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';
import { createEidKeySet, type EidKeySet, isEidKeySet, isNetworkFailure } from './create-eid-key-set.js';
import type { EidIdentity } from './eid-identity.js';
import { eidError } from './errors.js';
import { acrRank } from './internal/acr.js';
import { atHashMatches } from './internal/at-hash.js';
import { isCanonicalBase64url } from './internal/base64url.js';
import { mapEidClaims } from './map-eid-claims.js';

/**
 * Signature algorithms an e-ID token may use. Only asymmetric ones: `none` and the HMAC family
 * are never accepted, so a public key can never be abused as an HMAC secret.
 */
export type EidAlgorithm =
  | 'RS256'
  | 'RS384'
  | 'RS512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'ES256'
  | 'ES384'
  | 'ES512'
  | 'EdDSA'
  | 'Ed25519';

/** @internal */
export const ASYMMETRIC: ReadonlySet<string> = new Set<EidAlgorithm>([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
]);

/** Options of {@link verifyEidToken}. */
export interface VerifyEidTokenOptions {
  /** The expected `iss`, exactly. */
  readonly issuer: string;
  /** Your client ID(s) at the provider: the token's `aud` must contain one of them. */
  readonly audience: string | readonly string[];
  /** The provider's JWKS URI; key sets made from a URI here are cached per URI. */
  readonly jwksUri?: string | URL;
  /** A key set from {@link createEidKeySet} (preferred on servers) or a fixed JWKS object. */
  readonly jwks?: EidKeySet | JSONWebKeySet;
  /** The nonce sent in the authorization request; the token must carry the same. */
  readonly nonce?: string;
  /** Minimum assurance level (`acr`), e.g. `LoA2`; a token without `acr` then fails. */
  readonly requiredAcr?: string;
  /** Ranking of acr values, lowest first, when they are not `LoA<n>`/`<n>` (the default ranking). */
  readonly acrOrder?: readonly string[];
  /** Clock skew allowed on `exp`, `nbf` and `iat`, in seconds (default 60, at most 300). */
  readonly clockToleranceSec?: number;
  /** Reject tokens issued longer ago than this many seconds. */
  readonly maxAgeSec?: number;
  /** Accepted signature algorithms (default `['RS256']`, the national provider's). */
  readonly algorithms?: readonly EidAlgorithm[];
  /** The access token issued with this ID token: its `at_hash`, when present, must match. */
  readonly accessToken?: string;
  /** The expected `azp` (default: the first audience). */
  readonly authorizedParty?: string;
  /** Tokens longer than this many bytes are rejected before any parsing (default 16 384). */
  readonly maxTokenBytes?: number;
  /** Require a `kid` in the token header (default true: the national provider always sends one). */
  readonly requireKid?: boolean;
  /**
   * Userinfo claims already fetched for this login: their `sub` must equal the token's, and the
   * national claims (`SoDinhDanh`, `HoVaTen`, …) are taken from them when the token lacks them.
   */
  readonly userinfo?: Readonly<Record<string, unknown>>;
  /** "Now", for tests and replays (default: the clock). */
  readonly currentDate?: Date;
  /** The `fetch` used to download `jwksUri` (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch;
  /** JWKS download timeout for `jwksUri`, in milliseconds (default 5000). */
  readonly timeoutMs?: number;
}

const MAX_CACHED_KEY_SETS = 32;
const defaultKeySets = new Map<string, EidKeySet>();
const keySetsByFetch = new WeakMap<typeof fetch, Map<string, EidKeySet>>();

/** @internal */
export function keySetFor(
  options: Pick<VerifyEidTokenOptions, 'jwks' | 'jwksUri' | 'timeoutMs' | 'fetch'>,
): EidKeySet {
  if (options.jwks !== undefined) {
    if (isEidKeySet(options.jwks)) return options.jwks;
    return createEidKeySet(options.jwks);
  }
  if (options.jwksUri === undefined) throw new TypeError('verifyEidToken needs jwks or jwksUri');
  const uri = new URL(options.jwksUri).href;
  const timeoutMs = options.timeoutMs ?? 5000;
  let cache = defaultKeySets;
  if (options.fetch) {
    cache = keySetsByFetch.get(options.fetch) ?? new Map();
    keySetsByFetch.set(options.fetch, cache);
  }
  const key = `${timeoutMs} ${uri}`;
  let set = cache.get(key);
  if (!set) {
    set = createEidKeySet(uri, { timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) });
    if (cache.size >= MAX_CACHED_KEY_SETS) cache.delete(cache.keys().next().value as string);
    cache.set(key, set);
  }
  return set;
}

// The signature part may be empty so that `alg: none` tokens reach the algorithm check and get its code.
/** @internal */
export const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Whether every segment of a compact JWS is canonical base64url (one spelling per token). @internal */
export function canonicalJws(token: string): boolean {
  return token.split('.').every(isCanonicalBase64url);
}

/** Whether a failure is WebCrypto refusing key material (a DOMException such as "Invalid keyData"). */
function isKeyImportFailure(error: unknown): boolean {
  if (typeof DOMException !== 'undefined' && error instanceof DOMException) return true;
  return error instanceof Error && (error.name === 'DataError' || error.name === 'NotSupportedError');
}

/** jose's errors → our codes. @internal */
export function translate(error: unknown, keySet: EidKeySet, kid: string | undefined): unknown {
  if (error instanceof errors.JWTExpired) {
    return error.claim === 'iat'
      ? eidError('ERR_EID_ISSUED_AT', {}, { cause: error })
      : eidError('ERR_EID_EXPIRED');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const byClaim = {
      iss: 'ERR_EID_ISSUER',
      aud: 'ERR_EID_AUDIENCE',
      nbf: 'ERR_EID_NOT_YET_VALID',
      iat: 'ERR_EID_ISSUED_AT',
      exp: 'ERR_EID_EXPIRED',
    } as const;
    const code = error.reason === 'missing' ? undefined : byClaim[error.claim as keyof typeof byClaim];
    if (code) return eidError(code);
    return eidError('ERR_EID_CLAIMS', { reason: `${error.claim} ${error.reason}`, claim: error.claim });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return eidError('ERR_EID_SIGNATURE');
  if (error instanceof errors.JWKSNoMatchingKey)
    return eidError('ERR_EID_KEY_NOT_FOUND', { kid: kid ?? 'none' });
  if (error instanceof errors.JWKSTimeout)
    return eidError('ERR_EID_JWKS_TIMEOUT', { timeoutMs: keySet.timeoutMs });
  if (error instanceof errors.JWKSInvalid || error instanceof errors.JWKInvalid)
    return eidError('ERR_EID_JWKS_INVALID', {}, { cause: error });
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return eidError('ERR_EID_ALGORITHM', { alg: 'unsupported', allowed: '' }, { cause: error });
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return eidError('ERR_EID_TOKEN_FORMAT', { reason: error.message }, { cause: error });
  }
  // Downloaded, but not a key set: a body that is not JSON (jose keeps the SyntaxError as cause).
  if (error instanceof errors.JOSEError && error.cause instanceof SyntaxError)
    return eidError('ERR_EID_JWKS_INVALID', {}, { cause: error });
  if (isNetworkFailure(error) || error instanceof errors.JOSEError) {
    // Network failures of the download and non-200 answers.
    const reason = error instanceof Error ? error.message : 'network failure';
    return eidError('ERR_EID_JWKS_UNAVAILABLE', { reason }, { cause: error });
  }
  // A key of the set that WebCrypto or jose refuses (an RSA key without e, an EC point "AAAA", a
  // modulus under 2048 bits): the set was available, its content is not usable.
  if (isKeyImportFailure(error) || error instanceof TypeError)
    return eidError('ERR_EID_JWKS_INVALID', {}, { cause: error });
  return error;
}

/**
 * Verifies a national e-ID ID token (signature against the provider's JWKS, algorithm
 * allowlist, `iss`, `aud`, `azp`, `exp`/`nbf`/`iat` with bounded skew, `nonce`, `at_hash`, `acr`)
 * and maps its claims, completed by userinfo's when given, to an {@link EidIdentity}. For back
 * ends that receive ID tokens from a mobile app, and used by {@link createEidClient}.
 *
 * @throws CancuocError whose code names the failed check: `ERR_EID_TOKEN_SIZE`,
 *   `ERR_EID_TOKEN_FORMAT`, `ERR_EID_ALGORITHM`, `ERR_EID_KEY_NOT_FOUND`, `ERR_EID_SIGNATURE`,
 *   `ERR_EID_EXPIRED`, `ERR_EID_NOT_YET_VALID`, `ERR_EID_ISSUED_AT`, `ERR_EID_ISSUER`,
 *   `ERR_EID_AUDIENCE`, `ERR_EID_AZP`, `ERR_EID_NONCE`, `ERR_EID_AT_HASH`, `ERR_EID_ACR`,
 *   `ERR_EID_CLAIMS`, `ERR_EID_PERSONAL_ID`, `ERR_EID_USERINFO_SUBJECT`,
 *   `ERR_EID_JWKS_UNAVAILABLE`, `ERR_EID_JWKS_TIMEOUT`, `ERR_EID_JWKS_INVALID`.
 * @throws TypeError / RangeError on misuse (no key source, an HMAC or `none` algorithm allowed,
 *   a clock tolerance over 300 s).
 * @example
 * ```ts
 * const jwks = createEidKeySet('https://xacthuc.dichvucong.gov.vn/oauth2/jwks');
 * const identity = await verifyEidToken(idToken, { issuer, audience: 'my-client-id', jwks, requiredAcr: 'LoA1' });
 * const { sub, acr } = identity;
 * ```
 */
export async function verifyEidToken(token: unknown, options: VerifyEidTokenOptions): Promise<EidIdentity> {
  const algorithms = options.algorithms ?? ['RS256'];
  for (const alg of algorithms) {
    if (!ASYMMETRIC.has(alg)) throw new RangeError(`Algorithm ${String(alg)} is not allowed for e-ID tokens`);
  }
  const tolerance = options.clockToleranceSec ?? 60;
  if (!(tolerance >= 0 && tolerance <= 300)) throw new RangeError('clockToleranceSec must be within 0–300');
  const audiences = typeof options.audience === 'string' ? [options.audience] : [...options.audience];
  if (audiences.length === 0 || typeof options.issuer !== 'string' || options.issuer === '') {
    throw new TypeError('verifyEidToken needs an issuer and at least one audience');
  }
  const keySet = keySetFor(options);
  const maxBytes = options.maxTokenBytes ?? 16_384;

  // Cheap checks first, before anything is decoded (an oversized token costs nothing).
  if (typeof token !== 'string') throw eidError('ERR_EID_TOKEN_FORMAT', { reason: 'not a string' });
  if (token.length > maxBytes) throw eidError('ERR_EID_TOKEN_SIZE', { size: token.length, max: maxBytes });
  if (!COMPACT_JWS.test(token)) {
    const parts = token.split('.').length;
    const reason = parts === 5 ? 'encrypted tokens are not accepted' : 'not three base64url parts';
    throw eidError('ERR_EID_TOKEN_FORMAT', { reason });
  }
  if (!canonicalJws(token)) throw eidError('ERR_EID_TOKEN_FORMAT', { reason: 'non-canonical base64url' });
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch (cause) {
    throw eidError('ERR_EID_TOKEN_FORMAT', { reason: 'the header is not a JSON object' }, { cause });
  }
  const alg = header.alg;
  if (typeof alg !== 'string' || !algorithms.includes(alg as EidAlgorithm)) {
    throw eidError('ERR_EID_ALGORITHM', {
      alg: typeof alg === 'string' ? alg.slice(0, 16) : 'missing',
      allowed: algorithms.join(', '),
    });
  }
  const kid = typeof header.kid === 'string' ? header.kid.slice(0, 64) : undefined;
  if ((options.requireKid ?? true) && kid === undefined) {
    throw eidError('ERR_EID_KEY_NOT_FOUND', { kid: 'missing' });
  }

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keySet.getKey, {
      algorithms: [...algorithms],
      issuer: options.issuer,
      audience: audiences,
      clockTolerance: tolerance,
      requiredClaims: ['sub', 'exp', 'iat'],
      ...(options.maxAgeSec === undefined ? {} : { maxTokenAge: options.maxAgeSec }),
      ...(options.currentDate ? { currentDate: options.currentDate } : {}),
    }));
  } catch (error) {
    throw translate(error, keySet, kid);
  }

  // jose checks `iat` only against maxTokenAge; a token from the future is refused here.
  const now = Math.floor((options.currentDate ?? new Date()).getTime() / 1000);
  if (typeof payload.iat !== 'number' || payload.iat > now + tolerance) throw eidError('ERR_EID_ISSUED_AT');

  // OIDC Core §3.1.3.7 (4, 5): with several audiences azp is required; when present it is us.
  const expectedAzp = options.authorizedParty ?? audiences[0];
  const tokenAudiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (payload.azp !== undefined ? payload.azp !== expectedAzp : tokenAudiences.length > 1) {
    throw eidError('ERR_EID_AZP');
  }
  if (options.nonce !== undefined && payload.nonce !== options.nonce) throw eidError('ERR_EID_NONCE');
  if (payload.at_hash !== undefined && options.accessToken !== undefined) {
    if (
      typeof payload.at_hash !== 'string' ||
      !(await atHashMatches(payload.at_hash, options.accessToken, alg))
    ) {
      throw eidError('ERR_EID_AT_HASH');
    }
  }
  if (options.requiredAcr !== undefined) {
    const acr = typeof payload.acr === 'string' ? payload.acr : undefined;
    const required = acrRank(options.requiredAcr, options.acrOrder);
    if (required === undefined)
      throw new RangeError(`requiredAcr ${options.requiredAcr} is not a known level`);
    const rank = acr === undefined ? undefined : acrRank(acr, options.acrOrder);
    if (rank === undefined || rank < required) {
      throw eidError('ERR_EID_ACR', { acr: acr?.slice(0, 16) ?? 'none', required: options.requiredAcr });
    }
  }

  let claims: Record<string, unknown> = payload;
  if (options.userinfo !== undefined) {
    if (options.userinfo.sub !== payload.sub) throw eidError('ERR_EID_USERINFO_SUBJECT');
    // Signed claims win; userinfo fills what the token lacks (the national claims).
    claims = { ...options.userinfo, ...payload };
  }
  return mapEidClaims(claims, { issuer: options.issuer });
}
