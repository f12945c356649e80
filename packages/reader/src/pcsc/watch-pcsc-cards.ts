import { CardRemovedError, type Transport } from '../transport.js';
import { openHost, PNP_READER, readerMatches, transmitOn } from './create-pcsc-transport.js';
import type { SmartcardModule } from './smartcard-module.js';

/** Callbacks and options of {@link watchPcscCards}. */
export interface PcscCardEvents {
  /** A card was placed on `reader`; `transport` talks to it until it is removed. */
  readonly onInserted: (event: { readonly reader: string; readonly transport: Transport }) => void;
  readonly onRemoved?: (event: { readonly reader: string }) => void;
  /** A card that could not be connected, or a PC/SC failure; the watch goes on unless PC/SC is gone. */
  readonly onError?: (error: Error) => void;
  /** Only readers whose name is, contains or matches this. */
  readonly reader?: string | RegExp;
  /** Loads `smartcard` on the calling thread instead of a child process (tests pass a fake). */
  readonly load?: () => Promise<SmartcardModule | undefined>;
  readonly maxRecvLength?: number;
  /** Longest time one PC/SC call may take, in milliseconds (default 15 000). */
  readonly callTimeoutMs?: number;
}

/** A running watch. */
export interface PcscCardWatch {
  /** Ends the watch: cancels the pending wait, disconnects the cards, releases PC/SC. Never rejects. */
  stop(): Promise<void>;
}

/**
 * Watches the PC/SC readers for cards being placed and removed (a reception desk's kiosk loop).
 * Cards already on a reader are reported at start. All PC/SC calls run in a child process with
 * deadlines, so the application's event loop never waits on the reader.
 *
 * @throws CancuocError `ERR_READER_PCSC_MISSING` when `smartcard` is not installed,
 *   `ERR_READER_PCSC_UNAVAILABLE` when the PC/SC service is not running.
 * @example
 * ```ts
 * const watch = await watchPcscCards({ onInserted: ({ transport }) => void readCard(transport, { access }) });
 * // later: await watch.stop();
 * ```
 */
export async function watchPcscCards(events: PcscCardEvents): Promise<PcscCardWatch> {
  if (typeof events?.onInserted !== 'function') throw new TypeError('onInserted must be a function');
  const host = await openHost(events);
  const present = host.constants.SCARD_STATE_PRESENT;
  const maxRecvLength = events.maxRecvLength ?? 65538;
  const cards = new Map<string, number>();
  let stopped = false;
  let pnpState = 0;

  const report = (error: unknown) => {
    if (!stopped) events.onError?.(error instanceof Error ? error : new Error(String(error)));
  };
  const removed = async (name: string, handle: number) => {
    cards.delete(name);
    await host.disconnect(handle).catch(() => undefined);
    events.onRemoved?.({ reader: name });
  };
  const inserted = async (name: string) => {
    const { handle } = await host.connect(name);
    cards.set(name, handle);
    events.onInserted({
      reader: name,
      transport: {
        transmit: (apdu: Uint8Array) => transmitOn(host, handle, name, apdu, maxRecvLength),
      },
    });
  };

  const loop = async () => {
    while (!stopped) {
      let readers: { name: string; state: number }[];
      try {
        readers = (await host.list()).filter((r) => readerMatches(r.name, events.reader));
      } catch (error) {
        report(error);
        return;
      }
      for (const [name, handle] of cards) {
        const reader = readers.find((r) => r.name === name);
        if (!reader || (reader.state & present) === 0) await removed(name, handle);
      }
      for (const reader of readers) {
        if (stopped) return;
        if ((reader.state & present) !== 0 && !cards.has(reader.name)) {
          // A card gone again before the connect (or a removal pcscd has not noticed yet) is no
          // card: the wait below ends when the daemon sees the slot empty.
          await inserted(reader.name).catch((error) => {
            if (!(error instanceof CardRemovedError)) report(error);
          });
        }
      }
      if (stopped) return;
      try {
        // Ends on any change of a reader, a reader attached or detached, cancel(), or after 1 s.
        const changes = await host.wait(
          [...readers.map((r) => ({ name: r.name, state: r.state })), { name: PNP_READER, state: pnpState }],
          1000,
        );
        const pnp = changes?.find((c) => c.name === PNP_READER);
        if (pnp) pnpState = pnp.state;
      } catch (error) {
        report(error);
        return;
      }
    }
  };
  const running = loop();

  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        stopped = true;
        await host.cancel().catch(() => undefined);
        await running;
        await host.close();
      })();
      return stopping;
    },
  };
}
