import { issueTestCard, signActiveAuthentication, type TestCard } from '@cancuoc/testkit';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDg14, verifyActiveAuthentication } from '../src/index.js';

let rsaCard: TestCard;
let ecCard: TestCard;
const challenge = new Uint8Array([0xf1, 0x73, 0x58, 0x99, 0x74, 0xbf, 0x40, 0xc6]);

beforeAll(async () => {
  rsaCard = await issueTestCard({}, { pkiOptions: { algorithm: 'ecdsa-p256' } });
  ecCard = await issueTestCard({}, { pki: rsaCard.pki, activeAuthentication: 'ecdsa' });
});

describe('verifyActiveAuthentication', () => {
  it('accepts an ISO/IEC 9796-2 RSA signature over the challenge', async () => {
    const signature = await signActiveAuthentication(rsaCard.keys.aa, challenge);
    const report = await verifyActiveAuthentication({
      publicKey: rsaCard.files.dataGroups[15]!,
      challenge,
      signature,
    });
    expect(report).toEqual({ valid: true, scheme: 'iso9796-2', hash: 'SHA-1' });
  });

  it('rejects the RSA signature of another challenge', async () => {
    const signature = await signActiveAuthentication(rsaCard.keys.aa, challenge);
    const other = challenge.slice();
    other[0]! ^= 1;
    const report = await verifyActiveAuthentication({
      publicKey: rsaCard.files.dataGroups[15]!,
      challenge: other,
      signature,
    });
    expect(report.valid).toBe(false);
  });

  it('accepts an ECDSA signature with the algorithm from DG14', async () => {
    const signature = await signActiveAuthentication(ecCard.keys.aa, challenge);
    const algorithm = parseDg14(ecCard.files.dataGroups[14]!).activeAuthentication[0]!.signatureAlgorithm;
    const report = await verifyActiveAuthentication({
      publicKey: ecCard.files.dataGroups[15]!,
      challenge,
      signature,
      signatureAlgorithm: algorithm,
    });
    expect(report).toEqual({ valid: true, scheme: 'ecdsa', hash: 'SHA-256' });
  });

  it('rejects any changed byte of either signature (property)', async () => {
    const rsaSig = await signActiveAuthentication(rsaCard.keys.aa, challenge);
    const ecSig = await signActiveAuthentication(ecCard.keys.aa, challenge);
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 255 }), async (rsa, at, xor) => {
        const sig = new Uint8Array(rsa ? rsaSig : ecSig);
        sig[at % sig.length]! ^= xor;
        const card = rsa ? rsaCard : ecCard;
        const report = await verifyActiveAuthentication({
          publicKey: card.files.dataGroups[15]!,
          challenge,
          signature: sig,
        });
        expect(report.valid).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a challenge that is not 8 bytes', async () => {
    await expect(
      verifyActiveAuthentication({
        publicKey: rsaCard.files.dataGroups[15]!,
        challenge: new Uint8Array(7),
        signature: new Uint8Array(128),
      }),
    ).rejects.toMatchObject({ code: 'ERR_AA_INPUT' });
  });

  it('refuses an unknown ECDSA algorithm', async () => {
    await expect(
      verifyActiveAuthentication({
        publicKey: ecCard.files.dataGroups[15]!,
        challenge,
        signature: new Uint8Array(64),
        signatureAlgorithm: '1.2.3',
      }),
    ).rejects.toMatchObject({ code: 'ERR_AA_INPUT' });
  });
});
