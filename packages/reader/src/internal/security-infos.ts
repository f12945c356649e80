/**
 * What the reader needs from EF.CardAccess, DG14 and DG15, read with the parsers of `@cancuoc/chip`
 * (parseCardAccess, parseDg14, parseDg15) and kept in chip's types: the reader builds its curves from
 * a key's domain parameters when it runs the protocol, from chip's one curve cache.
 */
import {
  type ChipAuthenticationInfo,
  type ChipAuthenticationPublicKeyInfo,
  type PaceInfo,
  type PublicKeyInfo,
  parseCardAccess,
  parseDg14,
  parseDg15,
  type SecurityInfos,
} from '@cancuoc/chip/lite';
import { isCancuocError } from '@cancuoc/core';
import { fail } from '../errors.js';

/** An EC public key as `@cancuoc/chip` reads it. */
export type EcPublicKeyInfo = Extract<PublicKeyInfo, { kind: 'ec' }>;

/** A DG14 ECDH chip-authentication key, with the ChipAuthenticationInfo announced for it (if any). */
export interface ChipAuthenticationKey {
  readonly info: ChipAuthenticationInfo | undefined;
  readonly key: ChipAuthenticationPublicKeyInfo & { readonly publicKey: EcPublicKeyInfo };
}

/** PACEInfos of EF.CardAccess; an unreadable EF.CardAccess counts as none (BAC may still run). */
export function cardAccessPaceInfos(bytes: Uint8Array): readonly PaceInfo[] {
  try {
    return parseCardAccess(bytes).pace;
  } catch (error) {
    if (isCancuocError(error)) return [];
    throw error;
  }
}

const isEcKey = (k: ChipAuthenticationPublicKeyInfo): k is ChipAuthenticationKey['key'] =>
  k.keyAgreement === 'ECDH' && k.publicKey?.kind === 'ec';

/** DG14's ECDH chip-authentication keys (with their protocol) and the AA signature algorithm. */
export function readDg14(bytes: Uint8Array): {
  keys: ChipAuthenticationKey[];
  activeAuthenticationAlgorithm: string | undefined;
} {
  let infos: SecurityInfos;
  try {
    infos = parseDg14(bytes);
  } catch (error) {
    if (isCancuocError(error))
      throw fail('ERR_READER_CA_FAILED', { reason: `DG14 is unreadable (${error.code})` });
    throw error;
  }
  const keys: ChipAuthenticationKey[] = [];
  for (const key of infos.chipAuthenticationPublicKeys) {
    if (!isEcKey(key)) continue;
    // 9303-11 §9.2.5: the ChipAuthenticationInfo of the same key ID, else the only ECDH one.
    const info =
      infos.chipAuthentication.find((p) => p.keyId === key.keyId && p.keyAgreement === 'ECDH') ??
      infos.chipAuthentication.find((p) => p.keyAgreement === 'ECDH');
    keys.push({ info, key });
  }
  return { keys, activeAuthenticationAlgorithm: infos.activeAuthentication[0]?.signatureAlgorithm };
}

/** DG15's active-authentication key, as `verifyActiveAuthentication` of `@cancuoc/chip` takes it. */
export function readDg15(bytes: Uint8Array): PublicKeyInfo {
  try {
    return parseDg15(bytes).publicKey;
  } catch (error) {
    if (isCancuocError(error))
      throw fail('ERR_READER_AA_FAILED', { reason: `DG15 is unreadable (${error.code})` });
    throw error;
  }
}
