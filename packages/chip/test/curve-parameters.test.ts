import { describe, expect, it } from 'vitest';
import { namedCurveParameters, standardDomainParameters } from '../src/index.js';

const mod = (x: bigint, p: bigint) => ((x % p) + p) % p;

describe('standardDomainParameters', () => {
  it('maps the ICAO 9303-11 §9.5.1 elliptic-curve IDs to their curves', () => {
    const names = [11, 12, 13, 15, 16, 17, 18].map((id) => standardDomainParameters(id)?.name);
    expect(names).toEqual([
      'brainpoolP224r1',
      'P-256',
      'brainpoolP256r1',
      'P-384',
      'brainpoolP384r1',
      'brainpoolP512r1',
      'P-521',
    ]);
  });

  it('gives the published parameters (RFC 5639 §3.4, FIPS 186-4 D.1.2.3)', () => {
    const bp256 = standardDomainParameters(13)!.params;
    expect(bp256.p).toBe(0xa9fb57dba1eea9bc3e660a909d838d726e3bf623d52620282013481d1f6e5377n);
    expect(bp256.n).toBe(0xa9fb57dba1eea9bc3e660a909d838d718c397aa3b561a6f7901e0e82974856a7n);
    const p256 = standardDomainParameters(12)!.params;
    expect(p256.p).toBe(2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n);
    expect(p256.n).toBe(0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n);
  });

  it('has each generator on its curve', () => {
    for (const id of [11, 12, 13, 15, 16, 17, 18]) {
      const { p, a, b, Gx, Gy } = standardDomainParameters(id)!.params;
      expect(mod(Gy * Gy - (Gx * Gx * Gx + a * Gx + b), p), `ID ${id}`).toBe(0n);
    }
  });

  it('returns undefined for MODP groups, unsupported curves and unknown IDs', () => {
    for (const id of [0, 1, 2, 8, 9, 10, 14, 19, -1, 1.5, Number.NaN]) {
      expect(standardDomainParameters(id)).toBeUndefined();
    }
  });
});

describe('namedCurveParameters', () => {
  it('maps named-curve OIDs to the same parameters as the standardized IDs', () => {
    expect(namedCurveParameters('1.3.36.3.3.2.8.1.1.7')).toEqual(standardDomainParameters(13));
    expect(namedCurveParameters('1.3.36.3.3.2.8.1.1.5')).toEqual(standardDomainParameters(11));
    expect(namedCurveParameters('1.2.840.10045.3.1.7')).toEqual(standardDomainParameters(12));
    expect(namedCurveParameters('1.3.132.0.35')).toEqual(standardDomainParameters(18));
  });

  it('returns undefined for unknown OIDs and inherited property names', () => {
    for (const oid of ['1.3.132.0.10', '', '__proto__', 'constructor', 'toString']) {
      expect(namedCurveParameters(oid)).toBeUndefined();
    }
  });
});
