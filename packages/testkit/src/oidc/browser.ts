/**
 * A minimal browser for tests: follows redirects by hand, keeps cookies per host, and completes
 * the test provider's login and consent pages by adding `account`/`acr`/`deny` to their URLs.
 */

/** Options of {@link TestBrowser.follow}. */
export interface FollowOptions {
  /** The test account to log in as (its `sub`); default: the provider's first account. */
  readonly account?: string;
  /** The assurance level the login reports (default `LoA1`). */
  readonly acr?: string;
  /** Cancel the login at the provider (it answers `error=access_denied`). */
  readonly deny?: boolean;
  /** Stop before requesting a URL for which this returns true, and return that URL. */
  readonly stopAt?: (url: URL) => boolean;
  /** Maximum redirects to follow (default 20). */
  readonly maxRedirects?: number;
}

/** What {@link TestBrowser.follow} ended on. */
export interface FollowResult {
  /** The last URL requested, or the URL `stopAt` matched. */
  readonly url: URL;
  /** The final response (absent when `stopAt` stopped the walk). */
  readonly response?: Response;
  /** Every URL visited, in order. */
  readonly visited: readonly string[];
}

/**
 * A cookie-keeping, redirect-following HTTP client for login flows in tests.
 *
 * @example
 * ```ts
 * const browser = new TestBrowser();
 * const { url } = await browser.follow(authorizationUrl, { account: testEidAccounts[0].sub, stopAt: (u) => u.pathname === '/callback' });
 * url.searchParams.get('code');
 * ```
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  /** Cookies held for a host (`127.0.0.1:1234`). */
  cookies(host: string): ReadonlyMap<string, string> {
    return this.jar.get(host) ?? new Map();
  }

  /** Requests a URL with the host's cookies and remembers the cookies it sets. */
  async request(url: URL | string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookies = this.jar.get(target.host);
    if (cookies && cookies.size > 0) {
      headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const header of response.headers.getSetCookie()) this.store(target.host, header);
    return response;
  }

  /** Follows redirects from `start`, completing the provider's interactions on the way. */
  async follow(start: URL | string, options: FollowOptions = {}): Promise<FollowResult> {
    let url = new URL(start);
    const visited: string[] = [];
    for (let i = 0; i <= (options.maxRedirects ?? 20); i++) {
      if (options.stopAt?.(url)) return { url, visited };
      if (/^\/interaction\/[^/]+$/.test(url.pathname)) {
        if (options.account) url.searchParams.set('account', options.account);
        if (options.acr) url.searchParams.set('acr', options.acr);
        if (options.deny) url.searchParams.set('deny', '1');
      }
      visited.push(url.href);
      const response = await this.request(url);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url, response, visited };
      await response.body?.cancel();
      url = new URL(location, url);
    }
    throw new Error(`Too many redirects from ${new URL(start).origin}`);
  }

  private store(host: string, header: string): void {
    const [pair = '', ...attributes] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0) return;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    const expired = attributes.some((a) => {
      const [k = '', v = ''] = a.split('=');
      const key = k.trim().toLowerCase();
      return (key === 'max-age' && Number(v) <= 0) || (key === 'expires' && Date.parse(v) < Date.now());
    });
    if (expired || value === '') cookies.delete(name);
    else cookies.set(name, value);
    this.jar.set(host, cookies);
  }
}
