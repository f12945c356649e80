/**
 * A throwaway pcscd for tests: Debian's `pcscd` with vsmartcard's `vpcd` driver on free loopback
 * ports, in its own mount namespace so that its socket and pid file live in a temporary directory
 * instead of /run/pcscd (pcsc-lite 1.9's daemon has the path compiled in; its client library reads
 * the PCSCLITE_CSOCK_NAME environment variable). It never touches a pcscd the machine already runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer, stopProcess, tcpOpen, waitUntil } from '../servers/process.js';

/** Where Debian's `vsmartcard-vpcd` package puts the driver. */
const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';

/** A running pcscd. */
export interface PcscdServer {
  /** The daemon's socket; give it to the PC/SC client as `PCSCLITE_CSOCK_NAME`. */
  readonly socketPath: string;
  /** `{ PCSCLITE_CSOCK_NAME: socketPath }`, for `process.env` or a child process. */
  readonly env: Readonly<Record<string, string>>;
  /**
   * The vpcd slots, one per port: slot n of the vpcd reader listens on `port + n` and is named
   * `<name> 00 0n` by pcscd. Empty when started with `vpcd: false`.
   */
  readonly slots: readonly { readonly port: number; readonly readerName: string }[];
  /** Stops the daemon and deletes its directory. */
  stop(): Promise<void>;
}

/** Options of {@link startPcscd}. */
export interface StartPcscdOptions {
  /** Configure vsmartcard's virtual reader (default true); false gives a daemon without any reader. */
  readonly vpcd?: boolean;
  /** FRIENDLYNAME of the virtual reader (default "Virtual PCD"). */
  readonly readerName?: string;
}

function works(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

let cachedReason: string | undefined | null = null;

/**
 * Why tests against a real pcscd must be skipped on this machine, or `undefined` when pcscd, the
 * vpcd driver and a private mount namespace (root and `unshare`) are available.
 *
 * @example
 * ```ts
 * describe.skipIf(pcscdSkipReason() !== undefined)('through pcscd', () => { ... });
 * ```
 */
export function pcscdSkipReason(): string | undefined {
  if (cachedReason !== null) return cachedReason;
  const apt = '(apt-get install pcscd libpcsclite-dev vsmartcard-vpcd)';
  if (process.platform !== 'linux') cachedReason = 'pcscd test skipped: needs Linux';
  else if (!works('pcscd', ['--version'])) cachedReason = `pcscd test skipped: no pcscd found ${apt}`;
  else if (!existsSync(VPCD_DRIVER))
    cachedReason = `pcscd test skipped: no vpcd driver at ${VPCD_DRIVER} ${apt}`;
  else if (!works('unshare', ['--mount', '--propagation', 'private', 'true'])) {
    cachedReason =
      'pcscd test skipped: a private pcscd needs a mount namespace (run as root, or in a container, with unshare from util-linux)';
  } else cachedReason = undefined;
  return cachedReason;
}

/** Two consecutive free ports (vpcd's slot 1 listens on its base port + 1). */
async function freePortPair(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const port = await freePort();
    if (port < 65535 && !(await tcpOpen(port + 1))) return port;
  }
  throw new Error('no two consecutive free TCP ports for vpcd');
}

/**
 * Starts a private pcscd, by default with one vsmartcard virtual reader (two slots) on free ports.
 * Put a card in a slot with `insertVirtualCard(card, { port: server.slots[0].port })`.
 *
 * @throws Error when the machine cannot run it ({@link pcscdSkipReason}) or it does not start.
 * @example
 * ```ts
 * const pcscd = await startPcscd();
 * process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath; // before the first PC/SC call of the process
 * try { await useTheReader(); } finally { await pcscd.stop(); }
 * ```
 */
export async function startPcscd(options: StartPcscdOptions = {}): Promise<PcscdServer> {
  const reason = pcscdSkipReason();
  if (reason) throw new Error(reason);
  const dir = mkdtempSync(join(tmpdir(), 'cancuoc-pcscd-'));
  const runDir = join(dir, 'run');
  const confDir = join(dir, 'reader.conf.d');
  mkdirSync(runDir);
  mkdirSync(confDir);
  const name = options.readerName ?? 'Virtual PCD';
  const slots: { port: number; readerName: string }[] = [];
  if (options.vpcd !== false) {
    const port = await freePortPair();
    const channel = `0x${port.toString(16).toUpperCase()}`;
    // The layout of Debian's /etc/reader.conf.d/vpcd, with our port as CHANNELID (vpcd reads its
    // port from there; the "/dev/null:" DEVICENAME makes it wait for the card as a server).
    writeFileSync(
      join(confDir, 'vpcd'),
      `FRIENDLYNAME "${name}"\nDEVICENAME   /dev/null:${channel}\nLIBPATH      ${VPCD_DRIVER}\nCHANNELID    ${channel}\n`,
    );
    slots.push({ port, readerName: `${name} 00 00` }, { port: port + 1, readerName: `${name} 00 01` });
  }
  // pcscd always binds /run/pcscd/pcscd.comm: give it a private /run/pcscd (our runDir) in its
  // own mount namespace, so the socket appears as runDir/pcscd.comm for everyone else.
  const script =
    'mkdir -p /run/pcscd && mount --bind "$1" /run/pcscd && exec pcscd --foreground --config "$2"';
  const { child, output } = spawnServer('unshare', [
    '--mount',
    '--propagation',
    'private',
    'sh',
    '-c',
    script,
    'pcscd',
    runDir,
    confDir,
  ]);
  const socketPath = join(runDir, 'pcscd.comm');
  const stop = async () => {
    await stopProcess(child, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(
      async () => existsSync(socketPath) && (slots.length === 0 || (await tcpOpen(slots[0]?.port as number))),
      child,
      'pcscd',
      output,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { socketPath, env: { PCSCLITE_CSOCK_NAME: socketPath }, slots, stop };
}
