/**
 * node:crypto public-key objects, imported once per key: the same DSC signs many cards.
 */
import type { NativeCrypto } from './native.js';

// Native key objects by the key's bytes: the same DSC signs many cards, so its key is imported once.
const nativeKeyCache = new Map<string, unknown>();
const latin1 = new TextDecoder('latin1');

export function cachedNativeKey(id: Uint8Array, make: () => unknown): unknown {
  const k = latin1.decode(id);
  let key = nativeKeyCache.get(k);
  if (key === undefined) {
    key = make();
    if (nativeKeyCache.size >= 256) nativeKeyCache.clear();
    nativeKeyCache.set(k, key);
  }
  return key;
}

function b64url(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const nativeKeyOf = new WeakMap<object, unknown>();

export function nativeRsaKey(
  native: NativeCrypto,
  key: { modulus: Uint8Array; exponent: Uint8Array },
): unknown {
  const known = nativeKeyOf.get(key);
  if (known !== undefined) return known;
  // Identity of the key: length of e (2 bytes) ‖ e ‖ n, unambiguous.
  const id = new Uint8Array(2 + key.exponent.length + key.modulus.length);
  id[0] = key.exponent.length >> 8;
  id[1] = key.exponent.length & 0xff;
  id.set(key.exponent, 2);
  id.set(key.modulus, 2 + key.exponent.length);
  const made = cachedNativeKey(id, () =>
    native.createPublicKey({
      key: { kty: 'RSA', n: b64url(key.modulus), e: b64url(key.exponent) },
      format: 'jwk',
    }),
  );
  nativeKeyOf.set(key, made);
  return made;
}
