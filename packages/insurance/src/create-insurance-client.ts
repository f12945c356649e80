/**
 * The client of Vietnam Social Security's (BHXH) gateway for hospitals (cổng tiếp nhận dữ liệu
 * hệ thống thông tin giám định BHYT, `https://egw.baohiemxahoi.gov.vn`): one session shared by
 * every call, the card check and the visit history. Runtime-neutral: it needs only `fetch`.
 */
import { isPersonalId } from '@cancuoc/id-number';
import { checkCard, type InsuranceCallOptions, type InsuranceQuery } from './check-card.js';
import { getVisitHistory } from './get-visit-history.js';
import type { GatewayContext } from './internal/call.js';
import type { HttpConfig } from './internal/http.js';
import { passwordHash } from './internal/password-hash.js';
import { cleanName, type Staff } from './internal/query.js';
import { createSession } from './internal/session.js';
import type { CardCheckResult } from './parse-card-check-response.js';
import type { VisitHistory } from './parse-visit-history-response.js';

/** Options of {@link createInsuranceClient}. */
export interface InsuranceClientOptions {
  /** The gateway, e.g. `https://egw.baohiemxahoi.gov.vn` (no trailing path). */
  readonly baseUrl: string | URL;
  /** The facility's gateway account (often `<maCSKCB>_BV`). */
  readonly username: string;
  /** The portal password; only its MD5 is ever sent or kept. */
  readonly password?: string;
  /** The MD5 hex of the password, instead of `password` (32 hex characters, either case). */
  readonly passwordMd5?: string;
  /** Case of the MD5 hex sent: `'upper'` (default) or `'lower'` (older clients). */
  readonly md5Case?: 'upper' | 'lower';
  /**
   * The staff member doing the checks (`hoTenCb`, `cccdCb`, required since CV 1923/BHXH-CNTT of
   * 2024): their name and 12-digit personal ID number exactly as the facility registered them.
   */
  readonly staff: { readonly fullName: string; readonly personalId: string };
  /** The `fetch` to use (default `globalThis.fetch`). */
  readonly fetch?: typeof globalThis.fetch;
  /** Time limit of each HTTP attempt, in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** Retries after a network failure, a timeout or an HTTP 5xx (default 2; never after a business code). */
  readonly retries?: number;
  /** Base delay of the exponential backoff between retries, in milliseconds (default 250). */
  readonly retryDelayMs?: number;
  /** Largest response body read, in bytes (default 4 MiB). */
  readonly maxResponseBytes?: number;
  /** The clock, in milliseconds since the epoch (default `Date.now`), for token expiry. */
  readonly now?: () => number;
}

/** A gateway client; see {@link createInsuranceClient}. */
export interface InsuranceClient {
  /**
   * Checks a patient's health insurance card: the gateway's code, the decision
   * (`eligible` / `not-eligible` / `needs-attention`) with its meaning and advice in Vietnamese and
   * English, and the typed card fields.
   *
   * @throws CancuocError `ERR_INSURANCE_QUERY` (bad input, nothing sent), the failure codes of the
   *   table (`ERR_INSURANCE_STAFF_NOT_REGISTERED`, `ERR_INSURANCE_STAFF_NAME_MISMATCH`,
   *   `ERR_INSURANCE_PARAMETERS`, `ERR_INSURANCE_AUTH`, `ERR_INSURANCE_CARD_DATA`,
   *   `ERR_INSURANCE_SERVER`), `ERR_INSURANCE_UNKNOWN_RESULT`, `ERR_INSURANCE_RESPONSE`,
   *   `ERR_INSURANCE_HTTP`, `ERR_INSURANCE_NETWORK`, `ERR_INSURANCE_TIMEOUT`, `ERR_INSURANCE_ABORTED`.
   */
  checkCard(query: InsuranceQuery, options?: InsuranceCallOptions): Promise<CardCheckResult>;
  /**
   * The patient's visit history (`Lskcb2025`), most recent first.
   *
   * @throws CancuocError the same codes as `checkCard`.
   */
  getVisitHistory(query: InsuranceQuery, options?: InsuranceCallOptions): Promise<VisitHistory>;
}

function positive(name: string, value: number | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new RangeError(`${name} must be a number ≥ ${min}`);
  }
  return value;
}

/**
 * Creates a client of the BHXH gateway. Logs in lazily (`POST /api/token/take` with the MD5 of the
 * password), keeps the session until shortly before `expires_in` (a date-time in Vietnam time, a
 * Unix timestamp or a number of seconds), renews it once however many checks wait, and renews and
 * retries once when the gateway answers 401. No error, detail or cause ever holds the password,
 * its hash, a token or a full ID number.
 *
 * @throws TypeError / RangeError for missing or malformed options (the values are never quoted).
 * @example
 * ```ts
 * const bhyt = createInsuranceClient({
 *   baseUrl: 'https://egw.baohiemxahoi.gov.vn',
 *   username: '01001_BV',
 *   password: process.env.BHXH_PASSWORD!,
 *   staff: { fullName: 'Trần Thị Lan', personalId: '001185012345' },
 * });
 * const r = await bhyt.checkCard({ personalId: '001099012345', fullName: 'Nguyễn Văn An', dateOfBirth: '15/01/1999' });
 * if (r.outcome === 'eligible') admit(r.card?.newCard?.cardCode ?? r.card?.cardCode);
 * else showToReceptionist(r.messageVi, r.adviceVi);
 * ```
 */
export function createInsuranceClient(options: InsuranceClientOptions): InsuranceClient {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createInsuranceClient expects an options object');
  }
  let base: URL;
  try {
    base = new URL(String(options.baseUrl));
  } catch {
    throw new TypeError('baseUrl must be an absolute http(s) URL');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new TypeError('baseUrl must be an absolute http(s) URL');
  }
  const baseUrl = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  if (typeof options.username !== 'string' || options.username.trim() === '') {
    throw new TypeError('username must be a non-empty string');
  }
  const staffIn = options.staff;
  if (typeof staffIn !== 'object' || staffIn === null || typeof staffIn.fullName !== 'string') {
    throw new TypeError('staff must be { fullName, personalId }');
  }
  const staff: Staff = {
    fullName: cleanName(staffIn.fullName),
    personalId: String(staffIn.personalId).trim(),
  };
  if (staff.fullName === '') throw new TypeError('staff.fullName must not be empty');
  if (!isPersonalId(staff.personalId)) {
    throw new TypeError('staff.personalId must be a valid 12-digit personal ID number');
  }
  const hash = passwordHash(options);
  const username = options.username.trim();
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('No fetch available: pass options.fetch');
  const now = options.now ?? Date.now;

  // The session is created below; redaction reads its current token lazily.
  let readToken: () => readonly string[] = () => [];
  const http: HttpConfig = {
    fetch: (input, init) => fetchImpl(input, init),
    timeoutMs: positive('timeoutMs', options.timeoutMs, 10_000, 1),
    retries: Math.floor(positive('retries', options.retries, 2)),
    retryDelayMs: positive('retryDelayMs', options.retryDelayMs, 250),
    maxResponseBytes: positive('maxResponseBytes', options.maxResponseBytes, 4 * 1024 * 1024, 1),
    secrets: () => [
      hash,
      hash.toLowerCase(),
      ...(options.password ? [options.password] : []),
      ...readToken(),
    ],
  };
  const session = createSession({
    http,
    url: `${baseUrl}/api/token/take`,
    username,
    passwordHash: hash,
    now,
  });
  readToken = () => {
    const t = session.current();
    return t ? [t.accessToken, t.idToken] : [];
  };
  const context: GatewayContext = { baseUrl, username, passwordHash: hash, http, session };
  return {
    checkCard: (query, callOptions) => checkCard(context, staff, query, callOptions),
    getVisitHistory: (query, callOptions) => getVisitHistory(context, staff, query, callOptions),
  };
}
