/** Protocol object identifiers of ICAO 9303-11 §9.2 (bsi-de 0.4.0.127.0.7.2.2). */
import type { CipherSuite } from './crypto.js';

export const ID_PACE = '0.4.0.127.0.7.2.2.4';
export const ID_CA = '0.4.0.127.0.7.2.2.3';
export const ID_PK_ECDH = '0.4.0.127.0.7.2.2.1.2';
export const ID_PK_DH = '0.4.0.127.0.7.2.2.1.1';
export const ID_AA = '2.23.136.1.1.5';

export type PaceMapping = 'GM' | 'IM' | 'CAM';

/** A PACE protocol OID decoded: key agreement, mapping and the secure-messaging cipher suite. */
export interface PaceAlgorithm {
  readonly oid: string;
  readonly agreement: 'DH' | 'ECDH';
  readonly mapping: PaceMapping;
  readonly suite: CipherSuite;
}

function suiteOf(last: string | undefined): CipherSuite | undefined {
  switch (last) {
    case '1':
      return { family: '3DES', keyLength: 16 };
    case '2':
      return { family: 'AES', keyLength: 16 };
    case '3':
      return { family: 'AES', keyLength: 24 };
    case '4':
      return { family: 'AES', keyLength: 32 };
    default:
      return undefined;
  }
}

/** Decodes a PACE protocol OID (id-PACE-{DH,ECDH}-{GM,IM,CAM}-{3DES,AES…}). */
export function paceAlgorithm(oid: string): PaceAlgorithm | undefined {
  if (!oid.startsWith(`${ID_PACE}.`)) return undefined;
  const [kind, cipher, ...rest] = oid.slice(ID_PACE.length + 1).split('.');
  if (rest.length) return undefined;
  const suite = suiteOf(cipher);
  if (!suite) return undefined;
  switch (kind) {
    case '1':
      return { oid, agreement: 'DH', mapping: 'GM', suite };
    case '2':
      return { oid, agreement: 'ECDH', mapping: 'GM', suite };
    case '3':
      return { oid, agreement: 'DH', mapping: 'IM', suite };
    case '4':
      return { oid, agreement: 'ECDH', mapping: 'IM', suite };
    case '6':
      return { oid, agreement: 'ECDH', mapping: 'CAM', suite };
    default:
      return undefined;
  }
}

/** Decodes a chip-authentication protocol OID (id-CA-{DH,ECDH}-{3DES,AES…}). */
export function caAlgorithm(oid: string): { agreement: 'DH' | 'ECDH'; suite: CipherSuite } | undefined {
  if (!oid.startsWith(`${ID_CA}.`)) return undefined;
  const [kind, cipher, ...rest] = oid.slice(ID_CA.length + 1).split('.');
  const suite = suiteOf(cipher);
  if (rest.length || !suite) return undefined;
  if (kind === '1') return { agreement: 'DH', suite };
  if (kind === '2') return { agreement: 'ECDH', suite };
  return undefined;
}
