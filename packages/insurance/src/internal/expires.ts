/**
 * The token's `expires_in`. Public clients of the gateway meet three shapes and parse all of them
 * (tracnn/qlbv_public `BHYTLoginService.php`; reference notes integrations.md §2.1): a date-time
 * string in Vietnam time (`2026-12-06T10:00:00`), a Unix timestamp, or a number of seconds. Numbers
 * may also arrive as digit strings.
 */
import { parseGatewayDateTime } from './dates.js';

// A count of seconds is far below a Unix timestamp of this century (1e9 s = September 2001), and a
// timestamp in seconds far below one in milliseconds.
const UNIX_SECONDS_FROM = 1e9;
const UNIX_MILLISECONDS_FROM = 1e12;

/**
 * When the token expires, in milliseconds since the epoch, or `undefined` when `value` is none of
 * the three shapes.
 */
export function parseExpiresIn(value: unknown, now: number): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*\d{1,16}(?:\.\d+)?\s*$/.test(value)) n = Number(value);
  if (n !== undefined) {
    if (!Number.isFinite(n) || n < 0) return undefined;
    if (n >= UNIX_MILLISECONDS_FROM) return Math.floor(n);
    if (n >= UNIX_SECONDS_FROM) return Math.floor(n * 1000);
    return now + Math.floor(n * 1000);
  }
  if (typeof value !== 'string' || value.length > 64) return undefined;
  return parseGatewayDateTime(value)?.getTime();
}
