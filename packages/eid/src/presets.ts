/**
 * Endpoint presets of the national e-ID login servers. Sources: shared/reference/integrations.md
 * §1.1. Agency portals call `/oauth2/authorize`, `/oauth2/token`, `/oauth2/userinfo` on the
 * national public-service portal (Cổng DVCQG), which brokers VNeID. No discovery document or JWKS
 * path is published: the JWKS, end-session and issuer values below follow the conventions of the
 * servers they appear to run (WSO2 Identity Server for DVCQG, Keycloak for the VNeID realm) and
 * are UNVERIFIED. Override any of them with the `endpoints` and `issuer` options.
 */

/** Endpoint URLs of an OpenID provider. */
export interface EidEndpoints {
  readonly authorization: string;
  readonly token: string;
  readonly userinfo?: string;
  readonly jwks?: string;
  readonly endSession?: string;
}

/** A national provider preset: base URL, expected issuer and endpoint paths. */
export interface EidProviderPreset {
  /** Human-readable name. */
  readonly name: string;
  /** Origin (and base path) the endpoint paths hang from. */
  readonly baseUrl: string;
  /** The expected `iss` of its ID tokens (unverified, see the file comment). */
  readonly issuer: string;
  /** Paths relative to `baseUrl`. */
  readonly paths: { readonly [K in keyof EidEndpoints]-?: string };
}

/** Names of the presets in {@link eidProviders}. */
export type EidProviderName = 'dvcqg' | 'dvcqg-test' | 'vneid';

const WSO2_PATHS = {
  authorization: '/oauth2/authorize',
  token: '/oauth2/token',
  userinfo: '/oauth2/userinfo',
  jwks: '/oauth2/jwks',
  endSession: '/oidc/logout',
} as const;

/**
 * The national e-ID login servers found in agencies' public code.
 *
 * @example
 * ```ts
 * eidProviders.dvcqg.baseUrl + eidProviders.dvcqg.paths.authorization
 * // 'https://xacthuc.dichvucong.gov.vn/oauth2/authorize'
 * ```
 */
export const eidProviders: Readonly<Record<EidProviderName, EidProviderPreset>> = {
  // Cổng Dịch vụ công quốc gia SSO; WSO2 writes `<base>/oauth2/token` as the token issuer.
  dvcqg: {
    name: 'Cổng Dịch vụ công quốc gia (xacthuc.dichvucong.gov.vn)',
    baseUrl: 'https://xacthuc.dichvucong.gov.vn',
    issuer: 'https://xacthuc.dichvucong.gov.vn/oauth2/token',
    paths: WSO2_PATHS,
  },
  'dvcqg-test': {
    name: 'Cổng Dịch vụ công quốc gia, test (testxacthuc.dichvucong.gov.vn)',
    baseUrl: 'https://testxacthuc.dichvucong.gov.vn',
    issuer: 'https://testxacthuc.dichvucong.gov.vn/oauth2/token',
    paths: WSO2_PATHS,
  },
  // The VNeID population-database SSO, a Keycloak realm "citizen" (decoded token in §1.1).
  vneid: {
    name: 'VNeID SSO (sso.dancuquocgia.gov.vn, realm citizen)',
    baseUrl: 'https://sso.dancuquocgia.gov.vn/auth/realms/citizen',
    issuer: 'https://sso.dancuquocgia.gov.vn/auth/realms/citizen',
    paths: {
      authorization: '/protocol/openid-connect/auth',
      token: '/protocol/openid-connect/token',
      userinfo: '/protocol/openid-connect/userinfo',
      jwks: '/protocol/openid-connect/certs',
      endSession: '/protocol/openid-connect/logout',
    },
  },
};

/** Absolute endpoint URLs of a preset, optionally on another base URL (a test server). @internal */
export function presetEndpoints(preset: EidProviderPreset, baseUrl = preset.baseUrl): Required<EidEndpoints> {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    authorization: base + preset.paths.authorization,
    token: base + preset.paths.token,
    userinfo: base + preset.paths.userinfo,
    jwks: base + preset.paths.jwks,
    endSession: base + preset.paths.endSession,
  };
}
