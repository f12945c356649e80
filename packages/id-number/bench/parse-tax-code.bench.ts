// `pnpm bench id-number`: parseTaxCode ops/s next to the stdnum package's vn.mst validate,
// measured in the same run on the same inputs.
import { stdnum } from 'stdnum';
import { Bench } from 'tinybench';
import { parseTaxCode, safeParseTaxCode, taxCodeCheckDigit } from '../src/index.js';
import { printOpsPerSecond } from './report.js';

const mst = stdnum.VN!.mst!;

// 1 000 valid synthetic 10-digit codes (a tenth with a branch) built with the check-digit rule.
const codes: string[] = [];
for (let n = 1_000_000; codes.length < 1000; n += 7919) {
  const nine = `01${String(n).padStart(7, '0')}`.slice(0, 9);
  const check = taxCodeCheckDigit(nine);
  if (check === undefined) continue;
  codes.push(codes.length % 10 === 9 ? `${nine}${check}-001` : `${nine}${check}`);
}
const invalid = codes.map((c) => `${c.slice(0, 9)}${(Number(c[9]) + 1) % 10}${c.slice(10)}`);

let sink = 0;
let i = 0;
const bench = new Bench({ time: 1500 });
bench
  .add('cancuoc parseTaxCode (valid)', () => {
    sink += parseTaxCode(codes[i++ % 1000]!).value.length;
  })
  .add('stdnum vn.mst.validate (valid)', () => {
    sink += mst.validate(codes[i++ % 1000]!).isValid ? 1 : 0;
  })
  .add('cancuoc safeParseTaxCode (wrong check digit)', () => {
    sink += safeParseTaxCode(invalid[i++ % 1000]!).success ? 1 : 0;
  })
  .add('stdnum vn.mst.validate (wrong check digit)', () => {
    sink += mst.validate(invalid[i++ % 1000]!).isValid ? 1 : 0;
  });

await bench.run();
printOpsPerSecond(bench);
if (sink === 42) console.log('');
