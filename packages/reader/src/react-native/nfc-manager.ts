/**
 * The slice of `react-native-nfc-manager` (v3) that the IsoDep transport uses, typed structurally
 * so that nothing imports the native module: pass its default export (`NfcManager`), or a fake in
 * tests.
 */

/** `NfcManager.isoDepHandler`: one APDU out, the response (data, SW1, SW2) back, as byte arrays. */
export interface IsoDepHandlerLike {
  transceive(bytes: number[]): Promise<number[]>;
}

/**
 * What `withIsoDep` and `createIsoDepTransport` call on `NfcManager` of `react-native-nfc-manager`:
 * `requestTechnology(NfcTech.IsoDep)` (resolves when a card is in the field; on iOS it opens the
 * system NFC sheet, whose `alertMessage` it takes), `cancelTechnologyRequest()`, the IsoDep
 * handler, and on Android `setTimeout` (the IsoDep transceive timeout in milliseconds).
 */
export interface NfcManagerLike {
  requestTechnology(tech: string | string[], options?: { alertMessage?: string }): Promise<unknown>;
  cancelTechnologyRequest(options?: unknown): Promise<unknown>;
  readonly isoDepHandler: IsoDepHandlerLike;
  setTimeout?(timeout: number): Promise<unknown>;
}

/** `NfcTech.IsoDep` of `react-native-nfc-manager` (ISO/IEC 14443-4, which eMRTD chips speak). */
export const ISO_DEP = 'IsoDep';
