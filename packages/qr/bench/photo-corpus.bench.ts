// Photos of card backs (issue 16): decode rate per degradation and per QR size, and time per
// frame, for the photo cascade (readIdentityQrImage, budget 100 ms), today's plain read
// (decodeQrImage without a budget), raw zxing-wasm (readBarcodes on the same pixels) and jsQR, on
// the 200 seeded photos of @cancuoc/testkit's createCardPhotoCorpus (1280×720 and 1920×1080, QR
// 60–260 px, JPEG 35–80). Every decoder gets the decoded grey frame, as a camera hands it over.
// `CARD_PHOTOS=40` runs fewer photos.
import { cpus, loadavg } from 'node:os';
import { type CardPhoto, createCardPhoto, greyToRgba } from '@cancuoc/testkit';
import jsQR from 'jsqr';
import { readBarcodes } from 'zxing-wasm/reader';
import { decodeQrImage, readIdentityQrImage } from '../src/image/index.js';
import { ensureZxing } from '../src/image/internal/load-zxing.js';
import { greyToPgm } from '../src/image/internal/zxing-read.js';

const COUNT = Number(process.env.CARD_PHOTOS ?? 200);
const BUDGET = 100;
// `ceiling`: the cascade with a 2 s budget, what its passes read when time is not the limit (on a
// loaded machine the 100 ms budget is mostly spent by the plain pass itself).
type Decoder = 'cascade' | 'ceiling' | 'plain' | 'zxing' | 'jsqr';
const DECODERS: readonly Decoder[] = ['cascade', 'ceiling', 'plain', 'zxing', 'jsqr'];

await ensureZxing();
const load0 = loadavg()[0]!;

async function run(decoder: Decoder, photo: CardPhoto): Promise<string[]> {
  const frame = { ...photo.image, channels: 1 as const };
  if (decoder === 'plain') return (await decodeQrImage(frame)).map((q) => q.text);
  if (decoder === 'cascade' || decoder === 'ceiling') {
    try {
      const scan = await readIdentityQrImage(frame, { timeBudgetMs: decoder === 'ceiling' ? 2000 : BUDGET });
      return [scan.symbol.text];
    } catch {
      return [];
    }
  }
  if (decoder === 'zxing') {
    const results = await readBarcodes(greyToPgm(photo.image), { formats: ['QRCode'], tryHarder: true });
    return results.filter((r) => r.isValid).map((r) => r.text);
  }
  const found = jsQR(greyToRgba(photo.image), photo.image.width, photo.image.height);
  return found ? [found.data] : [];
}

interface Tally {
  total: number;
  read: Record<Decoder, number>;
}
const newTally = (): Tally => ({ total: 0, read: { cascade: 0, ceiling: 0, plain: 0, zxing: 0, jsqr: 0 } });
const byDegradation = new Map<string, Tally>();
const bySize = new Map<string, Tally>();
const all = newTally();
const wrong: Record<Decoder, number> = { cascade: 0, ceiling: 0, plain: 0, zxing: 0, jsqr: 0 };
const times: Record<Decoder, number[]> = { cascade: [], ceiling: [], plain: [], zxing: [], jsqr: [] };
const SIZES = [
  [60, 99],
  [100, 139],
  [140, 179],
  [180, 219],
  [220, 260],
] as const;

for (let i = 0; i < COUNT; i++) {
  const photo = createCardPhoto(i);
  const { truth } = photo;
  const groups = [
    ...truth.degradations.map((d) => (d === 'none' ? 'rotation, tilt and JPEG only' : d)),
    ...(truth.degradations.length > 1 ? ['two at once'] : []),
  ];
  const size = SIZES.find(([lo, hi]) => truth.qrWidthPx >= lo && truth.qrWidthPx <= hi)!;
  const tallies = [
    all,
    ...groups.map((g) => byDegradation.get(g) ?? byDegradation.set(g, newTally()).get(g)!),
    bySize.get(`${size[0]}–${size[1]} px`) ??
      bySize.set(`${size[0]}–${size[1]} px`, newTally()).get(`${size[0]}–${size[1]} px`)!,
  ];
  for (const t of tallies) t.total++;
  for (const decoder of DECODERS) {
    const start = performance.now();
    const texts = await run(decoder, photo);
    times[decoder].push(performance.now() - start);
    if (texts.includes(truth.payload)) for (const t of tallies) t.read[decoder]++;
    wrong[decoder] += texts.filter((t) => t !== truth.payload).length;
  }
  if ((i + 1) % 20 === 0) console.error(`${i + 1}/${COUNT} photos`);
}

const pct = (a: number[], q: number): string => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))]!.toFixed(1);
};
const row = (name: string, t: Tally): string =>
  `| ${name} | ${t.total} | ${DECODERS.map((d) => t.read[d]).join(' | ')} |`;
const header =
  '| photos | n | cascade (100 ms) | cascade (2 s) | decodeQrImage (plain) | raw zxing-wasm | jsQR |\n|---|---|---|---|---|---|---|';
console.log(
  `\nCard photos: ${COUNT}, budget ${BUDGET} ms/frame; ${cpus().length}× ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}\n`,
);
console.log(header);
console.log(row('**all**', all));
for (const [name, t] of [...byDegradation].sort()) console.log(row(name, t));
console.log(`\n${header}`);
for (const [name, t] of [...bySize].sort(([a], [b]) => Number.parseInt(a, 10) - Number.parseInt(b, 10)))
  console.log(row(name, t));
console.log('\n| decoder | wrong texts | p50 ms/frame | p95 ms/frame |\n|---|---|---|---|');
for (const d of DECODERS)
  console.log(`| ${d} | ${wrong[d]} | ${pct(times[d], 0.5)} | ${pct(times[d], 0.95)} |`);
