import { type CancuocError, isCancuocError } from './errors.js';

/** A successful outcome, zod-style. */
export interface Success<T> {
  readonly success: true;
  readonly data: T;
}
/** A failed outcome carrying a coded error. */
export interface Failure<E = CancuocError> {
  readonly success: false;
  readonly error: E;
}
/** `{ success: true, data } | { success: false, error }`, the shape of every `safe*` function. */
export type Result<T, E = CancuocError> = Success<T> | Failure<E>;

/** Wraps a value as a {@link Success}. */
export function ok<T>(data: T): Success<T> {
  return { success: true, data };
}

/** Wraps an error as a {@link Failure}. */
export function fail<E>(error: E): Failure<E> {
  return { success: false, error };
}

/**
 * Turns a throwing parser into its `safe*` twin: cancuoc errors become `{ success: false }`,
 * while misuse (`TypeError`, `RangeError`) and bugs still throw.
 *
 * @example
 * ```ts
 * const safeParseX = toSafe(parseX);
 * const r = safeParseX('…'); if (!r.success) console.error(r.error.code);
 * ```
 */
export function toSafe<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => Result<T> {
  return (...args: A) => {
    try {
      return ok(fn(...args));
    } catch (error) {
      if (isCancuocError(error)) return fail(error);
      throw error;
    }
  };
}
