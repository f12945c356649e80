import { fail } from '../errors.js';
import { CardRemovedError, type Transport } from '../transport.js';
import { createDirectHost, createProcessHost, type HostReader, type PcscHost } from './pcsc-host.js';
import { loadSmartcard, type SmartcardModule } from './smartcard-module.js';

/** Options of {@link createPcscTransport}. */
export interface PcscTransportOptions {
  /** Reader to use: exact name, a part of it, or a pattern. Default: the first reader holding a card. */
  readonly reader?: string | RegExp;
  /** How long to wait for a card to be placed, in milliseconds (default 0: it must be there). */
  readonly waitForCardMs?: number;
  /** Largest response accepted from the reader (default 65538: extended-length APDUs). */
  readonly maxRecvLength?: number;
  /**
   * Longest time one PC/SC call (list, connect, one APDU, disconnect) may take before the
   * transport gives up with `ERR_READER_TIMEOUT`, in milliseconds (default 15 000).
   */
  readonly callTimeoutMs?: number;
  /**
   * Loads the `smartcard` module on the calling thread instead of the default child process;
   * tests pass a fake. A module given here runs its synchronous calls on the event loop.
   */
  readonly load?: () => Promise<SmartcardModule | undefined>;
}

/** A connected PC/SC card: a {@link Transport} plus the reader name, the ATR and `close()`. */
export interface PcscTransport extends Transport {
  readonly readerName: string;
  readonly atr: Uint8Array | undefined;
  /**
   * Disconnects from the card (leaving it powered) and releases the PC/SC context. Resolves
   * within `callTimeoutMs` whatever the reader does, and never rejects.
   */
  close(): Promise<void>;
}

/** The `\\?PnP?\Notification` pseudo-reader: a wait on it ends when a reader is attached or detached. */
export const PNP_READER = '\\\\?PnP?\\Notification';

/** @internal Whether a reader name is the one wanted. */
export function readerMatches(name: string, wanted: string | RegExp | undefined): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? name === wanted || name.includes(wanted) : wanted.test(name);
}

/** @internal Loads `smartcard` or throws the typed install hint. */
export async function requireSmartcard(load = loadSmartcard): Promise<SmartcardModule> {
  const mod = await load();
  if (!mod) throw fail('ERR_READER_PCSC_MISSING');
  return mod;
}

/** @internal The host of the PC/SC calls: a child process owning the binding, or `load`'s module here. */
export async function openHost(options: {
  readonly load?: () => Promise<SmartcardModule | undefined>;
  readonly callTimeoutMs?: number;
}): Promise<PcscHost> {
  const hostOptions = options.callTimeoutMs === undefined ? {} : { callTimeoutMs: options.callTimeoutMs };
  if (options.load) {
    const sc = await requireSmartcard(options.load);
    try {
      return createDirectHost(sc, hostOptions);
    } catch (error) {
      throw fail('ERR_READER_PCSC_UNAVAILABLE', { reason: (error as Error).message });
    }
  }
  return createProcessHost(hostOptions);
}

function checkOptions(options: PcscTransportOptions): void {
  const { waitForCardMs, maxRecvLength, callTimeoutMs, reader } = options;
  if (waitForCardMs !== undefined && !(Number.isFinite(waitForCardMs) && waitForCardMs >= 0)) {
    throw new RangeError('waitForCardMs must be a finite number >= 0');
  }
  if (maxRecvLength !== undefined && !(Number.isInteger(maxRecvLength) && maxRecvLength >= 2)) {
    throw new RangeError('maxRecvLength must be an integer >= 2');
  }
  if (callTimeoutMs !== undefined && !(Number.isFinite(callTimeoutMs) && callTimeoutMs > 0)) {
    throw new RangeError('callTimeoutMs must be a finite number > 0');
  }
  if (reader !== undefined && typeof reader !== 'string' && !(reader instanceof RegExp)) {
    throw new TypeError('reader must be a string or a RegExp');
  }
}

/**
 * Connects to a card in a USB (PC/SC) reader through the optional `smartcard` package and
 * returns a {@link Transport} for `readCard`. Node only (`@cancuoc/reader/pcsc`).
 *
 * Every PC/SC call runs in a child process with a deadline (`callTimeoutMs`), so neither a busy
 * or stuck reader nor a removed card can freeze the application's event loop; `close()` always
 * returns.
 *
 * @throws CancuocError `ERR_READER_PCSC_MISSING` when `smartcard` is not installed (or not built),
 *   `ERR_READER_PCSC_UNAVAILABLE` when the PC/SC service (pcscd) is not running,
 *   `ERR_READER_PCSC_NO_READER` when no (matching) reader or card is found in time,
 *   `ERR_READER_TIMEOUT` when a PC/SC call does not return within `callTimeoutMs`.
 * @throws RangeError when a duration or length option is out of range.
 * @example
 * ```ts
 * const transport = await createPcscTransport({ waitForCardMs: 30_000 });
 * try { const card = await readCard(transport, { access: { can: '123456' } }); } finally { await transport.close(); }
 * ```
 */
export async function createPcscTransport(options: PcscTransportOptions = {}): Promise<PcscTransport> {
  checkOptions(options);
  const host = await openHost(options);
  const { SCARD_STATE_PRESENT } = host.constants;
  const deadline = Date.now() + (options.waitForCardMs ?? 0);
  const suffix = options.reader === undefined ? '' : ` matching "${String(options.reader)}"`;
  let reader: HostReader | undefined;
  let connected: { handle: number; atr: Uint8Array | null };
  let pnpState = 0;
  try {
    for (;;) {
      const readers = (await host.list()).filter((r) => readerMatches(r.name, options.reader));
      if (readers.length === 0 && Date.now() >= deadline) {
        throw fail('ERR_READER_PCSC_NO_READER', { reader: suffix });
      }
      reader = readers.find((r) => (r.state & SCARD_STATE_PRESENT) !== 0);
      if (reader) {
        try {
          connected = await host.connect(reader.name);
          break;
        } catch (error) {
          // The card left between the daemon's last presence poll and the connect (a card taken
          // off again, or a removal pcscd has not noticed yet): while waiting, that is no card yet.
          if (!(error instanceof CardRemovedError) || Date.now() >= deadline) throw error;
        }
      }
      const left = deadline - Date.now();
      if (left <= 0) throw fail('ERR_READER_PCSC_NO_READER', { reader: `${suffix} with a card on it` });
      // Wait for a card on a matching reader or for a reader to be attached; at most a second at
      // a time so that the deadline is kept even if a change goes unreported.
      const changes = await host.wait(
        [...readers.map((r) => ({ name: r.name, state: r.state })), { name: PNP_READER, state: pnpState }],
        Math.max(1, Math.min(left, 1000)),
      );
      const pnp = changes?.find((c) => c.name === PNP_READER);
      if (pnp) pnpState = pnp.state;
    }
  } catch (error) {
    await host.close();
    throw error;
  }
  const readerName = reader.name;
  const maxRecvLength = options.maxRecvLength ?? 65538;
  let closed = false;
  return {
    readerName,
    atr: connected.atr ? connected.atr : reader.atr ? new Uint8Array(reader.atr) : undefined,
    async transmit(apdu: Uint8Array): Promise<Uint8Array> {
      if (closed) throw fail('ERR_READER_CARD_REMOVED');
      return transmitOn(host, connected.handle, readerName, apdu, maxRecvLength);
    },
    async close() {
      if (closed) return;
      closed = true;
      await host.close();
    },
  };
}

/**
 * A failed transmit whose message does not say why (pcscd answers "Transaction failed" when the
 * card leaves mid-exchange, and notices the empty slot only at its next presence poll, every
 * 400 ms in pcsc-lite): if the reader holds no card once that poll had time to run, the card was
 * removed.
 */
export async function explainFailure(host: PcscHost, readerName: string, error: unknown): Promise<unknown> {
  if (error instanceof CardRemovedError || (error as { code?: string }).code === 'ERR_READER_TIMEOUT')
    return error;
  const present = host.constants.SCARD_STATE_PRESENT;
  try {
    let reader = (await host.list()).find((r) => r.name === readerName);
    if (reader && (reader.state & present) !== 0) {
      await host.settle({ name: reader.name, state: reader.state }, 1500);
      reader = (await host.list()).find((r) => r.name === readerName);
    }
    if (!reader || (reader.state & present) === 0) return new CardRemovedError((error as Error).message);
  } catch {
    // the host is gone: report the first failure
  }
  return error;
}

/**
 * @internal One APDU through the host. vsmartcard's driver (and some readers) answer an exchange
 * cut by the card leaving with an empty response rather than an error: that too is checked
 * against the reader's state.
 */
export async function transmitOn(
  host: PcscHost,
  handle: number,
  readerName: string,
  apdu: Uint8Array,
  maxRecvLength: number,
): Promise<Uint8Array> {
  let response: Uint8Array;
  try {
    response = await host.transmit(handle, apdu, maxRecvLength);
  } catch (error) {
    throw await explainFailure(host, readerName, error);
  }
  if (response.length < 2) {
    const why = await explainFailure(host, readerName, new Error('empty response'));
    if (why instanceof CardRemovedError) throw why;
  }
  return response;
}
