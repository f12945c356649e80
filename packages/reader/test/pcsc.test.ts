import { describe, expect, it } from 'vitest';
import {
  createPcscTransport,
  listPcscReaders,
  type SmartcardModule,
  watchPcscCards,
} from '../src/pcsc/index.js';
import { readCard } from '../src/read-card.js';
import { can, card } from './helpers/card.js';

const PRESENT = 0x20;

/** A fake `smartcard` module whose one reader holds the software card. */
function fakeModule(options: { present?: boolean; removeAfter?: number } = {}) {
  const simulated = card();
  let sent = 0;
  const log = { disconnected: 0, closed: 0, maxRecvLength: 0 };
  const reader = {
    name: 'ACS ACR1252 Dual Reader PICC 00 00',
    state: options.present === false ? 0 : PRESENT,
    atr: Uint8Array.of(0x3b, 0x88),
    async connect() {
      return {
        atr: Uint8Array.of(0x3b, 0x88, 0x80),
        async transmit(apdu: Uint8Array, o?: { maxRecvLength?: number }) {
          log.maxRecvLength = o?.maxRecvLength ?? 0;
          sent++;
          if (options.removeAfter !== undefined && sent > options.removeAfter) {
            throw new Error('SCardTransmit: Card was removed (0x80100069)');
          }
          return simulated.transmit(apdu);
        },
        disconnect() {
          log.disconnected++;
        },
      };
    },
  };
  const mod: SmartcardModule = {
    Context: class {
      listReaders() {
        return [reader];
      }
      async waitForChange() {
        return null;
      }
      close() {
        log.closed++;
      }
    },
    SCARD_SHARE_SHARED: 2,
    SCARD_PROTOCOL_T0: 1,
    SCARD_PROTOCOL_T1: 2,
    SCARD_LEAVE_CARD: 0,
    SCARD_STATE_PRESENT: PRESENT,
  };
  return { mod, log, load: async () => mod };
}

describe('@cancuoc/reader/pcsc with a fake smartcard module', () => {
  it('reads the card through the PC/SC transport and releases it on close', async () => {
    const fake = fakeModule();
    const transport = await createPcscTransport({ load: fake.load });
    expect(transport.readerName).toContain('ACR1252');
    expect(transport.atr).toEqual(Uint8Array.of(0x3b, 0x88, 0x80));
    const result = await readCard(transport, { access: { can } });
    expect(result.protocol).toBe('PACE');
    expect(fake.log.maxRecvLength).toBe(65538);
    await transport.close();
    await transport.close();
    expect(fake.log).toMatchObject({ disconnected: 1, closed: 1 });
  });

  it('turns a removed card into ERR_READER_CARD_REMOVED', async () => {
    const fake = fakeModule({ removeAfter: 12 });
    const transport = await createPcscTransport({ load: fake.load });
    await expect(readCard(transport, { access: { can } })).rejects.toMatchObject({
      code: 'ERR_READER_CARD_REMOVED',
    });
  });

  it('reports ERR_READER_PCSC_MISSING when smartcard is not installed', async () => {
    await expect(createPcscTransport({ load: async () => undefined })).rejects.toMatchObject({
      code: 'ERR_READER_PCSC_MISSING',
    });
    await expect(listPcscReaders({ load: async () => undefined })).rejects.toMatchObject({
      code: 'ERR_READER_PCSC_MISSING',
    });
  });

  it('loads the real optional module or reports it missing, never anything else', async () => {
    const outcome = await createPcscTransport().then(
      async (transport) => {
        await transport.close();
        return 'connected';
      },
      (e: { code?: string }) => e.code,
    );
    expect([
      'connected',
      'ERR_READER_PCSC_MISSING',
      'ERR_READER_PCSC_UNAVAILABLE',
      'ERR_READER_PCSC_NO_READER',
    ]).toContain(outcome);
  });

  it('reports ERR_READER_PCSC_NO_READER when no reader matches or no card is present', async () => {
    await expect(createPcscTransport({ load: fakeModule().load, reader: 'Omnikey' })).rejects.toMatchObject({
      code: 'ERR_READER_PCSC_NO_READER',
    });
    const empty = fakeModule({ present: false });
    await expect(createPcscTransport({ load: empty.load })).rejects.toMatchObject({
      code: 'ERR_READER_PCSC_NO_READER',
    });
    expect(empty.log.closed).toBe(1);
  });

  it('lists readers with their card state', async () => {
    expect(await listPcscReaders({ load: fakeModule().load })).toEqual([
      { name: 'ACS ACR1252 Dual Reader PICC 00 00', cardPresent: true },
    ]);
  });

  it('reports cards placed and removed, and stop() cancels the pending wait and releases PC/SC', async () => {
    const simulated = card();
    const reader = { name: 'R1', state: 0, atr: null };
    let wake: ((changes: unknown) => void) | undefined;
    const log = { contexts: 0, closed: 0, cancelled: 0, disconnected: 0 };
    const setPresent = (present: boolean) => {
      reader.state = present ? PRESENT : 0;
      wake?.([{ name: 'R1', state: reader.state }]);
    };
    const mod: SmartcardModule = {
      Context: class {
        constructor() {
          log.contexts++;
        }
        listReaders() {
          return [
            {
              ...reader,
              async connect() {
                return {
                  transmit: (apdu: Uint8Array) => simulated.transmit(apdu),
                  disconnect() {
                    log.disconnected++;
                  },
                };
              },
            },
          ];
        }
        // As SCardGetStatusChange: resolves at once when the caller's state is stale, else on the
        // next change of the fake reader, or with null when cancelled. No timer.
        waitForChange(known?: readonly { name: string; state: number }[]) {
          const stale = known?.find((r) => r.name === 'R1' && r.state !== reader.state);
          if (stale) return Promise.resolve([{ name: 'R1', state: reader.state }]);
          return new Promise((resolve) => {
            wake = (changes) => {
              wake = undefined;
              resolve(changes);
            };
          });
        }
        cancel() {
          log.cancelled++;
          wake?.(null);
        }
        close() {
          log.closed++;
        }
      },
      SCARD_SHARE_SHARED: 2,
      SCARD_PROTOCOL_T0: 1,
      SCARD_PROTOCOL_T1: 2,
      SCARD_LEAVE_CARD: 0,
      SCARD_STATE_PRESENT: PRESENT,
    };
    const events: string[] = [];
    let onEvent: (() => void) | undefined;
    const nextEvent = () => new Promise<void>((resolve) => (onEvent = resolve));
    let transport: { transmit(apdu: Uint8Array): Promise<Uint8Array> } | undefined;
    const watch = await watchPcscCards({
      load: async () => mod,
      onInserted: (e) => {
        events.push(`in:${e.reader}`);
        transport = e.transport;
        onEvent?.();
      },
      onRemoved: ({ reader: name }) => {
        events.push(`out:${name}`);
        onEvent?.();
      },
    });
    let seen = nextEvent();
    setPresent(true);
    await seen;
    expect((await readCard(transport as NonNullable<typeof transport>, { access: { can } })).protocol).toBe(
      'PACE',
    );
    seen = nextEvent();
    setPresent(false);
    await seen;
    await expect(transport?.transmit(Uint8Array.of(0, 0xb0, 0, 0, 1))).rejects.toMatchObject({
      code: 'CARD_REMOVED',
    });
    await watch.stop();
    await watch.stop();
    expect(events).toEqual(['in:R1', 'out:R1']);
    expect(log).toMatchObject({ contexts: 2, closed: 2, disconnected: 1 });
    expect(log.cancelled).toBeGreaterThan(0);
  });
});
