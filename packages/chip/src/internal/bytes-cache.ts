/**
 * Byte comparison and a small cache of parsed objects keyed by their exact bytes. The same Document
 * Signer certificate arrives with thousands of cards, so parsing it (or checking its CSCA signature)
 * once per process is the difference between meeting and missing the passive-authentication speed
 * target. Entries hold a private copy of the bytes they were made from and are only returned after a
 * full comparison with the bytes at hand: a look-alike (same subject, same length, same signature
 * tail) or a buffer changed after the fact never hits. Written here because no library offers a
 * bounded exact-bytes cache.
 */
import { equalBytes } from '@cancuoc/core';
import { nativeCompare } from './native.js';

/**
 * Equality of public bytes (cache keys: certificates, names), which need not be constant-time:
 * native memcmp on Node.js, else 32-bit words where both views are aligned (private copies are).
 * Secrets and digests are compared with `@cancuoc/core`'s `equalBytes` instead.
 */
export function publicBytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  const compare = a.length >= 64 ? nativeCompare() : null;
  if (compare) return compare(a, b) === 0;
  if (a.length < 64 || (a.byteOffset | b.byteOffset) & 3) return equalBytes(a, b);
  const words = a.length >>> 2;
  const x = new Uint32Array(a.buffer, a.byteOffset, words);
  const y = new Uint32Array(b.buffer, b.byteOffset, words);
  for (let i = 0; i < words; i++) if (x[i] !== y[i]) return false;
  for (let i = words << 2; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A bucket key from the lengths and the last 16 bytes of each part (a certificate's signature tail). */
function fingerprint(parts: readonly Uint8Array[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ p.length, 0x01000193);
    for (let i = Math.max(0, p.length - 16); i < p.length; i++) h = Math.imul(h ^ p[i]!, 0x01000193);
  }
  return h;
}

interface Entry<T> {
  readonly bytes: readonly Uint8Array[];
  readonly value: T;
}

/**
 * Values keyed by the exact bytes of one or more byte strings, at most `capacity` entries (the cache
 * is emptied when full) and at most 4 per bucket, so hostile input cannot make it grow or slow down.
 */
export class ExactBytesCache<T> {
  private readonly buckets = new Map<number, Entry<T>[]>();
  private count = 0;

  constructor(private readonly capacity: number) {}

  /** The value stored for exactly these bytes, if any. */
  get(...parts: Uint8Array[]): T | undefined {
    const bucket = this.buckets.get(fingerprint(parts));
    if (!bucket) return undefined;
    for (const entry of bucket) {
      if (
        entry.bytes.length === parts.length &&
        entry.bytes.every((b, i) => publicBytesEqual(b, parts[i]!))
      ) {
        return entry.value;
      }
    }
    return undefined;
  }

  /** Stores `value` for private copies of `parts`. */
  set(value: T, ...parts: Uint8Array[]): void {
    if (this.count >= this.capacity) {
      this.buckets.clear();
      this.count = 0;
    }
    const key = fingerprint(parts);
    const bucket = this.buckets.get(key) ?? [];
    if (bucket.length >= 4) bucket.shift();
    else this.count++;
    bucket.push({ bytes: parts.map((p) => p.slice()), value });
    this.buckets.set(key, bucket);
  }

  /** Number of entries. */
  get size(): number {
    return this.count;
  }
}
