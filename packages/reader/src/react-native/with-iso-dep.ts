import { isCancuocError } from '@cancuoc/core';
import { fail } from '../errors.js';
import type { Transport } from '../transport.js';
import { createIsoDepTransport } from './create-iso-dep-transport.js';
import { ISO_DEP, type NfcManagerLike } from './nfc-manager.js';

/** Options of {@link withIsoDep}. */
export interface WithIsoDepOptions {
  /** Cancels waiting for a card, and the read when `run` passes it on to `readCard`. */
  readonly signal?: AbortSignal;
  /** Text of the iOS NFC sheet ("Hold the card against the top of the phone"). */
  readonly alertMessage?: string;
  /**
   * IsoDep transceive timeout on Android, in milliseconds. PACE and chip authentication take
   * longer on some chips than Android's default; JMRTD-based readers use about 10 000.
   */
  readonly timeoutMs?: number;
}

/**
 * Waits for a card with `requestTechnology(NfcTech.IsoDep)`, runs `run` with a
 * {@link Transport} over it, and always releases the technology (`cancelTechnologyRequest`), also
 * when `run` throws or `signal` aborts.
 *
 * @param manager `NfcManager`, the default export of `react-native-nfc-manager` (or a fake).
 * @throws CancuocError `ERR_READER_ABORTED` when `signal` aborts or the user closes the iOS NFC
 *   sheet, `ERR_READER_TRANSPORT` when the technology request fails (NFC off, no NFC), and
 *   whatever `run` throws. TypeError for a `manager` that is not `NfcManager`.
 * @example
 * ```ts
 * import NfcManager from 'react-native-nfc-manager';
 * import { readCard } from '@cancuoc/reader';
 * import { withIsoDep } from '@cancuoc/reader/react-native';
 *
 * const controller = new AbortController(); // cancel button: controller.abort()
 * const card = await withIsoDep(
 *   NfcManager,
 *   (transport) => readCard(transport, { access: { can }, signal: controller.signal }),
 *   { signal: controller.signal, alertMessage: 'Hold your card against the phone', timeoutMs: 10_000 },
 * );
 * ```
 */
export async function withIsoDep<T>(
  manager: NfcManagerLike,
  run: (transport: Transport) => Promise<T>,
  options: WithIsoDepOptions = {},
): Promise<T> {
  if (
    typeof manager?.requestTechnology !== 'function' ||
    typeof manager.cancelTechnologyRequest !== 'function'
  )
    throw new TypeError('manager must be NfcManager of react-native-nfc-manager');
  if (typeof run !== 'function') throw new TypeError('run must be a function');
  const transport = createIsoDepTransport(manager);
  const { signal } = options;
  if (signal?.aborted) throw fail('ERR_READER_ABORTED');

  const release = async () => {
    try {
      await manager.cancelTechnologyRequest();
    } catch {
      // Already released (the tag left, or the iOS session ended): nothing left to clean up.
    }
  };
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(fail('ERR_READER_ABORTED'));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {});
  try {
    try {
      await Promise.race([
        manager.requestTechnology(
          ISO_DEP,
          options.alertMessage ? { alertMessage: options.alertMessage } : {},
        ),
        aborted,
      ]);
    } catch (error) {
      if (isCancuocError(error)) throw error;
      const name = (error as { constructor?: { name?: unknown } } | null)?.constructor?.name;
      if (name === 'UserCancel' || (error as { message?: unknown } | null)?.message === 'cancelled')
        throw fail('ERR_READER_ABORTED', {}, { cause: error });
      const reason = error instanceof Error ? error.message : String(error);
      throw fail(
        'ERR_READER_TRANSPORT',
        { reason: `NFC unavailable: ${reason}`.slice(0, 120) },
        { cause: error },
      );
    }
    if (options.timeoutMs !== undefined && typeof manager.setTimeout === 'function') {
      await manager.setTimeout(options.timeoutMs).catch(() => {});
    }
    return await Promise.race([run(transport), aborted]);
  } finally {
    if (signal && onAbort) signal.removeEventListener('abort', onAbort);
    await release();
  }
}
