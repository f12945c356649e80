import { describe, expect, it } from 'vitest';
import { measureRuleQuality } from './support/rule-quality.js';

// 20 000 residents from testkit's generator (seeded), every rule scored per (row, field)
// against the truth kept aside. The full table (100 000 records) is in docs/benchmarks.md.
describe('precision and recall of the rules on generated residents', () => {
  const q = measureRuleQuality(20_000, 7);
  const rule = (name: string) => {
    const r = q.rules.find((x) => x.rule === name);
    if (r === undefined) throw new Error(`no rule ${name}`);
    return r;
  };
  it('finds invalid personal IDs with precision and recall of at least 0.99', () => {
    const r = rule('invalid personal ID');
    expect(r.truePositives).toBeGreaterThan(50);
    expect(r.precision).toBeGreaterThanOrEqual(0.99);
    expect(r.recall).toBeGreaterThanOrEqual(0.99);
  });
  it('finds impossible dates with precision and recall of at least 0.99', () => {
    const r = rule('impossible date');
    expect(r.truePositives).toBeGreaterThan(50);
    expect(r.precision).toBeGreaterThanOrEqual(0.99);
    expect(r.recall).toBeGreaterThanOrEqual(0.99);
  });
  it('keeps every other rule at precision and recall of at least 0.95', () => {
    for (const r of q.rules) {
      expect(r.precision, r.rule).toBeGreaterThanOrEqual(0.95);
      expect(r.recall, r.rule).toBeGreaterThanOrEqual(0.95);
    }
  });
  it('repairs legacy fonts, dates and phones to the true value', () => {
    for (const r of q.repairs) {
      if (r.total < 20) continue;
      expect(r.exact / r.total, r.rule).toBeGreaterThanOrEqual(0.99);
    }
  });
});
