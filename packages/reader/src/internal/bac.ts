/** Basic Access Control, ICAO 9303-11 §4.3 (terminal side). */
import { bacKeySeed as chipBacKeySeed } from '@cancuoc/chip/lite';
import { concatBytes, equalBytes } from '@cancuoc/core';
import { fail } from '../errors.js';
import type { Channel } from './channel.js';
import { cbcDecrypt, cbcEncrypt, deriveKey, retailMac, TDES_SUITE } from './crypto.js';
import type { RandomSource } from './random.js';
import type { SessionKeys } from './secure-messaging.js';
import { statusError } from './status.js';

/** K_seed of 9303-11 §9.7.2 (SHA-1 of the MRZ information, first 16 bytes), from `@cancuoc/chip`. */
export function bacKeySeed(mrzInformation: string): Uint8Array {
  return chipBacKeySeed({ bacMrzInformation: mrzInformation });
}

/** Runs BAC and returns the 3DES session keys (9303-11 §4.3.3, Appendix D). */
export async function performBac(
  channel: Channel,
  mrzInformation: string,
  random: RandomSource,
): Promise<SessionKeys> {
  const seed = bacKeySeed(mrzInformation);
  const kEnc = deriveKey(seed, 1, TDES_SUITE);
  const kMac = deriveKey(seed, 2, TDES_SUITE);
  const challenge = await channel.send({ cla: 0x00, ins: 0x84, p1: 0x00, p2: 0x00, le: 8 });
  if (challenge.sw !== 0x9000) throw statusError(challenge.sw, 'GET CHALLENGE');
  if (challenge.data.length !== 8) {
    throw fail('ERR_READER_RESPONSE_MALFORMED', { reason: 'GET CHALLENGE did not return 8 bytes' });
  }
  const rndIc = challenge.data;
  const rndIfd = random(8);
  const kIfd = random(16);
  const eIfd = cbcEncrypt(TDES_SUITE, kEnc, concatBytes(rndIfd, rndIc, kIfd));
  const mIfd = retailMac(kMac, eIfd);
  const auth = await channel.send({
    cla: 0x00,
    ins: 0x82,
    p1: 0x00,
    p2: 0x00,
    data: concatBytes(eIfd, mIfd),
    le: 40,
  });
  if (auth.sw === 0x6300 || auth.sw === 0x6982 || (auth.sw & 0xfff0) === 0x63c0) {
    throw fail('ERR_READER_ACCESS_KEY_WRONG', { protocol: 'BAC' });
  }
  if (auth.sw !== 0x9000) throw statusError(auth.sw, 'EXTERNAL AUTHENTICATE');
  if (auth.data.length !== 40) {
    throw fail('ERR_READER_RESPONSE_MALFORMED', { reason: 'EXTERNAL AUTHENTICATE did not return 40 bytes' });
  }
  const eIc = auth.data.subarray(0, 32);
  if (!equalBytes(retailMac(kMac, eIc), auth.data.subarray(32))) {
    throw fail('ERR_READER_ACCESS_KEY_WRONG', { protocol: 'BAC' });
  }
  const r = cbcDecrypt(TDES_SUITE, kEnc, eIc);
  if (!equalBytes(r.subarray(0, 8), rndIc) || !equalBytes(r.subarray(8, 16), rndIfd)) {
    throw fail('ERR_READER_ACCESS_KEY_WRONG', { protocol: 'BAC' });
  }
  const kIc = r.subarray(16, 32);
  const ksSeed = kIc.map((b, i) => b ^ (kIfd[i] as number));
  return {
    suite: TDES_SUITE,
    ksEnc: deriveKey(ksSeed, 1, TDES_SUITE),
    ksMac: deriveKey(ksSeed, 2, TDES_SUITE),
    // 9303-11 §9.8.6.3: SSC = 4 least significant bytes of RND.IC || of RND.IFD.
    ssc: concatBytes(rndIc.subarray(4, 8), rndIfd.subarray(4, 8)),
  };
}
