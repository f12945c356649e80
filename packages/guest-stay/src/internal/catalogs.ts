/**
 * The public catalogues of the accommodation API (KBTT API guide v1.4, APIs 6–11), fetched without
 * a token, checked, renamed to English fields and cached with a time to live (the guide, §13.2:
 * "nên được cache khi khởi động"). One fetch at a time per catalogue; failures are not cached.
 */
import type { BcaProvince, BcaWard, StayCatalogEntry, StayNationality } from '../catalog-types.js';
import { stayError } from '../errors.js';
import { bodyCode, exchange, type HttpConfig } from './http.js';

const MAX_ENTRIES = 50_000;

type Row = Record<string, unknown>;

function rows(status: number, json: unknown): Row[] {
  if (status !== 200 || bodyCode(json) !== '200') {
    throw stayError(status >= 500 ? 'ERR_STAY_SERVER' : 'ERR_STAY_HTTP', {
      status,
      mayHaveArrived: false,
      retryable: status >= 500,
    });
  }
  const data = (json as { data?: unknown }).data;
  if (!Array.isArray(data) || data.length > MAX_ENTRIES) {
    throw stayError('ERR_STAY_RESPONSE', {
      status,
      reason: 'catalogue data is not a list',
      retryable: false,
    });
  }
  return data.map((row) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw stayError('ERR_STAY_RESPONSE', {
        status,
        reason: 'catalogue entry is not an object',
        retryable: false,
      });
    }
    return row as Row;
  });
}

function text(row: Row, field: string, required: boolean): string {
  const value = row[field];
  if (typeof value === 'string' && value.length <= 500) return value.normalize('NFC').trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (!required && (value === undefined || value === null)) return '';
  throw stayError('ERR_STAY_RESPONSE', {
    reason: `catalogue entry without a valid ${field}`,
    retryable: false,
  });
}

function id(row: Row): number {
  // The guide's table says `Id`/`Name`, its example `id`/`name`: accept both.
  const value = row.id ?? row.Id;
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw stayError('ERR_STAY_RESPONSE', { reason: 'catalogue entry without a valid id', retryable: false });
  }
  return n;
}

const entry = (row: Row): StayCatalogEntry => ({
  id: id(row),
  name: text(row, row.name === undefined ? 'Name' : 'name', true),
});

/** The catalogue methods of a client. */
export interface StayCatalogs {
  /** Nationalities (API 6): the codes to send as `quocTich`. */
  nationalities(options?: { readonly signal?: AbortSignal }): Promise<readonly StayNationality[]>;
  /** Provinces (API 7): the ministry's codes, not GSO codes. */
  provinces(options?: { readonly signal?: AbortSignal }): Promise<readonly BcaProvince[]>;
  /** Wards and communes of one province (API 8), by the ministry's province code. */
  wards(provinceCode: string, options?: { readonly signal?: AbortSignal }): Promise<readonly BcaWard[]>;
  /** Reasons for a stay (API 9): `lyDoCuTru` ids. */
  reasons(options?: { readonly signal?: AbortSignal }): Promise<readonly StayCatalogEntry[]>;
  /** Document types (API 10): `loaiGiayTo` ids. */
  documentTypes(options?: { readonly signal?: AbortSignal }): Promise<readonly StayCatalogEntry[]>;
  /** Residence kinds (API 11): `noiCuTru` ids. */
  residenceKinds(options?: { readonly signal?: AbortSignal }): Promise<readonly StayCatalogEntry[]>;
  /** Forget every cached catalogue. */
  clear(): void;
}

/** Makes the cached catalogue methods. */
export function createCatalogs(http: HttpConfig, ttlMs: number, now: () => number): StayCatalogs {
  const cache = new Map<string, { expiresAt: number; value: Promise<readonly unknown[]> }>();

  function cached<T>(
    key: string,
    path: string,
    query: Record<string, string>,
    map: (row: Row) => T,
    signal?: AbortSignal,
  ): Promise<readonly T[]> {
    const hit = cache.get(key);
    if (hit && hit.expiresAt > now()) return hit.value as Promise<readonly T[]>;
    const value = exchange(http, { method: 'GET', path, query, signal }).then((answer) =>
      Object.freeze(rows(answer.status, answer.json).map(map)),
    );
    cache.set(key, { expiresAt: now() + ttlMs, value });
    value.catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key);
    });
    return value;
  }

  return {
    nationalities: (o = {}) =>
      cached(
        'qt',
        '/cms-backend/public/dm-qt/3th/get-all',
        {},
        (r): StayNationality => ({
          code: text(r, 'maQT', true),
          name: text(r, 'tenQT', true),
          nameEn: text(r, 'tenQTEn', false),
        }),
        o.signal,
      ),
    provinces: (o = {}) =>
      cached(
        'tt',
        '/cms-backend/public/dm-tinh-tp/get-all',
        {},
        (r): BcaProvince => {
          const abbreviation = text(r, 'maTTChu', false);
          return {
            code: text(r, 'maTT', true),
            name: text(r, 'tenTT', true),
            nameEn: text(r, 'tenTTEn', false),
            ...(abbreviation === '' ? {} : { abbreviation }),
          };
        },
        o.signal,
      ),
    wards: (provinceCode, o = {}) => {
      if (typeof provinceCode !== 'string' || !/^[0-9A-Za-z]{1,10}$/.test(provinceCode)) {
        throw new TypeError('wards expects the ministry’s province code, e.g. "201"');
      }
      return cached(
        `px:${provinceCode}`,
        '/cms-backend/public/dm-phuong-xa',
        { trucThuocTinh: provinceCode },
        (r): BcaWard => ({
          code: text(r, 'maPhuongXa', true),
          name: text(r, 'tenPhuongXa', true),
          nameEn: text(r, 'tenPhuongXaEn', false),
          provinceCode: text(r, 'trucThuocTinh', false) || provinceCode,
        }),
        o.signal,
      );
    },
    reasons: (o = {}) => cached('ld', '/cms-backend/public/ly-do-cu-tru/get-all', {}, entry, o.signal),
    documentTypes: (o = {}) => cached('gt', '/cms-backend/public/loai-giay-to/get-all', {}, entry, o.signal),
    residenceKinds: (o = {}) => cached('ct', '/cms-backend/public/noi-cu-tru/get-all', {}, entry, o.signal),
    clear: () => cache.clear(),
  };
}
