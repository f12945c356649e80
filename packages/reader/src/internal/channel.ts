import { isCancuocError } from '@cancuoc/core';
import {
  type CommandApdu,
  formatCommandApdu,
  needsExtendedLength,
  parseResponseApdu,
  type ResponseApdu,
} from '../apdu.js';
import { fail } from '../errors.js';
import type { Transport } from '../transport.js';
import type { SecureMessaging } from './secure-messaging.js';

const REMOVED = /remov|not present|no card|reset|unpowered|0x80100069|0x80100068|0x80100067/i;

/** Options of a {@link Channel}. */
export interface ChannelOptions {
  readonly signal?: AbortSignal | undefined;
  /** Time allowed for one APDU round trip, in milliseconds (default 5000). */
  readonly timeoutMs?: number | undefined;
}

/**
 * The reader's side of the link: counts APDUs, wraps them in secure messaging once a session is
 * established, honours cancellation and timeouts, and turns transport failures into typed errors.
 */
export class Channel {
  readonly #transport: Transport;
  readonly #signal: AbortSignal | undefined;
  readonly #timeoutMs: number;
  sm: SecureMessaging | undefined;
  /** Set right after chip authentication: the next response proves the chip knew the key. */
  caPending = false;
  /**
   * Whether the last response under secure messaging was protected. A plain status answer means
   * the card ended the session (9303-11 §9.8.7): access must be established again.
   */
  lastProtected = false;
  apdus = 0;
  bytesIn = 0;
  /** Time spent waiting for the transport, in milliseconds. */
  transportMs = 0;

  constructor(transport: Transport, options: ChannelOptions = {}) {
    this.#transport = transport;
    this.#signal = options.signal;
    this.#timeoutMs = options.timeoutMs ?? 5000;
  }

  checkAborted(): void {
    if (this.#signal?.aborted) throw fail('ERR_READER_ABORTED');
  }

  /** Sends a command (protected when a session is active) and returns the plain response. */
  async send(command: CommandApdu, options: { extended?: boolean } = {}): Promise<ResponseApdu> {
    this.checkAborted();
    const extended = options.extended === true || needsExtendedLength(command);
    let wire: Uint8Array;
    if (this.sm) {
      const wrapped = this.sm.protectCommand(command, extended);
      wire = formatCommandApdu(wrapped.command, { extended: wrapped.extended });
    } else {
      wire = formatCommandApdu(command, { extended });
    }
    let raw = await this.#exchange(wire);
    // ISO/IEC 7816-4 §5.3.4 (T=0 readers): 61xx = xx more bytes; fetch them with GET RESPONSE.
    for (let rounds = 0; raw.length >= 2 && raw[raw.length - 2] === 0x61 && rounds < 256; rounds++) {
      const more = raw[raw.length - 1] as number;
      const next = await this.#exchange(
        formatCommandApdu({ cla: 0, ins: 0xc0, p1: 0, p2: 0, le: more || 256 }),
      );
      const joined = new Uint8Array(raw.length - 2 + next.length);
      joined.set(raw.subarray(0, raw.length - 2));
      joined.set(next, raw.length - 2);
      raw = joined;
    }
    this.bytesIn += raw.length;
    const response = parseResponseApdu(raw);
    if (!this.sm) return response;
    this.lastProtected = response.data.length > 0;
    try {
      const plain = this.sm.unprotectResponse(response);
      if (this.caPending && !this.lastProtected) {
        // 9303-11 §6.2: after chip authentication every answer is protected with the new keys; a
        // plain status proves nothing, and a chip without the DG14 private key cannot do better.
        this.caPending = false;
        throw fail('ERR_READER_CA_FAILED', { reason: 'the chip answers in plain after chip authentication' });
      }
      this.caPending = false;
      return plain;
    } catch (error) {
      if (this.caPending) {
        throw fail('ERR_READER_CA_FAILED', { reason: 'the chip does not answer with the new session keys' });
      }
      throw error;
    }
  }

  async #exchange(apdu: Uint8Array): Promise<Uint8Array> {
    this.apdus++;
    const signal = this.#signal;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const guards = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(fail('ERR_READER_TIMEOUT', { timeoutMs: this.#timeoutMs })),
        this.#timeoutMs,
      );
      if (signal) {
        onAbort = () => reject(fail('ERR_READER_ABORTED'));
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
    const started = performance.now();
    try {
      const result = await Promise.race([
        Promise.resolve().then(() => this.#transport.transmit(apdu)),
        guards,
      ]);
      if (!(result instanceof Uint8Array)) {
        throw fail('ERR_READER_RESPONSE_MALFORMED', { reason: 'the transport returned no bytes' });
      }
      return result;
    } catch (error) {
      if (isCancuocError(error)) throw error;
      throw transportError(error);
    } finally {
      this.transportMs += performance.now() - started;
      if (timer !== undefined) clearTimeout(timer);
      if (signal && onAbort) signal.removeEventListener('abort', onAbort);
    }
  }
}

/**
 * A property of whatever a transport rejected with, or undefined when reading it throws: a
 * transport may reject with `Object.create(null)`, an object whose getters throw, or a Proxy.
 */
function property(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** Short text of a rejection value, never throwing (String() throws for an object without a prototype). */
function describeRejection(value: unknown): string {
  const message = property(value, 'message');
  if (typeof message === 'string') return message;
  try {
    return String(value);
  } catch {
    return 'the transport failed';
  }
}

function transportError(error: unknown) {
  const code = property(error, 'code');
  const message = describeRejection(error);
  if (code === 'CARD_REMOVED' || REMOVED.test(message))
    return fail('ERR_READER_CARD_REMOVED', {}, { cause: error });
  // The transport's message is kept short: it never contains key material, only reader text.
  return fail('ERR_READER_TRANSPORT', { reason: message.slice(0, 120) }, { cause: error });
}
