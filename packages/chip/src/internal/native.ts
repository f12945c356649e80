/**
 * Optional native acceleration. On Node.js (≥ 20.16, `process.getBuiltinModule`) the package reaches
 * node:crypto without importing it, so bundles for browsers and edge runtimes stay free of `node:`
 * imports; elsewhere the WebCrypto / @noble / BigInt paths are used. Results are identical; only
 * speed differs (OpenSSL hashes synchronously and does RSA and brainpool natively).
 */

/** The part of node:crypto used here. */
export interface NativeCrypto {
  createHash(algorithm: string): { update(data: Uint8Array): { digest(): Uint8Array } };
  createPublicKey(key: unknown): unknown;
  verify(algorithm: string | null, data: Uint8Array, key: unknown, signature: Uint8Array): boolean;
  publicDecrypt(key: unknown, buffer: Uint8Array): Uint8Array;
  constants: { RSA_NO_PADDING: number };
}

let cached: NativeCrypto | null | undefined;

/** node:crypto when running on Node.js, otherwise null. */
export function nativeCrypto(): NativeCrypto | null {
  if (cached !== undefined) return cached;
  cached = null;
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const mod = proc?.getBuiltinModule?.('node:crypto') as NativeCrypto | undefined;
    if (mod && typeof mod.createHash === 'function') cached = mod;
  } catch {
    cached = null;
  }
  return cached;
}

type Compare = (a: Uint8Array, b: Uint8Array) => number;
let compare: Compare | null | undefined;

/**
 * node:buffer's `Buffer.compare` (a native memcmp, about 15× faster than a JavaScript loop on a
 * 1 kB certificate) when running on Node.js, otherwise null. Not constant-time: used only to look
 * up public bytes (certificates) in caches.
 */
export function nativeCompare(): Compare | null {
  if (compare !== undefined) return compare;
  compare = null;
  if (nativeCrypto() === null) return compare;
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const mod = proc?.getBuiltinModule?.('node:buffer') as { Buffer?: { compare?: Compare } } | undefined;
    const fn = mod?.Buffer?.compare;
    if (typeof fn === 'function') compare = (a, b) => fn(a, b);
  } catch {
    compare = null;
  }
  return compare;
}

/** Turns the native backend off or on (tests of the portable paths). */
export function setNativeCrypto(enabled: boolean): void {
  cached = enabled ? undefined : null;
  compare = undefined;
  if (enabled) nativeCrypto();
}
