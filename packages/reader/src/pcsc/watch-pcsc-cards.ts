import type { Transport } from '../transport.js';
import { requireSmartcard } from './create-pcsc-transport.js';
import type { SmartcardModule } from './smartcard-module.js';

/** Callbacks of {@link watchPcscCards}. */
export interface PcscCardEvents {
  /** A card was placed on `reader`; `transport` talks to it until it is removed. */
  readonly onInserted: (event: { readonly reader: string; readonly transport: Transport }) => void;
  readonly onRemoved?: (event: { readonly reader: string }) => void;
  readonly onError?: (error: Error) => void;
  readonly load?: () => Promise<SmartcardModule | undefined>;
  readonly maxRecvLength?: number;
}

/**
 * Watches every PC/SC reader for cards being placed and removed (a reception desk's kiosk loop).
 * Returns `stop()`, which ends the watch.
 *
 * @throws CancuocError `ERR_READER_PCSC_MISSING` when `smartcard` is not installed.
 * @example
 * ```ts
 * const watch = await watchPcscCards({ onInserted: ({ transport }) => readCard(transport, { access }) });
 * // later: watch.stop();
 * ```
 */
export async function watchPcscCards(events: PcscCardEvents): Promise<{ stop(): void }> {
  const sc = await requireSmartcard(events.load);
  if (!sc.Devices) throw new TypeError('this version of smartcard has no Devices class (need >= 3.7)');
  const devices = new sc.Devices();
  const maxRecvLength = events.maxRecvLength ?? 65538;
  devices.on('card-inserted', ({ reader, card }) => {
    events.onInserted({
      reader: reader.name,
      transport: {
        transmit: async (apdu) => new Uint8Array(await card.transmit(apdu, { maxRecvLength })),
      },
    });
  });
  devices.on('card-removed', ({ reader }) => events.onRemoved?.({ reader: reader.name }));
  devices.on('error', (error) => events.onError?.(error));
  devices.start();
  return { stop: () => devices.stop() };
}
