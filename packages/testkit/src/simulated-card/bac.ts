/**
 * The card side of Basic Access Control (ICAO 9303-11 §4.3): GET CHALLENGE and EXTERNAL
 * AUTHENTICATE with keys from the MRZ, opening a 3DES secure-messaging session.
 */
import { concatBytes, equalBytes } from '@cancuoc/core';
import type { ResponseApdu } from '@cancuoc/reader';
import {
  bacKeySeed,
  cbcDecrypt,
  cbcEncrypt,
  deriveKey,
  retailMac,
  TDES_SUITE,
} from '@cancuoc/reader/protocol';
import { type CardCommand, type CardState, plain } from './card-state.js';
import { secureMessagingFromSecret } from './secure-messaging.js';

/** GET CHALLENGE before access control: RND.IC for BAC. */
export function getChallenge(state: CardState): ResponseApdu {
  if (!state.allowBac) return plain(0x6d00);
  if (state.paceFailed) return plain(0x6985);
  state.challenge = state.random(8);
  return plain(0x9000, state.challenge);
}

/** EXTERNAL AUTHENTICATE (9303-11 §4.3): checks the terminal's cryptogram and answers the card's. */
export function externalAuthenticate(state: CardState, c: CardCommand): ResponseApdu {
  const { allowBac, challenge } = state;
  if (allowBac) state.attempts.bac++;
  if (!allowBac || state.paceFailed || !challenge || !c.data || c.data.length !== 40) return plain(0x6985);
  const seed = bacKeySeed((state.mrzInfo as { mrzInformation: string }).mrzInformation);
  const kEnc = deriveKey(seed, 1, TDES_SUITE);
  const kMac = deriveKey(seed, 2, TDES_SUITE);
  const eIfd = c.data.subarray(0, 32);
  if (!equalBytes(retailMac(kMac, eIfd), c.data.subarray(32))) return plain(0x6300);
  const s = cbcDecrypt(TDES_SUITE, kEnc, eIfd);
  if (!equalBytes(s.subarray(8, 16), challenge)) return plain(0x6300);
  const rndIfd = s.subarray(0, 8);
  const kIfd = s.subarray(16, 32);
  const kIc = state.random(16);
  const eIc = cbcEncrypt(TDES_SUITE, kEnc, concatBytes(challenge, rndIfd, kIc));
  const seedS = kIc.map((b, i) => b ^ (kIfd[i] as number));
  const rndIc = challenge;
  state.challenge = undefined;
  const response = plain(0x9000, concatBytes(eIc, retailMac(kMac, eIc)));
  state.pendingSession = {
    // BAC (9303-11 §9.8): the SSC starts as the last four bytes of RND.IC and of RND.IFD.
    sm: secureMessagingFromSecret(
      seedS,
      TDES_SUITE,
      concatBytes(rndIc.subarray(4, 8), rndIfd.subarray(4, 8)),
    ),
    auth: 'bac',
  };
  return response;
}
