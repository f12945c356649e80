/**
 * The card side of chip authentication (ICAO 9303-11 §6.2): MSE:Set KAT (3DES) or MSE:Set AT and
 * GENERAL AUTHENTICATE with the DG14 key, replacing the session keys after the answer.
 */
import { decodeOid, encodeTlv, tryReadTlv, tryTlvChildren } from '@cancuoc/chip';
import type { ResponseApdu } from '@cancuoc/reader';
import {
  bigintToBytes,
  bytesToBigint,
  type CipherSuite,
  caAlgorithm,
  curveByParameterId,
  type EcPoint,
  fieldLength,
  TDES_SUITE,
} from '@cancuoc/reader/protocol';
import { type CardCommand, type CardState, plain } from './card-state.js';
import type { RefusedAuthentication } from './create-simulated-card.js';

/**
 * The refusal the faults ask for when `c` sets up chip authentication: MSE:Set KAT (3DES) or
 * MSE:Set AT for chip authentication (9303-11 §6.2.4).
 */
export function chipAuthenticationRefusal(
  state: CardState,
  c: CardCommand,
): RefusedAuthentication | undefined {
  if (c.ins !== 0x22 || c.p1 !== 0x41 || (c.p2 !== 0xa6 && c.p2 !== 0xa4)) return undefined;
  return state.faults.chipAuthenticationRefused ?? (state.faults.cloned ? {} : undefined);
}

function caPrivate(state: CardState): { curve: EcPoint; sk: bigint } | undefined {
  const key = state.keys?.chipAuthentication;
  const curve = key ? curveByParameterId(key.parameterId ?? 13) : undefined;
  return key && curve ? { curve, sk: bytesToBigint(key.privateKey) } : undefined;
}

function agree(state: CardState, pk: Uint8Array, suite: CipherSuite): ResponseApdu {
  const key = caPrivate(state);
  if (!key) return plain(0x6a88);
  try {
    const point = key.curve.fromBytes(pk);
    const k = bigintToBytes(point.multiply(key.sk).toAffine().x, fieldLength(key.curve));
    state.pendingKeys = { suite, k };
    return plain(0x9000);
  } catch {
    return plain(0x6a80);
  }
}

/** MSE:Set KAT (41A6, 3DES, the terminal's key in DO91) or MSE:Set AT (41A4, the protocol OID). */
export function mseChipAuthentication(state: CardState, c: CardCommand): ResponseApdu {
  const items = c.data ? tryTlvChildren(c.data) : undefined;
  if (!items) return plain(0x6a80);
  if (c.p1 === 0x41 && c.p2 === 0xa6) {
    const pk = items.find((t) => t.tag === 0x91)?.value;
    return pk ? agree(state, pk, TDES_SUITE) : plain(0x6a80);
  }
  if (c.p1 === 0x41 && c.p2 === 0xa4) {
    const oidBytes = items.find((t) => t.tag === 0x80)?.value;
    const oid = oidBytes ? decodeOid(oidBytes) : undefined;
    const algorithm = oid ? caAlgorithm(oid) : undefined;
    if (!algorithm || !caPrivate(state)) return plain(0x6a80);
    state.caSuite = algorithm.suite;
    return plain(0x9000);
  }
  return plain(0x6a86);
}

/** GENERAL AUTHENTICATE after MSE:Set AT: the terminal's ephemeral key in DO80. */
export function chipAuthenticationGa(state: CardState, c: CardCommand): ResponseApdu {
  const outer = c.data ? tryReadTlv(c.data) : undefined;
  const inner = outer?.tag === 0x7c ? tryReadTlv(outer.value) : undefined;
  if (!state.caSuite || inner?.tag !== 0x80) return plain(0x6985);
  const r = agree(state, inner.value, state.caSuite);
  state.caSuite = undefined;
  return r.sw === 0x9000 ? plain(0x9000, encodeTlv(0x7c)) : r;
}
