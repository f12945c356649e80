import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONTACTLESS_ATR,
  insertVirtualCard,
  pcscdSkipReason,
  startPcscd,
  type VirtualCardApplet,
} from '../src/vpcd/index.js';

/**
 * A fake vpcd: the server side of vsmartcard's protocol (vpcd.c: 2-byte big-endian length, then
 * the message), driven by the test one message at a time.
 */
async function fakeVpcd(listenPort = 0) {
  const server: Server = createServer();
  let socket: Socket | undefined;
  let connected: (s: Socket) => void = () => undefined;
  const whenConnected = new Promise<Socket>((resolve) => {
    connected = resolve;
  });
  let buffered = Buffer.alloc(0);
  const waiting: ((frame: Uint8Array) => void)[] = [];
  const frames: Uint8Array[] = [];
  const closed = new Promise<void>((resolve) => {
    server.on('connection', (s) => {
      socket = s;
      connected(s);
      s.on('data', (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
          const length = buffered.readUInt16BE(0);
          const frame = new Uint8Array(buffered.subarray(2, 2 + length));
          buffered = buffered.subarray(2 + length);
          const waiter = waiting.shift();
          if (waiter) waiter(frame);
          else frames.push(frame);
        }
      });
      s.on('close', () => resolve());
    });
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const frame = (payload: Uint8Array) => {
    const out = Buffer.alloc(2 + payload.length);
    out.writeUInt16BE(payload.length, 0);
    out.set(payload, 2);
    return out;
  };
  const next = () => {
    const frameReady = frames.shift();
    if (frameReady) return Promise.resolve(frameReady);
    return new Promise<Uint8Array>((resolve) => waiting.push(resolve));
  };
  return {
    port,
    closed,
    connection: whenConnected,
    /** Sends messages as vpcd does, all in one TCP write (or split at `splitAt`). */
    async send(messages: Uint8Array[], splitAt?: number) {
      const s = await whenConnected;
      const bytes = Buffer.concat(messages.map(frame));
      if (splitAt === undefined) s.write(bytes);
      else {
        s.write(bytes.subarray(0, splitAt));
        s.write(bytes.subarray(splitAt));
      }
    },
    next,
    async close() {
      socket?.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A card that answers each APDU with its first byte and 90 00, and counts them. */
function echoCard(options: { failAt?: number } = {}): VirtualCardApplet & { seen: Uint8Array[] } {
  const seen: Uint8Array[] = [];
  return {
    seen,
    async transmit(apdu) {
      seen.push(apdu);
      if (options.failAt === seen.length) throw new Error('card left the field');
      return Uint8Array.of(apdu[0] as number, 0x90, 0x00);
    },
  };
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('insertVirtualCard (vpcd protocol)', () => {
  it('answers get ATR with the ATR, takes power on/off/reset silently, and answers APDUs in order', async () => {
    const vpcd = await fakeVpcd();
    servers.push(vpcd);
    const applet = echoCard();
    const card = await insertVirtualCard(applet, { port: vpcd.port });
    // Power on (1), reset (2), get ATR (4), then two APDUs; power off (0), get ATR again.
    await vpcd.send([
      Uint8Array.of(1),
      Uint8Array.of(2),
      Uint8Array.of(4),
      Uint8Array.of(0x00, 0xa4, 0x04, 0x0c),
      Uint8Array.of(0x0c, 0xb0, 0x00, 0x00, 0x10),
      Uint8Array.of(0),
      Uint8Array.of(4),
    ]);
    expect(await vpcd.next()).toEqual(CONTACTLESS_ATR);
    expect(await vpcd.next()).toEqual(Uint8Array.of(0x00, 0x90, 0x00));
    expect(await vpcd.next()).toEqual(Uint8Array.of(0x0c, 0x90, 0x00));
    expect(await vpcd.next()).toEqual(CONTACTLESS_ATR);
    expect(card.apdus).toBe(2);
    expect(applet.seen).toHaveLength(2);
    expect(card.removed).toBe(false);
    await card.remove();
    await vpcd.closed;
    expect(card.removed).toBe(true);
  });

  it('reassembles messages split across TCP segments, also inside the length', async () => {
    const vpcd = await fakeVpcd();
    servers.push(vpcd);
    const card = await insertVirtualCard(echoCard(), { port: vpcd.port, atr: Uint8Array.of(0x3b, 0x00) });
    await vpcd.send([Uint8Array.of(4), Uint8Array.of(0x80, 1, 2, 3)], 4);
    expect(await vpcd.next()).toEqual(Uint8Array.of(0x3b, 0x00));
    expect(await vpcd.next()).toEqual(Uint8Array.of(0x80, 0x90, 0x00));
    await vpcd.send([Uint8Array.of(0x81, 1, 2, 3)], 1);
    expect(await vpcd.next()).toEqual(Uint8Array.of(0x81, 0x90, 0x00));
    await card.remove();
  });

  it('takes the card off the reader when the card fails an APDU (it left the field)', async () => {
    const vpcd = await fakeVpcd();
    servers.push(vpcd);
    const card = await insertVirtualCard(echoCard({ failAt: 2 }), { port: vpcd.port });
    await vpcd.send([Uint8Array.of(0x00, 1, 2, 3), Uint8Array.of(0x01, 1, 2, 3)]);
    expect(await vpcd.next()).toEqual(Uint8Array.of(0x00, 0x90, 0x00));
    await vpcd.closed;
    expect(card.removed).toBe(true);
    expect(card.apdus).toBe(1);
    await card.remove();
  });

  it('holds an answer until beforeAnswer resolves', async () => {
    const vpcd = await fakeVpcd();
    servers.push(vpcd);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const kinds: string[] = [];
    let asked: () => void = () => undefined;
    const atrAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    const card = await insertVirtualCard(echoCard(), {
      port: vpcd.port,
      beforeAnswer: ({ kind }) => {
        kinds.push(kind);
        if (kind !== 'atr') return undefined;
        asked();
        return held;
      },
    });
    await vpcd.send([Uint8Array.of(4), Uint8Array.of(0x00, 1, 2, 3)]);
    const first = vpcd.next();
    let answered = false;
    void first.then(() => {
      answered = true;
    });
    // The APDU behind the held ATR is not processed either: vpcd's messages are answered in order.
    await atrAsked;
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    expect(kinds).toEqual(['atr']);
    release();
    expect(await first).toEqual(CONTACTLESS_ATR);
    expect(await vpcd.next()).toEqual(Uint8Array.of(0x00, 0x90, 0x00));
    expect(kinds).toEqual(['atr', 'apdu']);
    await card.remove();
  });

  it('sees vpcd closing the connection as the card leaving', async () => {
    const vpcd = await fakeVpcd();
    const card = await insertVirtualCard(echoCard(), { port: vpcd.port });
    (await vpcd.connection).destroy();
    await vpcd.close();
    await card.remove();
    expect(card.removed).toBe(true);
  });

  it('keeps trying to connect until vpcd listens (a slot still busy, a slow daemon)', async () => {
    const first = await fakeVpcd();
    const { port } = first;
    await first.close();
    // Nothing listens when the card is placed; vpcd comes up afterwards on the same port.
    const placing = insertVirtualCard(echoCard(), { port });
    const vpcd = await fakeVpcd(port);
    const card = await placing;
    await vpcd.connection;
    expect(card.removed).toBe(false);
    await card.remove();
    await vpcd.close();
  });

  it('rejects when nothing listens, and refuses a bad port, ATR or card', async () => {
    const vpcd = await fakeVpcd();
    const { port } = vpcd;
    await vpcd.close();
    await expect(insertVirtualCard(echoCard(), { port, connectTimeoutMs: 300 })).rejects.toThrow(
      /vpcd did not accept a connection on 127\.0\.0\.1:\d+ within 300 ms \(could not connect: .*ECONNREFUSED/,
    );
    await expect(insertVirtualCard(echoCard(), { port: 70000 })).rejects.toBeInstanceOf(RangeError);
    await expect(insertVirtualCard(echoCard(), { port: 1.5 })).rejects.toBeInstanceOf(RangeError);
    await expect(insertVirtualCard(echoCard(), { atr: new Uint8Array(34) })).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(insertVirtualCard(echoCard(), { atr: Uint8Array.of(0x3b) })).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(insertVirtualCard({} as VirtualCardApplet)).rejects.toBeInstanceOf(TypeError);
  });
});

const skip = pcscdSkipReason();
if (skip) console.warn(skip);
describe.skipIf(skip !== undefined)('startPcscd', () => {
  it('starts a private pcscd whose vpcd slots accept a card, and stop() removes it', async () => {
    const pcscd = await startPcscd();
    expect(pcscd.slots.map((s) => s.readerName)).toEqual(['Virtual PCD 00 00', 'Virtual PCD 00 01']);
    expect(pcscd.slots[1]?.port).toBe((pcscd.slots[0]?.port as number) + 1);
    expect(pcscd.env.PCSCLITE_CSOCK_NAME).toBe(pcscd.socketPath);
    const card = await insertVirtualCard(echoCard(), { port: pcscd.slots[0]?.port as number });
    await card.remove();
    await pcscd.stop();
    await expect(
      insertVirtualCard(echoCard(), { port: pcscd.slots[0]?.port as number, connectTimeoutMs: 300 }),
    ).rejects.toThrow(/vpcd did not accept a connection/);
  });

  it('starts a daemon without readers', async () => {
    const pcscd = await startPcscd({ vpcd: false });
    expect(pcscd.slots).toEqual([]);
    await pcscd.stop();
  });
});
