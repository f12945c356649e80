import { fromBase64 } from '@cancuoc/core';
import { createSampleCardFiles, createSimulatedCard } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { bytesToBigint } from '../src/internal/curves.js';
import { readCard } from '../src/read-card.js';
import { can, keys, mrz, mrzLines } from './helpers/card.js';

const key = (fill: number, length = 32) => {
  const k = new Uint8Array(length).fill(fill);
  k[0] = 0x01;
  return k;
};

describe('PACE, CA and AA variants', () => {
  for (const [name, paceOid, parameterId] of [
    ['ECDH-GM 3DES on brainpoolP256r1', '0.4.0.127.0.7.2.2.4.2.1', 13],
    ['ECDH-GM AES-192 on NIST P-256', '0.4.0.127.0.7.2.2.4.2.3', 12],
    ['ECDH-GM AES-256 on brainpoolP384r1', '0.4.0.127.0.7.2.2.4.2.4', 16],
    ['ECDH-GM AES-128 on NIST P-384', '0.4.0.127.0.7.2.2.4.2.2', 15],
    ['ECDH-GM AES-256 on brainpoolP512r1', '0.4.0.127.0.7.2.2.4.2.4', 17],
    ['ECDH-GM AES-128 on brainpoolP224r1', '0.4.0.127.0.7.2.2.4.2.2', 11],
    ['ECDH-IM AES-128 on brainpoolP256r1', '0.4.0.127.0.7.2.2.4.4.2', 13],
    ['ECDH-IM AES-128 on NIST P-256', '0.4.0.127.0.7.2.2.4.4.2', 12],
  ] as const) {
    it(`reads with ${name}`, async () => {
      const files = createSampleCardFiles({ mrz: mrzLines, keys, paceOid, parameterId, dg2Size: 3000 });
      const result = await readCard(createSimulatedCard({ files, mrz, can, keys }), { access: { can } });
      expect(result.protocol).toBe('PACE');
      expect(result.paceProtocol).toBe(paceOid);
      expect(result.dataGroups[2]).toEqual(files.dataGroups[2]);
      expect(result.chipAuthentication).toBe('passed');
    });
  }

  it('runs chip authentication with 3DES (MSE:Set KAT) after BAC', async () => {
    const files = createSampleCardFiles({
      mrz: mrzLines,
      keys,
      caOid: '0.4.0.127.0.7.2.2.3.2.1',
      dg2Size: 2000,
    });
    const { cardAccess: _, ...bac } = files;
    const result = await readCard(createSimulatedCard({ files: bac, mrz, can, keys }), { access: mrz });
    expect(result.protocol).toBe('BAC');
    expect(result.chipAuthentication).toBe('passed');
    expect(result.dataGroups[1]).toEqual(files.dataGroups[1]);
  });

  it('runs chip authentication with AES-256 and a NIST P-256 chip key', async () => {
    const caKeys = {
      ...keys,
      chipAuthentication: { kind: 'ec' as const, parameterId: 12, privateKey: key(7) },
    };
    const files = createSampleCardFiles({
      mrz: mrzLines,
      keys: caKeys,
      caOid: '0.4.0.127.0.7.2.2.3.2.4',
      dg2Size: 2000,
    });
    const result = await readCard(createSimulatedCard({ files, mrz, can, keys: caKeys }), {
      access: { can },
    });
    expect(result.chipAuthentication).toBe('passed');
    expect(result.dataGroups[13]).toEqual(files.dataGroups[13]);
  });

  it('verifies RSA active authentication (ISO/IEC 9796-2) and rejects a card holding another key', async () => {
    const pair = (await globalThis.crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 1024,
        publicExponent: Uint8Array.of(1, 0, 1),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const jwk = await globalThis.crypto.subtle.exportKey('jwk', pair.privateKey);
    const big = (b64: string) => bytesToBigint(fromBase64(b64));
    const rsa = { kind: 'rsa' as const, modulus: big(jwk.n!), privateExponent: big(jwk.d!) };
    const rsaKeys = { chipAuthentication: keys.chipAuthentication, activeAuthentication: rsa };
    const files = createSampleCardFiles({ mrz: mrzLines, keys: rsaKeys, dg2Size: 2000 });
    const good = await readCard(createSimulatedCard({ files, mrz, can, keys: rsaKeys }), { access: { can } });
    expect(good.activeAuthentication).toBe('passed');

    const other = { ...rsa, privateExponent: rsa.privateExponent - 2n };
    const clone = () =>
      createSimulatedCard({ files, mrz, can, keys: { ...rsaKeys, activeAuthentication: other } });
    await expect(
      readCard(clone(), { access: { can }, onAuthenticationFailure: 'throw' }),
    ).rejects.toMatchObject({
      code: 'ERR_READER_AA_FAILED',
    });
    const reported = await readCard(clone(), { access: { can } });
    expect(reported.activeAuthentication).toBe('failed');
    expect(reported.authenticationFailures?.activeAuthentication).toMatchObject({
      code: 'ERR_READER_AA_FAILED',
      accessReestablished: false,
    });
  });

  it('rejects an ECDSA active-authentication signature made with another key', async () => {
    const files = createSampleCardFiles({ mrz: mrzLines, keys, dg2Size: 2000 });
    const clone = createSimulatedCard({
      files,
      mrz,
      can,
      keys: { ...keys, activeAuthentication: { kind: 'ec', parameterId: 13, privateKey: key(5) } },
    });
    const result = await readCard(clone, { access: { can } });
    expect(result.activeAuthentication).toBe('failed');
    expect(result.authenticationFailures?.activeAuthentication?.code).toBe('ERR_READER_AA_FAILED');
    expect(result.dataGroups[13]).toEqual(files.dataGroups[13]);
  });

  it('fails chip authentication when the chip does not hold the DG14 key', async () => {
    const files = createSampleCardFiles({ mrz: mrzLines, keys, dg2Size: 2000 });
    const clone = createSimulatedCard({
      files,
      mrz,
      can,
      keys: { ...keys, chipAuthentication: { kind: 'ec', parameterId: 13, privateKey: key(5) } },
    });
    await expect(
      readCard(clone, { access: { can }, onAuthenticationFailure: 'throw' }),
    ).rejects.toMatchObject({
      code: 'ERR_READER_CA_FAILED',
    });
  });

  it('refuses a card that offers only an unsupported PACE variant with the CAN', async () => {
    const files = createSampleCardFiles({
      mrz: mrzLines,
      keys,
      paceOid: '0.4.0.127.0.7.2.2.4.4.3',
      dg2Size: 500,
    });
    await expect(
      readCard(createSimulatedCard({ files, mrz, can, keys }), { access: { can } }),
    ).rejects.toMatchObject({
      code: 'ERR_READER_PROTOCOL_UNSUPPORTED',
    });
  });

  it('uses BAC when asked even if the card offers PACE, and refuses CAN without PACE', async () => {
    const files = createSampleCardFiles({ mrz: mrzLines, keys, dg2Size: 2000 });
    const result = await readCard(createSimulatedCard({ files, mrz, can, keys }), {
      access: mrz,
      protocol: 'BAC',
    });
    expect(result.protocol).toBe('BAC');
    const { cardAccess: _, ...bac } = files;
    await expect(
      readCard(createSimulatedCard({ files: bac, mrz, can, keys }), { access: { can } }),
    ).rejects.toMatchObject({
      code: 'ERR_READER_PROTOCOL_UNSUPPORTED',
    });
  });
});
