/**
 * Turns zod's issues into cancuoc `Issue`s: a stable `ERR_SCHEMA_*` code (or the code of the
 * cancuoc package that found the problem, e.g. `ERR_ID_SEX_MISMATCH`), the path, and messages
 * in English and Vietnamese that name the field ("Thiếu họ và tên của cha").
 */
import { type ErrorDetails, formatMessage, type Issue } from '@cancuoc/core';
import type * as z from 'zod/mini';
import { type SchemasErrorCode, schemasErrorMessages } from './errors.js';
import type { CodedParams } from './internal/custom-issue.js';
import { capitalize, labelPath } from './internal/labels.js';

const TYPE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  string: ['text', 'chuỗi ký tự'],
  number: ['a number', 'số'],
  int: ['a whole number', 'số nguyên'],
  object: ['an object', 'đối tượng'],
  array: ['a list', 'danh sách'],
  null: ['null', 'null'],
  boolean: ['true or false', 'đúng/sai'],
};

// Descriptions of the regular expressions the schemas use, by their source.
const FORMATS: Readonly<Record<string, readonly [string, string]>> = {
  '^\\d{12}$': ['12 digits', '12 chữ số'],
  '^(?:\\d{9}|\\d{12})$': ['9 or 12 digits', '9 hoặc 12 chữ số'],
  '^\\d{2}$': ['2 digits', '2 chữ số'],
  '^\\d{3}$': ['3 digits', '3 chữ số'],
  '^\\d{5}$': ['5 digits', '5 chữ số'],
  '^[A-Z0-9]{5,20}$': ['5 to 20 capital letters or digits', '5 đến 20 chữ in hoa hoặc chữ số'],
  '^[A-Za-z0-9]{1,32}$': ['up to 32 letters or digits', 'tối đa 32 chữ cái hoặc chữ số'],
};

function coded(
  code: SchemasErrorCode,
  path: readonly PropertyKey[],
  details: ErrorDetails,
  severity: 'error' | 'warning' = 'error',
): Issue {
  const cleanPath = path.filter((k): k is string | number => typeof k !== 'symbol');
  const all = { ...labelPath(cleanPath), ...details };
  const entry = schemasErrorMessages[code];
  return {
    path: cleanPath,
    code,
    message: capitalize(formatMessage(entry.en, all)),
    messageVi: capitalize(formatMessage(entry.vi, all)),
    severity,
    details,
  };
}

/** Builds one of this package's issues at a path (used for warnings computed after parsing). */
export function schemaIssue(
  code: SchemasErrorCode,
  path: readonly (string | number)[],
  details: ErrorDetails = {},
  severity: 'error' | 'warning' = 'error',
): Issue {
  return coded(code, path, details, severity);
}

function isMissing(issue: z.core.$ZodIssue): boolean {
  // With `reportInput`, zod keeps the input: undefined means the field is absent. Without it,
  // fall back to the message of zod's English locale, or of FIELD (internal/zod.ts) under zod/mini.
  if ('input' in issue) return issue.input === undefined;
  return /received undefined/.test(issue.message);
}

function mapOne(issue: z.core.$ZodIssue): Issue {
  const path = issue.path;
  const last = path.at(-1);
  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as CodedParams;
      if (params.cancuocIssue) {
        const foreign = params.cancuocIssue;
        return { ...foreign, path: path.filter((k): k is string | number => typeof k !== 'symbol') };
      }
      if (params.cancuocCode) return coded(params.cancuocCode, path, params.cancuocDetails ?? {});
      return coded('ERR_SCHEMA_UNKNOWN', path, {});
    }
    case 'invalid_type': {
      if (isMissing(issue)) return coded('ERR_SCHEMA_REQUIRED', path, {});
      const [expected, expectedVi] = (Object.hasOwn(TYPE_NAMES, issue.expected)
        ? TYPE_NAMES[issue.expected]
        : undefined) ?? [issue.expected, issue.expected];
      return coded('ERR_SCHEMA_TYPE', path, { expected, expectedVi });
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string' && minimum === 1) return coded('ERR_SCHEMA_EMPTY', path, {});
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return numberRange(path, last);
      }
      return coded('ERR_SCHEMA_TOO_SHORT', path, { minimum });
    }
    case 'too_big': {
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return numberRange(path, last);
      }
      return coded('ERR_SCHEMA_TOO_LONG', path, { maximum: Number(issue.maximum) });
    }
    case 'invalid_format': {
      const source = 'pattern' in issue && typeof issue.pattern === 'string' ? issue.pattern : '';
      const key = source.replace(/^\/|\/[a-z]*$/g, '');
      const known = Object.hasOwn(FORMATS, key) ? FORMATS[key] : undefined;
      const [expected, expectedVi] = known ?? [issue.format, issue.format];
      return coded('ERR_SCHEMA_FORMAT', path, { expected, expectedVi });
    }
    case 'invalid_value':
      if (isMissing(issue)) return coded('ERR_SCHEMA_REQUIRED', path, {});
      return coded('ERR_SCHEMA_VALUE', path, { options: issue.values.map(String) });
    default:
      return coded('ERR_SCHEMA_UNKNOWN', path, {});
  }
}

// Ranges of the numeric fields (all belong to partial dates).
const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  year: [1800, 2399],
  month: [1, 12],
  day: [1, 31],
};

function numberRange(path: readonly PropertyKey[], last: PropertyKey | undefined): Issue {
  const range = typeof last === 'string' && Object.hasOwn(RANGES, last) ? RANGES[last] : undefined;
  return coded('ERR_SCHEMA_NUMBER_RANGE', path, range ? { minimum: range[0], maximum: range[1] } : {});
}

/**
 * Maps the issues of a failed zod parse of any schema of this package to cancuoc `Issue`s,
 * each with a path, a stable code and messages in English and Vietnamese. Issues raised by
 * other cancuoc packages inside refinements (e.g. `ERR_ID_SEX_MISMATCH` from `@cancuoc/id-number`)
 * keep their own code and messages. Personal values from the input (IDs, names, addresses) are never copied into the issues.
 * Parse with `{ reportInput: true }` to tell an absent field (`ERR_SCHEMA_REQUIRED`) from a
 * mistyped one in every case (`validateResident` does).
 *
 * @example
 * ```ts
 * const r = ResidentRecord.safeParse(input);
 * if (!r.success) for (const i of mapZodIssues(r.error)) console.error(i.path.join('.'), i.messageVi);
 * ```
 */
export function mapZodIssues(error: z.core.$ZodError | readonly z.core.$ZodIssue[]): Issue[] {
  const issues = Array.isArray(error) ? error : (error as z.core.$ZodError).issues;
  return issues.map(mapOne);
}
