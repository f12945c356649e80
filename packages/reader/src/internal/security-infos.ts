/**
 * What the reader needs from EF.CardAccess, DG14 and DG15, read through the parsers of
 * `@cancuoc/chip` (parseCardAccess, parseDg14, parseDg15) and turned into keys on noble curves.
 */
import {
  curvePointConstructor,
  type PublicKeyInfo,
  parseCardAccess,
  parseDg14,
  parseDg15,
  type SecurityInfos,
} from '@cancuoc/chip';
import { isCancuocError } from '@cancuoc/core';
import { fail } from '../errors.js';
import { bytesToBigint, type EcPoint } from './curves.js';

export interface PaceInfo {
  readonly oid: string;
  readonly version: number;
  readonly parameterId: number | undefined;
}

/** A public key ready for the protocols: EC on a noble curve, or RSA. */
export type PublicKey =
  | { readonly kind: 'ec'; readonly curve: EcPoint; readonly point: Uint8Array }
  | { readonly kind: 'rsa'; readonly modulus: bigint; readonly exponent: bigint };

export interface ChipAuthenticationKey {
  readonly caOid: string | undefined;
  readonly keyId: number | undefined;
  readonly key: PublicKey;
}

/** PACEInfos of EF.CardAccess; an unreadable EF.CardAccess counts as none (BAC may still run). */
export function cardAccessPaceInfos(bytes: Uint8Array): PaceInfo[] {
  let infos: SecurityInfos;
  try {
    infos = parseCardAccess(bytes);
  } catch (error) {
    if (isCancuocError(error)) return [];
    throw error;
  }
  return infos.pace.map((p) => ({ oid: p.protocol, version: p.version, parameterId: p.parameterId }));
}

function toKey(info: PublicKeyInfo): PublicKey {
  if (info.kind === 'rsa') {
    return { kind: 'rsa', modulus: bytesToBigint(info.modulus), exponent: bytesToBigint(info.exponent) };
  }
  return { kind: 'ec', curve: curvePointConstructor(info.params), point: info.point };
}

/** DG14's chip-authentication keys (with their protocol) and the AA signature algorithm. */
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
  for (const k of infos.chipAuthenticationPublicKeys) {
    if (k.keyAgreement !== 'ECDH' || k.publicKey?.kind !== 'ec') continue;
    const protocol =
      infos.chipAuthentication.find((p) => p.keyId === k.keyId && p.keyAgreement === 'ECDH') ??
      infos.chipAuthentication.find((p) => p.keyAgreement === 'ECDH');
    keys.push({ caOid: protocol?.protocol, keyId: k.keyId, key: toKey(k.publicKey) });
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
