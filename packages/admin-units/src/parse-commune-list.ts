import { createIssue, type Issue, normalizeText } from '@cancuoc/core';
import { type AdminUnitsErrorCode, adminUnitsErrorMessages, fail } from './errors.js';
import { provinceTables } from './internal/tables.js';

/**
 * The kinds of commune-level unit (đơn vị hành chính cấp xã): xã, phường, thị trấn (only before
 * 1 July 2025, when districts were abolished) and đặc khu (special zone, from 1 July 2025).
 */
export type CommuneType = 'commune' | 'ward' | 'township' | 'special-zone';

/** A commune-level unit: xã, phường, thị trấn or đặc khu. */
export interface Commune {
  /** Five-digit GSO code (`'00004'`). */
  readonly code: string;
  /** Name as published, NFC-normalised (`'Phường Ba Đình'`). */
  readonly name: string;
  /** Two-digit GSO code of its province. */
  readonly provinceCode: string;
  /** The unit type, given by the list or read from the name's prefix; absent when neither says. */
  readonly type?: CommuneType;
}

/** Options of {@link parseCommuneList}. */
export interface ParseCommuneListOptions {
  /**
   * Which province list `provinceCode` refers to: the 34 from 1 July 2025 (default) or the 63
   * before.
   */
  readonly era?: 'from-2025' | 'before-2025';
  /**
   * The keys the rows use, when they are not `code`, `name`, `provinceCode` and `type`: e.g.
   * `{ code: 'Mã', name: 'Tên', provinceCode: 'Mã TP', type: 'Cấp' }` for rows read with their
   * header from a spreadsheet of the statistics office.
   */
  readonly columns?: {
    readonly code?: string;
    readonly name?: string;
    readonly provinceCode?: string;
    readonly type?: string;
  };
}

// The unit types, by their English name or the Vietnamese word a list's "Cấp" column holds.
const TYPES: ReadonlyMap<string, CommuneType> = /* @__PURE__ */ new Map([
  ['commune', 'commune'],
  ['ward', 'ward'],
  ['township', 'township'],
  ['special-zone', 'special-zone'],
  ['Xã', 'commune'],
  ['Phường', 'ward'],
  ['Thị trấn', 'township'],
  ['Đặc khu', 'special-zone'],
]);
// Prefixes of official commune names (Law on Organisation of Local Government: xã, phường,
// thị trấn until 30 June 2025; xã, phường, đặc khu from 1 July 2025).
const PREFIXES: ReadonlyArray<readonly [string, CommuneType]> = [
  ['Xã ', 'commune'],
  ['Phường ', 'ward'],
  ['Thị trấn ', 'township'],
  ['Đặc khu ', 'special-zone'],
];
const MAX_ISSUES = 100;

function isDigits(value: string, length: number): boolean {
  if (value.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Validates a commune list loaded from elsewhere (a JSON file from the statistics office, a
 * database export) and returns it typed: each row needs a 5-digit `code` string, a non-empty
 * `name` and the 2-digit `provinceCode` of a province of the chosen era; `type` is optional
 * (`commune`, `ward`, `township`, `special-zone`, or the Vietnamese `Xã`, `Phường`, `Thị trấn`,
 * `Đặc khu`) and otherwise read from the name's prefix. Rows keyed otherwise (a spreadsheet's
 * header) are read through `columns`. Names are NFC-normalised; nothing else is changed.
 *
 * @param rows - an array of `{ code, name, provinceCode, type? }` objects.
 * @throws CancuocError `ERR_ADMIN_COMMUNE_LIST` with one issue per problem (at most 100), each
 *   with a path such as `[12, 'code']` and a code such as `ERR_ADMIN_COMMUNE_CODE`.
 * @example
 * ```ts
 * const communes = parseCommuneList([{ code: '00004', name: 'Phường Ba Đình', provinceCode: '01' }]);
 * communes[0].type // 'ward'
 * ```
 */
export function parseCommuneList(rows: unknown, options: ParseCommuneListOptions = {}): readonly Commune[] {
  const era = options.era ?? 'from-2025';
  const provinces = era === 'from-2025' ? provinceTables().from2025 : provinceTables().before2025;
  const issues: Issue[] = [];
  const add = (code: AdminUnitsErrorCode, path: (string | number)[], details = {}): void => {
    if (issues.length < MAX_ISSUES) issues.push(createIssue(adminUnitsErrorMessages, code, path, details));
  };
  if (!Array.isArray(rows)) {
    add('ERR_ADMIN_COMMUNE_ROW', []);
    throw listError(issues);
  }
  const keys = {
    code: options.columns?.code ?? 'code',
    name: options.columns?.name ?? 'name',
    provinceCode: options.columns?.provinceCode ?? 'provinceCode',
    type: options.columns?.type ?? 'type',
  };
  const seen = new Set<string>();
  const out: Commune[] = [];
  rows.forEach((row: unknown, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      add('ERR_ADMIN_COMMUNE_ROW', [i]);
      return;
    }
    const r = row as Record<string, unknown>;
    let ok = true;
    const code = r[keys.code];
    if (typeof code !== 'string' || !isDigits(code, 5)) {
      add('ERR_ADMIN_COMMUNE_CODE', [i, 'code']);
      ok = false;
    } else if (seen.has(code)) {
      add('ERR_ADMIN_COMMUNE_DUPLICATE', [i, 'code'], { code });
      ok = false;
    }
    const rawName = r[keys.name];
    const name = typeof rawName === 'string' ? normalizeText(rawName) : '';
    if (name === '') {
      add('ERR_ADMIN_COMMUNE_NAME', [i, 'name']);
      ok = false;
    }
    const provinceCode = r[keys.provinceCode];
    if (typeof provinceCode !== 'string' || !provinces.has(provinceCode)) {
      add('ERR_ADMIN_COMMUNE_PROVINCE', [i, 'provinceCode'], {
        provinceCode: typeof provinceCode === 'string' ? provinceCode.slice(0, 8) : typeof provinceCode,
        era: era === 'from-2025' ? '(34, from 1 July 2025)' : '(63, before 1 July 2025)',
      });
      ok = false;
    }
    let type: CommuneType | undefined;
    const rawType = r[keys.type];
    if (rawType !== undefined && rawType !== '') {
      type = typeof rawType === 'string' ? TYPES.get(normalizeText(rawType)) : undefined;
      if (type === undefined) {
        add('ERR_ADMIN_COMMUNE_TYPE', [i, 'type'], { type: String(rawType).slice(0, 20) });
        ok = false;
      }
    } else {
      type = PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1];
    }
    if (!ok) return;
    seen.add(code as string);
    const commune: Commune = { code: code as string, name, provinceCode: provinceCode as string };
    out.push(type === undefined ? commune : { ...commune, type });
  });
  if (issues.length > 0) throw listError(issues);
  return out;
}

function listError(issues: Issue[]) {
  const first = issues[0]!;
  return fail(
    'ERR_ADMIN_COMMUNE_LIST',
    { count: issues.length, first: `${first.path.join('.')}: ${first.code}` },
    { issues },
  );
}
