import { isCancuocError } from '@cancuoc/core';
import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { expect } from 'vitest';

/** The code of the CancuocError `fn` throws, or 'no error'; anything else thrown fails the test. */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isCancuocError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

/**
 * Feeds the shared hostile strings and arbitrary strings (with and without normalisation) to a
 * parser: each must give a result (checked by `onResult`) or a CancuocError, nothing else.
 */
export function expectResultOrCancuocError<T>(
  parse: (s: string, options: { normalize: boolean }) => T,
  onResult: (result: T) => void = () => {},
  numRuns = 1000,
): void {
  const check = (s: string, normalize: boolean) => {
    try {
      onResult(parse(s, { normalize }));
    } catch (e) {
      expect(isCancuocError(e)).toBe(true);
    }
  };
  for (const s of hostileStrings) {
    check(s, false);
    check(s, true);
  }
  fc.assert(
    fc.property(
      fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[\dA-Za-z .-]{0,24}$/)),
      fc.boolean(),
      check,
    ),
    { numRuns },
  );
}
