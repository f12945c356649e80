/**
 * Active authentication, ICAO 9303-11 §6.1: the APDU exchange only (a challenge, INTERNAL
 * AUTHENTICATE); the signature is checked by `verifyActiveAuthentication` of `@cancuoc/chip`
 * (ISO/IEC 9796-2 scheme 1 for RSA keys, ECDSA for EC keys).
 */
import { type PublicKeyInfo, verifyActiveAuthentication } from '@cancuoc/chip/lite';
import { isCancuocError } from '@cancuoc/core';
import { fail } from '../errors.js';
import type { Channel } from './channel.js';
import { statusError } from './status.js';

/** The chip's answer to a challenge: what a remote verifier checks against DG15. */
export interface ActiveAuthenticationProof {
  /** The 8-byte challenge sent in INTERNAL AUTHENTICATE. */
  readonly challenge: Uint8Array;
  /** The chip's signature over it. */
  readonly signature: Uint8Array;
}

/** Why this reader cannot run active authentication with `key`, or undefined when it can. */
export function activeAuthenticationUnsupported(
  key: PublicKeyInfo,
  signatureAlgorithm: string | undefined,
): string | undefined {
  // 9303-11 §6.1: an EC key needs the ActiveAuthenticationInfo of DG14 to name the hash.
  return key.kind === 'ec' && !signatureAlgorithm ? 'DG14 names no supported ECDSA hash for AA' : undefined;
}

/**
 * Sends INTERNAL AUTHENTICATE with `challenge` and verifies the answer. Returns the proof, and
 * `failure` (`ERR_READER_AA_FAILED`) when the signature does not verify; throws when the card
 * refuses the command.
 */
export async function performActiveAuthentication(
  channel: Channel,
  key: PublicKeyInfo,
  signatureAlgorithm: string | undefined,
  challenge: Uint8Array,
  extendedAllowed: boolean,
): Promise<{ proof: ActiveAuthenticationProof; failure?: Error }> {
  const unsupported = activeAuthenticationUnsupported(key, signatureAlgorithm);
  if (unsupported) throw fail('ERR_READER_AA_FAILED', { reason: unsupported });
  const expected =
    key.kind === 'rsa' ? key.modulus.length : 2 * Math.ceil(key.params.n.toString(16).length / 2);
  const le = expected > 256 && extendedAllowed ? expected : 256;
  const r = await channel.send({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: challenge, le });
  if (r.sw !== 0x9000) throw statusError(r.sw, 'INTERNAL AUTHENTICATE');
  const proof = { challenge: challenge.slice(), signature: r.data.slice() };
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
    return {
      proof,
      failure: fail('ERR_READER_AA_FAILED', { reason: 'the signature over the challenge does not verify' }),
    };
  return { proof };
}
