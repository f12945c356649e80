/**
 * The symmetric primitives of ICAO 9303-11: key derivation (§9.7.1), 3DES and AES in CBC mode,
 * the retail MAC (ISO/IEC 9797-1 MAC algorithm 3) and AES-CMAC (RFC 4493) truncated to 8 bytes.
 *
 * WebCrypto cannot be used here: it has no DES, no raw AES-ECB (needed for the AES secure
 * messaging IV) and no CMAC, and it is asynchronous per block. @noble/ciphers gives AES and
 * CMAC; DES is in ./des.ts.
 */
import { cbc, cmac, ecb } from '@noble/ciphers/aes.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { desBlock, desKeySchedule, type TdesKey, tdesBlock, tdesKey } from './des.js';

/** Block cipher family of a secure-messaging or PACE cipher suite. */
export type CipherFamily = '3DES' | 'AES';

/** A cipher suite: family and key length in bytes (3DES always 16, AES 16/24/32). */
export interface CipherSuite {
  readonly family: CipherFamily;
  readonly keyLength: 16 | 24 | 32;
}

/** The 3DES suite (two-key 3DES, 16 bytes) of BAC and of PACE and chip authentication with 3DES. */
export const TDES_SUITE: CipherSuite = { family: '3DES', keyLength: 16 };

/** ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to a multiple of the block size. */
export function pad(data: Uint8Array, blockSize: number): Uint8Array {
  const out = new Uint8Array((Math.floor(data.length / blockSize) + 1) * blockSize);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

/** Removes padding method 2; `undefined` when the padding is malformed. */
export function unpad(data: Uint8Array): Uint8Array | undefined {
  let i = data.length - 1;
  while (i >= 0 && data[i] === 0) i--;
  if (i < 0 || data[i] !== 0x80) return undefined;
  return data.subarray(0, i);
}

/** Sets the odd-parity bit of every DES key byte (9303-11 §9.7.1 for BAC keys). */
export function adjustParity(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) {
    const b = (key[i] as number) & 0xfe;
    let ones = 0;
    for (let v = b; v; v >>= 1) ones += v & 1;
    out[i] = b | (ones % 2 === 0 ? 1 : 0);
  }
  return out;
}

/**
 * KDF(K, c) of 9303-11 §9.7.1: SHA-1 for 3DES and AES-128, SHA-256 for AES-192/256.
 * Counter 1 = encryption key, 2 = MAC key, 3 = PACE password key.
 *
 * @example
 * ```ts
 * const ksEnc = deriveKey(sharedSecret, 1, { family: 'AES', keyLength: 16 });
 * ```
 */
export function deriveKey(secret: Uint8Array, counter: 1 | 2 | 3, suite: CipherSuite): Uint8Array {
  const input = new Uint8Array(secret.length + 4);
  input.set(secret);
  input[input.length - 1] = counter;
  if (suite.family === '3DES') return adjustParity(sha1(input).slice(0, 16));
  if (suite.keyLength === 16) return sha1(input).slice(0, 16);
  return sha256(input).slice(0, suite.keyLength);
}

function xorInto(target: Uint8Array, source: Uint8Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] as number) ^ (source[i] as number);
}

function tdesCbc(key: TdesKey, data: Uint8Array, decrypt: boolean, iv?: Uint8Array): Uint8Array {
  if (data.length % 8 !== 0) throw new RangeError('3DES-CBC data must be a multiple of 8 bytes');
  const out = new Uint8Array(data.length);
  let chain: Uint8Array = iv ?? new Uint8Array(8);
  for (let off = 0; off < data.length; off += 8) {
    const block = data.slice(off, off + 8);
    if (decrypt) {
      const plain = tdesBlock(key, block, true);
      xorInto(plain, chain);
      out.set(plain, off);
      chain = block;
    } else {
      xorInto(block, chain);
      chain = tdesBlock(key, block, false);
      out.set(chain, off);
    }
  }
  return out;
}

/**
 * Encrypts block-aligned data with the suite's cipher in CBC mode (no padding added; IV 0 by default).
 *
 * @example
 * ```ts
 * cbcEncrypt(TDES_SUITE, kEnc, pad(data, 8));
 * ```
 */
export function cbcEncrypt(
  suite: CipherSuite,
  key: Uint8Array,
  data: Uint8Array,
  iv?: Uint8Array,
): Uint8Array {
  if (suite.family === '3DES') return tdesCbc(tdesKey(key), data, false, iv);
  return cbc(key, iv ?? new Uint8Array(16), { disablePadding: true }).encrypt(data);
}

/**
 * Decrypts block-aligned data with the suite's cipher in CBC mode (padding left in place).
 *
 * @example
 * ```ts
 * unpad(cbcDecrypt({ family: 'AES', keyLength: 16 }, ksEnc, cryptogram, iv));
 * ```
 */
export function cbcDecrypt(
  suite: CipherSuite,
  key: Uint8Array,
  data: Uint8Array,
  iv?: Uint8Array,
): Uint8Array {
  if (suite.family === '3DES') return tdesCbc(tdesKey(key), data, true, iv);
  return cbc(key, iv ?? new Uint8Array(16), { disablePadding: true }).decrypt(data);
}

/** AES on a single block (ECB), used for the AES secure-messaging IV E(KSenc, SSC). */
export function aesBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  return ecb(key, { disablePadding: true }).encrypt(block);
}

/**
 * ISO/IEC 9797-1 MAC algorithm 3 with DES and padding method 2 (the "retail MAC"), 8 bytes.
 *
 * @example
 * ```ts
 * retailMac(kMac, eIfd); // M_IFD of BAC (9303-11 Appendix D: 5F1448EEA8AD90A7)
 * ```
 */
export function retailMac(key: Uint8Array, message: Uint8Array): Uint8Array {
  const ka = desKeySchedule(key.subarray(0, 8));
  const kb = desKeySchedule(key.subarray(8, 16));
  const data = pad(message, 8);
  let chain: Uint8Array = new Uint8Array(8);
  for (let off = 0; off < data.length; off += 8) {
    const block = data.slice(off, off + 8);
    xorInto(block, chain);
    chain = desBlock(ka, block, false);
  }
  return desBlock(ka, desBlock(kb, chain, true), false);
}

/**
 * The 8-byte secure-messaging MAC over `pad(message)` (9303-11 §9.8.6): retail MAC for 3DES,
 * AES-CMAC truncated to 8 bytes for AES.
 */
export function smMac(suite: CipherSuite, key: Uint8Array, message: Uint8Array): Uint8Array {
  if (suite.family === '3DES') return retailMac(key, message);
  return cmac(pad(message, 16), key).slice(0, 8);
}

/**
 * The 8-byte PACE authentication token MAC (9303-11 §4.4.3.4): retail MAC (with padding) for
 * 3DES, AES-CMAC of the unpadded input truncated to 8 bytes for AES.
 */
export function tokenMac(suite: CipherSuite, key: Uint8Array, message: Uint8Array): Uint8Array {
  if (suite.family === '3DES') return retailMac(key, message);
  return cmac(message, key).slice(0, 8);
}
