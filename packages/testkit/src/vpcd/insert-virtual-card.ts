/**
 * The card side of vsmartcard's virtual reader (vpcd): a TCP client that serves a software card
 * to the `vpcd` driver of a real pcscd, so the PC/SC path of `@cancuoc/reader/pcsc` runs against
 * the real daemon with no USB reader.
 *
 * Protocol (frankmorgner/vsmartcard, virtualsmartcard/src/vpcd/vpcd.h and vpcd.c): every message
 * in either direction is a 2-byte big-endian length followed by that many bytes. A 1-byte message
 * from vpcd is a control: 0 power off, 1 power on, 2 reset (no answer to these three), 4 get ATR
 * (answered with the ATR). Anything longer is a command APDU, answered with the response APDU.
 * The card is "removed" when the TCP connection closes.
 *
 * Written by hand: the protocol is 40 lines of framing and no npm package implements its card side.
 */
import { createConnection, type Socket } from 'node:net';

/** vpcd's default port (vpcd.h: `VPCDPORT 35963`, reader.conf `CHANNELID 0x8C7B`). */
export const VPCD_DEFAULT_PORT = 35963;

// vpcd.h: VPCD_CTRL_OFF 0, VPCD_CTRL_ON 1, VPCD_CTRL_RESET 2, VPCD_CTRL_ATR 4.
const CTRL_ATR = 4;

/**
 * The ATR a PC/SC reader synthesises for a contactless ISO 14443-4 card without historical bytes
 * (PC/SC part 3, §3.1.3.2.3: 3B 8n 80 01 T1…Tk TCK; TCK = 80 ⊕ 01 = 01): T=1, as a CCCD seen
 * through a desk's USB NFC reader.
 */
export const CONTACTLESS_ATR: Uint8Array = Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01);

/** Anything that answers APDUs, such as `createSimulatedCard` (same shape as reader's `Transport`). */
export interface VirtualCardApplet {
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
}

/** Options of {@link insertVirtualCard}. */
export interface InsertVirtualCardOptions {
  /** vpcd's port for the slot (default 35963; slot n of a vpcd reader listens on port + n). */
  readonly port?: number;
  /** vpcd's host (default 127.0.0.1). */
  readonly host?: string;
  /** ATR answered to "get ATR" (default {@link CONTACTLESS_ATR}). */
  readonly atr?: Uint8Array;
  /**
   * How long to keep trying to connect before giving up, in milliseconds (default 60 000). vpcd
   * listens with a backlog of one and accepts only at pcscd's presence polls, so on a loaded
   * machine, or while a card is still leaving the slot, a connection may be refused or dropped
   * for a while: every attempt that fails is retried until then.
   */
  readonly connectTimeoutMs?: number;
  /**
   * Awaited before each answer: holds the answer to vpcd's "get ATR" (sent by pcscd's presence
   * poll about every 400 ms) or to an APDU, to put pcscd's reader thread in a known state (a reader
   * that is busy when the application calls PC/SC).
   */
  readonly beforeAnswer?: (request: { readonly kind: 'atr' | 'apdu' }) => void | Promise<void>;
}

/** A software card sitting in a vpcd slot. */
export interface VirtualCard {
  /** APDUs answered so far. */
  readonly apdus: number;
  /** Whether the card has left the slot (removed, or vpcd closed the connection). */
  readonly removed: boolean;
  /** Takes the card off the reader (closes the connection); resolves once it is closed. */
  remove(): Promise<void>;
}

/**
 * Places a software card in a vpcd slot of a running pcscd: connects to vpcd and answers its
 * controls and APDUs until {@link VirtualCard.remove} is called. An APDU the card rejects with an
 * error (a card that left the field) closes the connection, as a card taken off the reader.
 *
 * @param card the card to serve, e.g. `createSimulatedCard(...)`.
 * @throws Error when nothing accepts the connection on `host:port` within `connectTimeoutMs`.
 * @throws RangeError when `port` is not a TCP port or `atr` is empty or longer than 33 bytes.
 * @example
 * ```ts
 * const inserted = await insertVirtualCard(createSimulatedCard({ files, mrz, can }), { port: 35963 });
 * try { await readCardFromTheDesk(); } finally { await inserted.remove(); }
 * ```
 */
export async function insertVirtualCard(
  card: VirtualCardApplet,
  options: InsertVirtualCardOptions = {},
): Promise<VirtualCard> {
  if (typeof card?.transmit !== 'function') throw new TypeError('card must have a transmit(apdu) method');
  const port = options.port ?? VPCD_DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`not a TCP port: ${port}`);
  const atr = options.atr ?? CONTACTLESS_ATR;
  // ISO/IEC 7816-3 §8.2.1: an ATR has at most 33 bytes.
  if (atr.length < 2 || atr.length > 33) throw new RangeError('atr must have 2 to 33 bytes');
  const socket = await connect(options.host ?? '127.0.0.1', port, options.connectTimeoutMs ?? 60_000);
  socket.setNoDelay(true);

  let apdus = 0;
  let removed = false;
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.once('close', () => {
    removed = true;
  });
  socket.on('error', () => {
    // A reset by vpcd (pcscd stopped) is the card leaving; 'close' follows.
  });

  const send = (payload: Uint8Array) => {
    if (removed || socket.destroyed) return;
    const frame = new Uint8Array(2 + payload.length);
    frame[0] = payload.length >> 8;
    frame[1] = payload.length & 0xff;
    frame.set(payload, 2);
    socket.write(frame);
  };

  // One message at a time, in order: vpcd waits for each answer before it sends the next command.
  let queue: Promise<void> = Promise.resolve();
  const handle = async (message: Uint8Array) => {
    if (removed) return;
    if (message.length === 1) {
      if (message[0] === CTRL_ATR) {
        await options.beforeAnswer?.({ kind: 'atr' });
        send(atr);
      }
      // Power off, power on and reset take no answer; the software card keeps no power state
      // (the reader starts every read with SELECT and a fresh access protocol).
      return;
    }
    if (message.length === 0) return;
    let response: Uint8Array;
    try {
      response = await card.transmit(message);
    } catch {
      // The card left the field (e.g. createSimulatedCard's faults.dropAfter): take it off the reader.
      socket.destroy();
      return;
    }
    apdus++;
    await options.beforeAnswer?.({ kind: 'apdu' });
    send(response);
  };

  let pending = new Uint8Array(0);
  socket.on('data', (chunk: Buffer) => {
    const joined = new Uint8Array(pending.length + chunk.length);
    joined.set(pending);
    joined.set(chunk, pending.length);
    let offset = 0;
    // The 2-byte length bounds every message to 65 535 bytes: nothing larger is ever buffered.
    while (joined.length - offset >= 2) {
      const length = ((joined[offset] as number) << 8) | (joined[offset + 1] as number);
      if (joined.length - offset - 2 < length) break;
      const message = joined.slice(offset + 2, offset + 2 + length);
      offset += 2 + length;
      // A failing hook takes the card off the reader rather than stalling every later message.
      queue = queue
        .then(() => handle(message))
        .catch(() => {
          socket.destroy();
        });
    }
    pending = joined.slice(offset);
  });

  return {
    get apdus() {
      return apdus;
    },
    get removed() {
      return removed;
    },
    async remove() {
      socket.destroy();
      await closed;
    },
  };
}

/** Connects, retrying refused and unanswered attempts (see `connectTimeoutMs`) until `timeoutMs`. */
async function connect(host: string, port: number, timeoutMs: number): Promise<Socket> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (let attempt = 0; ; attempt++) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    try {
      // One attempt may wait for the kernel's SYN retries; a few seconds, then try afresh.
      return await connectOnce(host, port, Math.min(left, 5000));
    } catch (error) {
      last = (error as Error).message;
    }
    // Back off a little (50 ms, doubling, at most 1 s) before the next attempt, within the bound.
    const pause = Math.min(1000, 50 * 2 ** attempt, Math.max(0, deadline - Date.now()));
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  throw new Error(`vpcd did not accept a connection on ${host}:${port} within ${timeoutMs} ms (${last})`);
}

function connectOnce(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new Error(`could not connect: ${error.message}`));
    });
  });
}
