// Reader builds its PACE and chip-authentication curves from @cancuoc/chip's one curve cache (keyed
// on every parameter, bounded), not from a second cache of its own that could drift from chip's.
import { curvePointConstructor, namedCurveParameters, standardDomainParameters } from '@cancuoc/chip';
import { describe, expect, it } from 'vitest';
import { curveByOid, curveByParameterId } from '../src/internal/curves.js';

describe("reader's curves", () => {
  it("are chip's cached point constructors, by PACE parameter ID and by named-curve OID", () => {
    const bp = standardDomainParameters(13)!.params;
    expect(curveByParameterId(13)).toBe(curvePointConstructor(bp));
    expect(curveByOid('1.3.36.3.3.2.8.1.1.7')).toBe(curvePointConstructor(bp));
    expect(curveByOid('1.2.840.10045.3.1.7')).toBe(
      curvePointConstructor(namedCurveParameters('1.2.840.10045.3.1.7')!.params),
    );
  });

  it('leaves the MODP groups and unknown curves undefined', () => {
    expect(curveByParameterId(2)).toBeUndefined();
    expect(curveByOid('1.2.3')).toBeUndefined();
  });
});
