/**
 * Active Authentication (ICAO 9303-11 §6.1): checks the chip's INTERNAL AUTHENTICATE answer to a
 * challenge with the DG15 key. RSA keys sign with ISO/IEC 9796-2 digital signature scheme 1
 * (message recovery, SHA-1 with the implicit trailer BC or any hash with the explicit trailer
 * xx CC); EC keys sign with ECDSA, the algorithm named by DG14's ActiveAuthenticationInfo.
 */
import { isCancuocError } from '@cancuoc/core';
import { fail } from './errors.js';
import { bigIntToBytes, bytesToBigInt } from './internal/der.js';
import { digest } from './internal/digest.js';
import { verifyEcdsaPlain } from './internal/ecdsa.js';
import { ecdsaDerToPlain, orderSize } from './internal/ecdsa-signature.js';
import type { PublicKeyInfo } from './internal/keys.js';
import { DEFAULT_MAX_BYTES, maxBytesOption } from './internal/limits.js';
import { ECDSA_OIDS, HASH_SIZES, type HashName } from './internal/oids.js';
import { rsaPublic } from './internal/rsa.js';
import { parseDg15 } from './parse-dg15.js';

/** Input of {@link verifyActiveAuthentication}. */
export interface VerifyActiveAuthenticationInput {
  /** DG15 bytes, or its parsed public key. */
  readonly publicKey: Uint8Array | PublicKeyInfo;
  /** The challenge sent in INTERNAL AUTHENTICATE (RND.IFD, 8 bytes). */
  readonly challenge: Uint8Array;
  /** The chip's answer. */
  readonly signature: Uint8Array;
  /** For EC keys: the signature algorithm OID from DG14 ActiveAuthenticationInfo (default ecdsa-with-SHA256). */
  readonly signatureAlgorithm?: string;
  /** Largest DG15 accepted when `publicKey` is bytes; default 8192 (`ERR_CHIP_INPUT_SIZE` above). */
  readonly maxPublicKeyBytes?: number;
}

/** Result of {@link verifyActiveAuthentication}. */
export interface ActiveAuthenticationReport {
  /** True only when the signature over the challenge is valid for the key. */
  readonly valid: boolean;
  readonly scheme: 'iso9796-2' | 'ecdsa';
  readonly hash?: HashName;
  /** Why the signature was not accepted. */
  readonly reason?: string;
}

// ISO/IEC 10118-3 hash identifiers used in the explicit trailer (ISO/IEC 9796-2 §8.1.2).
const TRAILER_HASHES: Readonly<Record<number, HashName>> = {
  51: 'SHA-1',
  52: 'SHA-256',
  53: 'SHA-512',
  54: 'SHA-384',
  56: 'SHA-224',
};

async function verifyIso9796(
  key: Extract<PublicKeyInfo, { kind: 'rsa' }>,
  challenge: Uint8Array,
  signature: Uint8Array,
): Promise<ActiveAuthenticationReport> {
  const no = (reason: string): ActiveAuthenticationReport => ({ valid: false, scheme: 'iso9796-2', reason });
  if (signature.length > key.modulus.length) return no('signature is longer than the modulus');
  const opened = rsaPublic(key, signature);
  if (!opened) return no('signature is out of range');
  let f = opened;
  // ISO/IEC 9796-2 §B.6: the representative may be n − f (when f is not congruent to 12 mod 16).
  if ((f[f.length - 1]! & 0x0f) !== 0x0c) {
    const n = bytesToBigInt(key.modulus);
    f = bigIntToBytes(n - bytesToBigInt(f), key.modulus.length);
  }
  // Align to the bit length of the modulus minus one (k - 1 bits of data).
  const k = key.bits;
  const bytes = Math.ceil((k - 1) / 8);
  f = f.subarray(f.length - bytes);
  let hash: HashName;
  let trailer: number;
  if (f[f.length - 1] === 0xbc) {
    hash = 'SHA-1';
    trailer = 1;
  } else if (f[f.length - 1] === 0xcc) {
    const h = TRAILER_HASHES[f[f.length - 2]!];
    if (!h) return no('unknown hash in the trailer');
    hash = h;
    trailer = 2;
  } else return no('no ISO/IEC 9796-2 trailer');
  const header = f[0]!;
  // Header 01 b 0 1010: 0x6A partial recovery, 0x4A full recovery (9303-11 §6.1).
  if ((header & 0xc0) !== 0x40 || (header & 0x0f) !== 0x0a) return no('bad ISO/IEC 9796-2 header');
  const hLen = HASH_SIZES[hash];
  if (f.length < 1 + hLen + trailer) return no('signature too short');
  const m1 = f.subarray(1, f.length - hLen - trailer);
  const h = f.subarray(f.length - hLen - trailer, f.length - trailer);
  const partial = (header & 0x20) !== 0;
  const message = new Uint8Array(m1.length + challenge.length);
  message.set(m1);
  message.set(challenge, m1.length);
  const expected = await digest(hash, partial ? message : m1);
  let d = 0;
  for (let i = 0; i < hLen; i++) d |= expected[i]! ^ h[i]!;
  if (!partial) {
    // Full recovery: the recovered message must be the challenge itself.
    if (m1.length !== challenge.length || m1.some((b, i) => b !== challenge[i])) d |= 1;
  }
  return d === 0 ? { valid: true, scheme: 'iso9796-2', hash } : no('hash does not match');
}

/**
 * Verifies an Active Authentication signature for a challenge.
 *
 * @throws CancuocError `ERR_AA_INPUT` for a challenge that is not 8 bytes or an unknown algorithm;
 *   `ERR_CHIP_*` / `ERR_KEY_UNSUPPORTED` for an unreadable DG15, `ERR_CHIP_INPUT_SIZE` for one
 *   larger than `maxPublicKeyBytes`.
 * @example
 * ```ts
 * const challenge = crypto.getRandomValues(new Uint8Array(8));
 * const signature = await internalAuthenticate(challenge); // from the reader
 * const { valid } = await verifyActiveAuthentication({ publicKey: dg15, challenge, signature });
 * ```
 */
export async function verifyActiveAuthentication(
  input: VerifyActiveAuthenticationInput,
): Promise<ActiveAuthenticationReport> {
  if (!(input.challenge instanceof Uint8Array) || !(input.signature instanceof Uint8Array)) {
    throw new TypeError('challenge and signature must be Uint8Arrays');
  }
  // 9303-11 §6.1: RND.IFD is 8 bytes.
  if (input.challenge.length !== 8) throw fail('ERR_AA_INPUT', { reason: 'the challenge must be 8 bytes' });
  const maxBytes = maxBytesOption(input.maxPublicKeyBytes, DEFAULT_MAX_BYTES.dg15, 'maxPublicKeyBytes');
  const key =
    input.publicKey instanceof Uint8Array
      ? parseDg15(input.publicKey, { maxBytes }).publicKey
      : input.publicKey;
  if (key.kind === 'rsa') return verifyIso9796(key, input.challenge, input.signature);
  const oid = input.signatureAlgorithm ?? '1.2.840.10045.4.3.2';
  const hash = ECDSA_OIDS[oid];
  if (!hash) throw fail('ERR_AA_INPUT', { reason: `unknown signature algorithm ${oid}` });
  const size = orderSize(key.params);
  // TR-03111 plain r ‖ s is what 9303 chips return; some return DER, accepted too.
  const plain =
    input.signature.length === 2 * size ? input.signature : ecdsaDerToPlain(input.signature, size);
  if (!plain) return { valid: false, scheme: 'ecdsa', hash, reason: 'malformed ECDSA signature' };
  try {
    const valid = await verifyEcdsaPlain(key, hash, input.challenge, plain);
    return valid
      ? { valid, scheme: 'ecdsa', hash }
      : { valid, scheme: 'ecdsa', hash, reason: 'signature is invalid' };
  } catch (e) {
    return {
      valid: false,
      scheme: 'ecdsa',
      hash,
      reason: isCancuocError(e) ? e.code : 'verification failed',
    };
  }
}
