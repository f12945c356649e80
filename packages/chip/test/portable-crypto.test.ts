// The same verifications with node:crypto switched off: the WebCrypto, @noble/curves and BigInt
// paths that browsers and edge runtimes use.
import { issueTestCard, signActiveAuthentication } from '@cancuoc/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrustStore, verifyActiveAuthentication, verifyPassive } from '../src/index.js';
import { nativeCrypto, setNativeCrypto } from '../src/internal/native.js';
import { hasVectors, vector, vectorJson } from './vectors.js';

beforeAll(() => setNativeCrypto(false));
afterAll(() => setNativeCrypto(true));

describe('portable crypto (no node:crypto)', () => {
  it('is really off', () => {
    expect(nativeCrypto()).toBeNull();
  });

  it.skipIf(!hasVectors)(
    'verifies every country SOD (brainpool via @noble/curves, RSA via BigInt)',
    async () => {
      const { samples } = vectorJson<{ samples: { file: string; csca: { file: string } }[] }>(
        'sod/countries/countries.json',
      );
      for (const s of samples) {
        const trust = await createTrustStore({ certificates: [vector(`sod/countries/${s.csca.file}`)] });
        const report = await verifyPassive({
          sod: vector(`sod/countries/${s.file}`),
          dataGroups: {},
          trust,
          at: 'signing-time',
        });
        expect([s.file, report.signature, report.chain]).toEqual([s.file, 'valid', 'trusted']);
      }
    },
  );

  it.skipIf(!hasVectors)(
    'verifies the BSI 2008 SOD on explicit brainpoolP224r1 with @noble/curves',
    async () => {
      const report = await verifyPassive({
        sod: vector('lds/bsi2008/EF_SOD.bin'),
        dataGroups: { 1: vector('lds/bsi2008/DG1.bin') },
        trust: await createTrustStore(),
      });
      expect(report.signature).toBe('valid');
    },
  );

  it('verifies test cards and AA signatures', async () => {
    for (const algorithm of ['rsa-pss', 'ecdsa-p256', 'ecdsa-p521'] as const) {
      const card = await issueTestCard(
        {},
        { pkiOptions: { algorithm }, activeAuthentication: algorithm === 'rsa-pss' ? 'rsa' : 'ecdsa' },
      );
      const trust = await createTrustStore({ certificates: [card.pki.csca.pem] });
      expect(
        (await verifyPassive({ sod: card.files.sod, dataGroups: card.files.dataGroups, trust })).verified,
      ).toBe(true);
      const challenge = new Uint8Array(8).fill(7);
      const signature = await signActiveAuthentication(card.keys.aa, challenge);
      expect(
        (await verifyActiveAuthentication({ publicKey: card.files.dataGroups[15]!, challenge, signature }))
          .valid,
      ).toBe(true);
      const bad = signature.slice();
      bad[5]! ^= 1;
      expect(
        (
          await verifyActiveAuthentication({
            publicKey: card.files.dataGroups[15]!,
            challenge,
            signature: bad,
          })
        ).valid,
      ).toBe(false);
    }
  });
});
