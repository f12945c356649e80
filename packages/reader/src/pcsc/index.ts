/**
 * `@cancuoc/reader/pcsc`: USB card readers through PC/SC (Node only). Needs the optional peer
 * package `smartcard` (and on Debian/Ubuntu `apt-get install libpcsclite-dev pcscd`).
 *
 * @packageDocumentation
 */

/** Connect to a card in a PC/SC reader. */
export {
  createPcscTransport,
  type PcscTransport,
  type PcscTransportOptions,
} from './create-pcsc-transport.js';
/** List the PC/SC readers. */
export { listPcscReaders, type PcscReaderInfo } from './list-pcsc-readers.js';
/** The slice of the `smartcard` module used here (for fakes in tests). */
export type {
  SmartcardCard,
  SmartcardContext,
  SmartcardDevices,
  SmartcardModule,
  SmartcardReader,
} from './smartcard-module.js';
/** Watch readers for cards placed and removed. */
export { type PcscCardEvents, type PcscCardWatch, watchPcscCards } from './watch-pcsc-cards.js';
