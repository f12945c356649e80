/**
 * `@cancuoc/reader`: read the chip of a Vietnamese citizen identity card (CCCD / Căn cước) over
 * any transport: APDUs, BAC, PACE, secure messaging, chip and active authentication.
 *
 * @packageDocumentation
 */

/** Access keys: MRZ values or the CAN, and building the MRZ key from a 12-digit personal ID. */
export {
  type AccessKey,
  accessFromPersonalId,
  type CanAccessKey,
  canFromPersonalId,
  type MrzAccessKey,
} from './access-key.js';
/** Command and response APDUs in short and extended form (ISO/IEC 7816-4). */
export {
  type CommandApdu,
  type FormatCommandApduOptions,
  formatCommandApdu,
  formatResponseApdu,
  formatStatusWord,
  needsExtendedLength,
  parseCommandApdu,
  parseResponseApdu,
  type ResponseApdu,
} from './apdu.js';
/** Error codes of the reader and their English and Vietnamese messages. */
export { type ReaderErrorCode, readerErrorMessages } from './errors.js';
/** Why a read gave up PACE for BAC (`CardReadResult.paceFallback`). */
export type { PaceFallback } from './internal/pace-fallback.js';
/** A source of random bytes (only tests replaying transcripts pass one to `readCard`). */
export type { RandomSource } from './internal/random.js';
/** Read a card end to end: PACE or BAC, chip and active authentication, every file. */
export {
  type ActiveAuthenticationProof,
  type AuthenticationFailure,
  type AuthenticationStatus,
  type CardReadResult,
  type FileStatistics,
  type ReadCardOptions,
  type ReadCardProgress,
  readCard,
} from './read-card.js';
/** The interface every card transport implements. */
export { CardRemovedError, type Transport } from './transport.js';
