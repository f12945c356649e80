/**
 * Validation of resident records with cancuoc issues: bilingual messages, stable codes and
 * paths, warnings beside errors, and optional reading of dates written as strings.
 */
import { fail as failure, type Issue, ok, type Result, safeParsePartialDate } from '@cancuoc/core';
import type { Address } from './address.js';
import { fail } from './errors.js';
import { findEthnicity } from './ethnicity.js';
import { provinceNameEra, provinceNamesOf } from './internal/provinces.js';
import { mapZodIssues, schemaIssue } from './map-zod-issues.js';
import { ResidentRecord } from './resident-record.js';

/** Options of {@link validateResident}, {@link safeParseResident} and {@link parseResident}. */
export interface ValidateResidentOptions {
  /**
   * Read `dateOfBirth` and the documents' `dateOfIssue` / `dateOfExpiry` when they are strings
   * (`dd/MM/yyyy`, `MM/yyyy`, `yyyy`, `ddMMyyyy`, `yyyyMMdd`, ISO) into `PartialDate`s before
   * validating. Default `false`: dates must be `PartialDate` objects.
   */
  readonly coerceDates?: boolean;
}

/** The outcome of {@link validateResident}. */
export type ResidentValidation =
  | { readonly success: true; readonly data: ResidentRecord; readonly issues: Issue[] }
  | { readonly success: false; readonly issues: Issue[] };

type Path = (string | number)[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces readable date strings by `PartialDate`s; reports unreadable ones. */
function coerceDates(input: unknown, dateIssues: Issue[]): unknown {
  if (!isObject(input)) return input;
  const coerce = (value: unknown, path: Path): unknown => {
    if (typeof value !== 'string') return value;
    const r = safeParsePartialDate(value);
    if (r.success) return r.data;
    dateIssues.push(
      schemaIssue(
        r.error.code === 'ERR_DATE_CALENDAR' ? 'ERR_SCHEMA_DATE_CALENDAR' : 'ERR_SCHEMA_DATE_FORMAT',
        path,
      ),
    );
    return value;
  };
  const out: Record<string, unknown> = { ...input };
  if ('dateOfBirth' in input) out.dateOfBirth = coerce(input.dateOfBirth, ['dateOfBirth']);
  if (Array.isArray(input.documents)) {
    out.documents = input.documents.map((doc: unknown, i) => {
      if (!isObject(doc)) return doc;
      const copy: Record<string, unknown> = { ...doc };
      if ('dateOfIssue' in doc) copy.dateOfIssue = coerce(doc.dateOfIssue, ['documents', i, 'dateOfIssue']);
      if ('dateOfExpiry' in doc)
        copy.dateOfExpiry = coerce(doc.dateOfExpiry, ['documents', i, 'dateOfExpiry']);
      return copy;
    });
  }
  return out;
}

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean =>
  a.length === b.length && a.every((k, i) => k === b[i]);

const ADDRESS_FIELDS = [
  'placeOfBirthRegistration',
  'placeOfOrigin',
  'permanentResidence',
  'temporaryResidence',
  'currentResidence',
] as const;

/** Warnings about a valid record: things worth a second look that do not make it invalid. */
function warnings(record: ResidentRecord): Issue[] {
  const out: Issue[] = [];
  if (record.ethnicity && record.ethnicity.code === undefined && !findEthnicity(record.ethnicity.name)) {
    out.push(schemaIssue('ERR_SCHEMA_ETHNICITY_UNKNOWN', ['ethnicity', 'name'], {}, 'warning'));
  }
  for (const field of ADDRESS_FIELDS) {
    const province = (record[field] as Address | undefined)?.province;
    if (province?.code !== undefined && provinceNameEra(province.code, province.name) === 'none') {
      out.push(
        schemaIssue(
          'ERR_SCHEMA_PROVINCE_NAME_MISMATCH',
          [field, 'province', 'name'],
          { code: province.code, expected: provinceNamesOf(province.code) },
          'warning',
        ),
      );
    }
  }
  return out;
}

/**
 * Validates a resident record and reports every problem as a cancuoc `Issue` with a path, a
 * code (`ERR_SCHEMA_*`, or `ERR_ID_*` from `@cancuoc/id-number` for the ID checks) and
 * messages in English and Vietnamese. A valid record comes back parsed (names trimmed and
 * NFC-normalised), with warnings (severity `warning`) in `issues`.
 *
 * @example
 * ```ts
 * const v = validateResident({ personalId: '001198012345', fullName: 'Trần Thị Bình', dateOfBirth: '15/08/1998', sex: 'male' }, { coerceDates: true });
 * if (!v.success) for (const i of v.issues) console.error(i.path.join('.'), i.messageVi);
 * // sex  Giới tính không khớp với số định danh ...
 * ```
 */
export function validateResident(input: unknown, options: ValidateResidentOptions = {}): ResidentValidation {
  const dateIssues: Issue[] = [];
  const value = options.coerceDates ? coerceDates(input, dateIssues) : input;
  const r = ResidentRecord.safeParse(value);
  if (r.success && dateIssues.length === 0) return { success: true, data: r.data, issues: warnings(r.data) };
  // Parse again with the inputs kept in the issues (slower, so only on failure): an absent
  // field is then told from a mistyped one. The inputs are never copied into our issues.
  const again = r.success ? r : ResidentRecord.safeParse(value, { reportInput: true });
  const mapped = again.success ? [] : mapZodIssues(again.error);
  // A date string that could not be read was reported once already; drop zod's type error for it.
  const rest = mapped.filter((m) => !dateIssues.some((d) => samePath(d.path, m.path)));
  return { success: false, issues: [...dateIssues, ...rest] };
}

/**
 * {@link parseResident} returning `{ success, data | error }`; `error.issues` lists the problems.
 *
 * @example
 * ```ts
 * const r = safeParseResident(json);
 * if (!r.success) showIssues(r.error.issues);
 * ```
 */
export function safeParseResident(
  input: unknown,
  options: ValidateResidentOptions = {},
): Result<ResidentRecord> {
  const v = validateResident(input, options);
  if (v.success) return ok(v.data);
  const first = v.issues[0]!;
  return failure(
    fail(
      'ERR_SCHEMA_INVALID',
      { count: v.issues.length, first: first.message, firstVi: first.messageVi },
      { issues: v.issues },
    ),
  );
}

/**
 * Parses a resident record, throwing a `CancuocError` with code `ERR_SCHEMA_INVALID` whose
 * `issues` list every problem (see {@link validateResident}).
 *
 * @throws CancuocError `ERR_SCHEMA_INVALID`
 * @example
 * ```ts
 * const record = parseResident(json, { coerceDates: true });
 * ```
 */
export function parseResident(input: unknown, options: ValidateResidentOptions = {}): ResidentRecord {
  const r = safeParseResident(input, options);
  if (r.success) return r.data;
  throw r.error;
}
