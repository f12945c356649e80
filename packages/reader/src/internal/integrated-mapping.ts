/**
 * PACE integrated mapping for ECDH (ICAO 9303-11 §4.4.3.3.2): a pseudo-random function R(s, t)
 * built from the block cipher, reduced modulo p, then encoded to a point with the simplified
 * SWU-style encoding of 9303-11 Appendix B (curves with p ≡ 3 mod 4). Replayed against the
 * Appendix H.1 worked example in the tests.
 */
import { concatBytes } from '@cancuoc/core';
import { aesBlock, type CipherSuite } from './crypto.js';
import { bytesToBigint, type EcPoint } from './curves.js';

// 9303-11 §4.4.3.3.2 constants for AES-128 (k = l = 128). The constants of the other ciphers are
// not in the worked examples this code is tested against, so those variants are not offered.
const C0_128 = Uint8Array.from([
  0xa6, 0x68, 0x89, 0x2a, 0x7c, 0x41, 0xe3, 0xca, 0x73, 0x9f, 0x40, 0xb0, 0x57, 0xd8, 0x59, 0x04,
]);
const C1_128 = Uint8Array.from([
  0xa4, 0xe1, 0x36, 0xac, 0x72, 0x5f, 0x73, 0x8b, 0x01, 0xc1, 0xf6, 0x02, 0x17, 0xc1, 0x88, 0xad,
]);

/** Whether this code can run integrated mapping with the suite on the curve. */
export function supportsIntegratedMapping(suite: CipherSuite, curve: EcPoint): boolean {
  return suite.family === 'AES' && suite.keyLength === 16 && curve.Fp.ORDER % 4n === 3n;
}

/** R_p(s, t) of 9303-11 §4.4.3.3.2 for AES-128: key_0 = E(t, s); x_i = E(key_i, c1); key_{i+1} = E(key_i, c0). */
export function integratedMappingPrf(s: Uint8Array, t: Uint8Array, p: bigint): bigint {
  const bits = p.toString(2).length;
  const n = Math.ceil((bits + 64) / 128);
  let key = aesBlock(t, s);
  const blocks: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    blocks.push(aesBlock(key, C1_128));
    key = aesBlock(key, C0_128);
  }
  return bytesToBigint(concatBytes(...blocks)) % p;
}

/** Point encoding f_G(t) of 9303-11 Appendix B for p ≡ 3 mod 4. */
export function encodePoint(curve: EcPoint, t: bigint) {
  const F = curve.Fp;
  const { a, b } = curve.CURVE();
  const tt = F.create(t);
  const alpha = F.neg(F.sqr(tt));
  const alphaSum = F.add(alpha, F.sqr(alpha));
  const x2 = F.mul(F.neg(b), F.mul(F.add(F.ONE, alphaSum), F.inv(F.mul(a, alphaSum))));
  const x3 = F.mul(alpha, x2);
  const h2 = F.add(F.add(F.mul(F.sqr(x2), x2), F.mul(a, x2)), b);
  const u = F.mul(F.mul(F.sqr(tt), tt), h2);
  const aa = F.pow(h2, (F.ORDER - 3n) / 4n);
  const point = F.eql(F.mul(F.sqr(aa), h2), F.ONE) ? { x: x2, y: F.mul(aa, h2) } : { x: x3, y: F.mul(aa, u) };
  return curve.fromAffine(point);
}

/** The mapped generator of ECDH-IM from the chip nonce s and the terminal nonce t. */
export function integratedMapping(curve: EcPoint, s: Uint8Array, t: Uint8Array) {
  return encodePoint(curve, integratedMappingPrf(s, t, curve.Fp.ORDER));
}
