/**
 * The error base class every cancuoc package throws for bad data, and the helpers that
 * build coded, bilingual errors from a message catalogue.
 */

/** Languages the SDK writes messages in. */
export type Lang = 'en' | 'vi';

/**
 * One message template per language. `{name}` placeholders are filled from the error's
 * `details` (values are never personal data: callers pass masked IDs).
 */
export interface MessagePair {
  readonly en: string;
  readonly vi: string;
}

/** A table of error codes with their English and Vietnamese messages. */
export type ErrorCatalog<Code extends string> = { readonly [K in Code]: MessagePair };

/** Machine-readable facts about a failure (never a full ID number, name or token). */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/**
 * One problem found while validating a value, zod-style: a `path` a UI can point at,
 * a stable `code` and messages in both languages.
 */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
  readonly messageVi: string;
  /** `error` fails validation; `warning` is reported alongside a successful result. */
  readonly severity: 'error' | 'warning';
  readonly details?: ErrorDetails;
}

const MARKER = Symbol.for('cancuoc.error');

/** Options accepted by the {@link CancuocError} constructor. */
export interface CancuocErrorOptions {
  readonly message: string;
  readonly messageVi: string;
  readonly details?: ErrorDetails;
  readonly issues?: readonly Issue[];
  readonly cause?: unknown;
}

/**
 * Base class of every error cancuoc raises for bad input data. `code` is stable
 * (`ERR_<AREA>_<REASON>`); `message` is English and `messageVi` Vietnamese.
 *
 * @example
 * ```ts
 * try { parsePersonalId('001') } catch (e) { if (isCancuocError(e)) console.error(e.code, e.messageVi) }
 * ```
 */
export class CancuocError<Code extends string = string> extends Error {
  /** Stable machine-readable code, e.g. `ERR_ID_LENGTH`. */
  readonly code: Code;
  /** The message in Vietnamese, for front-desk UIs. */
  readonly messageVi: string;
  /** Facts for machines; never holds a full ID number, a name or a token. */
  readonly details: ErrorDetails;
  /** Field-level problems, when the error comes from validating a structured value. */
  readonly issues: readonly Issue[];

  constructor(code: Code, options: CancuocErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CancuocError';
    this.code = code;
    this.messageVi = options.messageVi;
    this.details = options.details ?? {};
    this.issues = options.issues ?? [];
    Object.defineProperty(this, MARKER, { value: true, enumerable: false });
  }

  /**
   * Makes `error instanceof CancuocError` true for errors of another copy of this class: the
   * ESM and CommonJS builds (or two installed versions) each define their own class, so the
   * check uses the same `Symbol.for` marker as {@link isCancuocError}. Subclasses keep the
   * ordinary prototype-chain check.
   *
   * @example
   * ```ts
   * // an error thrown by require('@cancuoc/id-number') caught next to import '@cancuoc/core'
   * if (e instanceof CancuocError) showHint(e.messageVi);
   * ```
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // `this` is the class on the right of `instanceof` (CancuocError or a subclass).
    // biome-ignore lint/complexity/noThisInStatic: the receiver decides which check applies
    // biome-ignore lint/complexity/noUselessThisAlias: typed `unknown` so the comparison below stays a plain identity check
    const target: unknown = this;
    if (target === CancuocError) return isCancuocError(value);
    return Function.prototype[Symbol.hasInstance].call(target, value);
  }

  /** The message in the given language. */
  localizedMessage(lang: Lang): string {
    return lang === 'vi' ? this.messageVi : this.message;
  }

  /** A plain object safe to serialise into logs or API responses. */
  toJSON(): { name: string; code: Code; message: string; messageVi: string; details: ErrorDetails } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      messageVi: this.messageVi,
      details: this.details,
    };
  }
}

/**
 * Whether a value is a {@link CancuocError}, also across duplicated installs of the SDK and
 * across its ESM and CommonJS builds (the check uses a `Symbol.for` marker; `instanceof
 * CancuocError` uses the same marker).
 *
 * @example
 * ```ts
 * if (isCancuocError(e) && e.code === 'ERR_ID_LENGTH') showHint();
 * ```
 */
export function isCancuocError(value: unknown): value is CancuocError {
  if (typeof value !== 'object' || value === null) return false;
  // Never throws, as an `isX` must: values caught from callbacks may be Proxies or have throwing getters.
  try {
    return (
      (value as Record<symbol, unknown>)[MARKER] === true &&
      typeof (value as { code?: unknown }).code === 'string'
    );
  } catch {
    return false;
  }
}

/** Fills `{name}` placeholders from `details`; unknown placeholders are left as they are. */
export function formatMessage(template: string, details: ErrorDetails = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = details[key];
    if (value === undefined || value === null) return whole;
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}

/** A function that builds a coded error of one package from its catalogue. */
export type ErrorFactory<Code extends string> = (
  code: Code,
  details?: ErrorDetails,
  extra?: { issues?: readonly Issue[]; cause?: unknown },
) => CancuocError<Code>;

/**
 * Makes the error factory a package uses to raise its coded errors.
 *
 * @param catalog - every code of the package with its English and Vietnamese template.
 * @param name - the error's `name` (e.g. `IdNumberError`), shown in stack traces.
 * @example
 * ```ts
 * const fail = createErrorFactory({ ERR_X_EMPTY: { en: 'Empty', vi: 'Trống' } }, 'XError');
 * throw fail('ERR_X_EMPTY');
 * ```
 */
export function createErrorFactory<Code extends string>(
  catalog: ErrorCatalog<Code>,
  name = 'CancuocError',
): ErrorFactory<Code> {
  return (code, details = {}, extra = {}) => {
    const entry: MessagePair = catalog[code];
    const error = new CancuocError<Code>(code, {
      message: formatMessage(entry.en, details),
      messageVi: formatMessage(entry.vi, details),
      details,
      ...(extra.issues ? { issues: extra.issues } : {}),
      ...(extra.cause === undefined ? {} : { cause: extra.cause }),
    });
    error.name = name;
    return error;
  };
}

/**
 * Builds an {@link Issue} from a catalogue entry.
 *
 * @example
 * ```ts
 * createIssue(catalog, 'ERR_ID_SEX_MISMATCH', ['sex'], { expected: 'female' }, 'error');
 * ```
 */
export function createIssue<Code extends string>(
  catalog: ErrorCatalog<Code>,
  code: Code,
  path: readonly (string | number)[],
  details: ErrorDetails = {},
  severity: 'error' | 'warning' = 'error',
): Issue {
  const entry: MessagePair = catalog[code];
  return {
    path,
    code,
    message: formatMessage(entry.en, details),
    messageVi: formatMessage(entry.vi, details),
    severity,
    details,
  };
}
