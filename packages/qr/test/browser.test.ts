// @cancuoc/qr and @cancuoc/qr/image in a real browser (Debian's chromium, headless, driven by
// playwright-core): the bundle an application would ship, the .wasm served from the test's own
// loopback server, a PNG from a file input's Blob and a canvas ImageData. Skipped when
// /usr/bin/chromium is absent (CI needs the Debian package `chromium`).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { greyToPng, renderQrImage, rotate } from '@cancuoc/testkit';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

const CARD = '001198012345||ĐẶNG THỊ NGỌC ÁNH|15081998|Nữ|Số 1 Phố Huế, Hà Nội|25052021';

// The page: what an application would write, bundled for the browser.
const PAGE_SCRIPT = `
import { readIdentityQr } from '@cancuoc/qr';
import { configureQrImageDecoder, decodeQrImage } from '@cancuoc/qr/image';

window.run = async () => {
  const out = {};
  try {
    await decodeQrImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]));
  } catch (e) {
    out.unconfigured = e.code;
  }
  configureQrImageDecoder({ wasmUrl: '/zxing_reader.wasm' });
  const blob = await (await fetch('/card.png')).blob();
  const fromBlob = await decodeQrImage(blob);
  const scan = readIdentityQr(fromBlob[0].text);
  out.blob = scan.kind === 'card' ? scan.card.fullName : scan.kind;
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(bitmap, 0, 0);
  const fromCanvas = await decodeQrImage(ctx.getImageData(0, 0, bitmap.width, bitmap.height));
  out.imageData = fromCanvas.map((q) => q.text);
  return out;
};
`;

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  const pkg = fileURLToPath(new URL('..', import.meta.url));
  const bundle = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: pkg, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['@cancuoc/source'],
    logLevel: 'silent',
  });
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  const png = greyToPng(rotate(renderQrImage(CARD, { moduleSize: 4 }), 15));
  const files: Record<string, [string, Uint8Array | string]> = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>'],
    '/app.js': ['text/javascript', bundle.outputFiles[0]!.contents],
    '/zxing_reader.wasm': ['application/wasm', wasm],
    '/card.png': ['image/png', png],
  };
  server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
});

describe.skipIf(!hasChromium)('in a browser (chromium)', () => {
  it('decodes a Blob and an ImageData with the .wasm served locally, and refuses to guess a CDN', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(base);
      await page.waitForFunction(() => typeof (window as unknown as { run?: unknown }).run === 'function');
      const out = await page.evaluate(() => (window as unknown as { run: () => Promise<unknown> }).run());
      expect(out).toEqual({
        unconfigured: 'ERR_QR_WASM_NOT_CONFIGURED',
        blob: 'ĐẶNG THỊ NGỌC ÁNH',
        imageData: [CARD],
      });
      expect(requests.every((u) => u.startsWith(base))).toBe(true);
      expect(requests).toContain(`${base}/zxing_reader.wasm`);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
