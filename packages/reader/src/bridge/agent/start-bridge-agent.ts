import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { isCancuocError } from '@cancuoc/core';
import type { WebSocket as WsSocket } from 'ws';
import { fail } from '../../errors.js';
import type { Transport } from '../../transport.js';
import {
  BRIDGE_CLOSE_CODES,
  type BridgeAgentMessage,
  type BridgeClientMessage,
  type BridgeFailure,
  DEFAULT_BRIDGE_MAX_MESSAGE_BYTES,
  encodeBridgeMessage,
  parseBridgeClientMessage,
} from '../bridge-protocol.js';

/** Port the agent listens on by default (pages need a fixed address to find it). */
export const DEFAULT_BRIDGE_PORT = 9977;

/** A card the agent serves: any {@link Transport}, with the ATR and a reset when it has them. */
export interface BridgeCard extends Transport {
  /** Answer to reset, sent to the page in `ready` (a `PcscTransport` has it). */
  readonly atr?: Uint8Array | undefined;
  /** Resets the card and resolves with the new ATR; without it `reset` only reports `atr`. */
  reset?(): Promise<Uint8Array | undefined>;
}

/** Why the agent turned a client away (see {@link BridgeAgentEvent}). */
export type BridgeRefusal = 'origin' | 'host' | 'token' | 'busy' | 'protocol' | 'too-large' | 'auth-timeout';

/** What the agent reports to `onEvent`, for its log. Never carries the token or APDU contents. */
export type BridgeAgentEvent =
  | { readonly type: 'refused'; readonly reason: BridgeRefusal; readonly origin: string | undefined }
  | { readonly type: 'connected'; readonly origin: string }
  | { readonly type: 'disconnected'; readonly origin: string };

/** Options of {@link startBridgeAgent}. */
export interface BridgeAgentOptions {
  /** The card to expose: `createPcscTransport()` in production, a software card in tests. */
  readonly transport: BridgeCard;
  /**
   * Origins of the pages allowed to connect, exactly as browsers send them
   * (`'https://desk.hotel.example'`), or a predicate. A request without `Origin` is refused.
   */
  readonly origins: readonly string[] | ((origin: string) => boolean);
  /** Pairing token pages must present (default: 32 random bytes in base64url, see `token`). */
  readonly token?: string;
  /** Port on 127.0.0.1 (default {@link DEFAULT_BRIDGE_PORT}; 0 picks a free one). */
  readonly port?: number;
  /** Largest message accepted or sent, in bytes (default {@link DEFAULT_BRIDGE_MAX_MESSAGE_BYTES}). */
  readonly maxMessageBytes?: number;
  /** How long a new connection may take to present the token, in milliseconds (default 10,000). */
  readonly authTimeoutMs?: number;
  /** Receives connections and refusals, e.g. for a log line. */
  readonly onEvent?: (event: BridgeAgentEvent) => void;
}

/** A running agent. */
export interface BridgeAgent {
  /** `ws://127.0.0.1:<port>`, for the page's `createBridgeTransport({ url })`. */
  readonly url: string;
  readonly port: number;
  /** The pairing token to give the page (print it once at start; do not log it later). */
  readonly token: string;
  /** Whether a page holds the session now. */
  readonly busy: boolean;
  /** Ends the session (close code 1001), stops listening and resolves when every socket is gone. */
  close(): Promise<void>;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function loopbackHost(host: string | undefined, port: number): boolean {
  // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host evil.example.
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function refuseUpgrade(socket: Duplex, status: 403 | 400): void {
  const text = status === 403 ? 'Forbidden' : 'Bad Request';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Starts the local agent that lets a web page on an allowed origin use a card reader of this
 * computer: it serves `transport` over WebSocket on 127.0.0.1 to one paired page at a time, for
 * `createBridgeTransport` of `@cancuoc/reader/bridge`. Node only; needs the optional peer `ws`.
 *
 * A connection is refused at the HTTP upgrade (403) when its `Origin` is not allowed or its `Host`
 * is not the loopback address, and closed before any APDU reaches the card when its first message
 * is not a `hello` with the pairing token (compared in constant time).
 *
 * @throws CancuocError `ERR_READER_WS_MISSING` when `ws` is not installed.
 * @throws TypeError when the options are unusable.
 * @example
 * ```ts
 * const agent = await startBridgeAgent({ transport: await createPcscTransport(), origins: ['https://desk.hotel.example'] });
 * showPairingCode(agent.url, agent.token); // on the desk's own screen, never in a log
 * process.once('SIGINT', () => void agent.close());
 * ```
 */
export async function startBridgeAgent(options: BridgeAgentOptions): Promise<BridgeAgent> {
  const { transport } = options;
  if (typeof transport?.transmit !== 'function')
    throw new TypeError('startBridgeAgent: transport is required');
  const origins = options.origins;
  const allowed =
    typeof origins === 'function'
      ? origins
      : Array.isArray(origins)
        ? (origin: string) => origins.includes(origin)
        : undefined;
  if (!allowed) throw new TypeError('startBridgeAgent: origins must be an array of origins or a predicate');
  const token = options.token ?? randomBytes(32).toString('base64url');
  if (typeof token !== 'string' || token.length < 16) {
    throw new RangeError('startBridgeAgent: the pairing token must be at least 16 characters');
  }
  const max = options.maxMessageBytes ?? DEFAULT_BRIDGE_MAX_MESSAGE_BYTES;
  if (!Number.isSafeInteger(max) || max < 64) throw new RangeError('maxMessageBytes must be an integer ≥ 64');
  const authTimeoutMs = options.authTimeoutMs ?? 10_000;
  const emit = (event: BridgeAgentEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // a failing logger must not take the agent down
    }
  };

  let ws: typeof import('ws');
  try {
    ws = await import('ws');
  } catch (error) {
    // Like reader/pcsc without smartcard: a coded error with the install hint in both languages.
    throw fail('ERR_READER_WS_MISSING', {}, { cause: error });
  }
  const WebSocketServer =
    ws.WebSocketServer ?? (ws as unknown as { default: typeof ws }).default.WebSocketServer;
  const expected = digest(token);
  const wss = new WebSocketServer({ noServer: true, maxPayload: max, perMessageDeflate: false });
  const server = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket only');
  });
  const sockets = new Set<WsSocket>();
  let session: WsSocket | undefined;
  let port = 0;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const origin = req.headers.origin;
    if (!loopbackHost(req.headers.host, port)) {
      emit({ type: 'refused', reason: 'host', origin });
      return refuseUpgrade(socket, 403);
    }
    if (origin === undefined || !allowed(origin)) {
      emit({ type: 'refused', reason: 'origin', origin });
      return refuseUpgrade(socket, 403);
    }
    wss.handleUpgrade(req, socket, head, (client) => serve(client, origin));
  });

  function serve(client: WsSocket, origin: string): void {
    sockets.add(client);
    let authenticated = false;
    let refused = false;
    // The card answers one command at a time: requests are chained in arrival order.
    let queue: Promise<void> = Promise.resolve();
    const send = (message: BridgeAgentMessage) => {
      if (client.readyState === client.OPEN) client.send(encodeBridgeMessage(message));
    };
    const refuse = (reason: BridgeRefusal, code: number, failure: BridgeFailure, message: string) => {
      if (refused) return;
      refused = true;
      emit({ type: 'refused', reason, origin });
      send({ v: 1, type: 'error', error: failure, message });
      client.close(code, message.slice(0, 100));
    };
    const timer = setTimeout(
      () => refuse('auth-timeout', BRIDGE_CLOSE_CODES.authTimeout, 'token', 'no pairing token in time'),
      authTimeoutMs,
    );

    client.on('error', (error: Error & { code?: string }) => {
      // ws has already closed with 1009 when a frame passed maxPayload.
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH')
        emit({ type: 'refused', reason: 'too-large', origin });
    });
    client.on('close', () => {
      clearTimeout(timer);
      sockets.delete(client);
      if (session === client) {
        session = undefined;
        emit({ type: 'disconnected', origin });
      }
    });
    client.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      if (refused) return;
      let message: BridgeClientMessage;
      try {
        if (isBinary) throw new Error('binary frame');
        message = parseBridgeClientMessage(Buffer.isBuffer(data) ? data.toString('utf8') : undefined);
      } catch (error) {
        const reason = isCancuocError(error) ? String(error.details.reason) : 'binary frames are not spoken';
        return refuse('protocol', BRIDGE_CLOSE_CODES.protocol, 'protocol', reason);
      }
      if (!authenticated) {
        if (message.type !== 'hello') {
          return refuse(
            'protocol',
            BRIDGE_CLOSE_CODES.protocol,
            'protocol',
            'the first message must be hello',
          );
        }
        clearTimeout(timer);
        // Constant time: compare fixed-length digests, so neither content nor length leaks.
        if (!timingSafeEqual(digest(message.token), expected)) {
          return refuse('token', BRIDGE_CLOSE_CODES.token, 'token', 'wrong pairing token');
        }
        if (session !== undefined) {
          return refuse('busy', BRIDGE_CLOSE_CODES.busy, 'busy', 'another page holds the reader');
        }
        authenticated = true;
        session = client;
        emit({ type: 'connected', origin });
        send({ v: 1, type: 'ready', atr: transport.atr ?? null });
        return;
      }
      switch (message.type) {
        case 'hello':
          return refuse('protocol', BRIDGE_CLOSE_CODES.protocol, 'protocol', 'hello sent twice');
        case 'close':
          client.close(1000, 'closed by the page');
          return;
        case 'transmit':
        case 'reset': {
          const request = message;
          queue = queue.then(() => answer(request, send, () => session === client));
          return;
        }
      }
    });
  }

  async function answer(
    request: BridgeClientMessage & { type: 'transmit' | 'reset' },
    send: (message: BridgeAgentMessage) => void,
    current: () => boolean,
  ): Promise<void> {
    if (!current()) return; // the page left while the request waited: the card is not touched
    try {
      if (request.type === 'reset') {
        const atr = transport.reset ? await transport.reset() : transport.atr;
        send({ v: 1, type: 'atr', id: request.id, atr: atr ?? null });
        return;
      }
      const response = await transport.transmit(request.apdu);
      // 2 status bytes at least; the page refuses oversized frames, the agent never sends them.
      if (!(response instanceof Uint8Array)) throw new Error('the transport returned no bytes');
      const text = encodeBridgeMessage({ v: 1, type: 'response', id: request.id, apdu: response });
      if (text.length > max) {
        send({ v: 1, type: 'error', id: request.id, error: 'too-large', message: 'response too large' });
        return;
      }
      send({ v: 1, type: 'response', id: request.id, apdu: response });
    } catch (error) {
      const removed =
        (error as { code?: unknown })?.code === 'CARD_REMOVED' ||
        (isCancuocError(error) && error.code === 'ERR_READER_CARD_REMOVED');
      const text = error instanceof Error ? error.message.slice(0, 120) : 'the reader failed';
      send({
        v: 1,
        type: 'error',
        id: request.id,
        error: removed ? 'card-removed' : 'transport',
        message: text,
      });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_BRIDGE_PORT, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    token,
    get busy() {
      return session !== undefined;
    },
    close() {
      closing ??= (async () => {
        const gone = [...sockets].map(
          (client) =>
            new Promise<void>((resolve) => {
              client.once('close', () => resolve());
              client.close(1001, 'the agent is shutting down');
              // A page that never answers the closing handshake is cut off rather than waited for.
              setTimeout(() => client.terminate(), 2000).unref();
            }),
        );
        await Promise.all(gone);
        wss.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
