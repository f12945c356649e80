/**
 * A throwaway PostgreSQL server for tests: `initdb` into a temporary directory, `postgres` on a
 * free loopback port, trust authentication for the `postgres` role, stopped and deleted after.
 * PostgreSQL refuses to run as root, so under root the server runs as the `postgres` system user
 * (created by Debian's package) through `runuser`.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer, stopProcess, tcpOpen, waitUntil } from './process.js';

/** A running PostgreSQL server. */
export interface PostgresServer {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` (trust authentication, loopback only). */
  readonly connectionString: string;
  readonly port: number;
  /** Stops the server (fast shutdown) and deletes its data directory. */
  stop(): Promise<void>;
}

/** Options of {@link startPostgres}. */
export interface StartPostgresOptions {
  /** The folder holding `initdb` and `postgres`; default: `$PG_BIN`, else the newest `/usr/lib/postgresql/<n>/bin`. */
  readonly binDir?: string;
}

function findBinDir(explicit?: string): string | undefined {
  const candidates: string[] = [];
  if (explicit) candidates.push(explicit);
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(root, v, 'bin'));
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
}

/**
 * Why PostgreSQL tests must be skipped on this machine, or `undefined` when the server binaries
 * are installed.
 *
 * @example
 * ```ts
 * describe.skipIf(postgresSkipReason() !== undefined)('on PostgreSQL', () => { ... });
 * ```
 */
export function postgresSkipReason(options: StartPostgresOptions = {}): string | undefined {
  return findBinDir(options.binDir)
    ? undefined
    : 'PostgreSQL test skipped: no initdb/postgres found (apt-get install postgresql)';
}

function systemUser(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/**
 * Starts a PostgreSQL server on a free loopback port.
 *
 * @throws Error when the binaries are missing or the server does not come up within 30 s.
 * @example
 * ```ts
 * const pg = await startPostgres();
 * try { await useDatabase(pg.connectionString); } finally { await pg.stop(); }
 * ```
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const binDir = findBinDir(options.binDir);
  if (!binDir) throw new Error(postgresSkipReason(options));
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const owner = asRoot ? systemUser('postgres') : undefined;
  if (asRoot && !owner) throw new Error('running as root and no `postgres` system user to run PostgreSQL as');

  const dir = mkdtempSync(join(tmpdir(), 'cancuoc-pg-'));
  const data = join(dir, 'data');
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (bin: string, args: string[]): [string, string[]] =>
    owner ? ['runuser', ['-u', 'postgres', '--', join(binDir, bin), ...args]] : [join(binDir, bin), args];

  const [initCmd, initArgs] = run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--locale=C',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });

  const port = await freePort();
  const [cmd, args] = run('postgres', [
    '-D',
    data,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-k',
    dir,
    // A test server: the tests kill clients, never this server, so its own fsync buys nothing.
    '-c',
    'fsync=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ]);
  const { child, output } = spawnServer(cmd, args, { cwd: dir });
  const stop = async () => {
    await stopProcess(child, 'SIGINT');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(() => tcpOpen(port), child, 'PostgreSQL', output);
    // The port opens before recovery ends: wait until the server accepts queries.
    const isReady = join(binDir, 'pg_isready');
    await waitUntil(
      async () => {
        try {
          execFileSync(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], {
            stdio: 'ignore',
          });
          return true;
        } catch {
          return false;
        }
      },
      child,
      'PostgreSQL',
      output,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`, port, stop };
}
