import type pg from 'pg';
import { loadPg } from './peers.js';

/** A pool from a connection string (owned: ended by `end`) or the caller's pool (left open). */
export async function openPool(
  postgres: string | pg.Pool,
  max: number,
): Promise<{ pool: pg.Pool; end: () => Promise<void> }> {
  if (typeof postgres === 'string') {
    const { Pool } = await loadPg();
    const pool = new Pool({ connectionString: postgres, max });
    // An idle client that loses its connection emits 'error' on the pool; without a listener Node
    // would crash the process. The next query reports the failure instead.
    pool.on('error', () => {});
    return { pool, end: () => pool.end() };
  }
  if (postgres === null || typeof postgres !== 'object' || typeof (postgres as pg.Pool).query !== 'function')
    throw new TypeError('postgres must be a connection string or a pg Pool');
  return { pool: postgres, end: async () => {} };
}
