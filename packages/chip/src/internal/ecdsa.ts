/**
 * ECDSA verification: node:crypto where it is available (it reads explicit-parameter keys), WebCrypto
 * for the NIST curves, and @noble/curves for brainpool and any other explicit prime curve.
 */
import { ecdsa } from '@noble/curves/abstract/weierstrass.js';
import { sha224 } from '@noble/hashes/sha2.js';
import type { SignatureScheme } from './algorithm-identifiers.js';
import { pointConstructor } from './curves.js';
import { buf, digest, NODE_HASH, subtle } from './digest.js';
import { ecdsaDerToPlain, orderSize } from './ecdsa-signature.js';
import type { PublicKeyInfo } from './keys.js';
import { nativeCrypto } from './native.js';
import { cachedNativeKey, nativeKeyOf } from './native-keys.js';
import type { HashName } from './oids.js';

const WEBCRYPTO_CURVES = new Set(['P-256', 'P-384', 'P-521']);

/** Verifies ECDSA over `data` (hashing it with `hash`) with a plain r ‖ s signature. */
export async function verifyEcdsaPlain(
  key: Extract<PublicKeyInfo, { kind: 'ec' }>,
  hash: HashName,
  data: Uint8Array,
  plain: Uint8Array,
): Promise<boolean> {
  return nativeEcdsa(key, hash, data, plain) ?? verifyEcdsaPortable(key, hash, data, plain);
}

/** ECDSA with node:crypto; undefined where it is not available or refuses the key. */
export function nativeEcdsa(
  key: Extract<PublicKeyInfo, { kind: 'ec' }>,
  hash: HashName,
  data: Uint8Array,
  plain: Uint8Array,
): boolean | undefined {
  const native = nativeCrypto();
  if (!native) return undefined;
  try {
    // OpenSSL reads explicit-parameter keys (brainpool as the BSI data has them) natively.
    let k = nativeKeyOf.get(key);
    if (k === undefined) {
      k = cachedNativeKey(key.spki, () =>
        native.createPublicKey({ key: key.spki, format: 'der', type: 'spki' }),
      );
      nativeKeyOf.set(key, k);
    }
    return native.verify(NODE_HASH[hash], data, { key: k, dsaEncoding: 'ieee-p1363' }, plain);
  } catch {
    return undefined; // the portable paths decide
  }
}

export async function verifyEcdsaPortable(
  key: Extract<PublicKeyInfo, { kind: 'ec' }>,
  hash: HashName,
  data: Uint8Array,
  plain: Uint8Array,
): Promise<boolean> {
  if (key.curve && WEBCRYPTO_CURVES.has(key.curve) && hash !== 'SHA-224') {
    try {
      const k = await subtle().importKey(
        'raw',
        buf(key.point),
        { name: 'ECDSA', namedCurve: key.curve },
        false,
        ['verify'],
      );
      return await subtle().verify({ name: 'ECDSA', hash }, k, buf(plain), buf(data));
    } catch {
      return false;
    }
  }
  const h = await digest(hash, data);
  try {
    const curve = ecdsa(pointConstructor(key.params), sha224);
    return curve.verify(plain, h, key.point, { prehash: false, lowS: false, format: 'compact' });
  } catch {
    return false;
  }
}

/** r ‖ s of an ECDSA signature for `key` (undefined when malformed or of the wrong size). */
export function ecdsaPlainFor(
  key: Extract<PublicKeyInfo, { kind: 'ec' }>,
  alg: Extract<SignatureScheme, { scheme: 'ecdsa' }>,
  signature: Uint8Array,
): Uint8Array | undefined {
  const size = orderSize(key.params);
  const plain = alg.plain ? signature : ecdsaDerToPlain(signature, size);
  return plain && plain.length === 2 * size ? plain : undefined;
}
