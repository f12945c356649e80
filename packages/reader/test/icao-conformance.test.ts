import { toHex } from '@cancuoc/core';
import { describe, expect, it } from 'vitest';
import { checkAccess } from '../src/access-key.js';
import { bacKeySeed, performBac } from '../src/internal/bac.js';
import { Channel } from '../src/internal/channel.js';
import { deriveKey, TDES_SUITE } from '../src/internal/crypto.js';
import { performPace } from '../src/internal/pace.js';
import { pacePassword } from '../src/internal/pace-password.js';
import { SecureMessaging } from '../src/internal/secure-messaging.js';
import { cardAccessPaceInfos } from '../src/internal/security-infos.js';
import { fixedRandom, hex, replayTransport, vectorsMissing, workedExamples as W } from './helpers/vectors.js';

const up = (b: Uint8Array) => toHex(b).toUpperCase();

describe.skipIf(vectorsMissing)('ICAO 9303-11 Appendix D: BAC and 3DES secure messaging', () => {
  const D = W?.bacAppendixD;

  it('derives K_seed, K_enc and K_mac from the MRZ information', () => {
    const access = checkAccess({
      documentNumber: D.mrz.documentNumber.replace(/</g, ''),
      dateOfBirth: D.mrz.dateOfBirth,
      dateOfExpiry: D.mrz.dateOfExpiry,
    });
    expect(access).toEqual({ kind: 'mrz', mrzInformation: D.mrzInformation });
    const seed = bacKeySeed(D.mrzInformation);
    expect(up(seed)).toBe(D.kSeed);
    expect(up(deriveKey(seed, 1, TDES_SUITE))).toBe(D.kEnc.key);
    expect(up(deriveKey(seed, 2, TDES_SUITE))).toBe(D.kMac.key);
  });

  it('sends exactly the example APDUs, accepts its answers and derives its session keys', async () => {
    const M = D.mutualAuthentication;
    const replay = replayTransport([M.getChallenge, M.externalAuthenticate]);
    const channel = new Channel(replay.transport);
    const keys = await performBac(channel, D.mrzInformation, fixedRandom(D.inputs.rndIfd, D.inputs.kIfd));
    expect(replay.done()).toBe(true);
    expect(up(keys.ksEnc)).toBe(D.sessionKeys.ksEnc.key);
    expect(up(keys.ksMac)).toBe(D.sessionKeys.ksMac.key);
    expect(up(keys.ssc)).toBe(D.sessionKeys.ssc);
  });

  it('protects SELECT and READ BINARY exactly as the example and reads EF.COM', async () => {
    const exchanges = D.secureMessaging.map((s: { protectedCommand: string; protectedResponse: string }) => ({
      command: s.protectedCommand,
      response: s.protectedResponse,
    }));
    const replay = replayTransport(exchanges);
    const channel = new Channel(replay.transport);
    channel.sm = new SecureMessaging({
      suite: TDES_SUITE,
      ksEnc: hex(D.sessionKeys.ksEnc.key),
      ksMac: hex(D.sessionKeys.ksMac.key),
      ssc: hex(D.sessionKeys.ssc),
    });
    const select = await channel.send({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: hex('011E') });
    expect(select.sw).toBe(0x9000);
    const first = await channel.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 });
    const rest = await channel.send({ cla: 0, ins: 0xb0, p1: 0, p2: 4, le: 0x12 });
    expect(replay.done()).toBe(true);
    expect(up(first.data)).toBe(D.secureMessaging[1].responseData);
    expect(up(first.data) + up(rest.data)).toBe(D.efCom);
    expect(up(channel.sm.ssc)).toBe(D.secureMessaging[2].sscResponse);
  });

  it('rejects a response whose MAC was altered with ERR_READER_SM_MAC', async () => {
    const s = D.secureMessaging[1];
    const tampered = s.protectedResponse.replace(/..(9000)$/, (_: string, sw: string) => `00${sw}`);
    const replay = replayTransport([{ command: s.protectedCommand, response: tampered }]);
    const channel = new Channel(replay.transport);
    channel.sm = new SecureMessaging({
      suite: TDES_SUITE,
      ksEnc: hex(D.sessionKeys.ksEnc.key),
      ksMac: hex(D.sessionKeys.ksMac.key),
      ssc: hex(D.secureMessaging[0].sscResponse),
    });
    await expect(channel.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 })).rejects.toMatchObject({
      code: 'ERR_READER_SM_MAC',
    });
  });
});

describe.skipIf(vectorsMissing)('ICAO 9303-11 Appendix G.1: PACE ECDH-GM on brainpoolP256r1', () => {
  const G = W?.paceGmEcdhAppendixG1;

  it('reads the PACEInfo of the example EF.CardAccess', () => {
    const infos = cardAccessPaceInfos(hex(G.efCardAccess));
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatchObject({ protocol: G.algorithm.oid, version: 2, parameterId: 13, mapping: 'GM' });
  });

  it('sends exactly the example APDUs, accepts its answers and derives its session keys', async () => {
    const replay = replayTransport(G.apdus);
    const channel = new Channel(replay.transport);
    const access = checkAccess({
      documentNumber: G.password.documentNumber,
      dateOfBirth: G.password.dateOfBirth,
      dateOfExpiry: G.password.dateOfExpiry,
    });
    expect(up(pacePassword(access))).toBe(G.password.k);
    const info = cardAccessPaceInfos(hex(G.efCardAccess))[0]!;
    const keys = await performPace(channel, info, pacePassword(access), 1, {
      random: fixedRandom(G.inputs.skMapIfd, G.inputs.skIfd),
      sendParameterId: false,
    });
    expect(replay.done()).toBe(true);
    expect(replay.sent).toEqual(G.apdus.map((a: { command: string }) => a.command));
    expect(up(keys.ksEnc)).toBe(G.sessionKeys.ksEnc);
    expect(up(keys.ksMac)).toBe(G.sessionKeys.ksMac);
    expect(up(keys.ssc)).toBe(G.sessionKeys.ssc);
  });

  it('sends the parameter ID variant of MSE:Set AT by default', async () => {
    const apdus = [{ command: G.mseSetAtWithParameterId.command, response: '9000' }, ...G.apdus.slice(1)];
    const replay = replayTransport(apdus);
    const info = cardAccessPaceInfos(hex(G.efCardAccess))[0]!;
    const access = checkAccess({
      documentNumber: G.password.documentNumber,
      dateOfBirth: G.password.dateOfBirth,
      dateOfExpiry: G.password.dateOfExpiry,
    });
    await performPace(new Channel(replay.transport), info, pacePassword(access), 1, {
      random: fixedRandom(G.inputs.skMapIfd, G.inputs.skIfd),
      sendParameterId: true,
    });
    expect(replay.done()).toBe(true);
  });

  it('rejects a wrong chip token with ERR_READER_PACE_FAILED', async () => {
    const apdus = G.apdus.map((a: { command: string; response: string }, i: number) =>
      i === 4 ? { command: a.command, response: a.response.replace('3ABB', '3ABC') } : a,
    );
    const replay = replayTransport(apdus);
    const info = cardAccessPaceInfos(hex(G.efCardAccess))[0]!;
    const access = checkAccess({
      documentNumber: G.password.documentNumber,
      dateOfBirth: G.password.dateOfBirth,
      dateOfExpiry: G.password.dateOfExpiry,
    });
    await expect(
      performPace(new Channel(replay.transport), info, pacePassword(access), 1, {
        random: fixedRandom(G.inputs.skMapIfd, G.inputs.skIfd),
        sendParameterId: false,
      }),
    ).rejects.toMatchObject({ code: 'ERR_READER_PACE_FAILED' });
  });
});

describe.skipIf(vectorsMissing)('ICAO 9303-11 Appendix H.1: PACE ECDH-IM on brainpoolP256r1', () => {
  const H = W?.paceImEcdhAppendixH1;
  const lc = (hexData: string) => (hexData.length / 2).toString(16).toUpperCase().padStart(2, '0');
  const ga = (cla: string, data: string) => `${cla}860000${lc(data)}${data}00`;

  it('maps the nonces to the example generator', async () => {
    const { integratedMapping, integratedMappingPrf } = await import('../src/internal/integrated-mapping.js');
    const { curveByParameterId } = await import('../src/internal/curves.js');
    const curve = curveByParameterId(13)!;
    const r = integratedMappingPrf(hex(H.nonceS), hex(H.nonceT), curve.Fp.ORDER);
    expect(r.toString(16).toUpperCase().padStart(64, '0')).toBe(H.pseudoRandomFunction.rModP);
    expect(up(integratedMapping(curve, hex(H.nonceS), hex(H.nonceT)).toBytes(false))).toBe(H.mappedGenerator);
  });

  it('runs the example exchange with the CAN and derives its session keys and tokens', async () => {
    const access = checkAccess({ can: '123456' });
    expect(up(deriveKey(pacePassword(access), 3, { family: 'AES', keyLength: 16 }))).toBe(H.password.kPi);
    const oid = '0.4.0.127.0.7.2.2.4.4.2';
    const apdus = [
      { command: '0022C1A40F800A04007F00070202040402830102', response: '9000' },
      { command: '10860000027C0000', response: `${H.generalAuthenticateData.ga1ResponseData}9000` },
      { command: ga('10', H.generalAuthenticateData.ga2CommandData), response: '7C009000' },
      {
        command: ga('10', H.generalAuthenticateData.ga3CommandData),
        response: `${H.generalAuthenticateData.ga3ResponseData}9000`,
      },
      {
        command: ga('00', H.generalAuthenticateData.ga4CommandData),
        response: `${H.generalAuthenticateData.ga4ResponseData}9000`,
      },
    ];
    const replay = replayTransport(apdus);
    const keys = await performPace(
      new Channel(replay.transport),
      {
        type: 'pace',
        protocol: oid,
        version: 2,
        parameterId: 13,
        mapping: 'IM',
        keyAgreement: 'ECDH',
        cipher: 'AES-128',
      },
      pacePassword(access),
      2,
      { random: fixedRandom(H.inputs.nonceT, H.inputs.skIfd), sendParameterId: false },
    );
    expect(replay.sent).toEqual(apdus.map((a) => a.command));
    expect(up(keys.ksEnc)).toBe(H.sessionKeys.ksEnc);
    expect(up(keys.ksMac)).toBe(H.sessionKeys.ksMac);
  });
});

describe.skipIf(vectorsMissing)('RFC 4493 AES-CMAC as used by PACE tokens', () => {
  it('gives the RFC tags (first 8 bytes) for examples 1-4', async () => {
    const { tokenMac } = await import('../src/internal/crypto.js');
    for (const e of W.aesCmacRfc4493.examples) {
      expect(up(tokenMac({ family: 'AES', keyLength: 16 }, hex(W.aesCmacRfc4493.key), hex(e.message)))).toBe(
        e.tag.slice(0, 16),
      );
    }
  });
});
