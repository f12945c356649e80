/**
 * `@cancuoc/reader/protocol`: the building blocks of ICAO 9303-11 used by `readCard`, for card
 * simulators (the software card of `@cancuoc/testkit` runs on them) and custom terminals.
 * Prefer `readCard` for reading cards.
 *
 * @packageDocumentation
 */

/** MRZ information string, PACE password and password reference of an access key. */
export {
  type CheckedAccess,
  checkAccess,
  pacePassword,
  passwordReference,
} from '../access-key.js';
/** BAC key seed (9303-11 §9.7.2). */
export { bacKeySeed } from '../internal/bac.js';
/** Key derivation, 3DES/AES-CBC, retail MAC and AES-CMAC of 9303-11 §9.7–9.8. */
export {
  type CipherFamily,
  type CipherSuite,
  cbcDecrypt,
  cbcEncrypt,
  deriveKey,
  pad,
  retailMac,
  smMac,
  TDES_SUITE,
  tokenMac,
  unpad,
} from '../internal/crypto.js';
/** PACE standardized domain parameters and EC helpers on @noble/curves. */
export {
  bigintToBytes,
  bytesToBigint,
  curveByOid,
  curveByParameterId,
  type EcPoint,
  fieldLength,
  randomScalar,
} from '../internal/curves.js';
/** LDS1 file identifiers and the eMRTD application identifier. */
export { dataGroupFile, EF_CARD_ACCESS, EF_COM, EF_SOD, EMRTD_AID, type LdsFile } from '../internal/files.js';
/** PACE integrated mapping (ECDH, AES-128): the pseudo-random function and the point encoding. */
export {
  encodePoint,
  integratedMapping,
  integratedMappingPrf,
  supportsIntegratedMapping,
} from '../internal/integrated-mapping.js';
/** PACE authentication token input (9303-11 §4.4.3.4). */
export { tokenInput } from '../internal/pace.js';
/** Protocol OIDs and their decoding. */
export {
  caAlgorithm,
  ID_AA,
  ID_CA,
  ID_PACE,
  ID_PK_ECDH,
  type PaceAlgorithm,
  paceAlgorithm,
} from '../internal/protocols.js';
/** Secure messaging, terminal and card side. */
export { SecureMessaging, type SessionKeys } from '../internal/secure-messaging.js';
