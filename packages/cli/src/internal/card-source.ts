import type { BridgeCard } from '@cancuoc/reader/bridge/agent';
import { cliError } from '../errors.js';

/** A card to read: PC/SC in production, the testkit's software card behind the hidden `--simulated`. */
export interface CardSource {
  readonly transport: BridgeCard;
  /** PEM of the CSCA that signed the simulated card (trusted in simulated mode only). */
  readonly testCscaPem?: string;
  close(): Promise<void>;
}

/** Options of {@link openCard}. */
export interface OpenCardOptions {
  /** PC/SC reader name (or part of it). */
  readonly reader?: string;
  /** How long to wait for a card, in milliseconds. */
  readonly waitForCardMs?: number;
  /**
   * Use the testkit's software card instead of PC/SC (`true` or `'genuine'`; `'untrusted'` does
   * not trust its test CSCA). For the command's own tests and demos; never a real card.
   */
  readonly simulated?: boolean | string;
}

/**
 * Opens the card: a PC/SC connection (`@cancuoc/reader/pcsc`, which needs the optional native
 * `smartcard` module: without it `ERR_READER_PCSC_MISSING`, exit 3) or the simulated card.
 */
export async function openCard(options: OpenCardOptions): Promise<CardSource> {
  if (options.simulated) {
    let testkit: typeof import('@cancuoc/testkit');
    try {
      testkit = await import('@cancuoc/testkit');
    } catch {
      throw cliError('ERR_CLI_TESTKIT_MISSING');
    }
    const test = await testkit.issueTestCard();
    const card = testkit.createSimulatedCard({
      files: test.files,
      mrz: test.mrz,
      can: test.can,
      keys: { chipAuthentication: test.keys.ca, activeAuthentication: test.keys.aa },
    });
    return {
      transport: card,
      ...(options.simulated === 'untrusted' ? {} : { testCscaPem: test.pki.csca.pem }),
      close: async () => {},
    };
  }
  const { createPcscTransport } = await import('@cancuoc/reader/pcsc');
  const transport = await createPcscTransport({
    ...(options.reader ? { reader: options.reader } : {}),
    ...(options.waitForCardMs ? { waitForCardMs: options.waitForCardMs } : {}),
  });
  return { transport, close: () => transport.close() };
}
