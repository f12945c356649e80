// `pnpm bench admin-units`: date-aware province and birth-place lookups, and the province finder
// over free-text address lines.
import { Bench } from 'tinybench';
import { findProvinceInText, getProvince, lookupBirthPlace } from '../src/index.js';

const codes = ['01', '24', '27', '31', '37', '79', '92', '96'];
const birthCodes = ['001', '024', '036', '079', '092', '175', '279', '096'];
const lines = [
  'Thôn Đông, Xã Tân Dĩnh, Huyện Lạng Giang, Tỉnh Bắc Giang',
  'Số 1 Phố Huế, Phường Hai Bà Trưng, Hà Nội',
  '123 Nguyễn Trãi, P.2, Q.5, TP.HCM',
  'Phường Nghĩa Đô, Quận Cầu Giấy, Thành phố Hà Nội',
];
const before = new Date('2025-06-30T00:00:00Z');
const after = new Date('2025-07-01T00:00:00Z');

let sink = 0;
let i = 0;
const bench = new Bench({ time: 1000 });
bench
  .add('getProvince(code, { date }) across the merger', () => {
    sink += getProvince(codes[i & 7]!, { date: i++ & 1 ? before : after })?.code.length ?? 0;
  })
  .add('lookupBirthPlace (provinces and countries)', () => {
    sink += lookupBirthPlace(birthCodes[i++ & 7]!, { date: after }) ? 1 : 0;
  })
  .add('findProvinceInText (address lines)', () => {
    sink += findProvinceInText(lines[i++ & 3]!, { date: after })?.code.length ?? 0;
  });

await bench.run();
console.table(
  bench.tasks.map((t) => ({
    task: t.name,
    'ops/s': t.result && 'throughput' in t.result ? Math.round(t.result.throughput.mean) : undefined,
  })),
);
if (sink === 42) console.log('');
