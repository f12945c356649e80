import { isCancuocError } from '@cancuoc/core';
import type { SimulatedCard } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import {
  createIsoDepTransport,
  ISO_DEP,
  type NfcManagerLike,
  withIsoDep,
} from '../src/react-native/index.js';
import { readCard } from '../src/read-card.js';
import { can, card, files } from './helpers/card.js';

// The error classes of react-native-nfc-manager (src/NfcError.ts): iOS maps CoreNFC's codes to
// classes (100 → TagConnectionLost, 200 → UserCancel); Android rejects with NfcErrorBase and the
// native message ("transceive fail" for any IsoDep IOException, "cancelled").
class NfcErrorBase extends Error {}
class TagConnectionLost extends NfcErrorBase {}
class UserCancel extends NfcErrorBase {}

interface FakeOptions {
  readonly platform?: 'android' | 'ios';
  /** No card comes: requestTechnology waits until cancelTechnologyRequest. */
  readonly noCard?: boolean;
  /** The phone cannot send extended-length APDUs (Android: IOException, "transceive fail"). */
  readonly shortOnly?: boolean;
  /** What transceive resolves with instead of the card's answer. */
  readonly answer?: unknown;
}

/** A fake NfcManager whose IsoDep forwards to testkit's software card. */
function fakeNfcManager(chip: SimulatedCard, options: FakeOptions = {}) {
  const platform = options.platform ?? 'android';
  const calls: string[] = [];
  let connected = false;
  let pending: (() => void) | undefined;
  const manager = {
    calls,
    async requestTechnology(tech: string | string[], opts?: { alertMessage?: string }) {
      calls.push(`request ${String(tech)}${opts?.alertMessage ? ` "${opts.alertMessage}"` : ''}`);
      if (options.noCard) {
        return new Promise((_, reject) => {
          pending = () => reject(platform === 'ios' ? new UserCancel() : new NfcErrorBase('cancelled'));
        });
      }
      connected = true;
      return tech;
    },
    async cancelTechnologyRequest() {
      calls.push('cancel');
      connected = false;
      pending?.();
    },
    async setTimeout(ms: number) {
      calls.push(`timeout ${ms}`);
    },
    isoDepHandler: {
      async transceive(bytes: number[]): Promise<number[]> {
        if (!Array.isArray(bytes))
          throw new Error('IsoDepHandler.transceive only takes input as a byte array');
        if (!connected) throw new NfcErrorBase('no tech request available');
        const lost = () =>
          platform === 'ios' ? new TagConnectionLost() : new NfcErrorBase('transceive fail');
        if (options.shortOnly && bytes.length > 5 && bytes[4] === 0)
          throw new NfcErrorBase('transceive fail');
        let response: Uint8Array;
        try {
          response = await chip.transmit(Uint8Array.from(bytes));
        } catch {
          connected = false;
          throw lost();
        }
        return options.answer === undefined ? Array.from(response) : (options.answer as number[]);
      },
    },
  } satisfies NfcManagerLike & { calls: string[] };
  return manager;
}

describe('@cancuoc/reader/react-native: IsoDep of react-native-nfc-manager', () => {
  it('reads a whole card (PACE-CAN, chip and active authentication) and releases the technology', async () => {
    const nfc = fakeNfcManager(card());
    const result = await withIsoDep(nfc, (transport) => readCard(transport, { access: { can } }), {
      alertMessage: 'Hold the card',
      timeoutMs: 10_000,
    });
    expect(result).toMatchObject({
      protocol: 'PACE',
      chipAuthentication: 'passed',
      activeAuthentication: 'passed',
    });
    expect(result.dataGroups[2]).toEqual(files.dataGroups[2]);
    expect(nfc.calls).toEqual([`request ${ISO_DEP} "Hold the card"`, 'timeout 10000', 'cancel']);
  });

  it.each(['ios', 'android'] as const)(
    'reports a tag lost mid-read on %s as ERR_READER_CARD_REMOVED and releases the technology',
    async (platform) => {
      const nfc = fakeNfcManager(card({ faults: { dropAfter: 12 } }), { platform });
      const error = await withIsoDep(nfc, (transport) => readCard(transport, { access: { can } })).catch(
        (e) => e,
      );
      expect(isCancuocError(error) && error.code).toBe('ERR_READER_CARD_REMOVED');
      expect(nfc.calls.at(-1)).toBe('cancel');
    },
  );

  it('takes "transceive fail" on an extended APDU as a phone without extended length, and reads short', async () => {
    const nfc = fakeNfcManager(card(), { shortOnly: true });
    const result = await withIsoDep(nfc, (transport) => readCard(transport, { access: { can } }));
    expect(result.extendedLength).toBe(false);
    expect(result.dataGroups[2]).toEqual(files.dataGroups[2]);
  });

  it('cancels with the AbortSignal while waiting for a card', async () => {
    const nfc = fakeNfcManager(card(), { noCard: true });
    const controller = new AbortController();
    const read = withIsoDep(nfc, (transport) => readCard(transport, { access: { can } }), {
      signal: controller.signal,
    });
    controller.abort();
    await expect(read).rejects.toMatchObject({ code: 'ERR_READER_ABORTED' });
    expect(nfc.calls).toEqual([`request ${ISO_DEP}`, 'cancel']);
  });

  it('cancels with the AbortSignal in the middle of a read', async () => {
    const nfc = fakeNfcManager(card());
    const controller = new AbortController();
    const read = withIsoDep(
      nfc,
      (transport) =>
        readCard(transport, {
          access: { can },
          signal: controller.signal,
          onProgress: (p) => p.file === 'DG1' && controller.abort(),
        }),
      { signal: controller.signal },
    );
    await expect(read).rejects.toMatchObject({ code: 'ERR_READER_ABORTED' });
    expect(nfc.calls.at(-1)).toBe('cancel');
  });

  it('refuses at once with a signal already aborted, without asking for a card', async () => {
    const nfc = fakeNfcManager(card());
    await expect(
      withIsoDep(nfc, (t) => readCard(t, { access: { can } }), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'ERR_READER_ABORTED' });
    expect(nfc.calls).toEqual([]);
  });

  it.each(['ios', 'android'] as const)(
    'reports the user closing the NFC sheet on %s as ERR_READER_ABORTED',
    async (platform) => {
      const nfc = fakeNfcManager(card(), { platform, noCard: true });
      const read = withIsoDep(nfc, (t) => readCard(t, { access: { can } }));
      await nfc.cancelTechnologyRequest(); // what the system sheet's Cancel button does
      await expect(read).rejects.toMatchObject({ code: 'ERR_READER_ABORTED' });
    },
  );

  it('reports an answer that is not a byte array as ERR_READER_RESPONSE_MALFORMED', async () => {
    const nfc = fakeNfcManager(card(), { answer: [0x90, 256] });
    await nfc.requestTechnology(ISO_DEP);
    await expect(readCard(createIsoDepTransport(nfc), { access: { can } })).rejects.toMatchObject({
      code: 'ERR_READER_RESPONSE_MALFORMED',
    });
  });

  it('refuses a manager without isoDepHandler with a TypeError', async () => {
    expect(() => createIsoDepTransport({} as NfcManagerLike)).toThrow(TypeError);
    await expect(withIsoDep(null as unknown as NfcManagerLike, async () => 1)).rejects.toThrow(TypeError);
  });
});
