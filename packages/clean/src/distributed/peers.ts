/**
 * bullmq and pg are optional peer dependencies: only the distributed mode needs them, so they are
 * loaded with a dynamic import and a missing one is reported with the install command.
 */
import { distributedError } from './errors.js';

export type BullMq = typeof import('bullmq');
export type Pg = typeof import('pg');

async function load<T>(name: string): Promise<T> {
  try {
    const mod = (await import(/* @vite-ignore */ name)) as T & { default?: T };
    return mod;
  } catch (cause) {
    throw distributedError('ERR_CLEAN_PEER_MISSING', { name }, { cause });
  }
}

/** Loads `bullmq` (which brings `ioredis` as its own peer). */
export const loadBullMq = (): Promise<BullMq> => load<BullMq>('bullmq');

/** Loads `pg` (CommonJS: its classes sit on the default export under ESM). */
export async function loadPg(): Promise<Pg> {
  const mod = await load<Pg & { default?: Pg }>('pg');
  return mod.default ?? mod;
}

/** Connection options for BullMQ from a `redis://` URL or an options object. */
export function redisConnection(redis: string | RedisOptions): RedisOptions {
  if (typeof redis !== 'string') {
    if (redis === null || typeof redis !== 'object')
      throw new TypeError('redis must be a URL or connection options');
    return { ...redis, maxRetriesPerRequest: null };
  }
  let url: URL;
  try {
    url = new URL(redis);
  } catch {
    throw new TypeError('redis must be a redis:// or rediss:// URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new TypeError('redis must be a redis:// or rediss:// URL');
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: url.port === '' ? 6379 : Number(url.port),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    db,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ's blocking commands need ioredis to retry forever instead of failing a request.
    maxRetriesPerRequest: null,
  };
}

/** The Redis connection settings the distributed mode passes to BullMQ (ioredis options). */
export interface RedisOptions {
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: object;
  maxRetriesPerRequest?: number | null;
  [option: string]: unknown;
}
