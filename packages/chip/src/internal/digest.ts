/**
 * Hashes for passive and active authentication: node:crypto synchronously where it is available,
 * else WebCrypto (`globalThis.crypto.subtle`), and @noble/hashes for SHA-224 (WebCrypto has none).
 */
import { sha224 } from '@noble/hashes/sha2.js';
import { nativeCrypto } from './native.js';
import type { HashName } from './oids.js';

export function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (globalThis.crypto.subtle) is required');
  return s;
}

export const buf = (b: Uint8Array): ArrayBuffer => {
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) {
    return b.buffer;
  }
  return b.slice().buffer as ArrayBuffer;
};

export const NODE_HASH: Readonly<Record<HashName, string>> = {
  'SHA-1': 'sha1',
  'SHA-224': 'sha224',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** Hash of `data` computed synchronously by node:crypto, or undefined where it is not available. */
export function digestNow(hash: HashName, data: Uint8Array): Uint8Array | undefined {
  const native = nativeCrypto();
  // A Buffer is a Uint8Array: returned as is, without a copy.
  return native ? native.createHash(NODE_HASH[hash]).update(data).digest() : undefined;
}

/** Hash of `data` with a named algorithm. */
export async function digest(hash: HashName, data: Uint8Array): Promise<Uint8Array> {
  const now = digestNow(hash, data);
  if (now) return now;
  if (hash === 'SHA-224') return sha224(data);
  return new Uint8Array(await subtle().digest(hash, buf(data)));
}
