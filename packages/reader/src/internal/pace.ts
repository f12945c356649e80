/** PACE, ICAO 9303-11 §4.4 (terminal side): ECDH with generic or integrated mapping. */
import { encodeOid, encodeTlv, type PaceInfo, tryReadTlv } from '@cancuoc/chip/lite';
import { concatBytes, equalBytes } from '@cancuoc/core';
import { fail } from '../errors.js';
import type { Channel } from './channel.js';
import { type CipherSuite, cbcDecrypt, deriveKey, tokenMac } from './crypto.js';
import {
  bigintToBytes,
  bytesToBigint,
  curveByParameterId,
  type EcPoint,
  fieldLength,
  randomScalar,
} from './curves.js';
import { integratedMapping, supportsIntegratedMapping } from './integrated-mapping.js';
import { type PaceAlgorithm, paceAlgorithm } from './protocols.js';
import type { RandomSource } from './random.js';
import type { SessionKeys } from './secure-messaging.js';
import { statusError } from './status.js';

// Errors raised because the chip's authentication token did not match: the chip accepted ours,
// so it knows the password; something else answers (a clone or a relay). Never a reason for BAC.
const tokenMismatches = new WeakSet<object>();

/** Whether `error` is PACE's token mismatch (see {@link performPace}). */
export function isPaceTokenMismatch(error: unknown): boolean {
  return typeof error === 'object' && error !== null && tokenMismatches.has(error);
}

export interface PaceOptions {
  readonly random: RandomSource;
  /** Send the domain parameter ID (tag 84) in MSE:Set AT (default true; the ICAO example omits it). */
  readonly sendParameterId: boolean;
}

/** Whether this reader can run the PACE variant a PACEInfo announces. */
export function isSupportedPace(info: PaceInfo): boolean {
  const alg = paceAlgorithm(info.protocol);
  const curve = info.parameterId === undefined ? undefined : curveByParameterId(info.parameterId);
  if (!alg || !curve || alg.agreement !== 'ECDH') return false;
  return alg.mapping === 'GM' || (alg.mapping === 'IM' && supportsIntegratedMapping(alg.suite, curve));
}

/**
 * The authentication token input 7F49 { 06 OID, 86 public point } (9303-11 §4.4.3.4, §9.4.2).
 *
 * @example
 * ```ts
 * tokenMac(suite, ksMac, tokenInput('0.4.0.127.0.7.2.2.4.2.2', pkIc)); // T_IFD
 * ```
 */
export function tokenInput(oid: string, point: Uint8Array): Uint8Array {
  return encodeTlv(0x7f49, encodeTlv(0x06, encodeOid(oid)), encodeTlv(0x86, point));
}

function dynamicData(tag: number, data: Uint8Array, expected: number): Uint8Array {
  const outer = tryReadTlv(data);
  if (outer?.tag !== 0x7c) {
    throw fail('ERR_READER_PACE_FAILED', {
      reason: `GENERAL AUTHENTICATE answer lacks tag 7C (step ${expected})`,
    });
  }
  const inner = tryReadTlv(outer.value);
  if (!inner || inner.tag !== tag) {
    throw fail('ERR_READER_PACE_FAILED', {
      reason: `GENERAL AUTHENTICATE answer lacks tag ${tag.toString(16)}`,
    });
  }
  return inner.value;
}

function decodePoint(curve: EcPoint, bytes: Uint8Array, what: string) {
  try {
    const p = curve.fromBytes(bytes);
    p.assertValidity();
    if (p.is0()) throw new Error('infinity');
    return p;
  } catch {
    throw fail('ERR_READER_PACE_FAILED', { reason: `the chip sent an invalid ${what}` });
  }
}

async function generalAuthenticate(channel: Channel, last: boolean, data: Uint8Array, step: number) {
  const response = await channel.send({
    cla: last ? 0x00 : 0x10,
    ins: 0x86,
    p1: 0x00,
    p2: 0x00,
    data: encodeTlv(0x7c, data),
    le: 256,
  });
  if (response.sw === 0x6300 || (response.sw & 0xfff0) === 0x63c0 || response.sw === 0x6982) {
    throw fail('ERR_READER_ACCESS_KEY_WRONG', { protocol: 'PACE' });
  }
  if (response.sw !== 0x9000) throw statusError(response.sw, `GENERAL AUTHENTICATE ${step}`);
  return response.data;
}

/**
 * Runs PACE ECDH-GM or ECDH-IM (9303-11 §4.4.3, Appendix G.1 and H.1) with password π and
 * reference (1 MRZ, 2 CAN),
 * and returns the session keys with SSC = 0.
 */
export async function performPace(
  channel: Channel,
  info: PaceInfo,
  password: Uint8Array,
  passwordRef: number,
  options: PaceOptions,
): Promise<SessionKeys & { algorithm: PaceAlgorithm }> {
  const algorithm = paceAlgorithm(info.protocol);
  const curve = info.parameterId === undefined ? undefined : curveByParameterId(info.parameterId);
  if (!algorithm || !curve || !isSupportedPace(info)) {
    throw fail('ERR_READER_PROTOCOL_UNSUPPORTED', {
      reason: `PACE variant ${info.protocol} is not supported`,
    });
  }
  const suite: CipherSuite = algorithm.suite;
  const mse = [encodeTlv(0x80, encodeOid(info.protocol)), encodeTlv(0x83, Uint8Array.of(passwordRef))];
  if (options.sendParameterId && info.parameterId !== undefined)
    mse.push(encodeTlv(0x84, Uint8Array.of(info.parameterId)));
  const set = await channel.send({ cla: 0x00, ins: 0x22, p1: 0xc1, p2: 0xa4, data: concatBytes(...mse) });
  if (set.sw !== 0x9000) throw statusError(set.sw, 'MSE:Set AT');

  // Step 1: encrypted nonce z, s = D(K_π, z).
  const z = dynamicData(0x80, await generalAuthenticate(channel, false, new Uint8Array(0), 1), 1);
  const block = suite.family === 'AES' ? 16 : 8;
  if (z.length === 0 || z.length % block !== 0)
    throw fail('ERR_READER_PACE_FAILED', { reason: 'bad nonce length' });
  const kPi = deriveKey(password, 3, suite);
  const nonce = cbcDecrypt(suite, kPi, z);

  let mapped: InstanceType<typeof curve>;
  if (algorithm.mapping === 'IM') {
    // Step 2, integrated mapping (9303-11 §4.4.3.3.2): send nonce t, G' = f_G(R_p(s, t)).
    const t = options.random(block);
    const answer = tryReadTlv(await generalAuthenticate(channel, false, encodeTlv(0x81, t), 2));
    if (answer?.tag !== 0x7c)
      throw fail('ERR_READER_PACE_FAILED', { reason: 'GENERAL AUTHENTICATE 2 lacks tag 7C' });
    mapped = integratedMapping(curve, nonce, t);
  } else {
    // Step 2, generic mapping G' = s·G + H, H = SK_map · PK_map,IC (9303-11 §4.4.3.3.1).
    const skMap = randomScalar(curve, options.random);
    const pkMap = curve.BASE.multiply(skMap).toBytes(false);
    const pkMapIc = decodePoint(
      curve,
      dynamicData(0x82, await generalAuthenticate(channel, false, encodeTlv(0x81, pkMap), 2), 2),
      'mapping key',
    );
    const h = pkMapIc.multiply(skMap);
    const sMod = bytesToBigint(nonce) % curve.Fn.ORDER;
    mapped = sMod === 0n ? h : curve.BASE.multiply(sMod).add(h);
  }
  if (mapped.is0())
    throw fail('ERR_READER_PACE_FAILED', { reason: 'the mapped generator is the point at infinity' });

  // Step 3: key agreement on G'.
  const sk = randomScalar(curve, options.random);
  const pkIfd = mapped.multiply(sk).toBytes(false);
  const pkIcBytes = dynamicData(
    0x84,
    await generalAuthenticate(channel, false, encodeTlv(0x83, pkIfd), 3),
    3,
  );
  const pkIc = decodePoint(curve, pkIcBytes, 'ephemeral key');
  if (equalBytes(pkIc.toBytes(false), pkIfd)) {
    throw fail('ERR_READER_PACE_FAILED', { reason: 'the chip echoed the terminal key' });
  }
  const shared = pkIc.multiply(sk);
  const k = bigintToBytes(shared.toAffine().x, fieldLength(curve));
  const ksEnc = deriveKey(k, 1, suite);
  const ksMac = deriveKey(k, 2, suite);

  // Step 4: mutual authentication with tokens over the other side's public key.
  const tIfd = tokenMac(suite, ksMac, tokenInput(info.protocol, pkIc.toBytes(false)));
  const tIc = dynamicData(0x86, await generalAuthenticate(channel, true, encodeTlv(0x85, tIfd), 4), 4);
  if (!equalBytes(tIc, tokenMac(suite, ksMac, tokenInput(info.protocol, pkIfd)))) {
    const error = fail('ERR_READER_PACE_FAILED', { reason: 'the chip authentication token does not match' });
    tokenMismatches.add(error);
    throw error;
  }
  return { suite, ksEnc, ksMac, ssc: new Uint8Array(block), algorithm };
}
