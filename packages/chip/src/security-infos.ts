/**
 * SecurityInfos (ICAO 9303-11 §9.2, BSI TR-03110-3 A.1.1): the protocol announcements of EF.CardAccess
 * and DG14 (PACE, chip authentication, terminal authentication, active authentication), with OIDs,
 * versions, parameter IDs and chip-authentication public keys, for the reader to use.
 */

import { fail } from './errors.js';
import { STANDARD_PARAMETER_IDS } from './internal/curves.js';
import { decodeOid, expectTag, readSmallInt, TAG } from './internal/der.js';
import { type PublicKeyInfo, parsePublicKeyInfo } from './internal/keys.js';
import { OID } from './internal/oids.js';
import { type TlvNode, tlvChildren } from './parse-tlv.js';

const BSI = '0.4.0.127.0.7.2.2';
const PACE = `${BSI}.4`;
const CA = `${BSI}.3`;
const PK = `${BSI}.1`;
const TA = `${BSI}.2`;

/** Cipher suite of a PACE or CA protocol OID (last arc). */
export type SecureMessagingCipher = '3DES' | 'AES-128' | 'AES-192' | 'AES-256';

const CIPHERS: Readonly<Record<number, SecureMessagingCipher>> = {
  1: '3DES',
  2: 'AES-128',
  3: 'AES-192',
  4: 'AES-256',
};

/** PACEInfo. */
export interface PaceInfo {
  readonly type: 'pace';
  readonly protocol: string;
  readonly version: number;
  readonly parameterId?: number;
  /** Name of the standardized domain parameters (`brainpoolP256r1` for parameter ID 13). */
  readonly parameterName?: string;
  readonly mapping: 'GM' | 'IM' | 'CAM';
  readonly keyAgreement: 'DH' | 'ECDH';
  readonly cipher: SecureMessagingCipher;
}

/** PACEDomainParameterInfo (proprietary domain parameters). */
export interface PaceDomainParameterInfo {
  readonly type: 'pace-domain-parameters';
  readonly protocol: string;
  readonly parameterId?: number;
  readonly domainParameter: Uint8Array;
}

/** ChipAuthenticationInfo. */
export interface ChipAuthenticationInfo {
  readonly type: 'chip-authentication';
  readonly protocol: string;
  readonly version: number;
  readonly keyId?: number;
  readonly keyAgreement: 'DH' | 'ECDH';
  readonly cipher: SecureMessagingCipher;
}

/** ChipAuthenticationPublicKeyInfo. */
export interface ChipAuthenticationPublicKeyInfo {
  readonly type: 'chip-authentication-public-key';
  readonly protocol: string;
  readonly keyAgreement: 'DH' | 'ECDH';
  readonly keyId?: number;
  /** The key; undefined for DH keys, whose raw SubjectPublicKeyInfo is in `spki`. */
  readonly publicKey?: PublicKeyInfo;
  readonly spki: Uint8Array;
}

/** TerminalAuthenticationInfo. */
export interface TerminalAuthenticationInfo {
  readonly type: 'terminal-authentication';
  readonly protocol: string;
  readonly version: number;
}

/** ActiveAuthenticationInfo (9303-11 §6.1): the signature algorithm of ECDSA Active Authentication. */
export interface ActiveAuthenticationInfo {
  readonly type: 'active-authentication';
  readonly protocol: string;
  readonly version: number;
  readonly signatureAlgorithm: string;
}

/** Any other SecurityInfo, kept raw. */
export interface UnknownSecurityInfo {
  readonly type: 'unknown';
  readonly protocol: string;
  readonly raw: Uint8Array;
}

export type SecurityInfo =
  | PaceInfo
  | PaceDomainParameterInfo
  | ChipAuthenticationInfo
  | ChipAuthenticationPublicKeyInfo
  | TerminalAuthenticationInfo
  | ActiveAuthenticationInfo
  | UnknownSecurityInfo;

/** SecurityInfos grouped by kind, plus all of them in file order. */
export interface SecurityInfos {
  readonly pace: readonly PaceInfo[];
  readonly paceDomainParameters: readonly PaceDomainParameterInfo[];
  readonly chipAuthentication: readonly ChipAuthenticationInfo[];
  readonly chipAuthenticationPublicKeys: readonly ChipAuthenticationPublicKeyInfo[];
  readonly terminalAuthentication: readonly TerminalAuthenticationInfo[];
  readonly activeAuthentication: readonly ActiveAuthenticationInfo[];
  readonly all: readonly SecurityInfo[];
}

function arcs(oid: string, prefix: string): number[] | undefined {
  if (!oid.startsWith(`${prefix}.`)) return undefined;
  return oid
    .slice(prefix.length + 1)
    .split('.')
    .map(Number);
}

function optionalInt(node: TlvNode | undefined, what: string): number | undefined {
  return node?.tag === TAG.INTEGER ? readSmallInt(node, what) : undefined;
}

function parseOne(node: TlvNode): SecurityInfo {
  const parts = tlvChildren(expectTag(node, TAG.SEQUENCE, 'SecurityInfo'));
  const protocol = decodeOid(expectTag(parts[0], TAG.OID, 'SecurityInfo protocol').value);
  const pace = arcs(protocol, PACE);
  if (pace && pace.length === 2) {
    const [kind, cipherArc] = pace as [number, number];
    const mapping = ({ 1: 'GM', 2: 'GM', 3: 'IM', 4: 'IM', 6: 'CAM' } as const)[kind as 1];
    const cipher = CIPHERS[cipherArc];
    if (mapping === undefined || cipher === undefined) return { type: 'unknown', protocol, raw: node.raw };
    const keyAgreement = kind === 1 || kind === 3 ? 'DH' : 'ECDH';
    if (parts[1]?.tag === TAG.SEQUENCE) {
      const parameterId = optionalInt(parts[2], 'PACE parameter ID');
      return {
        type: 'pace-domain-parameters',
        protocol,
        domainParameter: parts[1].raw,
        ...(parameterId === undefined ? {} : { parameterId }),
      };
    }
    const version = readSmallInt(parts[1], 'PACE version');
    // 9303-11 §9.2.1: PACEInfo version MUST be 2.
    if (version !== 2) throw fail('ERR_CHIP_VALUE', { reason: `PACEInfo version ${version}` });
    const parameterId = optionalInt(parts[2], 'PACE parameter ID');
    const parameterName = parameterId === undefined ? undefined : STANDARD_PARAMETER_IDS[parameterId];
    return {
      type: 'pace',
      protocol,
      version,
      mapping,
      keyAgreement,
      cipher,
      ...(parameterId === undefined ? {} : { parameterId }),
      ...(parameterName === undefined ? {} : { parameterName }),
    };
  }
  const ca = arcs(protocol, CA);
  if (ca && ca.length === 2) {
    const [kind, cipherArc] = ca as [number, number];
    const cipher = CIPHERS[cipherArc];
    if ((kind !== 1 && kind !== 2) || cipher === undefined)
      return { type: 'unknown', protocol, raw: node.raw };
    const version = readSmallInt(parts[1], 'CA version');
    // 9303-11 §9.2.5: ChipAuthenticationInfo version 1 (or 2 for TR-03110 v2 chips).
    if (version !== 1 && version !== 2)
      throw fail('ERR_CHIP_VALUE', { reason: `ChipAuthenticationInfo version ${version}` });
    const keyId = optionalInt(parts[2], 'CA key ID');
    return {
      type: 'chip-authentication',
      protocol,
      version,
      keyAgreement: kind === 1 ? 'DH' : 'ECDH',
      cipher,
      ...(keyId === undefined ? {} : { keyId }),
    };
  }
  const pk = arcs(protocol, PK);
  if (pk && pk.length === 1 && (pk[0] === 1 || pk[0] === 2)) {
    const spki = expectTag(parts[1], TAG.SEQUENCE, 'CA public key');
    const keyId = optionalInt(parts[2], 'CA key ID');
    const keyAgreement = pk[0] === 1 ? 'DH' : 'ECDH';
    return {
      type: 'chip-authentication-public-key',
      protocol,
      keyAgreement,
      spki: spki.raw,
      ...(keyAgreement === 'ECDH' ? { publicKey: parsePublicKeyInfo(spki) } : {}),
      ...(keyId === undefined ? {} : { keyId }),
    };
  }
  if (protocol === TA) {
    return { type: 'terminal-authentication', protocol, version: readSmallInt(parts[1], 'TA version') };
  }
  if (protocol === OID.activeAuthentication) {
    const version = readSmallInt(parts[1], 'AA version');
    if (version !== 1)
      throw fail('ERR_CHIP_VALUE', { reason: `ActiveAuthenticationInfo version ${version}` });
    return {
      type: 'active-authentication',
      protocol,
      version,
      signatureAlgorithm: decodeOid(expectTag(parts[2], TAG.OID, 'AA signature algorithm').value),
    };
  }
  return { type: 'unknown', protocol, raw: node.raw };
}

/** Parses a SET OF SecurityInfo. */
export function parseSecurityInfos(set: TlvNode): SecurityInfos {
  const all = tlvChildren(expectTag(set, TAG.SET, 'SecurityInfos')).map(parseOne);
  const of = <T extends SecurityInfo['type']>(t: T) =>
    all.filter((i) => i.type === t) as Extract<SecurityInfo, { type: T }>[];
  return {
    pace: of('pace'),
    paceDomainParameters: of('pace-domain-parameters'),
    chipAuthentication: of('chip-authentication'),
    chipAuthenticationPublicKeys: of('chip-authentication-public-key'),
    terminalAuthentication: of('terminal-authentication'),
    activeAuthentication: of('active-authentication'),
    all,
  };
}
