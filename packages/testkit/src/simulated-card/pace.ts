/**
 * The card side of PACE (ICAO 9303-11 §4.4): MSE:Set AT and the four GENERAL AUTHENTICATE steps
 * with ECDH generic mapping or integrated mapping, opening a secure-messaging session.
 */
import { decodeOid, encodeTlv, tryReadTlv, tryTlvChildren } from '@cancuoc/chip';
import { equalBytes } from '@cancuoc/core';
import type { ResponseApdu } from '@cancuoc/reader';
import {
  bigintToBytes,
  bytesToBigint,
  type CipherSuite,
  cbcEncrypt,
  curveByParameterId,
  deriveKey,
  type EcPoint,
  fieldLength,
  integratedMapping,
  paceAlgorithm,
  pacePassword,
  randomScalar,
  SecureMessaging,
  supportsIntegratedMapping,
  tokenInput,
  tokenMac,
} from '@cancuoc/reader/protocol';
import { type CardCommand, type CardState, plain } from './card-state.js';

/** A PACE run in progress: what MSE:Set AT chose and what each step has computed so far. */
export interface PaceState {
  oid: string;
  suite: CipherSuite;
  curve: EcPoint;
  password: Uint8Array;
  step: number;
  integrated: boolean;
  s?: bigint;
  nonce?: Uint8Array;
  skMap?: bigint;
  generator?: InstanceType<EcPoint>;
  sk?: bigint;
  pkIc?: Uint8Array;
  pkIfd?: Uint8Array;
  ksEnc?: Uint8Array;
  ksMac?: Uint8Array;
}

function refusePace(state: CardState, sw: number): ResponseApdu {
  state.pace = undefined;
  state.paceFailed = true;
  return plain(sw);
}

/** MSE:Set AT for PACE (9303-11 §4.4): protocol OID, password reference, domain parameters. */
export function mseSetAtPace(state: CardState, c: CardCommand): ResponseApdu {
  const { faults } = state;
  if (c.p1 === 0xc1 && c.p2 === 0xa4) state.attempts.pace++;
  if (c.p1 !== 0xc1 || c.p2 !== 0xa4 || !state.allowPace || !c.data) return refusePace(state, 0x6a86);
  if (faults.paceRefused && (faults.paceRefused.step ?? 0) === 0)
    return refusePace(state, faults.paceRefused.sw ?? 0x6a80);
  const items = tryTlvChildren(c.data);
  const oidBytes = items?.find((t) => t.tag === 0x80)?.value;
  const ref = items?.find((t) => t.tag === 0x83)?.value[0];
  const oid = oidBytes ? decodeOid(oidBytes) : undefined;
  const algorithm = oid ? paceAlgorithm(oid) : undefined;
  if (!oid || !algorithm || algorithm.agreement !== 'ECDH' || algorithm.mapping === 'CAM')
    return refusePace(state, 0x6a80);
  const param = items?.find((t) => t.tag === 0x84)?.value[0] ?? cardAccessParameter(state.cardAccess);
  const curve = param === undefined ? undefined : curveByParameterId(param);
  if (!curve || (ref !== 1 && ref !== 2)) return refusePace(state, 0x6a80);
  if (algorithm.mapping === 'IM' && !supportsIntegratedMapping(algorithm.suite, curve))
    return refusePace(state, 0x6a80);
  state.pace = {
    integrated: algorithm.mapping === 'IM',
    oid,
    suite: algorithm.suite,
    curve,
    password: pacePassword(ref === 1 ? state.mrzInfo : state.canInfo),
    step: 1,
  };
  return plain(0x9000);
}

/**
 * GENERAL AUTHENTICATE (9303-11 §4.4): the encrypted nonce, the mapping, the key agreement and
 * the authentication tokens, one step per command.
 */
export function paceStep(state: CardState, c: CardCommand): ResponseApdu {
  const { faults, random } = state;
  if (!state.pace || c.ins !== 0x86) return refusePace(state, 0x6985);
  const outer = c.data ? tryReadTlv(c.data) : undefined;
  if (outer?.tag !== 0x7c) return refusePace(state, 0x6a80);
  const inner = outer.value.length ? tryReadTlv(outer.value) : undefined;
  const p = state.pace;
  const last = (c.cla & 0x10) === 0;
  if (faults.paceRefused?.step === p.step) return refusePace(state, faults.paceRefused.sw ?? 0x6a80);
  try {
    if (p.step === 1 && !last) {
      const nonceLength = p.suite.family === 'AES' ? 16 : 8;
      const s = random(nonceLength);
      p.s = bytesToBigint(s);
      p.nonce = s;
      const z = cbcEncrypt(p.suite, deriveKey(p.password, 3, p.suite), s);
      p.step = 2;
      return plain(0x9000, encodeTlv(0x7c, encodeTlv(0x80, z)));
    }
    if (p.step === 2 && !last && inner?.tag === 0x81 && p.integrated) {
      // Integrated mapping (9303-11 §4.4.3.3.2): the terminal's nonce t, no chip mapping data.
      p.generator = integratedMapping(p.curve, p.nonce as Uint8Array, inner.value);
      p.step = 3;
      return plain(0x9000, encodeTlv(0x7c));
    }
    if (p.step === 2 && !last && inner?.tag === 0x81) {
      const pkMapIfd = p.curve.fromBytes(inner.value);
      p.skMap = randomScalar(p.curve, random);
      const pkMapIc = p.curve.BASE.multiply(p.skMap).toBytes(false);
      const h = pkMapIfd.multiply(p.skMap);
      p.generator = p.curve.BASE.multiply((p.s as bigint) % p.curve.Fn.ORDER).add(h);
      p.step = 3;
      if (faults.paceInvalidPoint) pkMapIc[pkMapIc.length - 1] = (pkMapIc.at(-1) as number) ^ 0x01;
      return plain(0x9000, encodeTlv(0x7c, encodeTlv(0x82, pkMapIc)));
    }
    if (p.step === 3 && !last && inner?.tag === 0x83) {
      const pkIfd = p.curve.fromBytes(inner.value);
      p.sk = randomScalar(p.curve, random);
      p.pkIc = (p.generator as InstanceType<EcPoint>).multiply(p.sk).toBytes(false);
      p.pkIfd = pkIfd.toBytes(false);
      const k = bigintToBytes(pkIfd.multiply(p.sk).toAffine().x, fieldLength(p.curve));
      p.ksEnc = deriveKey(k, 1, p.suite);
      p.ksMac = deriveKey(k, 2, p.suite);
      p.step = 4;
      return plain(0x9000, encodeTlv(0x7c, encodeTlv(0x84, p.pkIc)));
    }
    if (p.step === 4 && last && inner?.tag === 0x85) {
      const expected = tokenMac(p.suite, p.ksMac as Uint8Array, tokenInput(p.oid, p.pkIc as Uint8Array));
      state.pace = undefined;
      if (!equalBytes(expected, inner.value)) return refusePace(state, 0x6300);
      const tIc = tokenMac(p.suite, p.ksMac as Uint8Array, tokenInput(p.oid, p.pkIfd as Uint8Array));
      state.pendingSession = {
        sm: new SecureMessaging({
          suite: p.suite,
          ksEnc: p.ksEnc as Uint8Array,
          ksMac: p.ksMac as Uint8Array,
          ssc: new Uint8Array(p.suite.family === 'AES' ? 16 : 8),
        }),
        auth: 'pace',
      };
      return plain(0x9000, encodeTlv(0x7c, encodeTlv(0x86, tIc)));
    }
  } catch {
    return refusePace(state, 0x6a80);
  }
  return refusePace(state, 0x6985);
}

function cardAccessParameter(cardAccess: Uint8Array | undefined): number | undefined {
  if (!cardAccess) return undefined;
  const set = tryReadTlv(cardAccess);
  for (const item of (set && tryTlvChildren(set.value)) ?? []) {
    const parts = tryTlvChildren(item.value);
    const param = parts?.[2];
    if (param?.tag === 0x02 && param.value.length === 1) return param.value[0];
  }
  return undefined;
}
