/**
 * The client of the Ministry of Public Security's accommodation API (KBTT, "Tài liệu hướng dẫn sử
 * dụng API – Dành cho Cơ sở lưu trú" v1.4): token pair, stay notices of Vietnamese (API 5) and
 * foreign (API 4) guests, change of departure (API 12) and the public catalogues (APIs 6–11).
 * Runtime-neutral: `fetch` is injectable, nothing imports `node:`.
 */

import { formatMessage } from '@cancuoc/core';
import { guestStayErrorMessages, stayError } from './errors.js';
import { codeForApiMessage, isDuplicateMessage, redact } from './internal/api-messages.js';
import { sendInBatches } from './internal/batches.js';
import { createCatalogs, type StayCatalogs } from './internal/catalogs.js';
import type { HttpConfig } from './internal/http.js';
import { createTokenManager } from './internal/token-manager.js';
import { DAY_MS, formatApiDateTime, vietnamDay } from './internal/vietnam-time.js';
import { mapBcaProvinces, type ProvinceCodeMapping } from './map-bca-provinces.js';
import type { NoticeVerdict, StayNotice, StaySubmitter, SubmitResult } from './types.js';

/** Options of {@link createStayClient}. */
export interface StayClientOptions {
  /** The API's base URL, e.g. `https://api-tbltkbtt.bocongan.gov.vn`. */
  readonly baseUrl: string;
  /** The integrator's client credentials issued by the ministry, sent as HTTP Basic. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The facility account (tài khoản cơ sở lưu trú). */
  readonly username: string;
  readonly password: string;
  /** A `fetch` implementation (default `globalThis.fetch`). */
  readonly fetch?: typeof globalThis.fetch;
  /** Time limit of each HTTP exchange in ms (default 30 000). */
  readonly timeoutMs?: number;
  /** How long catalogues stay cached, in ms (default 24 h). */
  readonly catalogTtlMs?: number;
  /** The clock for token expiry and the catalogue cache (default `Date.now`). */
  readonly now?: () => number;
}

/** An early checkout (`TS`, trả sớm) or an extension (`GH`, gia hạn) of a Vietnamese guest's stay. */
export type DepartureChange =
  | { readonly notice: StayNotice; readonly change: 'early-checkout' }
  | {
      readonly notice: StayNotice;
      readonly change: 'extension';
      /** The new departure: at most 30 days after the arrival. */
      readonly until: Date;
    };

/** What the API said about one change of departure. */
export type DepartureVerdict = Exclude<NoticeVerdict, { readonly status: 'duplicate' }>;

/** The catalogue methods of a client, with the province-code mapping. */
export interface StayClientCatalogs extends StayCatalogs {
  /** The mapping between the ministry's province codes and GSO codes, from the province catalogue. */
  provinceMapping(options?: { readonly signal?: AbortSignal }): Promise<ProvinceCodeMapping>;
}

/** A client of the accommodation API; see {@link createStayClient}. */
export interface StayClient extends StaySubmitter {
  /**
   * Sends notices: Vietnamese guests to API 5, foreign guests to API 4, and resolves with one
   * verdict per notice in the order given. Rejects with a `CancuocError` when no verdict can be
   * given; its `details.mayHaveArrived` says whether the notices may have reached the API
   * (`ERR_STAY_TIMEOUT`, `ERR_STAY_NETWORK`, `ERR_STAY_ABORTED`, and `ERR_STAY_RESPONSE` for an
   * unreadable 2xx answer) and `details.retryable` whether sending again later can help.
   */
  submit(notices: readonly StayNotice[], options?: { readonly signal?: AbortSignal }): Promise<SubmitResult>;
  /** Early checkout or extension of Vietnamese guests' stays (API 12), one verdict per change. */
  changeDeparture(
    changes: DepartureChange | readonly DepartureChange[],
    options?: { readonly signal?: AbortSignal },
  ): Promise<{ readonly verdicts: readonly DepartureVerdict[] }>;
  /** The public catalogues, cached. */
  readonly catalogs: StayClientCatalogs;
  /** Revokes the access token (API 3); a later call logs in again. */
  revoke(options?: { readonly signal?: AbortSignal }): Promise<void>;
}

const VIETNAMESE_PATH = '/client-service/kbtt-vn/kbtt-3th';
const FOREIGN_PATH = '/client-service/kbtt/kbtt-3th';
const CHANGE_PATH = '/client-service/kbtt-vn/kbtt-3th/doi-ngay-tra-phong';
// API 12 and the VNeID guide §2.11: a stay lasts at most 30 days from its start.
const MAX_STAY_DAYS = 30;

function documentOf(notice: StayNotice): { type: string; number: string } {
  const p = notice.payload;
  return notice.kind === 'vietnamese'
    ? { type: String(p.loaiGiayTo), number: String(p.soGiayTo ?? '') }
    : { type: `passport:${String(p.quocTich)}`, number: String(p.soHoChieu ?? '') };
}

function rejection(messages: readonly string[], mask: (m: string) => string): NoticeVerdict {
  const messageVi = mask(messages.join('; '));
  const first = messages[0] ?? '';
  return {
    status: 'rejected',
    code: codeForApiMessage(first),
    message: formatMessage(guestStayErrorMessages.ERR_STAY_API_REJECTED.en, { apiMessage: messageVi }),
    messageVi,
  };
}

function checkNotices(notices: unknown): asserts notices is readonly StayNotice[] {
  if (!Array.isArray(notices)) throw new TypeError('submit expects an array of stay notices');
  for (const n of notices) {
    const kind = (n as StayNotice | null)?.kind;
    const payload = (n as StayNotice | null)?.payload;
    if ((kind !== 'vietnamese' && kind !== 'foreign') || typeof payload !== 'object' || payload === null) {
      throw new TypeError('submit expects stay notices made by buildStayNotice');
    }
  }
}

/**
 * Makes a client of the accommodation API. It logs in on first use with the client's Basic
 * credentials and the facility account (`grant-type=api_cslt`), refreshes the token pair when
 * under 60 s remain (one refresh at a time; both tokens rotate), and never puts a token, the
 * password or a full document number in an error.
 *
 * @example
 * ```ts
 * const client = createStayClient({ baseUrl: api.url, clientId: 'API_CSLT', clientSecret: 's', username: 'cslt1', password: 'pw' });
 * const { verdicts } = await client.submit([notice]);
 * const notified = verdicts[0]?.status !== 'rejected'; // accepted, or already held (duplicate)
 * await client.revoke();
 * ```
 */
export function createStayClient(options: StayClientOptions): StayClient {
  for (const key of ['baseUrl', 'clientId', 'clientSecret', 'username', 'password'] as const) {
    if (typeof options?.[key] !== 'string' || options[key] === '') {
      throw new TypeError(`createStayClient needs ${key}`);
    }
  }
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new TypeError('createStayClient needs an absolute baseUrl');
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('createStayClient needs a fetch implementation');
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
  const now = options.now ?? Date.now;
  const http: HttpConfig = { baseUrl: base.href, fetch: fetchImpl.bind(globalThis), timeoutMs };
  const tokens = createTokenManager(http, options, now);
  const catalogs = createCatalogs(http, options.catalogTtlMs ?? DAY_MS, now);

  const submit: StayClient['submit'] = async (notices, submitOptions = {}) => {
    checkNotices(notices);
    const verdicts: NoticeVerdict[] = new Array(notices.length);
    const secrets = notices.map((n) => documentOf(n).number);
    const mask = (m: string): string => redact(m, secrets);
    for (const [kind, path] of [
      ['vietnamese', VIETNAMESE_PATH],
      ['foreign', FOREIGN_PATH],
    ] as const) {
      const indices = notices.flatMap((n, i) => (n.kind === kind ? [i] : []));
      if (indices.length === 0) continue;
      const outcomes = await sendInBatches(
        { http, tokens, signal: submitOptions.signal, secrets, redact: mask },
        path,
        indices.map((i) => notices[i]!.payload),
        (k) => {
          const doc = documentOf(notices[indices[k]!]!);
          return `${doc.type}:${doc.number.toUpperCase()}`;
        },
      );
      outcomes.forEach((outcome, k) => {
        const i = indices[k]!;
        if (outcome.ok) verdicts[i] = { status: 'accepted' };
        else {
          // A duplicate proves an earlier send was stored, whatever else the API found.
          const duplicate = outcome.messages.find(isDuplicateMessage);
          verdicts[i] =
            duplicate !== undefined
              ? { status: 'duplicate', message: mask(duplicate) }
              : rejection(outcome.messages, mask);
        }
      });
    }
    return { verdicts };
  };

  const changeDeparture: StayClient['changeDeparture'] = async (input, changeOptions = {}) => {
    const changes: readonly DepartureChange[] = Array.isArray(input) ? input : [input as DepartureChange];
    const items = changes.map((c, i) => {
      if (c?.notice?.kind !== 'vietnamese') {
        throw stayError('ERR_STAY_CHANGE', { index: i, reason: 'not a Vietnamese guest' });
      }
      const base = {
        soGiayTo: String(c.notice.payload.soGiayTo),
        loaiGiayTo: Number(c.notice.payload.loaiGiayTo),
      };
      if (c.change === 'early-checkout') return { loai: 'TS', ...base };
      if (c.change !== 'extension' || !(c.until instanceof Date) || Number.isNaN(c.until.getTime())) {
        throw stayError('ERR_STAY_CHANGE', {
          index: i,
          reason: 'change is early-checkout or extension with until',
        });
      }
      const arrival = Date.parse(c.notice.arrival);
      const until = c.until.getTime();
      if (until < arrival || vietnamDay(until) - vietnamDay(arrival) > MAX_STAY_DAYS) {
        throw stayError('ERR_STAY_CHANGE', {
          index: i,
          reason: 'extension beyond 30 days or before arrival',
        });
      }
      return { loai: 'GH', ...base, thoiGianStr: formatApiDateTime(until) };
    });
    const secrets = items.map((it) => it.soGiayTo);
    const mask = (m: string): string => redact(m, secrets);
    const outcomes = await sendInBatches(
      { http, tokens, signal: changeOptions.signal, secrets, redact: mask },
      CHANGE_PATH,
      items,
      (k) => `${items[k]!.loaiGiayTo}:${items[k]!.soGiayTo.toUpperCase()}`,
    );
    return {
      verdicts: outcomes.map(
        (o): DepartureVerdict =>
          o.ok ? { status: 'accepted' } : (rejection(o.messages, mask) as DepartureVerdict),
      ),
    };
  };

  const clientCatalogs: StayClientCatalogs = {
    ...catalogs,
    provinceMapping: async (o = {}) => mapBcaProvinces(await catalogs.provinces(o)),
  };

  return {
    submit,
    changeDeparture,
    catalogs: clientCatalogs,
    revoke: (o = {}) => tokens.revoke(o.signal),
  };
}
