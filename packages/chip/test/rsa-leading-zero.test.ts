// RSA signatures whose big-endian value has leading zero bytes may arrive shortened (gmrtd#106:
// AU active authentication, PL passive authentication); both crypto paths must accept them.
import { describe, expect, it } from 'vitest';
import { parsePublicKeyInfo } from '../src/internal/keys.js';
import { setNativeCrypto } from '../src/internal/native.js';
import { verifySignature } from '../src/internal/verify-signature.js';

describe('RSA signatures with leading zero bytes', () => {
  it('verifies a shortened signature natively and portably', async () => {
    const subtle = globalThis.crypto.subtle;
    const pair = (await subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 1024,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const key = parsePublicKeyInfo(new Uint8Array(await subtle.exportKey('spki', pair.publicKey)));
    let data = new Uint8Array(8);
    let signature = new Uint8Array(0);
    // About 1 signature in 256 starts with a zero byte.
    for (let i = 0; i < 5000; i++) {
      data = globalThis.crypto.getRandomValues(new Uint8Array(16));
      signature = new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, data));
      if (signature[0] === 0) break;
    }
    expect(signature[0]).toBe(0);
    const short = signature.subarray(1);
    const alg = { scheme: 'rsa-pkcs1', hash: 'SHA-256' } as const;
    expect(await verifySignature(key, alg, data, short)).toBe(true);
    setNativeCrypto(false);
    try {
      expect(await verifySignature(key, alg, data, short)).toBe(true);
      const bad = short.slice();
      bad[bad.length - 1]! ^= 1;
      expect(await verifySignature(key, alg, data, bad)).toBe(false);
    } finally {
      setNativeCrypto(true);
    }
  });
});
