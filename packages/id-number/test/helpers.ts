import { isCancuocError } from '@cancuoc/core';

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
