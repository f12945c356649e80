import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ecdsaDerToPlain } from '../src/internal/ecdsa.js';

// Reference: X.690 INTEGER → unsigned big integer → fixed-size big-endian (RFC 5480 §2.2 / BSI TR-03111 §5.2.1).
function reference(r: Uint8Array, s: Uint8Array, size: number): Uint8Array | undefined {
  const toInt = (v: Uint8Array) => v.reduce((x, b) => (x << 8n) | BigInt(b), 0n);
  if ((r[0]! & 0x80) !== 0 || (s[0]! & 0x80) !== 0) return undefined;
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
  it('agrees with a BigInt reference on arbitrary INTEGER pairs (leading zeros, sign bit, overlong)', () => {
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
});
