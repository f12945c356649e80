import { createIssue, type Issue } from '@cancuoc/core';
import { type AdminUnitsErrorCode, adminUnitsErrorMessages, fail } from './errors.js';
import { type DatedChange, registerTable, stateBefore, toDated } from './internal/changes.js';
import { MERGE_DAY } from './internal/date.js';
import type {
  ProvinceChange,
  ProvinceChangeKind,
  ProvinceChangeSource,
  ProvinceChangeTable,
  ProvinceState,
} from './types.js';

const KINDS: readonly ProvinceChangeKind[] = ['rename', 'type-change', 'merge'];
const MAX_ISSUES = 100;
const MAX_ENTRIES = 10_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, max = 200): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max;
}

function dayOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_RE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return y * 10_000 + mo * 100 + d;
}

function stateOf(value: unknown): ProvinceState | undefined {
  if (!isRecord(value)) return undefined;
  const { code, name, fullName, unaccentedName, type } = value;
  if (typeof code !== 'string' || !/^\d{2}$/.test(code)) return undefined;
  if (!isText(name) || !isText(fullName) || !isText(unaccentedName)) return undefined;
  if (type !== 'province' && type !== 'city') return undefined;
  return {
    code,
    name: name.normalize('NFC'),
    fullName: fullName.normalize('NFC'),
    unaccentedName,
    type,
  };
}

function sourceOf(value: unknown): ProvinceChangeSource | undefined {
  if (!isRecord(value) || !isText(value.citation, 500)) return undefined;
  if (value.url === undefined) return { citation: value.citation.normalize('NFC') };
  if (typeof value.url !== 'string' || !/^https:\/\/\S+$/.test(value.url) || value.url.length > 2000)
    return undefined;
  return { citation: value.citation.normalize('NFC'), url: value.url };
}

function sameState(a: ProvinceState, b: ProvinceState): boolean {
  return (
    a.code === b.code &&
    a.name === b.name &&
    a.fullName === b.fullName &&
    a.unaccentedName === b.unaccentedName &&
    a.type === b.type
  );
}

/**
 * Validates a table of dated changes to province-level units (a newer table than the built-in
 * one, loaded from a JSON file you keep) and returns it frozen, for the `changes` option of the
 * lookups. Each entry needs `effective` (`yyyy-MM-dd`, from 2025-07-01), `code`, `kind`
 * (`rename`, `type-change`, `merge`), `before` and `after` (full province records) and
 * `source.citation` (the legal act; `source.url` optional, `https:` only). The entries are
 * checked as a chain, oldest first: `before` must be the unit as in force the day before, as the
 * 1 July 2025 map and the earlier entries make it. The table replaces the built-in one, so start
 * from `provinceChanges` and append.
 *
 * @param entries - an array of change records (parsed JSON).
 * @throws CancuocError `ERR_ADMIN_CHANGE_TABLE` with one issue per problem (at most 100), each with
 *   a path such as `[0, 'effective']` and a code such as `ERR_ADMIN_CHANGE_DATE`.
 * @example
 * ```ts
 * const changes = parseProvinceChanges(JSON.parse(await readFile('province-changes.json', 'utf8')));
 * getProvince('75', { date: '2026-09-01', changes })?.type;
 * ```
 */
export function parseProvinceChanges(entries: unknown): ProvinceChangeTable {
  const issues: Issue[] = [];
  const add = (code: AdminUnitsErrorCode, path: (string | number)[], details = {}): void => {
    if (issues.length < MAX_ISSUES) issues.push(createIssue(adminUnitsErrorMessages, code, path, details));
  };
  if (!Array.isArray(entries) || entries.length > MAX_ENTRIES) {
    add('ERR_ADMIN_CHANGE_ENTRY', []);
    throw tableError(issues);
  }
  const parsed: { index: number; day: number; change: ProvinceChange }[] = [];
  entries.forEach((entry: unknown, i) => {
    if (!isRecord(entry)) {
      add('ERR_ADMIN_CHANGE_ENTRY', [i]);
      return;
    }
    let ok = true;
    const day = dayOf(entry.effective);
    if (day === undefined || day < MERGE_DAY) {
      add('ERR_ADMIN_CHANGE_DATE', [i, 'effective']);
      ok = false;
    }
    const kind = entry.kind as ProvinceChangeKind;
    if (!KINDS.includes(kind)) {
      add('ERR_ADMIN_CHANGE_KIND', [i, 'kind'], { kind: String(entry.kind).slice(0, 20) });
      ok = false;
    }
    const code = entry.code;
    if (typeof code !== 'string' || !/^\d{2}$/.test(code)) {
      add('ERR_ADMIN_CHANGE_UNIT', [i, 'code']);
      ok = false;
    }
    const before = stateOf(entry.before);
    if (!before) add('ERR_ADMIN_CHANGE_UNIT', [i, 'before']);
    const after = stateOf(entry.after);
    if (!after) add('ERR_ADMIN_CHANGE_UNIT', [i, 'after']);
    const source = sourceOf(entry.source);
    if (!source) add('ERR_ADMIN_CHANGE_SOURCE', [i, 'source']);
    if (!ok || !before || !after || !source) return;
    const change: ProvinceChange = {
      effective: entry.effective as string,
      code: code as string,
      kind,
      before,
      after,
      source,
    };
    parsed.push({ index: i, day: day!, change });
  });
  if (issues.length > 0) throw tableError(issues);

  // Oldest first; entries of one day keep their order.
  parsed.sort((a, b) => a.day - b.day || a.index - b.index);
  const dated: DatedChange[] = toDated(parsed.map((p) => p.change));
  dated.forEach(({ change }, k) => {
    const i = parsed[k]!.index;
    const current = stateBefore(dated, k).byCode.get(change.code);
    const { before, after, kind } = change;
    if (current === undefined) {
      add('ERR_ADMIN_CHANGE_CONFLICT', [i, 'code'], { reason: `unit ${change.code} is not in force then` });
    } else if (before.code !== change.code || !sameState(before, current)) {
      add('ERR_ADMIN_CHANGE_CONFLICT', [i, 'before'], {
        reason: `before differs from unit ${change.code} as in force then`,
      });
    } else if (kind === 'merge') {
      const target = stateBefore(dated, k).byCode.get(after.code);
      if (after.code === change.code || target === undefined)
        add('ERR_ADMIN_CHANGE_CONFLICT', [i, 'after', 'code'], {
          reason: 'a merge needs another unit in force',
        });
    } else if (after.code !== change.code) {
      add('ERR_ADMIN_CHANGE_CONFLICT', [i, 'after', 'code'], { reason: `a ${kind} keeps the code` });
    } else if (kind === 'rename' && after.name === before.name) {
      add('ERR_ADMIN_CHANGE_CONFLICT', [i, 'after', 'name'], { reason: 'a rename changes the name' });
    } else if (kind === 'type-change' && after.type === before.type) {
      add('ERR_ADMIN_CHANGE_CONFLICT', [i, 'after', 'type'], { reason: 'a type change changes the type' });
    }
  });
  if (issues.length > 0) throw tableError(issues);
  const table: ProvinceChangeTable = Object.freeze({
    changes: Object.freeze(dated.map((d) => Object.freeze(d.change))),
  });
  registerTable(table, dated);
  return table;
}

function tableError(issues: Issue[]) {
  const first = issues[0]!;
  return fail(
    'ERR_ADMIN_CHANGE_TABLE',
    { count: issues.length, first: `${first.path.join('.')}: ${first.code}` },
    { issues },
  );
}
