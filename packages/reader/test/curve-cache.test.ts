// Reader builds its PACE and chip-authentication curves from @cancuoc/chip's one curve cache (keyed
// on every parameter, bounded), not from a second cache of its own that could drift from chip's.
import { curvePointConstructor, namedCurveParameters, standardDomainParameters } from '@cancuoc/chip';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../src/internal/channel.js';
import { performChipAuthentication } from '../src/internal/chip-auth.js';
import { curveByOid, curveByParameterId } from '../src/internal/curves.js';
import type { ChipAuthenticationKey } from '../src/internal/security-infos.js';

describe("reader's curves", () => {
  it("are chip's cached point constructors, by PACE parameter ID and by named-curve OID", () => {
    const bp = standardDomainParameters(13)!.params;
    expect(curveByParameterId(13)).toBe(curvePointConstructor(bp));
    expect(curveByOid('1.3.36.3.3.2.8.1.1.7')).toBe(curvePointConstructor(bp));
    expect(curveByOid('1.2.840.10045.3.1.7')).toBe(
      curvePointConstructor(namedCurveParameters('1.2.840.10045.3.1.7')!.params),
    );
  });

  it('leaves the MODP groups and unknown curves undefined', () => {
    expect(curveByParameterId(2)).toBeUndefined();
    expect(curveByOid('1.2.3')).toBeUndefined();
  });
});

describe('chip authentication with a DG14 key on an invalid explicit curve', () => {
  it('fails with ERR_READER_CA_FAILED before sending any APDU', async () => {
    const bp = standardDomainParameters(13)!.params;
    const key: ChipAuthenticationKey = {
      info: undefined,
      key: {
        type: 'chip-authentication-public-key',
        protocol: '0.4.0.127.0.7.2.2.1.2',
        keyAgreement: 'ECDH',
        publicKey: {
          kind: 'ec',
          curve: undefined,
          explicitParameters: true,
          // A base point off the curve: not a curve noble builds.
          params: { ...bp, Gy: (bp.Gy + 1n) % bp.p },
          point: new Uint8Array(65),
          bits: 256,
          spki: new Uint8Array(0),
        },
        spki: new Uint8Array(0),
      },
    };
    let sent = 0;
    const channel = { send: async () => void sent++ } as unknown as Channel;
    await expect(
      performChipAuthentication(channel, key, (n) => new Uint8Array(n).fill(1)),
    ).rejects.toMatchObject({ code: 'ERR_READER_CA_FAILED' });
    expect(sent).toBe(0);
  });
});
