/**
 * A throwaway Redis server for tests: Debian's `redis-server` on a free loopback port, no
 * persistence, stopped after.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer, stopProcess, tcpOpen, waitUntil } from './process.js';

/** A running Redis server. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server and deletes its working directory. */
  stop(): Promise<void>;
}

function findRedis(): string | undefined {
  for (const candidate of [process.env.REDIS_SERVER, '/usr/bin/redis-server', 'redis-server']) {
    if (!candidate) continue;
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/**
 * Why Redis tests must be skipped on this machine, or `undefined` when `redis-server` is installed.
 *
 * @example
 * ```ts
 * describe.skipIf(redisSkipReason() !== undefined)('on Redis', () => { ... });
 * ```
 */
export function redisSkipReason(): string | undefined {
  return findRedis() ? undefined : 'Redis test skipped: no redis-server found (apt-get install redis-server)';
}

/**
 * Starts a Redis server on a free loopback port.
 *
 * @example
 * ```ts
 * const redis = await startRedis();
 * try { await useRedis(redis.url); } finally { await redis.stop(); }
 * ```
 */
export async function startRedis(): Promise<RedisServer> {
  const bin = findRedis();
  if (!bin) throw new Error(redisSkipReason());
  const dir = mkdtempSync(join(tmpdir(), 'cancuoc-redis-'));
  const port = await freePort();
  const { child, output } = spawnServer(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { cwd: dir },
  );
  const stop = async () => {
    await stopProcess(child, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(() => tcpOpen(port), child, 'Redis', output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop };
}
