// The portable ECDSA path builds a @noble/curves point constructor per set of explicit domain
// parameters and caches it. A hostile document with the same p, a, Gx and n as brainpoolP256r1 but
// another b (and a Gy on that curve) must not poison the cache for a later genuine signature.
import { brainpoolP256r1 } from '@noble/curves/misc.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curvePointConstructor, namedCurveParameters, verifyActiveAuthentication } from '../src/index.js';
import { pointConstructor } from '../src/internal/curves.js';
import { setNativeCrypto } from '../src/internal/native.js';
import { int, octets, oid, seq, tlv } from './der-edit.js';

const bp = namedCurveParameters('1.3.36.3.3.2.8.1.1.7')!.params;
const be = (x: bigint) => Uint8Array.from(Buffer.from(x.toString(16).padStart(64, '0'), 'hex'));
const mod = (x: bigint) => ((x % bp.p) + bp.p) % bp.p;

function dg15(params: { b: bigint; Gy: bigint }, point: Uint8Array): Uint8Array {
  const explicit = seq(
    int(1n),
    seq(oid('1.2.840.10045.1.1'), int(be(bp.p))),
    seq(octets(be(bp.a)), octets(be(params.b))),
    octets(new Uint8Array([4, ...be(bp.Gx), ...be(params.Gy)])),
    int(be(bp.n)),
    int(1n),
  );
  return tlv(0x6f, seq(seq(oid('1.2.840.10045.2.1'), explicit), tlv(0x03, new Uint8Array([0]), point)));
}

// Another curve through (Gx, Gy + 1): b' = (Gy + 1)² − Gx³ − a·Gx.
const hostileGy = mod(bp.Gy + 1n);
const hostileB = mod(hostileGy * hostileGy - bp.Gx ** 3n - bp.a * bp.Gx);

beforeAll(() => setNativeCrypto(false));
afterAll(() => setNativeCrypto(true));

describe('curve cache of the portable ECDSA path', () => {
  const secretKey = brainpoolP256r1.utils.randomSecretKey();
  const point = brainpoolP256r1.getPublicKey(secretKey, false);
  const challenge = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
  const signature = brainpoolP256r1.sign(challenge, secretKey); // SHA-256 prehash, r ‖ s
  const genuine = dg15({ b: bp.b, Gy: bp.Gy }, point);
  const hostile = dg15({ b: hostileB, Gy: hostileGy }, point);

  it('is not poisoned by a hostile curve that differs from brainpoolP256r1 only in b and Gy', async () => {
    const first = await verifyActiveAuthentication({ publicKey: hostile, challenge, signature });
    expect(first.valid).toBe(false);
    const second = await verifyActiveAuthentication({ publicKey: genuine, challenge, signature });
    expect(second.valid).toBe(true);
    // And the other way round: the genuine curve cached does not make the hostile key verify.
    expect((await verifyActiveAuthentication({ publicKey: hostile, challenge, signature })).valid).toBe(
      false,
    );
  });

  it('keys the cache on every parameter, including the cofactor', () => {
    const base = { ...bp };
    const P = pointConstructor(base);
    expect(pointConstructor({ ...base })).toBe(P);
    expect(pointConstructor({ ...base, b: hostileB, Gy: hostileGy })).not.toBe(P);
    expect(pointConstructor({ ...base, h: 2n })).not.toBe(P);
  });

  it('stays bounded: a stream of distinct curves evicts the oldest ones', () => {
    const P = pointConstructor(bp);
    // Distinct valid curves through the same generator: b varies with Gy.
    for (let i = 2n; i < 40n; i++) {
      const Gy = mod(bp.Gy + i);
      pointConstructor({ ...bp, Gy, b: mod(Gy * Gy - bp.Gx ** 3n - bp.a * bp.Gx) });
    }
    // Evicted (rebuilt, a new constructor), yet still correct for the genuine curve.
    const again = pointConstructor(bp);
    expect(again).not.toBe(P);
    expect(again.CURVE().b).toBe(bp.b);
  });
});

describe('curvePointConstructor (the cache chip and reader share)', () => {
  it('returns the cached constructor of the portable ECDSA path', () => {
    expect(curvePointConstructor(bp)).toBe(pointConstructor({ ...bp }));
  });

  it('refuses parameters beyond any curve ID documents use before converting or caching them', () => {
    const hugeField = (1n << 8000n) + 1n;
    expect(() => curvePointConstructor({ ...bp, p: hugeField })).toThrow(RangeError);
    expect(() => curvePointConstructor({ ...bp, h: 1n << 200_000n })).toThrow(RangeError);
    expect(() => curvePointConstructor({ ...bp, b: bp.p })).toThrow(RangeError);
    expect(() => curvePointConstructor({ ...bp, n: 0n })).toThrow(RangeError);
    expect(() => curvePointConstructor({ ...bp, a: 1 as unknown as bigint })).toThrow(TypeError);
    expect(() => curvePointConstructor(null as unknown as typeof bp)).toThrow(TypeError);
  });

  it('answers a base point that is not on the curve with a RangeError', () => {
    expect(() => curvePointConstructor({ ...bp, Gy: mod(bp.Gy + 1n) })).toThrow(RangeError);
  });
});
