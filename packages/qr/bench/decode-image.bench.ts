// Image decoding: time per camera frame (1280×720 and 640×480, a card QR on a photo-like
// background) for zxing-wasm through decodeQrImage and for jsQR on the same pixels, and the
// decode rate of both on the seeded degradation corpus of @cancuoc/testkit.
import { cpus } from 'node:os';
import {
  createQrDegradationCorpus,
  createRandom,
  embed,
  greyToRgba,
  photoBackground,
  renderQrImage,
} from '@cancuoc/testkit';
import jsQR from 'jsqr';
import { Bench } from 'tinybench';
import { decodeQrImage } from '../src/image/index.js';
import { formatCardQr, formatInsuranceQr } from '../src/index.js';

const card = formatCardQr({
  personalId: '001198012345',
  legacyId: '012345678',
  fullName: 'ĐẶNG THỊ NGỌC ÁNH',
  dateOfBirth: { year: 1998, month: 8, day: 15 },
  sex: 'female',
  permanentResidence: 'Số 1 Phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội',
  dateOfIssue: { year: 2021, month: 5, day: 25 },
});
const card2 = formatCardQr({
  personalId: '079095012345',
  fullName: 'Trần Văn Hùng',
  dateOfBirth: { year: 1995, month: 1, day: 31 },
  sex: 'male',
  dateOfIssue: { year: 2024, month: 7, day: 1 },
});
const insurance = formatInsuranceQr({
  cardCode: 'GD4790123456789',
  fullName: 'Nguyễn Văn A',
  dateOfBirth: { year: 1990, month: 1, day: 1 },
  sex: 'male',
  address: 'Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
  primaryCareFacility: '79 - 001',
  validFrom: { year: 2024, month: 1, day: 1 },
  validTo: { year: 2024, month: 12, day: 31 },
  dateOfIssue: { year: 2023, month: 12, day: 15 },
  managementCode: '7901234567',
  field11: '4',
  fiveYearDate: { year: 2029, month: 1, day: 1 },
  checkField: '0000000000000000-0000',
});
const payloads = [card, card2, insurance];

function frame(width: number, height: number, seed: number) {
  const random = createRandom(seed);
  const qr = renderQrImage(card, { moduleSize: 3 });
  const image = embed(qr, photoBackground(width, height, random), width * 0.4, height * 0.25, 12);
  return { image, rgba: greyToRgba(image) };
}

const frames = { '1280×720': frame(1280, 720, 7), '640×480': frame(640, 480, 8) };
for (const [name, f] of Object.entries(frames)) {
  const z = await decodeQrImage(f.image);
  const j = jsQR(f.rgba, f.image.width, f.image.height);
  if (z[0]?.text !== card) throw new Error(`zxing-wasm does not read the ${name} frame`);
  console.log(`${name}: jsQR ${j?.data === card ? 'reads' : 'does not read'} the frame`);
}

const bench = new Bench({ time: 3000, warmupTime: 500, iterations: 10 });
for (const [name, f] of Object.entries(frames)) {
  bench.add(`${name} decodeQrImage (zxing-wasm, grey pixels)`, async () => {
    await decodeQrImage(f.image);
  });
  bench.add(`${name} decodeQrImage (zxing-wasm, RGBA ImageData)`, async () => {
    await decodeQrImage({ data: f.rgba, width: f.image.width, height: f.image.height });
  });
  bench.add(`${name} jsQR (RGBA)`, () => {
    jsQR(f.rgba, f.image.width, f.image.height);
  });
}
await bench.run();

console.log(`\nnode ${process.version}, ${cpus().length} CPUs, ${cpus()[0]?.model ?? 'unknown CPU'}`);
console.log('| frame, decoder | ms per frame | frames/s |');
console.log('|---|---:|---:|');
for (const task of bench.tasks) {
  const r = task.result;
  if (!r || !('throughput' in r)) continue;
  console.log(`| ${task.name} | ${r.latency.mean.toFixed(1)} | ${r.throughput.mean.toFixed(1)} |`);
}

// Decode rate on the degradation corpus: every image decoded once by each library.
const corpus = createQrDegradationCorpus(payloads, { seed: 2026 });
const rows = new Map<string, { total: number; zxing: number; jsqr: number }>();
for (const item of corpus) {
  const key = `${item.degradation} | ${item.level}`;
  const row = rows.get(key) ?? { total: 0, zxing: 0, jsqr: 0 };
  row.total++;
  if ((await decodeQrImage(item.image)).some((q) => q.text === item.text)) row.zxing++;
  if (jsQR(greyToRgba(item.image), item.image.width, item.image.height)?.data === item.text) row.jsqr++;
  rows.set(key, row);
}
console.log(`\nDecode rate, ${payloads.length} payloads (2 card QR, 1 BHYT QR) per level, seed 2026:`);
console.log('| degradation | level | zxing-wasm | jsQR |');
console.log('|---|---|---:|---:|');
let zs = 0;
let js = 0;
let n = 0;
for (const [key, row] of rows) {
  console.log(`| ${key} | ${row.zxing}/${row.total} | ${row.jsqr}/${row.total} |`);
  zs += row.zxing;
  js += row.jsqr;
  n += row.total;
}
console.log(`| all | ${n} images | ${((100 * zs) / n).toFixed(0)}% | ${((100 * js) / n).toFixed(0)}% |`);
