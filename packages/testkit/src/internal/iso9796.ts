/**
 * The card side of RSA Active Authentication (ICAO 9303-11 §6.1.2), shared by the test card images
 * and the simulated card: ISO/IEC 9796-2 digital signature scheme 1, partial message recovery,
 * SHA-1 with the implicit trailer BC. Written by hand: no maintained library signs with 9796-2, and
 * this only ever runs on test keys.
 */
import { concatBytes } from '@cancuoc/core';
import { bigintToBytes, bytesToBigint } from '@cancuoc/reader/protocol';
import { sha1 } from '@noble/hashes/legacy.js';

/** Signs `challenge` with a raw RSA private key; `random` fills the recoverable part M1. */
export function signIso9796Sha1(
  key: { readonly modulus: bigint; readonly privateExponent: bigint },
  challenge: Uint8Array,
  random: (length: number) => Uint8Array,
): Uint8Array {
  const k = Math.ceil(key.modulus.toString(16).length / 2);
  // F = 6A ‖ M1 ‖ SHA-1(M1 ‖ challenge) ‖ BC fills the k bytes of the modulus (header 6A < n's top byte).
  const m1 = random(k - 1 - 20 - 1);
  const f = concatBytes(Uint8Array.of(0x6a), m1, sha1(concatBytes(m1, challenge)), Uint8Array.of(0xbc));
  let result = 1n;
  let b = bytesToBigint(f) % key.modulus;
  let e = key.privateExponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % key.modulus;
    b = (b * b) % key.modulus;
    e >>= 1n;
  }
  return bigintToBytes(result, k);
}
