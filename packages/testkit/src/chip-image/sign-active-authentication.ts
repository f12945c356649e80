/**
 * The card side of Active Authentication (ICAO 9303-11 §6.1) for test cards: ISO/IEC 9796-2 scheme 1
 * with SHA-1 (partial message recovery, trailer BC) for RSA keys, plain ECDSA-SHA-256 for EC keys.
 */
import { signIso9796Sha1 } from '../internal/iso9796.js';
import type { TestCardEcKey, TestCardRsaKey } from './issue-test-card.js';

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
  return signIso9796Sha1(key, challenge, (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)));
}
