/**
 * `@cancuoc/eid`: "log in with VNeID" (định danh điện tử) for portals. An OpenID Connect relying
 * party for the national e-ID login servers (authorization code + PKCE + state + nonce), strict
 * verification of e-ID ID tokens, and mapping of the national claims (`SoDinhDanh`, `HoVaTen`,
 * `NgayThangNamSinh` …) to typed identities. Runtime-neutral: WebCrypto and an injectable `fetch`.
 * Subpaths: `@cancuoc/eid/handler` (a generic `Request`/`Response` login handler with a signed,
 * encrypted session cookie) and `@cancuoc/eid/node` (that handler in `node:http` and Express).
 *
 * @packageDocumentation
 */

/** The relying party: authorization URL, callback, userinfo, refresh, logout. */
export {
  type AuthorizationUrlOptions,
  createEidClient,
  type EidClient,
  type EidClientAuthMethod,
  type EidClientOptions,
  type EidLoginResult,
  type EidLoginState,
  type EidTokens,
  type LogoutUrlOptions,
} from './create-eid-client.js';
/** Cached, rotation-aware, rate-limited JWKS key sets. */
export { createEidKeySet, type EidKeySet, type EidKeySetOptions } from './create-eid-key-set.js';
/** The typed e-ID identity. */
export type { EidIdentity } from './eid-identity.js';
/** e-ID identity → resident record of `@cancuoc/schemas`. */
export { eidIdentityToResident } from './eid-identity-to-resident.js';
/** Error codes of `@cancuoc/eid` and their messages in English and Vietnamese. */
export { type EidErrorCode, eidErrorMessages } from './errors.js';
/** Mapping of e-ID claims to an identity. */
export { type MapEidClaimsOptions, mapEidClaims } from './map-eid-claims.js';
/** Endpoint presets of the national e-ID login servers. */
export {
  type EidEndpoints,
  type EidProviderName,
  type EidProviderPreset,
  eidProviders,
} from './presets.js';
/** Back-channel logout tokens (OpenID Connect Back-Channel Logout 1.0). */
export {
  BACKCHANNEL_LOGOUT_EVENT,
  type EidLogoutClaims,
  type VerifyEidLogoutTokenOptions,
  verifyEidLogoutToken,
} from './verify-eid-logout-token.js';
/** Standalone ID token verification for back ends. */
export { type EidAlgorithm, type VerifyEidTokenOptions, verifyEidToken } from './verify-eid-token.js';
