/**
 * `@cancuoc/testkit/oidc`: a real local OpenID provider shaped like the national e-ID login
 * server, synthetic e-ID accounts and a test browser that drives the login flow over HTTP.
 * Node only; needs the optional peers `jose` and `oidc-provider` (`npm install --save-dev jose
 * oidc-provider`), or fails with `ERR_TESTKIT_PEER_MISSING` and that install hint.
 *
 * @packageDocumentation
 */

/** Synthetic e-ID accounts. */
export { type TestEidAccount, testEidAccounts } from './accounts.js';
/** A cookie-keeping, redirect-following client that completes the provider's login pages. */
export { type FollowOptions, type FollowResult, TestBrowser } from './browser.js';
/** The local OpenID provider. */
export {
  type SignTestTokenOptions,
  startTestOidcProvider,
  type TestBackchannelDelivery,
  type TestOidcClient,
  type TestOidcFaults,
  type TestOidcProvider,
  type TestOidcProviderOptions,
  testOidcPaths,
} from './provider.js';
