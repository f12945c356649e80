/**
 * A local simulator of Vietnam Social Security's (BHXH) gateway for hospitals, on node:http over
 * loopback: `POST /api/token/take`, the card check `POST /api/egw/KQNhanLichSuKCB2024` and the
 * visit history `POST /api/egw/Lskcb2025`, shaped as public clients of the real gateway expect
 * (shared/reference/integrations.md §2): form bodies, the session in the query string, `maKetQua`
 * result codes with every code of the published table reachable from the registry's data, the
 * three `expires_in` styles seen in the wild, and faults on demand.
 *
 * node:http is imported inside `startInsuranceGateway`, so that testkit's main entry stays
 * loadable in a browser bundle.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { vietnamParts } from '@cancuoc/core';
import { md5 } from '@noble/hashes/legacy.js';
import { loadNodeHttp } from '../internal/node-http.js';
import type { InsuranceStaff, InsuredPerson } from './people.js';

/** How `expires_in` is written: `2026-12-06T10:00:00` (Vietnam time), a Unix timestamp, or seconds. */
export type ExpiresStyle = 'date-time' | 'unix' | 'seconds';

/** Faults the simulator injects; the object returned as `gateway.faults` can be changed at any time. */
export interface InsuranceGatewayFaults {
  /** Delay every answer by this many milliseconds. */
  latencyMs?: number | undefined;
  /** Every Nth card-check or history request answers HTTP 500. */
  serverErrorEvery?: number | undefined;
  /** Every Nth card-check or history request has its connection dropped without an answer. */
  dropConnectionEvery?: number | undefined;
  /** Every Nth card-check or history request answers truncated JSON. */
  malformedJsonEvery?: number | undefined;
  /** The token endpoint answers HTTP 500, drops the connection, or sends truncated JSON. */
  token?: 'server-error' | 'drop' | 'malformed' | undefined;
  /** Refused tokens get HTTP 401 (`'status'`) instead of `maKetQua: "401"` with HTTP 200 (default `'body'`). */
  unauthorized?: 'status' | 'body' | undefined;
}

/** Options of {@link startInsuranceGateway}. */
export interface InsuranceGatewayOptions {
  /** The registry of insured people (see `insuredTestPeople`). */
  readonly people: readonly InsuredPerson[];
  /** The facility's account. */
  readonly username: string;
  /** Its portal password; the client sends its MD5 hex. */
  readonly password: string;
  /** Staff members registered for lookups (054/055 otherwise). */
  readonly staff: readonly InsuranceStaff[];
  /** How `expires_in` is written (default `'date-time'`). */
  readonly expiresStyle?: ExpiresStyle;
  /** Token lifetime in seconds (default 3600). */
  readonly ttlSec?: number;
  /** Which MD5 case is accepted (default `'any'`). */
  readonly md5Case?: 'upper' | 'lower' | 'any';
  /** Faults to start with. */
  readonly faults?: InsuranceGatewayFaults;
  /** The clock (default `Date.now`): validity of cards and tokens. */
  readonly now?: () => number;
}

/** Counters of what the simulator saw. */
export interface InsuranceGatewayStats {
  /** Requests to `/api/token/take`. */
  tokenRequests: number;
  /** Tokens issued. */
  tokensIssued: number;
  /** Card-check requests (including refused and faulted ones). */
  cardChecks: number;
  /** Visit-history requests. */
  historyRequests: number;
  /** Requests refused for a missing, unknown or expired token. */
  unauthorized: number;
  /** Faults injected. */
  serverErrors: number;
  dropped: number;
  malformed: number;
  /** Card-check answers by `maKetQua`. */
  codes: Record<string, number>;
}

/** A running simulator. */
export interface InsuranceGateway {
  /** `http://127.0.0.1:<port>`: the client's `baseUrl`. */
  readonly url: string;
  /** Live counters. */
  readonly stats: InsuranceGatewayStats;
  /** Live faults: set or clear fields to change behaviour between requests. */
  readonly faults: InsuranceGatewayFaults;
  /** Makes every token issued so far expired (the next call with one gets a 401). */
  expireTokens(): void;
  /** Zeroes the counters. */
  resetStats(): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function dayNumber(ddMMyyyy: string): number {
  const [d, m, y] = ddMMyyyy.split('/').map(Number);
  return (y ?? 0) * 10_000 + (m ?? 0) * 100 + (d ?? 0);
}

function foldName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

const STATUS_CODES: Readonly<Record<string, string>> = {
  defence: '001',
  police: '002',
  expired: '010',
  withdrawn: '110',
  reduced: '120',
  'reduced-other-province': '121',
  'reduced-same-province': '122',
  'reduced-re-registered': '123',
  stopped: '124',
  'child-without-card': '130',
  'register-error': '100',
  'server-error': '101',
};

// Notes as the gateway writes them in `ghiChu` (free text; a few codes shown).
const NOTES: Readonly<Record<string, string>> = {
  '000': 'Thẻ còn giá trị sử dụng.',
  '003': 'Thẻ cũ hết giá trị sử dụng nhưng đã được cấp thẻ mới.',
  '004': 'Thẻ cũ còn giá trị sử dụng nhưng đã được cấp thẻ mới.',
  '010': 'Thẻ hết giá trị sử dụng.',
  '050': 'Không thấy thông tin thẻ BHYT.',
  '054': 'Số CCCD của cán bộ thực hiện tra cứu không tồn tại trong danh sách người sử dụng do CSKCB đăng ký.',
  '055': 'Họ và tên của cán bộ thực hiện tra cứu không khớp với số CCCD.',
  '060': 'Thẻ sai họ tên.',
  '061': 'Thẻ sai họ tên (đúng kí tự đầu).',
  '070': 'Thẻ sai ngày sinh.',
  '205': 'Lỗi sai định dạng tham số.',
};

/**
 * Starts the BHXH gateway simulator on 127.0.0.1 (a free port). Result codes come from the data:
 * 054/055 from the staff fields; 205 from a malformed `maThe`, `hoTen` or `ngaySinh`; 050 for an
 * unknown code; 051/052/053 for a card code whose BHXH number is known but whose group, province or
 * benefit level is wrong; 060/061/070 for a name or birth date that differs (061 when the first
 * letter agrees); 003/004/010 from the validity dates and a new card; the rest from each person's
 * `status`. A token is refused (401) when unknown, expired, or after `expireTokens()`.
 *
 * @example
 * ```ts
 * const gw = await startInsuranceGateway({ people: insuredTestPeople, ...insuranceGatewayTestAccount });
 * // createInsuranceClient({ baseUrl: gw.url, ... })
 * gw.faults.serverErrorEvery = 3;
 * await gw.close();
 * ```
 */
export async function startInsuranceGateway(options: InsuranceGatewayOptions): Promise<InsuranceGateway> {
  const { createServer } = await loadNodeHttp();
  const now = options.now ?? Date.now;
  const ttlMs = (options.ttlSec ?? 3600) * 1000;
  const style = options.expiresStyle ?? 'date-time';
  const md5Case = options.md5Case ?? 'any';
  const passwordMd5 = hex(md5(new TextEncoder().encode(options.password)));
  const faults: InsuranceGatewayFaults = { ...options.faults };
  const emptyStats = (): InsuranceGatewayStats => ({
    tokenRequests: 0,
    tokensIssued: 0,
    cardChecks: 0,
    historyRequests: 0,
    unauthorized: 0,
    serverErrors: 0,
    dropped: 0,
    malformed: 0,
    codes: {},
  });
  const stats = emptyStats();
  let apiRequests = 0;
  let tokenSeq = 0;
  const tokens = new Map<string, { idToken: string; expiresAt: number }>();
  const checkLog = new Map<
    string,
    { userKT: string; thoiGianKT: string; thongBao: string; maLoi: string }[]
  >();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const byCard = new Map<string, InsuredPerson>();
  const byNumber = new Map<string, InsuredPerson>();
  const byPersonalId = new Map<string, InsuredPerson>();
  for (const p of options.people) {
    byCard.set(p.cardCode, p);
    byNumber.set(p.cardCode.slice(5), p);
    if (p.newCard) byCard.set(p.newCard.cardCode, p);
    if (p.personalId) byPersonalId.set(p.personalId, p);
  }

  const passwordOk = (value: string | null): boolean => {
    if (value === null) return false;
    if (md5Case === 'upper') return value === passwordMd5.toUpperCase();
    if (md5Case === 'lower') return value === passwordMd5;
    return value.toLowerCase() === passwordMd5;
  };

  function expiresIn(expiresAt: number): string | number {
    if (style === 'seconds') return Math.round((expiresAt - now()) / 1000);
    if (style === 'unix') return Math.floor(expiresAt / 1000);
    const p = vietnamParts(expiresAt);
    return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  }

  function json(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  function malformed(res: ServerResponse): void {
    stats.malformed++;
    const text = '{"maKetQua":"000","hoTen":"NGUY';
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': text.length });
    res.end(text);
  }

  function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
      });
      req.on('end', () =>
        resolve(size > MAX_BODY ? undefined : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      );
      req.on('error', () => resolve(undefined));
    });
  }

  function takeToken(form: URLSearchParams, res: ServerResponse): void {
    if (form.get('username') !== options.username || !passwordOk(form.get('password'))) {
      json(res, 200, { maKetQua: '401', APIKey: null });
      return;
    }
    tokenSeq++;
    const accessToken = `sim-access-${tokenSeq}-${hex(md5(new TextEncoder().encode(`${tokenSeq}:${now()}`)))}`;
    const idToken = `sim-id-${tokenSeq}-${hex(md5(new TextEncoder().encode(`id:${tokenSeq}`)))}`;
    const expiresAt = now() + ttlMs;
    tokens.set(accessToken, { idToken, expiresAt });
    stats.tokensIssued++;
    json(res, 200, {
      maKetQua: '200',
      APIKey: {
        access_token: accessToken,
        id_token: idToken,
        token_type: 'bearer',
        username: options.username,
        expires_in: expiresIn(expiresAt),
      },
    });
  }

  function authorized(query: URLSearchParams): boolean {
    const token = tokens.get(query.get('token') ?? '');
    return (
      token !== undefined &&
      token.idToken === query.get('id_token') &&
      token.expiresAt > now() &&
      query.get('username') === options.username &&
      passwordOk(query.get('password'))
    );
  }

  function find(maThe: string): { person?: InsuredPerson; code?: string } {
    if (/^\d{12}$/.test(maThe))
      return byPersonalId.has(maThe) ? { person: byPersonalId.get(maThe)! } : { code: '050' };
    if (/^\d{10}$/.test(maThe))
      return byNumber.has(maThe) ? { person: byNumber.get(maThe)! } : { code: '050' };
    if (!/^[A-Z]{2}\d{13}$/.test(maThe)) return { code: '051' };
    const exact = byCard.get(maThe);
    if (exact) return { person: exact };
    const same = byNumber.get(maThe.slice(5));
    if (!same) return { code: '050' };
    // Decision 1351/QĐ-BHXH: characters 4–5 the province, 3 the benefit level, 1–2 the group.
    if (same.cardCode.slice(3, 5) !== maThe.slice(3, 5)) return { code: '052' };
    if (same.cardCode[2] !== maThe[2]) return { code: '053' };
    return { code: '051' };
  }

  function birthMatches(sent: string, registered: string): boolean {
    if (sent === registered) return true;
    // A year-only birth matches on the year, either way round.
    return (sent.length === 4 || registered.length === 4) && sent.slice(-4) === registered.slice(-4);
  }

  function verdict(form: URLSearchParams): { code: string; person?: InsuredPerson } {
    const staff = options.staff.find((s) => s.personalId === (form.get('cccdCb') ?? '').trim());
    if (!staff) return { code: '054' };
    if (foldName(staff.fullName) !== foldName(form.get('hoTenCb') ?? '')) return { code: '055' };
    const maThe = (form.get('maThe') ?? '').trim().toUpperCase();
    const hoTen = (form.get('hoTen') ?? '').trim();
    const ngaySinh = (form.get('ngaySinh') ?? '').trim();
    if (maThe === '' || hoTen === '' || !/^(?:\d{2}\/\d{2}\/\d{4}|\d{4})$/.test(ngaySinh))
      return { code: '205' };
    const found = find(maThe);
    if (!found.person) return { code: found.code ?? '050' };
    const person = found.person;
    const forced =
      person.status && person.status !== 'active'
        ? (STATUS_CODES[person.status] ?? person.status)
        : undefined;
    if (forced === '100' || forced === '101' || forced === '500') return { code: forced, person };
    const sentName = foldName(hoTen);
    const name = foldName(person.fullName);
    if (sentName !== name) return { code: sentName[0] === name[0] ? '061' : '060', person };
    if (!birthMatches(ngaySinh, person.dateOfBirth)) return { code: '070', person };
    if (forced !== undefined) return { code: forced, person };
    const p = vietnamParts(now());
    const today = p.year * 10_000 + p.month * 100 + p.day;
    const expired = person.validTo !== undefined && dayNumber(person.validTo) < today;
    if (person.newCard) return { code: expired ? '003' : '004', person };
    return { code: expired ? '010' : '000', person };
  }

  function cardCheck(form: URLSearchParams, res: ServerResponse): void {
    const { code, person } = verdict(form);
    stats.codes[code] = (stats.codes[code] ?? 0) + 1;
    const p = vietnamParts(now());
    const year = p.year;
    const body: Record<string, unknown> = {
      maKetQua: code,
      ghiChu: NOTES[code] ?? '',
      maThe: null,
      hoTen: null,
      ngaySinh: null,
      gioiTinh: null,
      diaChi: null,
      maDKBD: null,
      cqBHXH: null,
      gtTheTu: null,
      gtTheDen: null,
      maKV: null,
      ngayDu5Nam: null,
      maSoBHXH: null,
      maTheCu: null,
      maTheMoi: null,
      gtTheTuMoi: null,
      gtTheDenMoi: null,
      maDKBDMoi: null,
      tenDKBDMoi: null,
      dsLichSuKCB2018: null,
      dsLichSuKT2018: null,
    };
    if (person && !['100', '101', '500'].includes(code)) {
      const log = checkLog.get(person.cardCode) ?? [];
      Object.assign(body, {
        maThe: person.cardCode,
        hoTen: person.fullName.toLocaleUpperCase('vi'),
        ngaySinh: person.dateOfBirth,
        gioiTinh: person.sex === 'male' ? 'Nam' : person.sex === 'female' ? 'Nữ' : 'Chưa xác định',
        diaChi: person.address ?? '',
        maDKBD: person.facility ?? '01001',
        cqBHXH: 'Bảo hiểm xã hội thành phố Hà Nội',
        gtTheTu: person.validFrom ?? `01/01/${year - 1}`,
        gtTheDen: person.validTo ?? `31/12/${year + 1}`,
        maKV: '',
        ngayDu5Nam: person.fiveYearDate ?? '',
        maSoBHXH: person.cardCode.slice(5),
        dsLichSuKT2018: log.slice(-5),
      });
      if (person.newCard) {
        Object.assign(body, {
          maTheCu: person.cardCode,
          maTheMoi: person.newCard.cardCode,
          gtTheTuMoi: person.newCard.validFrom,
          gtTheDenMoi: person.newCard.validTo,
          maDKBDMoi: person.facility ?? '01001',
          tenDKBDMoi: 'Bệnh viện Thử Nghiệm',
        });
      }
      log.push({
        userKT: options.username,
        thoiGianKT: `${p.year}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}`,
        thongBao: NOTES[code] ?? `Mã ${code}`,
        maLoi: code,
      });
      checkLog.set(person.cardCode, log);
    }
    json(res, 200, body);
  }

  function history(form: URLSearchParams, res: ServerResponse): void {
    const { code, person } = verdict(form);
    const ok = person !== undefined && !['100', '101', '500', '060', '061', '070'].includes(code);
    json(res, 200, {
      maKetQua: ok ? '000' : code,
      dsLichSuKCB2025: ok
        ? (person.visits ?? []).map((v, i) => ({
            maHoSo: `HS${person.cardCode.slice(5)}${pad(i + 1, 3)}`,
            maCSKCB: v.facility,
            tenCSKCB: v.facilityName ?? '',
            ngayVao: v.admittedAt,
            ngayRa: v.dischargedAt ?? '',
            tenBenh: v.diagnosis ?? '',
            tinhTrang: v.dischargeStatus ?? '',
            kqDieuTri: v.treatmentResult ?? '',
            lyDoVV: '1',
          }))
        : null,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isToken = url.pathname === '/api/token/take';
    const isCheck = url.pathname === '/api/egw/KQNhanLichSuKCB2024';
    const isHistory = url.pathname === '/api/egw/Lskcb2025';
    // Counted on arrival, so that a test can act while a slow answer is pending.
    if (isToken) stats.tokenRequests++;
    else if (isCheck) stats.cardChecks++;
    else if (isHistory) stats.historyRequests++;
    const form = await readForm(req);
    if (faults.latencyMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, faults.latencyMs);
        timers.add(timer);
      });
    }
    if (res.destroyed) return;
    if (req.method !== 'POST') return json(res, 405, { maKetQua: '205' });
    if (isToken) {
      if (faults.token === 'drop') {
        stats.dropped++;
        return void req.socket.destroy();
      }
      if (faults.token === 'server-error') {
        stats.serverErrors++;
        return json(res, 500, { message: 'Internal Server Error' });
      }
      if (faults.token === 'malformed') return malformed(res);
      if (!form) return json(res, 200, { maKetQua: '205', APIKey: null });
      return takeToken(form, res);
    }
    if (!isCheck && !isHistory) return json(res, 404, { message: 'Not Found' });
    apiRequests++;
    const every = (n: number | undefined): boolean => n !== undefined && n > 0 && apiRequests % n === 0;
    if (every(faults.dropConnectionEvery)) {
      stats.dropped++;
      return void req.socket.destroy();
    }
    if (every(faults.serverErrorEvery)) {
      stats.serverErrors++;
      return json(res, 500, { message: 'Internal Server Error' });
    }
    if (every(faults.malformedJsonEvery)) return malformed(res);
    if (!authorized(url.searchParams)) {
      stats.unauthorized++;
      if (faults.unauthorized === 'status') return json(res, 401, { message: 'Unauthorized' });
      return json(res, 200, { maKetQua: '401', ghiChu: 'Lỗi xác thực tài khoản' });
    }
    if (!form) return json(res, 200, { maKetQua: '205' });
    if (isCheck) return cardCheck(form, res);
    return history(form, res);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, { message: 'Internal Server Error' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    faults,
    expireTokens() {
      for (const token of tokens.values()) token.expiresAt = 0;
    },
    resetStats() {
      Object.assign(stats, emptyStats());
      apiRequests = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
