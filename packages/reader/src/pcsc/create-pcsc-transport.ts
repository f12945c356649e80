import { fail } from '../errors.js';
import type { Transport } from '../transport.js';
import {
  loadSmartcard,
  type SmartcardCard,
  type SmartcardModule,
  type SmartcardReader,
} from './smartcard-module.js';

/** Options of {@link createPcscTransport}. */
export interface PcscTransportOptions {
  /** Reader to use: exact name, a part of it, or a pattern. Default: the first reader holding a card. */
  readonly reader?: string | RegExp;
  /** How long to wait for a card to be placed, in milliseconds (default 0: it must be there). */
  readonly waitForCardMs?: number;
  /** Largest response accepted from the reader (default 65538: extended-length APDUs). */
  readonly maxRecvLength?: number;
  /** Loads the `smartcard` module; tests pass a fake. */
  readonly load?: () => Promise<SmartcardModule | undefined>;
}

/** A connected PC/SC card: a {@link Transport} plus the reader name, the ATR and `close()`. */
export interface PcscTransport extends Transport {
  readonly readerName: string;
  readonly atr: Uint8Array | undefined;
  /** Disconnects from the card (leaving it powered) and releases the PC/SC context. */
  close(): Promise<void>;
}

function matches(name: string, wanted: string | RegExp | undefined): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? name === wanted || name.includes(wanted) : wanted.test(name);
}

/** @internal Loads `smartcard` or throws the typed install hint. */
export async function requireSmartcard(load = loadSmartcard): Promise<SmartcardModule> {
  const mod = await load();
  if (!mod) throw fail('ERR_READER_PCSC_MISSING');
  return mod;
}

/**
 * Connects to a card in a USB (PC/SC) reader through the optional `smartcard` package and
 * returns a {@link Transport} for `readCard`. Node only (`@cancuoc/reader/pcsc`).
 *
 * @throws CancuocError `ERR_READER_PCSC_MISSING` when `smartcard` is not installed,
 *   `ERR_READER_PCSC_NO_READER` when no (matching) reader or card is found.
 * @example
 * ```ts
 * const transport = await createPcscTransport({ waitForCardMs: 30_000 });
 * try { const card = await readCard(transport, { access: { can: '123456' } }); } finally { await transport.close(); }
 * ```
 */
export async function createPcscTransport(options: PcscTransportOptions = {}): Promise<PcscTransport> {
  const sc = await requireSmartcard(options.load);
  const context = new sc.Context();
  const deadline = Date.now() + (options.waitForCardMs ?? 0);
  const suffix = options.reader === undefined ? '' : ` matching "${String(options.reader)}"`;
  let card: SmartcardCard | undefined;
  let reader: SmartcardReader | undefined;
  try {
    for (;;) {
      const readers = context.listReaders().filter((r) => matches(r.name, options.reader));
      if (readers.length === 0 && Date.now() >= deadline) {
        throw fail('ERR_READER_PCSC_NO_READER', { reader: suffix });
      }
      reader = readers.find((r) => (r.state & sc.SCARD_STATE_PRESENT) !== 0);
      if (reader) break;
      const left = deadline - Date.now();
      if (left <= 0) throw fail('ERR_READER_PCSC_NO_READER', { reader: `${suffix} with a card on it` });
      await context.waitForChange(readers, Math.min(left, 1000));
    }
    card = await reader.connect(sc.SCARD_SHARE_SHARED, sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1);
  } catch (error) {
    context.close();
    throw error;
  }
  const connected = card;
  const maxRecvLength = options.maxRecvLength ?? 65538;
  let closed = false;
  return {
    readerName: reader.name,
    atr: connected.atr ? new Uint8Array(connected.atr) : reader.atr ? new Uint8Array(reader.atr) : undefined,
    async transmit(apdu: Uint8Array): Promise<Uint8Array> {
      if (closed) throw fail('ERR_READER_CARD_REMOVED');
      const response = await connected.transmit(apdu, { maxRecvLength });
      return new Uint8Array(response);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        connected.disconnect(sc.SCARD_LEAVE_CARD);
      } finally {
        context.close();
      }
    },
  };
}
