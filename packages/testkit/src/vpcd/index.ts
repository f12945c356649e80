/**
 * `@cancuoc/testkit/vpcd`: run the PC/SC path against a real pcscd with no USB reader. A software
 * card (`createSimulatedCard`) sits in a slot of vsmartcard's virtual reader (Debian's
 * `vsmartcard-vpcd`), and a private pcscd is started for the test. Node-only (Linux).
 *
 * @packageDocumentation
 */

/** Put a software card in a vpcd slot. */
export {
  CONTACTLESS_ATR,
  type InsertVirtualCardOptions,
  insertVirtualCard,
  type VirtualCard,
  type VirtualCardApplet,
  VPCD_DEFAULT_PORT,
} from './insert-virtual-card.js';
/** Start a private pcscd with the vpcd driver. */
export { type PcscdServer, pcscdSkipReason, type StartPcscdOptions, startPcscd } from './start-pcscd.js';
