/**
 * Byte comparison and a small cache of parsed objects keyed by their exact bytes. The same Document
 * Signer certificate arrives with thousands of cards, so parsing it (or checking its CSCA signature)
 * once per process is the difference between meeting and missing the passive-authentication speed
 * target. Entries hold a private copy of the bytes they were made from and are only returned after a
 * full comparison with the bytes at hand: a look-alike (same subject, same length, same signature
 * tail) or a buffer changed after the fact never hits. Written here because it is a few lines over
 * node:crypto's `timingSafeEqual` (a native comparison) with a portable fallback.
 */
import { equalBytes } from '@cancuoc/core';
import { nativeCrypto } from './native.js';

/** Whether two byte strings are equal, in time independent of where they differ. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  // Short values (hashes) compare faster in JavaScript than through the native call's checks.
  const native = a.length >= 128 ? nativeCrypto() : null;
  return native ? native.timingSafeEqual(a, b) : equalBytes(a, b);
}

/** A bucket key: the length and the last 12 bytes (for certificates, the tail of the signature). */
function fingerprint(parts: readonly Uint8Array[]): string {
  let key = '';
  for (const p of parts) {
    key += `${p.length}:`;
    for (let i = Math.max(0, p.length - 12); i < p.length; i++) key += String.fromCharCode(p[i]!);
    key += '|';
  }
  return key;
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
  private readonly buckets = new Map<string, Entry<T>[]>();
  private count = 0;

  constructor(private readonly capacity: number) {}

  /** The value stored for exactly these bytes, if any. */
  get(...parts: Uint8Array[]): T | undefined {
    const bucket = this.buckets.get(fingerprint(parts));
    if (!bucket) return undefined;
    for (const entry of bucket) {
      if (entry.bytes.length === parts.length && entry.bytes.every((b, i) => sameBytes(b, parts[i]!))) {
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
