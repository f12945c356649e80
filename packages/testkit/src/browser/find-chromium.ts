/**
 * Where the browser tests find a Chromium: Debian's package `chromium` (no browser download at
 * test time; playwright-core drives the system binary).
 */
import { existsSync } from 'node:fs';

/** The Chromium binary of Debian's `chromium` package. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Why browser tests must be skipped on this machine, or `undefined` when Chromium is installed.
 *
 * @example
 * ```ts
 * const skip = chromiumSkipReason();
 * if (skip) console.warn(skip);
 * describe.skipIf(skip !== undefined)('in a browser', () => { ... });
 * ```
 */
export function chromiumSkipReason(executablePath: string = CHROMIUM_PATH): string | undefined {
  return existsSync(executablePath)
    ? undefined
    : `browser test skipped: ${executablePath} not found (apt-get install chromium)`;
}
