import { decodeProtectedHeader, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';
import type { EidKeySet } from './create-eid-key-set.js';
import { eidError } from './errors.js';
import {
  ASYMMETRIC,
  COMPACT_JWS,
  canonicalJws,
  type EidAlgorithm,
  keySetFor,
  translate,
} from './verify-eid-token.js';

/** The event a logout token carries (OpenID Connect Back-Channel Logout 1.0 §2.4). */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** Options of {@link verifyEidLogoutToken}. */
export interface VerifyEidLogoutTokenOptions {
  /** The expected `iss`, exactly. */
  readonly issuer: string;
  /** Your client ID(s): the token's `aud` must contain one of them. */
  readonly audience: string | readonly string[];
  /** A key set from `createEidKeySet` or a fixed JWKS object. */
  readonly jwks?: EidKeySet | JSONWebKeySet;
  /** The provider's JWKS URI (key sets made from it are cached per URI). */
  readonly jwksUri?: string | URL;
  /** Accepted signature algorithms (default `['RS256']`). */
  readonly algorithms?: readonly EidAlgorithm[];
  /** Clock skew allowed, in seconds (default 60, at most 300). */
  readonly clockToleranceSec?: number;
  /** Refuse tokens issued longer ago than this (default 300 s: providers send them at once). */
  readonly maxAgeSec?: number;
  /** "Now", for tests (default: the clock). */
  readonly currentDate?: Date;
}

/** What a verified logout token says: which sessions to end. */
export interface EidLogoutClaims {
  readonly issuer: string;
  /** The provider's session to end (the `sid` the ID token carried). */
  readonly sid?: string;
  /** The citizen whose sessions to end (all of them when no `sid` is given). */
  readonly sub?: string;
  /** The token's unique ID. */
  readonly jti: string;
  readonly issuedAt: Date;
  /** The token's `exp`, when it has one (Back-Channel Logout 1.0 §2.4 recommends a short one). */
  readonly expiresAt?: Date;
  /**
   * The last moment this token would still pass this verification (the earlier of `exp` and
   * `iat` + `maxAgeSec`, plus the clock tolerance). Keep its `jti` until then to refuse a replay:
   * the back-channel logout route of `createEidHandler` does.
   */
  readonly acceptedUntil?: Date;
}

// §2.4: `typ` SHOULD be logout+jwt; providers that predate it send JWT or nothing. Anything
// else (an access token's at+jwt, …) is another kind of token.
const LOGOUT_TYPES = new Set(['logout+jwt', 'application/logout+jwt', 'jwt', 'application/jwt']);

/**
 * Verifies a back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.6): signature
 * against the provider's JWKS with an asymmetric algorithm, `iss`, `aud`, `iat` (recent, not in
 * the future), `exp` when present, a `jti`, the back-channel logout event, a `sid` or `sub`, and
 * no `nonce` (so an ID token can never pass for a logout token).
 *
 * @throws CancuocError `ERR_EID_LOGOUT_TOKEN` (structure, type, event, sid/sub, nonce), or the
 *   signature and claim codes of {@link verifyEidToken} (`ERR_EID_SIGNATURE`, `ERR_EID_ISSUER`,
 *   `ERR_EID_AUDIENCE`, `ERR_EID_EXPIRED`, `ERR_EID_ISSUED_AT`, `ERR_EID_ALGORITHM`,
 *   `ERR_EID_KEY_NOT_FOUND`, `ERR_EID_JWKS_*`).
 * @example
 * ```ts
 * const jwks = createEidKeySet('https://xacthuc.dichvucong.gov.vn/oauth2/jwks');
 * const { sid, sub } = await verifyEidLogoutToken(form.get('logout_token'), { issuer, audience: clientId, jwks });
 * ```
 */
export async function verifyEidLogoutToken(
  token: unknown,
  options: VerifyEidLogoutTokenOptions,
): Promise<EidLogoutClaims> {
  const algorithms = options.algorithms ?? ['RS256'];
  for (const alg of algorithms) {
    if (!ASYMMETRIC.has(alg)) throw new RangeError(`Algorithm ${String(alg)} is not allowed for e-ID tokens`);
  }
  const tolerance = options.clockToleranceSec ?? 60;
  if (!(tolerance >= 0 && tolerance <= 300)) throw new RangeError('clockToleranceSec must be within 0–300');
  const audiences = typeof options.audience === 'string' ? [options.audience] : [...options.audience];
  if (audiences.length === 0 || !options.issuer) {
    throw new TypeError('verifyEidLogoutToken needs an issuer and at least one audience');
  }
  const keySet = keySetFor(options);
  const fail = (reason: string) => eidError('ERR_EID_LOGOUT_TOKEN', { reason });

  if (typeof token !== 'string' || token === '') throw fail('missing');
  if (token.length > 16_384) throw fail('too long');
  if (!COMPACT_JWS.test(token)) throw fail('not a signed JWT');
  if (!canonicalJws(token)) throw fail('non-canonical base64url');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw fail('the header is not a JSON object');
  }
  if (typeof header.alg !== 'string' || !algorithms.includes(header.alg as EidAlgorithm)) {
    throw eidError('ERR_EID_ALGORITHM', {
      alg: typeof header.alg === 'string' ? header.alg.slice(0, 16) : 'missing',
      allowed: algorithms.join(', '),
    });
  }
  if (header.typ !== undefined && !LOGOUT_TYPES.has(String(header.typ).toLowerCase())) {
    throw fail('wrong token type');
  }
  const kid = typeof header.kid === 'string' ? header.kid.slice(0, 64) : undefined;

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keySet.getKey, {
      algorithms: [...algorithms],
      issuer: options.issuer,
      audience: audiences,
      clockTolerance: tolerance,
      requiredClaims: ['iat', 'jti'],
      maxTokenAge: options.maxAgeSec ?? 300,
      ...(options.currentDate ? { currentDate: options.currentDate } : {}),
    }));
  } catch (error) {
    const translated = translate(error, keySet, kid);
    const code = (translated as { code?: string }).code;
    // A missing jti or iat is a malformed logout token, not an ID token's claim problem.
    if (code === 'ERR_EID_CLAIMS') throw fail('a required claim (iat, jti) is missing');
    throw translated;
  }
  const now = Math.floor((options.currentDate ?? new Date()).getTime() / 1000);
  if (typeof payload.iat !== 'number' || payload.iat > now + tolerance) throw eidError('ERR_EID_ISSUED_AT');
  if (typeof payload.jti !== 'string' || payload.jti === '') throw fail('jti is not a string');
  const events = payload.events as Record<string, unknown> | undefined;
  const event = typeof events === 'object' && events !== null ? events[BACKCHANNEL_LOGOUT_EVENT] : undefined;
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw fail('no back-channel logout event');
  }
  // §2.4: a logout token must not carry a nonce (what tells it apart from an ID token).
  if (payload.nonce !== undefined) throw fail('it carries a nonce');
  const sid = typeof payload.sid === 'string' && payload.sid !== '' ? payload.sid : undefined;
  const sub = typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : undefined;
  if (payload.sid !== undefined && sid === undefined) throw fail('sid is not a string');
  if (payload.sub !== undefined && sub === undefined) throw fail('sub is not a string');
  if (!sid && !sub) throw fail('neither sid nor sub');
  const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
  const acceptedUntil =
    Math.min(exp ?? Number.POSITIVE_INFINITY, payload.iat + (options.maxAgeSec ?? 300)) + tolerance;
  return {
    issuer: options.issuer,
    ...(sid ? { sid } : {}),
    ...(sub ? { sub } : {}),
    jti: payload.jti,
    issuedAt: new Date(payload.iat * 1000),
    ...(exp === undefined ? {} : { expiresAt: new Date(exp * 1000) }),
    acceptedUntil: new Date(acceptedUntil * 1000),
  };
}
