import { openHost } from './create-pcsc-transport.js';
import type { SmartcardModule } from './smartcard-module.js';

/** A PC/SC reader and whether a card is on it. */
export interface PcscReaderInfo {
  readonly name: string;
  readonly cardPresent: boolean;
}

/**
 * Lists the PC/SC readers attached to this computer (in a child process, with a deadline).
 *
 * @throws CancuocError `ERR_READER_PCSC_MISSING` when `smartcard` is not installed,
 *   `ERR_READER_PCSC_UNAVAILABLE` when the PC/SC service is not running,
 *   `ERR_READER_TIMEOUT` when PC/SC does not answer within `callTimeoutMs`.
 * @example
 * ```ts
 * const withCard = (await listPcscReaders()).filter((r) => r.cardPresent);
 * ```
 */
export async function listPcscReaders(
  options: {
    readonly load?: () => Promise<SmartcardModule | undefined>;
    readonly callTimeoutMs?: number;
  } = {},
): Promise<PcscReaderInfo[]> {
  const host = await openHost(options);
  try {
    const present = host.constants.SCARD_STATE_PRESENT;
    return (await host.list()).map((r) => ({ name: r.name, cardPresent: (r.state & present) !== 0 }));
  } finally {
    await host.close();
  }
}
