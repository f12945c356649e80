/**
 * Signature verification for passive and active authentication, dispatching on the resolved scheme:
 * node:crypto's one-shot verify first where it is available, then the portable RSA and ECDSA code.
 */
import type { SignatureScheme } from './algorithm-identifiers.js';
import { digest, NODE_HASH } from './digest.js';
import { ecdsaPlainFor, nativeEcdsa, verifyEcdsaPortable } from './ecdsa.js';
import type { PublicKeyInfo } from './keys.js';
import { nativeCrypto } from './native.js';
import { nativeRsaKey } from './native-keys.js';
import { pkcs1Verify, pssVerify, rsaPublic } from './rsa.js';

/**
 * The synchronous part of {@link verifySignature}: node:crypto's verdict where it is final, else
 * undefined (no native backend, a key it refuses, or an RSA signature it rejects that the portable
 * code must re-check). Saves an asynchronous step per card on Node.js.
 */
export function verifySignatureNow(
  key: PublicKeyInfo,
  alg: SignatureScheme,
  data: Uint8Array,
  signature: Uint8Array,
): boolean | undefined {
  if (alg.scheme === 'ecdsa') {
    if (key.kind !== 'ec') return false;
    const plain = ecdsaPlainFor(key, alg, signature);
    return plain ? nativeEcdsa(key, alg.hash, data, plain) : false;
  }
  if (key.kind !== 'rsa' || signature.length > key.modulus.length) return false;
  const native = nativeCrypto();
  if (native && (alg.scheme === 'rsa-pkcs1' || alg.mgfHash === alg.hash)) {
    // OpenSSL's one-shot verify is the fast path; a signature it refuses (e.g. a DigestInfo without
    // NULL parameters, which real documents have) is re-checked by verifySignature.
    try {
      let padded = signature;
      if (signature.length < key.modulus.length) {
        padded = new Uint8Array(key.modulus.length);
        padded.set(signature, padded.length - signature.length);
      }
      const options =
        alg.scheme === 'rsa-pkcs1'
          ? { key: nativeRsaKey(native, key), padding: 1 }
          : { key: nativeRsaKey(native, key), padding: 6, saltLength: alg.saltLength };
      if (native.verify(NODE_HASH[alg.hash], data, options, padded)) return true;
    } catch {
      // the portable code decides
    }
  }
  return undefined;
}

/**
 * Verifies `signature` over `data`. Returns false for a wrong signature or a key that does not
 * fit the scheme; throws `ERR_KEY_UNSUPPORTED` only for keys that cannot be used at all.
 */
export async function verifySignature(
  key: PublicKeyInfo,
  alg: SignatureScheme,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const now = verifySignatureNow(key, alg, data, signature);
  if (now !== undefined) return now;
  if (alg.scheme === 'ecdsa') {
    if (key.kind !== 'ec') return false;
    const plain = ecdsaPlainFor(key, alg, signature);
    return plain ? verifyEcdsaPortable(key, alg.hash, data, plain) : false;
  }
  if (key.kind !== 'rsa') return false;
  const em = rsaPublic(key, signature);
  if (!em) return false;
  const h = await digest(alg.hash, data);
  if (alg.scheme === 'rsa-pkcs1') return pkcs1Verify(em, alg.hash, h);
  return pssVerify(em, key.bits, alg, h);
}
