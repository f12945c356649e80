import { type CancuocError, isCancuocError } from '@cancuoc/core';
import { fail } from '../errors.js';
import type { Transport } from '../transport.js';
import {
  BRIDGE_CLOSE_CODES,
  type BridgeAgentMessage,
  type BridgeClientMessage,
  DEFAULT_BRIDGE_MAX_MESSAGE_BYTES,
  encodeBridgeMessage,
  parseBridgeAgentMessage,
} from './bridge-protocol.js';

/** The slice of the standard `WebSocket` used here (browsers, Deno, Node 22+, or `ws`). */
export interface BridgeSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(
    type: 'close',
    listener: (event: { readonly code: number; readonly reason: string }) => void,
  ): void;
}

/** A `WebSocket` constructor. */
export type BridgeSocketConstructor = new (url: string) => BridgeSocket;

/** Options of {@link createBridgeTransport}. */
export interface BridgeTransportOptions {
  /** The agent's address, `ws://127.0.0.1:<port>` (printed by the agent at start). */
  readonly url: string;
  /** The pairing token printed by the agent at start. */
  readonly token: string;
  /** How long to wait for the agent to accept the token, in milliseconds (default 10,000). */
  readonly connectTimeoutMs?: number;
  /** Largest message sent or accepted, in bytes (default {@link DEFAULT_BRIDGE_MAX_MESSAGE_BYTES}). */
  readonly maxMessageBytes?: number;
  /** The `WebSocket` constructor (default `globalThis.WebSocket`; on Node 20 pass `ws`). */
  readonly WebSocket?: BridgeSocketConstructor;
}

/** A card behind the local agent: a {@link Transport} plus the ATR, `reset()` and `close()`. */
export interface BridgeTransport extends Transport {
  /** The card's answer to reset as the agent last reported it. */
  readonly atr: Uint8Array | undefined;
  /** Whether the connection to the agent has ended. */
  readonly closed: boolean;
  /** Asks the agent to reset the card (when its transport can) and resolves with the ATR. */
  reset(): Promise<Uint8Array | undefined>;
  /** Ends the session; the agent then accepts another page. */
  close(): Promise<void>;
}

type Pending = {
  readonly resolve: (message: BridgeAgentMessage) => void;
  readonly reject: (error: CancuocError) => void;
};

const OPEN = 1;

function closeError(url: string, code: number, reason: string, opened: boolean, max: number): CancuocError {
  if (code === BRIDGE_CLOSE_CODES.token) return fail('ERR_READER_BRIDGE_TOKEN');
  if (code === BRIDGE_CLOSE_CODES.busy) return fail('ERR_READER_BRIDGE_BUSY');
  if (code === BRIDGE_CLOSE_CODES.protocol) {
    return fail('ERR_READER_BRIDGE_PROTOCOL', { reason: reason || 'refused by the agent' });
  }
  // RFC 6455 §7.4.1: 1009, the agent's `ws` refused a frame over its maxPayload.
  if (code === 1009) return fail('ERR_READER_BRIDGE_MESSAGE_TOO_LARGE', { max });
  // A browser reports a refused handshake (403 for an origin off the allow-list) as 1006 before open.
  if (!opened) return fail('ERR_READER_BRIDGE_UNREACHABLE', { url });
  const why = code === 1001 ? 'the agent shut down' : reason || `code ${code}`;
  return fail('ERR_READER_BRIDGE_CLOSED', { reason: why });
}

/**
 * Connects to the local card reader agent (`@cancuoc/reader/bridge/agent`) over WebSocket and
 * returns a {@link Transport} for `readCard`, so a web page at a front desk reads the USB reader of
 * the computer it runs on. Runs wherever the standard `WebSocket` does.
 *
 * @throws CancuocError `ERR_READER_BRIDGE_UNREACHABLE` when the agent is not running or refuses this
 *   page's origin, `ERR_READER_BRIDGE_TOKEN` for a wrong pairing token, `ERR_READER_BRIDGE_BUSY`
 *   when another page holds the agent, `ERR_READER_BRIDGE_TIMEOUT`. Later, `transmit` rejects with
 *   `ERR_READER_BRIDGE_CLOSED` when the agent goes away mid-read.
 * @example
 * ```ts
 * const transport = await createBridgeTransport({ url: 'ws://127.0.0.1:9977', token });
 * try { const card = await readCard(transport, { access: { can: '123456' } }); } finally { await transport.close(); }
 * ```
 */
export async function createBridgeTransport(options: BridgeTransportOptions): Promise<BridgeTransport> {
  if (typeof options?.url !== 'string' || !/^wss?:\/\//.test(options.url)) {
    throw new TypeError('createBridgeTransport: url must be a ws:// or wss:// URL');
  }
  if (typeof options.token !== 'string' || options.token.length === 0) {
    throw new TypeError('createBridgeTransport: token must be a non-empty string');
  }
  const max = options.maxMessageBytes ?? DEFAULT_BRIDGE_MAX_MESSAGE_BYTES;
  const timeoutMs = options.connectTimeoutMs ?? 10_000;
  if (!Number.isSafeInteger(max) || max < 64) throw new RangeError('maxMessageBytes must be an integer ≥ 64');
  if (!(timeoutMs > 0)) throw new RangeError('connectTimeoutMs must be positive');
  const Socket =
    options.WebSocket ?? (globalThis as { WebSocket?: BridgeSocketConstructor }).WebSocket ?? undefined;
  if (!Socket) throw new TypeError('createBridgeTransport: no WebSocket here; pass options.WebSocket');

  const { url } = options;
  const socket = new Socket(url);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let opened = false;
  let ended: CancuocError | undefined;
  let atr: Uint8Array | undefined;
  let ready: Pending | undefined;

  const end = (error: CancuocError) => {
    if (ended) return;
    ended = error;
    ready?.reject(error);
    ready = undefined;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  socket.addEventListener('open', () => {
    opened = true;
    socket.send(encodeBridgeMessage({ v: 1, type: 'hello', token: options.token }));
  });
  // The close event that follows an error says what happened (browsers give no detail on error).
  socket.addEventListener('error', () => {});
  socket.addEventListener('close', (event) => {
    end(closeError(url, event.code, event.reason, opened, max));
  });
  socket.addEventListener('message', (event) => {
    let message: BridgeAgentMessage;
    try {
      if (typeof event.data === 'string' && event.data.length > max) {
        throw fail('ERR_READER_BRIDGE_MESSAGE_TOO_LARGE', { max });
      }
      message = parseBridgeAgentMessage(event.data);
    } catch (error) {
      end(
        isCancuocError(error)
          ? (error as CancuocError)
          : fail('ERR_READER_BRIDGE_PROTOCOL', { reason: 'unreadable frame' }),
      );
      socket.close(BRIDGE_CLOSE_CODES.protocol, 'unreadable frame');
      return;
    }
    if (message.type === 'ready') {
      atr = message.atr ?? undefined;
      ready?.resolve(message);
      ready = undefined;
      return;
    }
    const requestId = message.id;
    if (requestId === undefined) return; // a session error: the close that follows says which
    const waiter = pending.get(requestId);
    if (!waiter) return;
    pending.delete(requestId);
    waiter.resolve(message);
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await new Promise<BridgeAgentMessage>((resolve, reject) => {
      ready = { resolve, reject };
      timer = setTimeout(() => {
        end(fail('ERR_READER_BRIDGE_TIMEOUT', { url, timeoutMs }));
        socket.close(1000, 'timeout');
      }, timeoutMs);
    });
  } catch (error) {
    socket.close(1000);
    throw error;
  } finally {
    clearTimeout(timer);
  }

  function request(message: BridgeClientMessage, id: number): Promise<BridgeAgentMessage> {
    if (ended) return Promise.reject(ended);
    if (socket.readyState !== OPEN) {
      return Promise.reject(fail('ERR_READER_BRIDGE_CLOSED', { reason: 'the connection is not open' }));
    }
    const text = encodeBridgeMessage(message);
    if (text.length > max) return Promise.reject(fail('ERR_READER_BRIDGE_MESSAGE_TOO_LARGE', { max }));
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(text);
    });
  }

  function failure(message: BridgeAgentMessage & { type: 'error' }): CancuocError {
    if (message.error === 'card-removed') return fail('ERR_READER_CARD_REMOVED');
    if (message.error === 'transport') return fail('ERR_READER_TRANSPORT', { reason: message.message });
    if (message.error === 'too-large') return fail('ERR_READER_BRIDGE_MESSAGE_TOO_LARGE', { max });
    return fail('ERR_READER_BRIDGE_PROTOCOL', { reason: message.message || message.error });
  }

  return {
    get atr() {
      return atr;
    },
    get closed() {
      return ended !== undefined;
    },
    async transmit(apdu: Uint8Array): Promise<Uint8Array> {
      if (!(apdu instanceof Uint8Array)) throw new TypeError('transmit expects a Uint8Array');
      const id = nextId++;
      const answer = await request({ v: 1, type: 'transmit', id, apdu }, id);
      if (answer.type === 'response') return answer.apdu;
      if (answer.type === 'error') throw failure(answer);
      throw fail('ERR_READER_BRIDGE_PROTOCOL', { reason: `${answer.type} in answer to transmit` });
    },
    async reset(): Promise<Uint8Array | undefined> {
      const id = nextId++;
      const answer = await request({ v: 1, type: 'reset', id }, id);
      if (answer.type === 'atr') {
        atr = answer.atr ?? undefined;
        return atr;
      }
      if (answer.type === 'error') throw failure(answer);
      throw fail('ERR_READER_BRIDGE_PROTOCOL', { reason: `${answer.type} in answer to reset` });
    },
    async close(): Promise<void> {
      if (ended) return;
      if (socket.readyState === OPEN) socket.send(encodeBridgeMessage({ v: 1, type: 'close' }));
      end(fail('ERR_READER_BRIDGE_CLOSED', { reason: 'closed by the page' }));
      socket.close(1000, 'done');
    },
  };
}
