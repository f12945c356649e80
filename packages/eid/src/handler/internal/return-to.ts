/** Where the browser may be sent after login (RFC 9700 §4.11.1: no open redirects). @internal */
import { eidError } from '../../errors.js';

/**
 * The longest `returnTo` accepted. The login cookie seals it (JWS inside JWE: about 1.8 times its
 * length, plus the login state): from ~1.9 KB on, the cookie outgrows the 4096 bytes browsers
 * keep, is dropped, and the login fails at the callback. 1800 leaves room for a `__Host-` name.
 */
export const MAX_RETURN_TO = 1800;

// C0 and C1 controls and DEL: browsers strip TAB/CR/LF from URLs (WHATWG URL), so `/\t/evil`
// would turn into `//evil`; CR/LF/NUL cannot go into a `Location` header at all.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Checks a `returnTo` from the login URL and answers the path (with query and fragment) to keep,
 * or `undefined` when it points to another origin (the default target is used then).
 *
 * @throws CancuocError `ERR_EID_RETURN_TO` for control characters and over-long values.
 */
export function checkReturnTo(value: string, origin: string): string | undefined {
  if (value.length > MAX_RETURN_TO) throw eidError('ERR_EID_RETURN_TO', { reason: 'too long' });
  if (CONTROL.test(value)) throw eidError('ERR_EID_RETURN_TO', { reason: 'control character' });
  return samePath(value, origin);
}

/** The path of `value` resolved against `origin` when it stays on that origin, else `undefined`. */
export function samePath(value: string, origin: string): string | undefined {
  let url: URL;
  try {
    // The URL parser, not string tests: it is what the browser will do with the Location.
    url = new URL(value, `${origin}/`);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.length > MAX_RETURN_TO) throw eidError('ERR_EID_RETURN_TO', { reason: 'too long' });
  return path;
}

/**
 * The absolute URL of a path on the portal's origin. Always absolute: a relative `Location` of
 * `//host` would be read by the browser as another host.
 */
export function onOrigin(path: string, origin: string): string {
  return `${origin}${path.startsWith('/') ? path : `/${path}`}`;
}
