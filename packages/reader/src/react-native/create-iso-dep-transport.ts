import { fail } from '../errors.js';
import { CardRemovedError, type Transport } from '../transport.js';
import type { NfcManagerLike } from './nfc-manager.js';

/**
 * Error classes of `react-native-nfc-manager` (iOS, from CoreNFC's NFCReaderError) that mean the
 * card left the field or the session holding it ended.
 */
const LOST_CLASSES = new Set(['TagConnectionLost', 'TagNotConnected', 'SessionInvalidated']);
/**
 * Messages meaning the same: Android's TagLostException ("Tag was lost."), an IsoDep no longer
 * connected, a Tag object from an earlier contact ("out of date"), the library's "no tech request
 * available" once the technology request was released.
 */
const LOST_MESSAGES = /tag was lost|tag connection lost|not connected|out of date|no tech request available/i;

function property(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The error class name (`TagConnectionLost` …) and message of whatever the library rejected with. */
function describe(error: unknown): { name: string; message: string } {
  const ctor = property(error, 'constructor');
  const ctorName = property(ctor, 'name');
  const ownName = property(error, 'name');
  const message = typeof error === 'string' ? error : property(error, 'message');
  return {
    name: typeof ctorName === 'string' && ctorName !== 'Error' ? ctorName : String(ownName ?? ''),
    message: typeof message === 'string' ? message : '',
  };
}

/** Whether an encoded command APDU uses extended length fields (ISO/IEC 7816-4 §5.1: a 00 after the header). */
function isExtended(apdu: Uint8Array): boolean {
  return apdu.length > 5 && apdu[4] === 0;
}

/**
 * Maps a rejection of `transceive` to what the reader understands: a lost tag becomes a
 * {@link CardRemovedError} (`ERR_READER_CARD_REMOVED`), the user closing the iOS NFC sheet
 * `ERR_READER_ABORTED`; anything else stays as it is (`ERR_READER_TRANSPORT`).
 */
function transceiveError(error: unknown, apdu: Uint8Array): unknown {
  const { name, message } = describe(error);
  if (name === 'UserCancel' || message === 'cancelled') return fail('ERR_READER_ABORTED');
  if (LOST_CLASSES.has(name) || LOST_MESSAGES.test(message)) {
    return new CardRemovedError(`the card left the NFC field (${name || message})`);
  }
  // Android reports every IsoDep IOException as "transceive fail". On a short APDU that is a lost
  // tag; on an extended one it is as likely a phone without extended-length support, which the
  // reader answers by going on with short APDUs: keep it a transport error there.
  if (message === 'transceive fail' && !isExtended(apdu)) {
    return new CardRemovedError('the card left the NFC field (transceive fail)');
  }
  return error;
}

/**
 * A {@link Transport} over the IsoDep technology of `react-native-nfc-manager` (Android and iOS):
 * each APDU goes through `NfcManager.isoDepHandler.transceive`. The technology must already be
 * requested; {@link withIsoDep} does that and releases it. A lost tag is reported as
 * `ERR_READER_CARD_REMOVED` by `readCard`, the user closing the iOS NFC sheet as
 * `ERR_READER_ABORTED`.
 *
 * @param manager `NfcManager`, the default export of `react-native-nfc-manager` (or a fake).
 * @throws TypeError when `manager` has no `isoDepHandler.transceive`.
 * @example
 * ```ts
 * import NfcManager, { NfcTech } from 'react-native-nfc-manager';
 * await NfcManager.requestTechnology(NfcTech.IsoDep);
 * const card = await readCard(createIsoDepTransport(NfcManager), { access: { can } });
 * ```
 */
export function createIsoDepTransport(manager: NfcManagerLike): Transport {
  if (typeof manager?.isoDepHandler?.transceive !== 'function') {
    throw new TypeError('manager must be NfcManager of react-native-nfc-manager (isoDepHandler.transceive)');
  }
  return {
    async transmit(apdu: Uint8Array): Promise<Uint8Array> {
      let response: unknown;
      try {
        response = await manager.isoDepHandler.transceive(Array.from(apdu));
      } catch (error) {
        throw transceiveError(error, apdu);
      }
      if (
        !Array.isArray(response) ||
        !response.every((b) => Number.isInteger(b) && (b as number) >= 0 && (b as number) <= 255)
      ) {
        throw fail('ERR_READER_RESPONSE_MALFORMED', { reason: 'IsoDep transceive did not return bytes' });
      }
      return Uint8Array.from(response as number[]);
    },
  };
}
