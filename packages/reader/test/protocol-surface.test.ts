import { describe, expect, it } from 'vitest';
import * as protocol from '../src/protocol/index.js';

describe('@cancuoc/reader/protocol', () => {
  it('exports exactly the building blocks a software card or a custom terminal needs', () => {
    expect(Object.keys(protocol).sort()).toEqual([
      'EMRTD_AID',
      'SecureMessaging',
      'TDES_SUITE',
      'bacKeySeed',
      'bigintToBytes',
      'bytesToBigint',
      'caAlgorithm',
      'cbcDecrypt',
      'cbcEncrypt',
      'checkAccess',
      'curveByParameterId',
      'deriveKey',
      'fieldLength',
      'integratedMapping',
      'paceAlgorithm',
      'pacePassword',
      'randomScalar',
      'retailMac',
      'supportsIntegratedMapping',
      'tokenInput',
      'tokenMac',
    ]);
  });

  it('computes the MRZ information string of the ICAO 9303-11 Appendix D example', () => {
    const access = protocol.checkAccess({
      documentNumber: 'L898902C',
      dateOfBirth: '690806',
      dateOfExpiry: '940623',
    });
    expect(access).toEqual({ kind: 'mrz', mrzInformation: 'L898902C<369080619406236' });
  });

  it('converts integers to fixed-length big-endian bytes and back', () => {
    expect(protocol.bigintToBytes(258n, 4)).toEqual(Uint8Array.of(0, 0, 1, 2));
    expect(protocol.bytesToBigint(Uint8Array.of(1, 2))).toBe(258n);
  });
});
