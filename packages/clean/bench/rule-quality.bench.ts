/**
 * Precision and recall of each per-record rule, per (row, field), on 100 000 residents from
 * testkit's generateResidents (seed 1), scored against the truth the generator keeps aside; and
 * how often a repair gives back the true value. Run: `pnpm bench rule-quality`
 * (CLEAN_QUALITY_COUNT=… to change the size). The table goes to docs/benchmarks.md.
 */
import { measureRuleQuality } from '../test/support/rule-quality.js';

const count = Number(process.env.CLEAN_QUALITY_COUNT ?? 100_000);
const t = performance.now();
const q = measureRuleQuality(count, 1);
const f = (x: number) => x.toFixed(4);
console.log(
  `rule quality over ${q.records.toLocaleString('en')} generated residents (${((performance.now() - t) / 1000).toFixed(1)} s)\n`,
);
console.log('| rule | found (TP) | false alarms (FP) | missed (FN) | precision | recall |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of q.rules) {
  console.log(
    `| ${r.rule} | ${r.truePositives} | ${r.falsePositives} | ${r.falseNegatives} | ${f(r.precision)} | ${f(r.recall)} |`,
  );
}
console.log('\n| repair | exact | repaired | share exact |');
console.log('|---|---:|---:|---:|');
for (const r of q.repairs.sort((a, b) => b.total - a.total)) {
  console.log(`| ${r.rule} | ${r.exact} | ${r.total} | ${f(r.exact / r.total)} |`);
}
