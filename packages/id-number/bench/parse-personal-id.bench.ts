// `pnpm bench id-number`: parsePersonalId ops/s on a mix of valid numbers (target ≥ 5 M/s).
import { Bench } from 'tinybench';
import { isPersonalId, parsePersonalId } from '../src/index.js';
import { printOpsPerSecond } from './report.js';

// 1 000 synthetic numbers over every assigned province code, both sexes and two centuries.
const provinceCodes = ['001', '024', '031', '037', '079', '092', '096', '175', '279'];
const ids = Array.from({ length: 1000 }, (_, i) => {
  const code = provinceCodes[i % provinceCodes.length]!;
  const g = i % 4; // 0/1: 1900s, 2/3: 2000s
  const yy = String(g < 2 ? 50 + (i % 50) : i % 20).padStart(2, '0');
  return `${code}${g}${yy}${String(100000 + i)
    .slice(1)
    .padStart(6, '0')}`;
});

let sink = 0;
const bench = new Bench({ time: 1500 });
let i = 0;
bench
  .add('parsePersonalId (valid numbers)', () => {
    sink += parsePersonalId(ids[i++ % 1000]!).birthYear;
  })
  .add('isPersonalId (valid numbers)', () => {
    sink += isPersonalId(ids[i++ % 1000]!) ? 1 : 0;
  })
  .add('isPersonalId (unassigned code 097…)', () => {
    sink += isPersonalId(`097${ids[i++ % 1000]!.slice(3)}`) ? 1 : 0;
  })
  .add('regex /^\\d{12}$/ only (what most code does)', () => {
    sink += /^\d{12}$/.test(ids[i++ % 1000]!) ? 1 : 0;
  });

await bench.run();
printOpsPerSecond(bench);
if (sink === 42) console.log('');
