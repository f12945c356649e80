// The photo cascade plans each extra pass from what passes of the same kind cost before, as a
// multiple of the base pass's rate per pixel: the median of the recent ones, so that one pass
// slowed by a garbage collection does not stop the cascade from trying that kind again.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { learnedRatio, observeRatio, resetPassCosts } from '../../src/image/internal/cascade.js';

afterEach(() => resetPassCosts());

describe('pass cost model', () => {
  it('uses a default until three passes of a kind were seen, then their median with a margin', () => {
    const before = learnedRatio('upscale');
    observeRatio('upscale', 2);
    observeRatio('upscale', 2.4);
    expect(learnedRatio('upscale')).toBe(before);
    observeRatio('upscale', 2.2);
    expect(learnedRatio('upscale')).toBeCloseTo(2.2 * 1.25);
    expect(learnedRatio('region')).not.toBeCloseTo(2.2 * 1.25);
  });

  it('is not moved by one outlier, and follows a lasting change', () => {
    for (const r of [3, 3, 3, 3, 3]) observeRatio('region', r);
    observeRatio('region', 300);
    expect(learnedRatio('region')).toBeCloseTo(3 * 1.25);
    for (let i = 0; i < 15; i++) observeRatio('region', 1);
    expect(learnedRatio('region')).toBeCloseTo(1.25);
  });

  it('ignores values that are not a positive finite ratio', () => {
    for (const r of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) observeRatio('search', r);
    const fresh = learnedRatio('search');
    resetPassCosts();
    expect(learnedRatio('search')).toBe(fresh);
  });

  it('always plans between the smallest and largest recent cost (times the margin)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 3, maxLength: 40 }),
        (rs) => {
          resetPassCosts();
          for (const r of rs) observeRatio('region', r);
          const recent = rs.slice(-15);
          const planned = learnedRatio('region') / 1.25;
          expect(planned).toBeGreaterThanOrEqual(Math.min(...recent) - 1e-9);
          expect(planned).toBeLessThanOrEqual(Math.max(...recent) + 1e-9);
        },
      ),
    );
  });
});
