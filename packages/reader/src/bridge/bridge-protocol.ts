/**
 * The wire protocol between a page's {@link createBridgeTransport} and the local agent of
 * `@cancuoc/reader/bridge/agent`: JSON text frames, one object each, carrying `v` (the protocol
 * version). No library speaks "APDUs over WebSocket" in a shape both ends can share, so this small
 * codec is written by hand.
 *
 * Page → agent: `hello` (pairing token; must come first), `transmit` (command APDU), `reset`
 * (ask for the ATR again), `close`. Agent → page: `ready` (after a good `hello`, with the ATR),
 * `response` (response APDU), `atr`, `error`. APDUs and ATRs travel in standard base64.
 */
import { fromBase64, toBase64 } from '@cancuoc/core';
import { fail } from '../errors.js';

/** Version of the bridge protocol spoken by this package. */
export const BRIDGE_PROTOCOL_VERSION = 1;

/**
 * Default cap on one message in bytes, both ways: an extended-length command or response APDU
 * (at most 65,544 bytes) in base64 is about 87,400 characters, so 128 KiB leaves room for the
 * envelope and nothing much bigger.
 */
export const DEFAULT_BRIDGE_MAX_MESSAGE_BYTES = 131_072;

/** Why the agent refused a request or ended a session (the `error` field of an `error` message). */
export type BridgeFailure =
  | 'token'
  | 'busy'
  | 'protocol'
  | 'too-large'
  | 'card-removed'
  | 'transport'
  | 'shutdown';

/** A message from the page to the agent. */
export type BridgeClientMessage =
  | { readonly v: 1; readonly type: 'hello'; readonly token: string }
  | { readonly v: 1; readonly type: 'transmit'; readonly id: number; readonly apdu: Uint8Array }
  | { readonly v: 1; readonly type: 'reset'; readonly id: number }
  | { readonly v: 1; readonly type: 'close' };

/** A message from the agent to the page. */
export type BridgeAgentMessage =
  | { readonly v: 1; readonly type: 'ready'; readonly atr: Uint8Array | null }
  | { readonly v: 1; readonly type: 'response'; readonly id: number; readonly apdu: Uint8Array }
  | { readonly v: 1; readonly type: 'atr'; readonly id: number; readonly atr: Uint8Array | null }
  | {
      readonly v: 1;
      readonly type: 'error';
      /** The request this answers; absent for session errors (token, busy, protocol, shutdown). */
      readonly id?: number;
      readonly error: BridgeFailure;
      readonly message: string;
    };

/**
 * WebSocket close codes the agent uses (4000–4999 are free for applications, RFC 6455 §7.4.2);
 * 1001 (going away) ends a session on shutdown and 1009 (message too big) on an oversized frame.
 */
export const BRIDGE_CLOSE_CODES = {
  token: 4001,
  protocol: 4002,
  authTimeout: 4008,
  busy: 4009,
} as const;

const FAILURES: ReadonlySet<string> = new Set<BridgeFailure>([
  'token',
  'busy',
  'protocol',
  'too-large',
  'card-removed',
  'transport',
  'shutdown',
]);

/**
 * Encodes a bridge message as the text of one WebSocket frame.
 *
 * @example
 * ```ts
 * socket.send(encodeBridgeMessage({ v: 1, type: 'transmit', id: 1, apdu: Uint8Array.of(0, 0x84, 0, 0, 8) }));
 * ```
 */
export function encodeBridgeMessage(message: BridgeClientMessage | BridgeAgentMessage): string {
  switch (message.type) {
    case 'transmit':
    case 'response':
      return JSON.stringify({ ...message, apdu: toBase64(message.apdu) });
    case 'ready':
    case 'atr':
      return JSON.stringify({ ...message, atr: message.atr === null ? null : toBase64(message.atr) });
    default:
      return JSON.stringify(message);
  }
}

function protocolError(reason: string): never {
  throw fail('ERR_READER_BRIDGE_PROTOCOL', { reason });
}

function envelope(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string') protocolError('a frame is not text');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    protocolError('a frame is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    protocolError('a frame is not a JSON object');
  }
  const record = value as Record<string, unknown>;
  if (record.v !== BRIDGE_PROTOCOL_VERSION) {
    protocolError(`protocol version ${String(record.v)} is not ${BRIDGE_PROTOCOL_VERSION}`);
  }
  return record;
}

function id(record: Record<string, unknown>): number {
  const value = record.id;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    protocolError(`${String(record.type)} without a valid id`);
  }
  return value;
}

function bytes(value: unknown, what: string): Uint8Array {
  if (typeof value !== 'string') protocolError(`${what} is not a base64 string`);
  try {
    return fromBase64(value);
  } catch {
    return protocolError(`${what} is not valid base64`);
  }
}

function optionalBytes(value: unknown, what: string): Uint8Array | null {
  return value === null ? null : bytes(value, what);
}

/**
 * Parses a frame the page sent to the agent.
 *
 * @throws CancuocError `ERR_READER_BRIDGE_PROTOCOL` for anything but a well-formed version-1 message.
 * @example
 * ```ts
 * parseBridgeClientMessage('{"v":1,"type":"hello","token":"…"}').type // 'hello'
 * ```
 */
export function parseBridgeClientMessage(text: unknown): BridgeClientMessage {
  const record = envelope(text);
  switch (record.type) {
    case 'hello':
      if (typeof record.token !== 'string') protocolError('hello without a token');
      return { v: 1, type: 'hello', token: record.token };
    case 'transmit':
      return { v: 1, type: 'transmit', id: id(record), apdu: bytes(record.apdu, 'the command APDU') };
    case 'reset':
      return { v: 1, type: 'reset', id: id(record) };
    case 'close':
      return { v: 1, type: 'close' };
    default:
      return protocolError(`unknown message type ${JSON.stringify(record.type)?.slice(0, 40)}`);
  }
}

/**
 * Parses a frame the agent sent to the page.
 *
 * @throws CancuocError `ERR_READER_BRIDGE_PROTOCOL` for anything but a well-formed version-1 message.
 * @example
 * ```ts
 * parseBridgeAgentMessage('{"v":1,"type":"response","id":1,"apdu":"kAA="}').type // 'response'
 * ```
 */
export function parseBridgeAgentMessage(text: unknown): BridgeAgentMessage {
  const record = envelope(text);
  switch (record.type) {
    case 'ready':
      return { v: 1, type: 'ready', atr: optionalBytes(record.atr, 'the ATR') };
    case 'response':
      return { v: 1, type: 'response', id: id(record), apdu: bytes(record.apdu, 'the response APDU') };
    case 'atr':
      return { v: 1, type: 'atr', id: id(record), atr: optionalBytes(record.atr, 'the ATR') };
    case 'error': {
      const error = record.error;
      if (typeof error !== 'string' || !FAILURES.has(error)) protocolError('error without a known reason');
      const message = typeof record.message === 'string' ? record.message.slice(0, 200) : '';
      return record.id === undefined
        ? { v: 1, type: 'error', error: error as BridgeFailure, message }
        : { v: 1, type: 'error', id: id(record), error: error as BridgeFailure, message };
    }
    default:
      return protocolError(`unknown message type ${JSON.stringify(record.type)?.slice(0, 40)}`);
  }
}
