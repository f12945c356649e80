import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1 } from '@noble/curves/misc.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { type NamedCurve, paramsOfNamed } from '../src/internal/curves.js';

const noble: [NamedCurve, { Point: { CURVE(): Record<string, bigint> } }][] = [
  ['P-256', p256],
  ['P-384', p384],
  ['P-521', p521],
  ['brainpoolP256r1', brainpoolP256r1],
  ['brainpoolP384r1', brainpoolP384r1],
  ['brainpoolP512r1', brainpoolP512r1],
];

describe('named-curve constants', () => {
  it.each(noble)('%s: every domain parameter equals @noble/curves', (name, curve) => {
    const x = curve.Point.CURVE();
    expect(paramsOfNamed(name)).toEqual({ p: x.p, a: x.a, b: x.b, Gx: x.Gx, Gy: x.Gy, n: x.n, h: x.h });
  });
});
