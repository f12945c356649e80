// `pnpm bench guest-stay`: stay notices built and validated per second, from typed fields, from a
// card (CardData-shaped) and for a foreign guest, and the cost of the failure path (every issue
// collected), next to a plain JSON round trip of a notice as a floor.
import { Bench } from 'tinybench';
import { buildStayNotice, safeBuildStayNotice } from '../src/index.js';

const now = new Date();
const departure = new Date(now.getTime() + 2 * 86_400_000);
const stay = { arrival: now, expectedDeparture: departure, room: '302', reason: 1 };
const ids = ['001098012345', '079203000123', '036185000456', '001301000789'];
const typed = ids.map((number) => ({
  fullName: 'Nguyễn Văn An',
  dateOfBirth: { year: 1998, month: 8, day: 15 },
  sex: 'male' as const,
  document: { type: 'can-cuoc' as const, number },
}));
const card = {
  cardKind: 'can-cuoc' as const,
  source: 'qr',
  personalId: '001098012345',
  fullName: 'NGUYỄN VĂN AN',
  dateOfBirth: { year: 1998, month: 8, day: 15 },
  sex: 'male' as const,
  permanentResidence: 'Số 1 Tràng Tiền, Phường Hoàn Kiếm, Hà Nội',
};
const foreign = {
  fullName: 'MUSTERMANN ERIKA',
  dateOfBirth: { year: 1964 },
  sex: 'female' as const,
  nationality: 'DEU',
  document: { type: 'passport' as const, number: 'C01X00T47' },
};
const foreignStay = { ...stay, permittedStayUntil: new Date(now.getTime() + 20 * 86_400_000) };
const broken = { ...typed[0]!, fullName: '', document: { type: 'citizen-card' as const, number: '003' } };
const notice = buildStayNotice({ guest: typed[0]!, stay });
const text = JSON.stringify(notice);

let sink = 0;
let i = 0;
const bench = new Bench({ time: 1000 });
bench
  .add('buildStayNotice (typed fields, Căn cước)', () => {
    sink += buildStayNotice({ guest: typed[i++ & 3]!, stay }, { now }).key.length;
  })
  .add('buildStayNotice (CardData from a QR)', () => {
    sink += buildStayNotice({ guest: card, stay }, { now }).key.length;
  })
  .add('buildStayNotice (foreign guest, passport)', () => {
    sink += buildStayNotice({ guest: foreign, stay: foreignStay }, { now }).key.length;
  })
  .add('safeBuildStayNotice (invalid: issues collected)', () => {
    const r = safeBuildStayNotice(
      { guest: broken, stay: { arrival: now, expectedDeparture: departure, reason: 1 } },
      { now },
    );
    sink += r.success ? 0 : r.error.issues.length;
  })
  .add('JSON round trip of a notice (floor)', () => {
    sink += (JSON.parse(text) as { key: string }).key.length;
  });

await bench.run();
console.table(
  bench.tasks.map((t) => ({
    task: t.name,
    'ops/s': t.result && 'throughput' in t.result ? Math.round(t.result.throughput.mean) : undefined,
  })),
);
if (sink === 42) console.log('');
