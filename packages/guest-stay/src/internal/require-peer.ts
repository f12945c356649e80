import { createRequire } from 'node:module';
import { outboxError } from '../outbox/errors.js';

// better-sqlite3 and pg are optional peers published as CommonJS: loaded with require() when a
// store is created (not with a static import), so that importing the subpath never fails on a
// missing peer, the store factories stay synchronous, and a missing peer gets an install hint.
const requireHere = createRequire(import.meta.url);

/**
 * Loads an optional peer of an outbox store.
 *
 * @throws CancuocError `ERR_STAY_STORE_PEER` when the package is not installed.
 */
export function requireStorePeer<T>(name: string): T {
  try {
    return requireHere(name) as T;
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    // Only the peer itself missing: a broken install inside it keeps its own error.
    if (code === 'MODULE_NOT_FOUND' && String((cause as Error).message).includes(`'${name}'`)) {
      throw outboxError('ERR_STAY_STORE_PEER', { package: name }, { cause });
    }
    throw cause;
  }
}
