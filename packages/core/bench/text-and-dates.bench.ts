// `pnpm bench core`: diacritic folding, name comparison and partial-date parsing, next to the
// most used npm folding package (remove-accents) and to a naive Date-based parse, same run.
import removeAccents from 'remove-accents';
import { Bench } from 'tinybench';
import { compareNames, foldDiacritics, parsePartialDate } from '../src/index.js';

const names = [
  'Đặng Thị Ngọc Ánh',
  'Nguyễn Văn An',
  'Trần Thị Mẫu',
  'Lê Hữu Phước',
  'Hoàng Đức Thắng',
  'Phạm Quỳnh Hương',
  'Võ Thị Ưng',
  'Bùi Xuân Trường',
];
const nfdNames = names.map((n) => n.normalize('NFD'));
const dates = [
  '15/08/1998',
  '15081998',
  '19980815',
  '1998-08-15',
  '1998',
  '08/1998',
  '29/02/2000',
  '01/01/1970',
];

let sink = 0;
let i = 0;
const bench = new Bench({ time: 1000 });
bench
  .add('foldDiacritics (NFC names)', () => {
    sink += foldDiacritics(names[i++ & 7]!).length;
  })
  .add('remove-accents 0.5.0 (NFC names)', () => {
    sink += removeAccents(names[i++ & 7]!).length;
  })
  .add('foldDiacritics (NFD names: folded correctly)', () => {
    sink += foldDiacritics(nfdNames[i++ & 7]!).length;
  })
  .add('remove-accents 0.5.0 (NFD names: leaves marks)', () => {
    sink += removeAccents(nfdNames[i++ & 7]!).length;
  })
  .add('compareNames (upper, unaccented vs accented)', () => {
    const n = names[i++ & 7]!;
    sink += compareNames(foldDiacritics(n).toUpperCase(), n).length;
  })
  .add('parsePartialDate (mixed layouts)', () => {
    sink += parsePartialDate(dates[i++ & 7]!).year;
  })
  .add('naive new Date(yyyy, MM, dd) from dd/MM/yyyy (no checks)', () => {
    const [d, m, y] = dates[0]!.split('/');
    sink += new Date(Number(y), Number(m) - 1, Number(d)).getFullYear();
    i++;
  });

await bench.run();
console.table(
  bench.tasks.map((t) => ({
    task: t.name,
    'ops/s': t.result && 'throughput' in t.result ? Math.round(t.result.throughput.mean) : undefined,
  })),
);
if (sink === 42) console.log('');
