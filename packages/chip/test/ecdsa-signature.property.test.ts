import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ecdsaDerToPlain, ecdsaPlainToDer } from '../src/internal/ecdsa-signature.js';

// Reference: X.690 §8.3 / §10 DER INTEGER (non-empty, non-negative, minimal) → unsigned big integer →
// fixed-size big-endian (RFC 5480 §2.2 / BSI TR-03111 §5.2.1).
function reference(r: Uint8Array, s: Uint8Array, size: number): Uint8Array | undefined {
  const minimal = (v: Uint8Array) =>
    v.length > 0 && (v[0]! & 0x80) === 0 && !(v.length > 1 && v[0] === 0 && (v[1]! & 0x80) === 0);
  if (!minimal(r) || !minimal(s)) return undefined;
  const toInt = (v: Uint8Array) => v.reduce((x, b) => (x << 8n) | BigInt(b), 0n);
  const limit = 1n << BigInt(size * 8);
  const out = new Uint8Array(2 * size);
  for (const [i, v] of [toInt(r), toInt(s)].entries()) {
    if (v >= limit) return undefined;
    for (let j = 0; j < size; j++) out[i * size + size - 1 - j] = Number((v >> BigInt(8 * j)) & 0xffn);
  }
  return out;
}

const tlv = (tag: number, value: Uint8Array) => {
  const len = value.length < 0x80 ? [value.length] : [0x81, value.length];
  return new Uint8Array([tag, ...len, ...value]);
};

describe('ecdsaDerToPlain', () => {
  it('agrees with a strict DER reference on arbitrary INTEGER pairs (leading zeros, sign bit, overlong)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 40 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.constantFrom(28, 32, 33),
        (r, s, size) => {
          const der = tlv(0x30, new Uint8Array([...tlv(0x02, r), ...tlv(0x02, s)]));
          expect(ecdsaDerToPlain(der, size)).toEqual(reference(r, s, size));
        },
      ),
    );
  });

  it('rejects trailing bytes, a third INTEGER and other tags', () => {
    const one = tlv(0x02, new Uint8Array([1]));
    const good = tlv(0x30, new Uint8Array([...one, ...one]));
    expect(ecdsaDerToPlain(good, 2)).toEqual(new Uint8Array([0, 1, 0, 1]));
    expect(ecdsaDerToPlain(new Uint8Array([...good, 0]), 2)).toBeUndefined();
    expect(ecdsaDerToPlain(tlv(0x30, new Uint8Array([...one, ...one, ...one])), 2)).toBeUndefined();
    expect(ecdsaDerToPlain(tlv(0x31, new Uint8Array([...one, ...one])), 2)).toBeUndefined();
    expect(
      ecdsaDerToPlain(tlv(0x30, new Uint8Array([...one, ...tlv(0x04, new Uint8Array([1]))])), 2),
    ).toBeUndefined();
  });

  it('rejects a non-minimal INTEGER (a redundant leading 00) that BER would allow', () => {
    const padded = tlv(0x02, new Uint8Array([0, 1]));
    const one = tlv(0x02, new Uint8Array([1]));
    expect(ecdsaDerToPlain(tlv(0x30, new Uint8Array([...padded, ...one])), 2)).toBeUndefined();
  });

  it('refuses a signature whose INTEGERs are far larger than the curve before converting them', () => {
    const huge = new Uint8Array(60_000).fill(0x7f);
    const der = new Uint8Array([0x30, 0x82, 0xea, 0x67, 0x02, 0x82, 0xea, 0x60, ...huge, 0x02, 0x01, 0x01]);
    expect(ecdsaDerToPlain(der, 32)).toBeUndefined();
  });
});

describe('ecdsaPlainToDer', () => {
  it('round-trips with ecdsaDerToPlain for every r ‖ s', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(28, 32, 48, 66),
        fc.uint8Array({ minLength: 132, maxLength: 132 }),
        (size, b) => {
          const plain = b.subarray(0, 2 * size);
          expect(ecdsaDerToPlain(ecdsaPlainToDer(plain), size)).toEqual(plain);
        },
      ),
    );
  });

  it('refuses an empty or odd-length signature', () => {
    expect(() => ecdsaPlainToDer(new Uint8Array(0))).toThrow(RangeError);
    expect(() => ecdsaPlainToDer(new Uint8Array(3))).toThrow(RangeError);
  });
});
