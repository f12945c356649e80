/**
 * The card side of Active Authentication (ICAO 9303-11 §6.1) for test cards: ISO/IEC 9796-2 scheme 1
 * with SHA-1 (partial message recovery, trailer BC) for RSA keys, plain ECDSA-SHA-256 for EC keys.
 */
import type { TestCardEcKey, TestCardRsaKey } from './issue-test-card.js';

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

/**
 * Signs an INTERNAL AUTHENTICATE challenge with a test card's AA key.
 *
 * @example
 * ```ts
 * const signature = await signActiveAuthentication(card.keys.aa, challenge);
 * ```
 */
export async function signActiveAuthentication(
  key: TestCardEcKey | TestCardRsaKey,
  challenge: Uint8Array,
): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  if (key.kind === 'ec') {
    if (!key.cryptoKey) throw new RangeError('the EC active authentication key has no WebCrypto key');
    return new Uint8Array(
      await subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        key.cryptoKey,
        challenge.slice().buffer as ArrayBuffer,
      ),
    );
  }
  const k = Math.ceil(key.modulus.toString(2).length / 8);
  const m1 = globalThis.crypto.getRandomValues(new Uint8Array(k - 1 - 20 - 1));
  const message = new Uint8Array(m1.length + challenge.length);
  message.set(m1);
  message.set(challenge, m1.length);
  const h = new Uint8Array(await subtle.digest('SHA-1', message.buffer as ArrayBuffer));
  const f = new Uint8Array([0x6a, ...m1, ...h, 0xbc]);
  let x = 0n;
  for (const b of f) x = (x << 8n) | BigInt(b);
  const s = modPow(x, key.privateExponent, key.modulus);
  const out = new Uint8Array(k);
  let v = s;
  for (let i = k - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
