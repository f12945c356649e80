import { requireSmartcard } from './create-pcsc-transport.js';
import type { SmartcardModule } from './smartcard-module.js';

/** A PC/SC reader and whether a card is on it. */
export interface PcscReaderInfo {
  readonly name: string;
  readonly cardPresent: boolean;
}

/**
 * Lists the PC/SC readers attached to this computer.
 *
 * @throws CancuocError `ERR_READER_PCSC_MISSING` when `smartcard` is not installed.
 * @example
 * ```ts
 * const withCard = (await listPcscReaders()).filter((r) => r.cardPresent);
 * ```
 */
export async function listPcscReaders(
  options: { readonly load?: () => Promise<SmartcardModule | undefined> } = {},
): Promise<PcscReaderInfo[]> {
  const sc = await requireSmartcard(options.load);
  const context = new sc.Context();
  try {
    return context
      .listReaders()
      .map((r) => ({ name: r.name, cardPresent: (r.state & sc.SCARD_STATE_PRESENT) !== 0 }));
  } finally {
    context.close();
  }
}
