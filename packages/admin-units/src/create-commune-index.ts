import { foldDiacritics } from '@cancuoc/core';
import type { Commune } from './parse-commune-list.js';

/** Lookups over a commune list, built by {@link createCommuneIndex}. */
export interface CommuneIndex {
  /** The commune with this five-digit code. */
  get(code: string): Commune | undefined;
  /** The communes of a province, in list order. */
  inProvince(provinceCode: string): readonly Commune[];
  /**
   * Communes whose name matches, ignoring case, diacritics and the unit-type prefix
   * (`'ba dinh'` finds `'Phường Ba Đình'`), optionally within one province.
   */
  findByName(name: string, provinceCode?: string): readonly Commune[];
  /** Every commune, in list order. */
  readonly all: readonly Commune[];
}

const PREFIX_RE = /^(xa|phuong|thi tran|dac khu)\s+/;

function key(name: string): string {
  return foldDiacritics(name).toLowerCase().replace(/\s+/g, ' ').trim().replace(PREFIX_RE, '');
}

/**
 * Indexes a commune list (from {@link parseCommuneList}) by code, province and folded name.
 *
 * @example
 * ```ts
 * const index = createCommuneIndex(parseCommuneList(rows));
 * index.findByName('ba dinh', '01')[0]?.code // '00004'
 * ```
 */
export function createCommuneIndex(communes: readonly Commune[]): CommuneIndex {
  if (!Array.isArray(communes)) throw new TypeError('createCommuneIndex expects an array of communes');
  const byCode = new Map<string, Commune>();
  const byProvince = new Map<string, Commune[]>();
  const byName = new Map<string, Commune[]>();
  for (const c of communes) {
    byCode.set(c.code, c);
    const list = byProvince.get(c.provinceCode);
    if (list) list.push(c);
    else byProvince.set(c.provinceCode, [c]);
    const k = key(c.name);
    const named = byName.get(k);
    if (named) named.push(c);
    else byName.set(k, [c]);
  }
  return {
    all: communes,
    get: (code) => byCode.get(code),
    inProvince: (provinceCode) => byProvince.get(provinceCode) ?? [],
    findByName: (name, provinceCode) => {
      const found = byName.get(key(name)) ?? [];
      return provinceCode === undefined ? found : found.filter((c) => c.provinceCode === provinceCode);
    },
  };
}
