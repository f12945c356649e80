/**
 * Active authentication, ICAO 9303-11 §6.1: INTERNAL AUTHENTICATE with a fresh random challenge,
 * verified against the DG15 key: RSA with ISO/IEC 9796-2 digital signature scheme 1, or ECDSA
 * (plain r‖s) with the hash DG14's ActiveAuthenticationInfo names.
 * TODO: switch to an AA verification function of `@cancuoc/chip` once it exports one (it parses
 * DG14/DG15 for us already, but has no AA check yet).
 */
import { concatBytes, equalBytes } from '@cancuoc/core';
import { ecdsa } from '@noble/curves/abstract/weierstrass.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { fail } from '../errors.js';
import type { Channel } from './channel.js';
import { bigintToBytes, bytesToBigint } from './curves.js';
import type { RandomSource } from './random.js';
import type { PublicKey } from './security-infos.js';
import { statusError } from './status.js';

type Hash = typeof sha256;

// BSI TR-03111 §5.2.1 ecdsa-plain-* (0.4.0.127.0.7.1.1.4.1.x) and X9.62 ecdsa-with-* OIDs.
const ECDSA_HASHES: Record<string, Hash> = {
  '0.4.0.127.0.7.1.1.4.1.1': sha1 as unknown as Hash,
  '0.4.0.127.0.7.1.1.4.1.2': sha224 as unknown as Hash,
  '0.4.0.127.0.7.1.1.4.1.3': sha256 as unknown as Hash,
  '0.4.0.127.0.7.1.1.4.1.4': sha384 as unknown as Hash,
  '0.4.0.127.0.7.1.1.4.1.5': sha512 as unknown as Hash,
  '1.2.840.10045.4.1': sha1 as unknown as Hash,
  '1.2.840.10045.4.3.1': sha224 as unknown as Hash,
  '1.2.840.10045.4.3.2': sha256 as unknown as Hash,
  '1.2.840.10045.4.3.3': sha384 as unknown as Hash,
  '1.2.840.10045.4.3.4': sha512 as unknown as Hash,
};

// ISO/IEC 10118-3 hash identifiers used in the 9796-2 trailer 'xxCC'.
const TRAILER_HASHES: Record<number, (m: Uint8Array) => Uint8Array> = {
  51: sha1,
  52: sha256,
  53: sha512,
  54: sha384,
  56: sha224,
};

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

/** Verifies an ISO/IEC 9796-2 scheme 1 signature with message recovery over `challenge`. */
export function verifyIso9796(
  modulus: bigint,
  exponent: bigint,
  signature: Uint8Array,
  challenge: Uint8Array,
): boolean {
  const k = Math.ceil(modulus.toString(16).length / 2);
  if (signature.length === 0 || signature.length > k) return false;
  const s = bytesToBigint(signature);
  if (s >= modulus) return false;
  let f = bigintToBytes(modPow(s, exponent, modulus), k);
  // 9796-2 §B: when the representative is n − F (RSA with even trailer), recover F.
  if ((f[k - 1] as number) & 0x0f) {
    if ((f[k - 1] as number) !== 0xbc && (f[k - 1] as number) !== 0xcc) {
      f = bigintToBytes(modulus - bytesToBigint(f), k);
    }
  }
  while (f.length > 0 && f[0] === 0) f = f.subarray(1);
  if (f.length < 3 || ((f[0] as number) & 0xc0) !== 0x40) return false;
  let hash: (m: Uint8Array) => Uint8Array;
  let trailer: number;
  if (f[f.length - 1] === 0xbc) {
    hash = sha1;
    trailer = 1;
  } else if (f[f.length - 1] === 0xcc) {
    const h = TRAILER_HASHES[f[f.length - 2] as number];
    if (!h) return false;
    hash = h;
    trailer = 2;
  } else {
    return false;
  }
  const hLen = hash(new Uint8Array(0)).length;
  // Header nibble 6 (partial recovery) or 4 (total): first byte 0x6A or 0x4A, then M1, H, trailer.
  const m1 = f.subarray(1, f.length - trailer - hLen);
  const digest = f.subarray(f.length - trailer - hLen, f.length - trailer);
  if (m1.length < 0) return false;
  const partial = ((f[0] as number) & 0x20) !== 0;
  const expected = hash(partial ? concatBytes(m1, challenge) : m1);
  if (!equalBytes(expected, digest)) return false;
  return partial || equalBytes(m1.subarray(m1.length - challenge.length), challenge);
}

/** Sends INTERNAL AUTHENTICATE with a fresh challenge and verifies the answer; throws if it fails. */
export async function performActiveAuthentication(
  channel: Channel,
  key: PublicKey,
  signatureAlgorithm: string | undefined,
  random: RandomSource,
  extendedAllowed: boolean,
): Promise<void> {
  const challenge = random(8);
  const expected =
    key.kind === 'rsa' ? Math.ceil(key.modulus.toString(16).length / 2) : 2 * key.curve.Fn.BYTES;
  const le = expected > 256 && extendedAllowed ? expected : 256;
  const r = await channel.send({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: challenge, le });
  if (r.sw !== 0x9000) throw statusError(r.sw, 'INTERNAL AUTHENTICATE');
  let valid = false;
  if (key.kind === 'rsa') {
    valid = verifyIso9796(key.modulus, key.exponent, r.data, challenge);
  } else {
    const hash = signatureAlgorithm ? ECDSA_HASHES[signatureAlgorithm] : undefined;
    if (!hash) throw fail('ERR_READER_AA_FAILED', { reason: 'DG14 names no supported ECDSA hash for AA' });
    try {
      const verifier = ecdsa(key.curve, hash);
      valid =
        r.data.length === 2 * key.curve.Fn.BYTES &&
        verifier.verify(r.data, challenge, key.point, { prehash: true, lowS: false, format: 'compact' });
    } catch {
      valid = false;
    }
  }
  if (!valid)
    throw fail('ERR_READER_AA_FAILED', { reason: 'the signature over the challenge does not verify' });
}
