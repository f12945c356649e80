// @cancuoc/qr and @cancuoc/qr/image in a real browser (Debian's chromium, headless, driven by
// playwright-core): the bundle an application would ship, the .wasm served from the test's own
// loopback server, a PNG from a file input's Blob and a canvas ImageData. Skipped when
// /usr/bin/chromium is absent (CI needs the Debian package `chromium`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { greyToPng, renderQrImage, rotate } from '@cancuoc/testkit';
import { chromiumSkipReason, runInBrowser } from '@cancuoc/testkit/browser';
import { describe, expect, it } from 'vitest';

const skip = chromiumSkipReason();
if (skip) console.warn(skip);

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

describe.skipIf(skip !== undefined)('in a browser (chromium)', () => {
  it('decodes a Blob and an ImageData with the .wasm served locally, and refuses to guess a CDN', async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const png = greyToPng(rotate(renderQrImage(CARD, { moduleSize: 4 }), 15));
    const { result, origin, requests } = await runInBrowser({
      script: PAGE_SCRIPT,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      files: {
        '/zxing_reader.wasm': { type: 'application/wasm', body: wasm },
        '/card.png': { type: 'image/png', body: png },
      },
    });
    expect(result).toEqual({
      unconfigured: 'ERR_QR_WASM_NOT_CONFIGURED',
      blob: 'ĐẶNG THỊ NGỌC ÁNH',
      imageData: [CARD],
    });
    expect(requests.every((u) => u.startsWith(origin))).toBe(true);
    expect(requests).toContain(`${origin}/zxing_reader.wasm`);
  }, 60_000);
});
