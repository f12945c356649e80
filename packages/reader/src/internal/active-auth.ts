/**
 * Active authentication, ICAO 9303-11 §6.1: the APDU exchange only (a fresh random challenge,
 * INTERNAL AUTHENTICATE); the signature is checked by `verifyActiveAuthentication` of
 * `@cancuoc/chip` (ISO/IEC 9796-2 scheme 1 for RSA keys, ECDSA for EC keys).
 */
import { type PublicKeyInfo, verifyActiveAuthentication } from '@cancuoc/chip';
import { isCancuocError } from '@cancuoc/core';
import { fail } from '../errors.js';
import type { Channel } from './channel.js';
import type { RandomSource } from './random.js';
import { statusError } from './status.js';

/** Sends INTERNAL AUTHENTICATE with a fresh challenge and verifies the answer; throws if it fails. */
export async function performActiveAuthentication(
  channel: Channel,
  key: PublicKeyInfo,
  signatureAlgorithm: string | undefined,
  random: RandomSource,
  extendedAllowed: boolean,
): Promise<void> {
  // 9303-11 §6.1: an EC key needs the ActiveAuthenticationInfo of DG14 to name the hash.
  if (key.kind === 'ec' && !signatureAlgorithm)
    throw fail('ERR_READER_AA_FAILED', { reason: 'DG14 names no supported ECDSA hash for AA' });
  const challenge = random(8);
  const expected =
    key.kind === 'rsa' ? key.modulus.length : 2 * Math.ceil(key.params.n.toString(16).length / 2);
  const le = expected > 256 && extendedAllowed ? expected : 256;
  const r = await channel.send({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: challenge, le });
  if (r.sw !== 0x9000) throw statusError(r.sw, 'INTERNAL AUTHENTICATE');
  let report: Awaited<ReturnType<typeof verifyActiveAuthentication>>;
  try {
    report = await verifyActiveAuthentication({
      publicKey: key,
      challenge,
      signature: r.data,
      ...(signatureAlgorithm === undefined ? {} : { signatureAlgorithm }),
    });
  } catch (error) {
    if (isCancuocError(error))
      throw fail('ERR_READER_AA_FAILED', {
        reason: `DG14 names no supported ECDSA hash for AA (${error.code})`,
      });
    throw error;
  }
  if (!report.valid)
    throw fail('ERR_READER_AA_FAILED', { reason: 'the signature over the challenge does not verify' });
}
