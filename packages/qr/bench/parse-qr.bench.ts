// Payload parsing speed: parseCardQr, parseInsuranceQr, detectQrKind. No npm package parses the
// card QR, so the baseline is the naive parser public code uses (split on `|`, `new Date`, no
// checks), measured in the same run.
import { cpus } from 'node:os';
import { Bench } from 'tinybench';
import { detectQrKind, parseCardQr, parseInsuranceQr } from '../src/index.js';

const CARD = '001098012345||NGUYỄN VĂN A|15081998|Nam|Số 1 Phố Huế, Phường Hai Bà Trưng, Hà Nội|25052021';
const INSURANCE =
  'GD4790123456789|4e677579e1bb856e2056c4836e2041|01/01/1990|1|5068c6b0e1bb9d6e672042e1babf6e204e6768c3a92c205175e1baad6e20312c2054502e2048e1bb93204368c3ad204d696e68|79 - 001|01/01/2024|31/12/2024|15/12/2023|7901234567|-|4|01/01/2029|0000000000000000-0000|$';

function naiveParse(text: string) {
  const [id, oldId, name, dob, sex, address, issued] = text.split('|');
  const date = (s = '') => new Date(Number(s.slice(4)), Number(s.slice(2, 4)) - 1, Number(s.slice(0, 2)));
  return { id, oldId, name, dob: date(dob), sex, address, issued: date(issued) };
}

let sink: unknown;
const bench = new Bench({ time: 1000, warmupTime: 200 });
bench
  .add('parseCardQr (cancuoc)', () => {
    sink = parseCardQr(CARD);
  })
  .add('naive split + new Date (no checks)', () => {
    sink = naiveParse(CARD);
  })
  .add('parseInsuranceQr (cancuoc)', () => {
    sink = parseInsuranceQr(INSURANCE);
  })
  .add('detectQrKind (cancuoc)', () => {
    sink = detectQrKind(CARD);
  });
await bench.run();
void sink;

console.log(`node ${process.version}, ${cpus().length} CPUs, ${cpus()[0]?.model ?? 'unknown CPU'}`);
console.log('| operation | ops/s | ns per payload |');
console.log('|---|---:|---:|');
for (const task of bench.tasks) {
  const r = task.result;
  if (!r || !('throughput' in r)) continue;
  const ops = r.throughput.mean;
  console.log(`| ${task.name} | ${Math.round(ops).toLocaleString('en-US')} | ${Math.round(1e9 / ops)} |`);
}
