/**
 * `@cancuoc/reader/react-native`: read the chip with a phone, over the IsoDep technology of
 * `react-native-nfc-manager` (an optional peer dependency, never imported here: pass its
 * `NfcManager`).
 *
 * @packageDocumentation
 */

/** A Transport over `NfcManager.isoDepHandler` (the technology already requested). */
export { createIsoDepTransport } from './create-iso-dep-transport.js';
/** The slice of `react-native-nfc-manager` used here (for fakes in tests), and `NfcTech.IsoDep`. */
export { ISO_DEP, type IsoDepHandlerLike, type NfcManagerLike } from './nfc-manager.js';
/** Wait for a card, run a read over it, and always release the NFC technology. */
export { type WithIsoDepOptions, withIsoDep } from './with-iso-dep.js';
