/**
 * A local simulator of the Ministry of Public Security's accommodation API (KBTT, "Tài liệu hướng
 * dẫn sử dụng API – Dành cho Cơ sở lưu trú" v1.4, 08/2026) on a loopback port, with fault
 * injection, for testing stay-notice clients and outboxes without government access.
 *
 * What it does as the guide describes: token with Basic client credentials and the facility
 * account (`grant-type=api_cslt`, API 1), refresh that rotates both tokens (API 2), revoke
 * (API 3), foreign-guest (API 4) and Vietnamese-guest (API 5) batches as JSON arrays, change of
 * departure (API 12) and the public catalogues (APIs 6–11); success is body `code: "200"`,
 * business errors are body `code: "400"` with messages prefixed `Bản khai báo N:`; a stay it
 * already holds is answered "Đã tồn tại khai báo trùng thời gian tại CSLT" (for a passport still
 * staying, "Số hộ chiếu đang tạm trú tại CSLT và chưa checkout"), as the real API answers a
 * re-sent notice: it has no idempotency key and no lookup endpoint.
 *
 * Where the guide is silent, the simulator's choice:
 * - A batch is all or nothing: when any item fails a check, the answer names every failing item
 *   (`Bản khai báo N: …`, joined with `,\n` as in the guide's example) and no item of the batch is
 *   stored. A client must therefore re-send the items the answer did not name; if the real API
 *   stored them after all, the re-send is answered as a duplicate, so both readings are safe.
 * - Two items of one batch with the same document are refused ("Bị trùng giấy tờ với bản khai báo
 *   N", after API 12's "Bị trùng giấy tờ với bản ghi N").
 * - An expired, revoked or unknown bearer token is answered HTTP 401 with body `code: "401"`.
 *
 * Node-only (`node:http`, imported when the simulator starts so that the testkit's main entry
 * stays loadable in a browser).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { loadNodeHttp } from '../internal/node-http.js';
import { defaultStayApiCatalogs, type StayApiCatalogs } from './catalogs.js';
import {
  checkDocumentNumber,
  checkForeignItem,
  checkVietnameseItem,
  documentTypeName,
  parseVietnamDateTime,
  type RuleContext,
  STAY_API_MESSAGES,
  vietnamDay,
} from './rules.js';

/** Faults the simulator injects; submissions (API 4 and API 5 calls) are counted together from 1. */
export interface StayApiFaults {
  /** Every Nth submission is processed (its stays stored), then the connection is destroyed before any answer. */
  readonly dropAfterAcceptEvery?: number;
  /** Every Nth submission: the connection is destroyed before anything is stored. */
  readonly dropBeforeAcceptEvery?: number;
  /** Every Nth submission is answered HTTP 500 and nothing is stored. */
  readonly serverErrorEvery?: number;
  /** Every Nth submission: its first item is refused with {@link StayApiFaults.businessErrorMessage} (nothing stored). */
  readonly businessErrorEvery?: number;
  /** The message of injected business errors (default "Thời hạn tạm trú phải lớn hoặc bằng hôm nay"). */
  readonly businessErrorMessage?: string;
  /** Answer business errors with HTTP 200 and body `code: "400"`, as the real API sometimes does (default HTTP 400). */
  readonly businessErrorsWithHttp200?: boolean;
  /** Delay before each answer to a submission, in ms, fixed or drawn from a range. */
  readonly latencyMs?: number | { readonly min: number; readonly max: number };
}

/** Options of {@link startStayApi}. */
export interface StartStayApiOptions {
  /** The facility account (tài khoản CSLT). */
  readonly username: string;
  readonly password: string;
  /** The integrator's client credentials, sent as HTTP Basic. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Lifetime of access tokens in seconds (default 3600). */
  readonly ttlSec?: number;
  readonly faults?: StayApiFaults;
  /** The simulator's clock (default `Date.now`): date checks and token expiry read it. */
  readonly now?: () => number;
  /** Whether `soPhong` is required (hotels, guesthouses, dormitories…; default true). */
  readonly requireRoom?: boolean;
  /** Apply the "today or yesterday" date checks (default true). */
  readonly checkDates?: boolean;
  /** Replace some catalogues. */
  readonly catalogs?: Partial<StayApiCatalogs>;
}

/** A stay the simulator holds. */
export interface AcceptedStay {
  readonly kind: 'vietnamese' | 'foreign';
  /** The item as received. */
  readonly payload: Readonly<Record<string, unknown>>;
  /** Which submission (1-based) stored it. */
  readonly submission: number;
  readonly acceptedAt: Date;
}

/** Counters of what the simulator saw. */
export interface StayApiStats {
  readonly tokensIssued: number;
  readonly refreshes: number;
  readonly revocations: number;
  /** API 4 and API 5 calls that passed authentication. */
  readonly submissions: number;
  readonly itemsReceived: number;
  readonly accepted: number;
  /** Items answered with a duplicate message. */
  readonly duplicates: number;
  /** Items refused with any business error (duplicates included). */
  readonly rejectedItems: number;
  readonly droppedAfterAccept: number;
  readonly droppedBeforeAccept: number;
  readonly serverErrors: number;
  readonly injectedBusinessErrors: number;
  readonly unauthorized: number;
  readonly catalogRequests: number;
  readonly departureChanges: number;
}

/** A running simulator. */
export interface StayApi {
  /** Base URL (`http://127.0.0.1:PORT`), to pass as `baseUrl`. */
  readonly url: string;
  /** The stays it holds, in order of acceptance: each stay at most once. */
  readonly accepted: readonly AcceptedStay[];
  /** A snapshot of its counters. */
  readonly stats: StayApiStats;
  /** Replace the faults (counters of submissions keep running). */
  setFaults(faults: StayApiFaults): void;
  /** Make every access token issued so far expire now (refresh tokens stay valid). */
  expireAccessTokens(): void;
  close(): Promise<void>;
}

interface TokenPair {
  access: string;
  refresh: string;
  expiresAt: number;
  refreshExpiresAt: number;
}

interface HeldStay {
  kind: 'vietnamese' | 'foreign';
  docKey: string;
  arrival: number;
  departure: number;
  checkedOut: boolean;
  record: AcceptedStay;
}

const MAX_BODY = 20 * 1024 * 1024;

type MutableStats = { -readonly [K in keyof StayApiStats]: StayApiStats[K] };

/**
 * Starts the accommodation-API simulator on `127.0.0.1` and a free port.
 *
 * @example
 * ```ts
 * const api = await startStayApi({ username: 'cslt1', password: 'pw', clientId: 'API_CSLT', clientSecret: 's',
 *   faults: { dropAfterAcceptEvery: 3 } });
 * // createStayClient({ baseUrl: api.url, clientId: 'API_CSLT', clientSecret: 's', username: 'cslt1', password: 'pw' })
 * await api.close();
 * ```
 */
export async function startStayApi(options: StartStayApiOptions): Promise<StayApi> {
  for (const key of ['username', 'password', 'clientId', 'clientSecret'] as const) {
    if (typeof options[key] !== 'string' || options[key] === '')
      throw new TypeError(`startStayApi needs ${key}`);
  }
  const { createServer } = await loadNodeHttp();
  const now = options.now ?? Date.now;
  const ttlMs = (options.ttlSec ?? 3600) * 1000;
  const catalogs: StayApiCatalogs = { ...defaultStayApiCatalogs, ...options.catalogs };
  let faults: StayApiFaults = { ...options.faults };
  const basic = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`, 'utf8').toString('base64')}`;

  const byAccess = new Map<string, TokenPair>();
  const byRefresh = new Map<string, TokenPair>();
  const held: HeldStay[] = [];
  const accepted: AcceptedStay[] = [];
  const stats: MutableStats = {
    tokensIssued: 0,
    refreshes: 0,
    revocations: 0,
    submissions: 0,
    itemsReceived: 0,
    accepted: 0,
    duplicates: 0,
    rejectedItems: 0,
    droppedAfterAccept: 0,
    droppedBeforeAccept: 0,
    serverErrors: 0,
    injectedBusinessErrors: 0,
    unauthorized: 0,
    catalogRequests: 0,
    departureChanges: 0,
  };

  const issue = (): TokenPair => {
    const pair: TokenPair = {
      access: crypto.randomUUID(),
      refresh: crypto.randomUUID(),
      expiresAt: now() + ttlMs,
      refreshExpiresAt: now() + Math.max(ttlMs * 24, 86_400_000),
    };
    byAccess.set(pair.access, pair);
    byRefresh.set(pair.refresh, pair);
    return pair;
  };
  const forget = (pair: TokenPair): void => {
    byAccess.delete(pair.access);
    byRefresh.delete(pair.refresh);
  };
  const tokenBody = (pair: TokenPair) => ({
    code: '200',
    message: 'Thành công',
    data: {
      AccessToken: pair.access,
      RefreshToken: pair.refresh,
      TokenType: 'bearer',
      Exp: Math.floor(pair.expiresAt / 1000),
      Authorities: ['kbtt:create-3th', 'CLIENT_API_CSLT'],
      ClientId: 7,
      LoaiTK: 'CSLT',
      CsltId: '1000227',
      CsltKhuVuc: 86,
      CsltDonVi: 1332,
      MaTTCuaCslt: '201',
      MaPxCuaCslt: '201900001',
      IsCsltChinh: true,
    },
  });

  const bearerValid = (req: IncomingMessage): boolean => {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer (.+)$/.exec(header);
    if (!m) return false;
    const pair = byAccess.get(m[1]!);
    return pair !== undefined && pair.expiresAt > now();
  };

  const ruleContext = (): RuleContext => ({
    now: now(),
    catalogs,
    requireRoom: options.requireRoom ?? true,
    checkDates: options.checkDates ?? true,
  });

  const docKeyOf = (kind: 'vietnamese' | 'foreign', item: Record<string, unknown>): string =>
    kind === 'vietnamese'
      ? `vn:${String(item.loaiGiayTo)}:${String(item.soGiayTo).toUpperCase()}`
      : `foreign:${String(item.quocTich)}:${String(item.soHoChieu).toUpperCase()}`;

  /** Checks a batch; stores it when every item passes. Returns the per-item messages. */
  const processBatch = (kind: 'vietnamese' | 'foreign', items: unknown[], submission: number): string[][] => {
    const ctx = ruleContext();
    const check = kind === 'vietnamese' ? checkVietnameseItem : checkForeignItem;
    const problems = items.map((item) => check(item, ctx));
    const firstIndexOf = new Map<string, number>();
    items.forEach((raw, i) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
      const item = raw as Record<string, unknown>;
      const arrival = parseVietnamDateTime(item.ngayDenCsltStr);
      const departure = parseVietnamDateTime(item.ngayDiDuKienStr);
      // A stay already held is reported even when the item fails other checks (a notice re-sent
      // two days later is both late and a duplicate), so that a client learns it arrived.
      if (arrival === undefined || departure === undefined) return;
      const key = docKeyOf(kind, item);
      const first = firstIndexOf.get(key);
      if (first !== undefined) {
        problems[i]!.push(STAY_API_MESSAGES.sameDocument(first + 1));
        return;
      }
      firstIndexOf.set(key, i);
      if (kind === 'foreign') {
        const staying = held.find(
          (h) => h.docKey === key && !h.checkedOut && h.departure >= ctx.now && h.arrival <= departure,
        );
        if (staying) {
          problems[i]!.push(STAY_API_MESSAGES.passportStaying);
          stats.duplicates++;
          return;
        }
      }
      const overlapping = held.find(
        (h) => h.docKey === key && h.arrival <= departure && arrival <= h.departure,
      );
      if (overlapping) {
        problems[i]!.push(STAY_API_MESSAGES.duplicate);
        stats.duplicates++;
      }
    });
    if (problems.some((p) => p.length > 0)) {
      stats.rejectedItems += problems.filter((p) => p.length > 0).length;
      return problems;
    }
    items.forEach((raw) => {
      const item = raw as Record<string, unknown>;
      const record: AcceptedStay = Object.freeze({
        kind,
        payload: Object.freeze({ ...item }),
        submission,
        acceptedAt: new Date(ctx.now),
      });
      held.push({
        kind,
        docKey: docKeyOf(kind, item),
        arrival: parseVietnamDateTime(item.ngayDenCsltStr)!,
        departure: parseVietnamDateTime(item.ngayDiDuKienStr)!,
        checkedOut: false,
        record,
      });
      accepted.push(record);
      stats.accepted++;
    });
    return problems;
  };

  const changeDepartures = (items: unknown[]): string[][] => {
    const ctx = ruleContext();
    const seen = new Map<string, number>();
    const plans: ((() => void) | undefined)[] = [];
    const problems = items.map((raw, i): string[] => {
      if (typeof raw !== 'object' || raw === null) return [STAY_API_MESSAGES.format('Bản ghi')];
      const item = raw as Record<string, unknown>;
      const errors: string[] = [];
      if (item.loai !== 'TS' && item.loai !== 'GH') errors.push(STAY_API_MESSAGES.changeKind);
      const type = Number(item.loaiGiayTo);
      if (!Number.isInteger(type) || type < 1 || type > 8) errors.push(STAY_API_MESSAGES.documentType);
      const number = typeof item.soGiayTo === 'string' ? item.soGiayTo : '';
      if (number === '') errors.push(STAY_API_MESSAGES.required('Số giấy tờ'));
      else if (errors.length === 0) {
        const problem = checkDocumentNumber(type, number);
        if (problem) errors.push(problem);
      }
      if (errors.length > 0) return errors;
      const key = `vn:${type}:${number.toUpperCase()}`;
      const first = seen.get(key);
      if (first !== undefined) return [STAY_API_MESSAGES.sameRecord(first + 1)];
      seen.set(key, i);
      const stay = held.find((h) => h.docKey === key && !h.checkedOut && h.departure >= ctx.now - 86_400_000);
      if (!stay) return [STAY_API_MESSAGES.notStaying(number, documentTypeName(type))];
      if (item.loai === 'TS') {
        plans[i] = () => {
          stay.checkedOut = true;
          stay.departure = Math.min(stay.departure, ctx.now);
        };
        return [];
      }
      const until = parseVietnamDateTime(item.thoiGianStr);
      if (until === undefined) return [STAY_API_MESSAGES.format('Thời gian')];
      // Guide §14.3 / VNeID guide §2.11: a stay lasts at most 30 days from its start.
      if (vietnamDay(until) - vietnamDay(stay.arrival) > 30) return [STAY_API_MESSAGES.extensionTooLong];
      if (until < stay.arrival) return [STAY_API_MESSAGES.departureBeforeArrival];
      plans[i] = () => {
        stay.departure = until;
      };
      return [];
    });
    if (problems.every((p) => p.length === 0)) {
      for (const plan of plans) plan?.();
      stats.departureChanges += items.length;
    }
    return problems;
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { code: '500', message: 'Lỗi hệ thống', data: null });
      else res.destroy();
    });
  });

  let submissionCount = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (method === 'GET' && path.startsWith('/cms-backend/public/')) {
      stats.catalogRequests++;
      const data = catalogAt(path, url.searchParams);
      if (data === undefined) return send(res, 404, { code: '404', message: 'Không tìm thấy', data: null });
      return send(res, 200, { code: '200', message: 'Thành công', data });
    }

    if (path === '/authorization-service/oauth/token' && method === 'POST') {
      if (req.headers.authorization !== basic) return unauthorized(res, 'Thông tin client không hợp lệ');
      const form = new URLSearchParams(await readBody(req));
      if (form.get('grant-type') !== 'api_cslt') {
        return send(res, 400, { code: '400', message: 'grant-type không hợp lệ', data: null });
      }
      if (form.get('username') !== options.username || form.get('password') !== options.password) {
        return unauthorized(res, 'Tên đăng nhập hoặc mật khẩu không đúng');
      }
      stats.tokensIssued++;
      return send(res, 200, tokenBody(issue()));
    }

    if (path === '/authorization-service/oauth/refresh-token' && method === 'POST') {
      if (req.headers.authorization !== basic) return unauthorized(res, 'Thông tin client không hợp lệ');
      await readBody(req);
      const old = byRefresh.get(url.searchParams.get('refresh_token') ?? '');
      if (!old || old.refreshExpiresAt <= now()) return unauthorized(res, 'Refresh token không hợp lệ');
      // Guide §3: the refresh rotates both tokens; the old pair stops working.
      forget(old);
      stats.refreshes++;
      return send(res, 200, tokenBody(issue()));
    }

    if (path === '/authorization-service/oauth/revoke' && method === 'DELETE') {
      if (req.headers.authorization !== basic) return unauthorized(res, 'Thông tin client không hợp lệ');
      await readBody(req);
      const pair = byAccess.get(url.searchParams.get('access_token') ?? '');
      if (pair) forget(pair);
      stats.revocations++;
      return send(res, 200, { code: '200', message: 'Thành công', data: null });
    }

    const kind =
      path === '/client-service/kbtt-vn/kbtt-3th'
        ? 'vietnamese'
        : path === '/client-service/kbtt/kbtt-3th'
          ? 'foreign'
          : undefined;
    const isChange = path === '/client-service/kbtt-vn/kbtt-3th/doi-ngay-tra-phong';
    if ((kind !== undefined || isChange) && method === 'POST') {
      const body = await readBody(req);
      if (!bearerValid(req)) {
        stats.unauthorized++;
        return send(res, 401, { code: '401', message: 'Token không hợp lệ hoặc đã hết hạn', data: null });
      }
      let items: unknown;
      try {
        items = JSON.parse(body);
      } catch {
        items = undefined;
      }
      if (!Array.isArray(items) || items.length === 0) {
        return send(res, 400, { code: '400', message: 'Dữ liệu đầu vào không hợp lệ', data: null });
      }
      if (isChange) return answerBusiness(res, changeDepartures(items), 'Bản ghi');

      const submission = ++submissionCount;
      stats.submissions++;
      stats.itemsReceived += items.length;
      const every = (n: number | undefined): boolean => n !== undefined && n > 0 && submission % n === 0;
      if (every(faults.serverErrorEvery)) {
        stats.serverErrors++;
        await delay();
        return send(res, 500, { code: '500', message: 'Lỗi hệ thống', data: null });
      }
      if (every(faults.dropBeforeAcceptEvery)) {
        stats.droppedBeforeAccept++;
        return void req.socket.destroy();
      }
      let problems: string[][];
      if (every(faults.businessErrorEvery)) {
        stats.injectedBusinessErrors++;
        stats.rejectedItems++;
        problems = items.map((_, i) =>
          i === 0 ? [faults.businessErrorMessage ?? STAY_API_MESSAGES.permitBeforeToday] : [],
        );
      } else {
        problems = processBatch(kind!, items, submission);
      }
      await delay();
      if (every(faults.dropAfterAcceptEvery)) {
        stats.droppedAfterAccept++;
        return void req.socket.destroy();
      }
      return answerBusiness(res, problems, 'Bản khai báo');
    }

    return send(res, 404, { code: '404', message: 'Không tìm thấy', data: null });
  };

  const answerBusiness = (res: ServerResponse, problems: string[][], prefix: string): void => {
    const lines = problems.flatMap((messages, i) => messages.map((m) => `${prefix} ${i + 1}: ${m}`));
    if (lines.length === 0) {
      send(res, 200, { code: '200', message: 'Thành công', data: null });
      return;
    }
    send(res, faults.businessErrorsWithHttp200 ? 200 : 400, {
      code: '400',
      message: lines.join(',\n'),
      data: null,
    });
  };

  const catalogAt = (path: string, query: URLSearchParams): unknown => {
    switch (path) {
      case '/cms-backend/public/dm-qt/3th/get-all':
        return catalogs.nationalities;
      case '/cms-backend/public/dm-tinh-tp/get-all':
        return catalogs.provinces;
      case '/cms-backend/public/dm-phuong-xa': {
        const province = query.get('trucThuocTinh') ?? '';
        return catalogs.wards.filter((w) => w.trucThuocTinh === province);
      }
      case '/cms-backend/public/ly-do-cu-tru/get-all':
        return catalogs.reasons;
      case '/cms-backend/public/loai-giay-to/get-all':
        return catalogs.documentTypes;
      case '/cms-backend/public/noi-cu-tru/get-all':
        return catalogs.residenceKinds;
      default:
        return undefined;
    }
  };

  const delay = async (): Promise<void> => {
    const latency = faults.latencyMs;
    if (latency === undefined) return;
    const ms =
      typeof latency === 'number' ? latency : latency.min + Math.random() * (latency.max - latency.min);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  };

  const unauthorized = (res: ServerResponse, message: string): void => {
    stats.unauthorized++;
    send(res, 401, { code: '401', message, data: null });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    get accepted() {
      return accepted.slice();
    },
    get stats() {
      return { ...stats };
    },
    setFaults(next) {
      faults = { ...next };
    },
    expireAccessTokens() {
      for (const pair of byAccess.values()) pair.expiresAt = now() - 1;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.socket.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
