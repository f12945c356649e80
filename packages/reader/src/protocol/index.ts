/**
 * `@cancuoc/reader/protocol`: the building blocks of ICAO 9303-11 that a card simulator (the software
 * card of `@cancuoc/testkit` runs on them) or a custom terminal needs to speak to `readCard` or to a
 * chip. Prefer `readCard` for reading cards. The byte layer (TLV, OIDs), the LDS files and the
 * SecurityInfos are in `@cancuoc/chip`; curves come from chip's `curvePointConstructor` cache.
 *
 * @packageDocumentation
 */

/** Access keys: validation and MRZ information string, PACE password π (9303-11 §9.7.2–9.7.3). */
export { type CheckedAccess, checkAccess } from '../access-key.js';
/** BAC key seed K_seed (9303-11 §9.7.2). */
export { bacKeySeed } from '../internal/bac.js';
/** Cipher suites, key derivation, 3DES/AES-CBC, retail MAC and AES-CMAC tokens (9303-11 §9.7–9.8). */
export {
  type CipherFamily,
  type CipherSuite,
  cbcDecrypt,
  cbcEncrypt,
  deriveKey,
  retailMac,
  TDES_SUITE,
  tokenMac,
} from '../internal/crypto.js';
/** Curves of the PACE standardized domain parameters (9303-11 §9.5.1) and EC helpers. */
export {
  bigintToBytes,
  bytesToBigint,
  curveByParameterId,
  type EcPoint,
  fieldLength,
  randomScalar,
} from '../internal/curves.js';
/** AID of the eMRTD LDS1 application (9303-10 §4.2), for SELECT. */
export { EMRTD_AID } from '../internal/files.js';
/** PACE integrated mapping (ECDH-IM, 9303-11 §4.4.3.3.2): the mapped generator and its support. */
export { integratedMapping, supportsIntegratedMapping } from '../internal/integrated-mapping.js';
/** PACE authentication token input (9303-11 §4.4.3.4). */
export { tokenInput } from '../internal/pace.js';
export { pacePassword } from '../internal/pace-password.js';
/** PACE and chip-authentication protocol OIDs decoded (9303-11 §9.2). */
export { caAlgorithm, type PaceAlgorithm, type PaceMapping, paceAlgorithm } from '../internal/protocols.js';
/** Secure messaging (9303-11 §9.8), terminal and card side. */
export { SecureMessaging, type SessionKeys } from '../internal/secure-messaging.js';
