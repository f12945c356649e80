/** Chip authentication, ICAO 9303-11 §6.2 (terminal side), ECDH keys from DG14. */
import { curvePointConstructor, encodeOid, encodeTlv } from '@cancuoc/chip/lite';
import { concatBytes } from '@cancuoc/core';
import { fail } from '../errors.js';
import type { Channel } from './channel.js';
import { type CipherSuite, deriveKey, TDES_SUITE } from './crypto.js';
import { bigintToBytes, type EcPoint, fieldLength, randomScalar } from './curves.js';
import { caAlgorithm } from './protocols.js';
import type { RandomSource } from './random.js';
import type { SessionKeys } from './secure-messaging.js';
import type { ChipAuthenticationKey } from './security-infos.js';
import { statusError } from './status.js';

function keyIdBytes(keyId: number): Uint8Array {
  const out: number[] = [];
  let v = keyId;
  do {
    out.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  return Uint8Array.from(out);
}

/** Why this reader cannot run chip authentication with `key`, or undefined when it can. */
export function chipAuthenticationUnsupported(key: ChipAuthenticationKey): string | undefined {
  const oid = key.info?.protocol ?? CA_3DES;
  if (caAlgorithm(oid)?.agreement !== 'ECDH') return `protocol ${oid} is not supported`;
  return undefined;
}

// 9303-11 §9.2.5: without ChipAuthenticationInfo the protocol is id-CA-ECDH-3DES-CBC-CBC.
const CA_3DES = '0.4.0.127.0.7.2.2.3.2.1';

/**
 * Runs chip authentication with the chip's static key and returns the new session keys
 * (SSC = 0). 3DES uses MSE:Set KAT; AES uses MSE:Set AT then GENERAL AUTHENTICATE (§6.2.4).
 */
export async function performChipAuthentication(
  channel: Channel,
  key: ChipAuthenticationKey,
  random: RandomSource,
): Promise<SessionKeys & { oid: string }> {
  const unsupported = chipAuthenticationUnsupported(key);
  const oid = key.info?.protocol ?? CA_3DES;
  const algorithm = caAlgorithm(oid);
  if (unsupported || algorithm?.agreement !== 'ECDH')
    throw fail('ERR_READER_CA_FAILED', { reason: unsupported ?? 'unsupported' });
  const suite: CipherSuite = algorithm.suite;
  let curve: EcPoint;
  try {
    curve = curvePointConstructor(key.key.publicKey.params);
  } catch {
    throw fail('ERR_READER_CA_FAILED', { reason: 'the DG14 domain parameters are not a valid curve' });
  }
  let chipPoint: InstanceType<typeof curve>;
  try {
    chipPoint = curve.fromBytes(key.key.publicKey.point);
    chipPoint.assertValidity();
  } catch {
    throw fail('ERR_READER_CA_FAILED', { reason: 'the DG14 public key is not a valid point' });
  }
  const sk = randomScalar(curve, random);
  const pk = curve.BASE.multiply(sk).toBytes(false);
  const keyId = key.key.keyId;
  const keyRef = keyId === undefined ? [] : [encodeTlv(0x84, keyIdBytes(keyId))];
  if (suite.family === '3DES') {
    const r = await channel.send({
      cla: 0,
      ins: 0x22,
      p1: 0x41,
      p2: 0xa6,
      data: concatBytes(encodeTlv(0x91, pk), ...keyRef),
    });
    if (r.sw !== 0x9000) throw statusError(r.sw, 'MSE:Set KAT');
  } else {
    const set = await channel.send({
      cla: 0,
      ins: 0x22,
      p1: 0x41,
      p2: 0xa4,
      data: concatBytes(encodeTlv(0x80, encodeOid(oid)), ...keyRef),
    });
    if (set.sw !== 0x9000) throw statusError(set.sw, 'MSE:Set AT');
    const ga = await channel.send({
      cla: 0,
      ins: 0x86,
      p1: 0,
      p2: 0,
      data: encodeTlv(0x7c, encodeTlv(0x80, pk)),
      le: 256,
    });
    if (ga.sw !== 0x9000) throw statusError(ga.sw, 'GENERAL AUTHENTICATE');
  }
  const shared = chipPoint.multiply(sk);
  const k = bigintToBytes(shared.toAffine().x, fieldLength(curve));
  const s = suite.family === '3DES' ? TDES_SUITE : suite;
  return {
    oid,
    suite: s,
    ksEnc: deriveKey(k, 1, s),
    ksMac: deriveKey(k, 2, s),
    ssc: new Uint8Array(s.family === 'AES' ? 16 : 8),
  };
}
