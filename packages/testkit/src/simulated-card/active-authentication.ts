/**
 * The card side of active authentication (ICAO 9303-11 §6.1): INTERNAL AUTHENTICATE signs the
 * terminal's 8-byte challenge with the DG15 key, ECDSA (plain r‖s) or ISO/IEC 9796-2 with SHA-1.
 */
import type { ResponseApdu } from '@cancuoc/reader';
import { curveByParameterId } from '@cancuoc/reader/protocol';
import { ecdsa } from '@noble/curves/abstract/weierstrass.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { signIso9796Sha1 } from '../internal/iso9796.js';
import { type CardCommand, type CardState, plain } from './card-state.js';
import type { RefusedAuthentication } from './create-simulated-card.js';

/** The refusal the faults ask for when `c` is INTERNAL AUTHENTICATE. */
export function activeAuthenticationRefusal(
  state: CardState,
  c: CardCommand,
): RefusedAuthentication | undefined {
  if (c.ins !== 0x88) return undefined;
  return state.faults.activeAuthenticationRefused ?? (state.faults.cloned ? {} : undefined);
}

/** INTERNAL AUTHENTICATE: the signature of the challenge in the command data. */
export function internalAuthenticate(state: CardState, c: CardCommand): ResponseApdu {
  const key = state.keys?.activeAuthentication;
  if (!key || !c.data || c.data.length !== 8) return plain(key ? 0x6700 : 0x6d00);
  if (key.kind === 'ec') {
    const curve = curveByParameterId(key.parameterId ?? 13);
    if (!curve) return plain(0x6f00);
    const signer = ecdsa(curve, sha256);
    return plain(
      0x9000,
      signer.sign(c.data, key.privateKey, { prehash: true, lowS: false, format: 'compact' }),
    );
  }
  return plain(0x9000, signIso9796Sha1(key, c.data, state.random));
}
