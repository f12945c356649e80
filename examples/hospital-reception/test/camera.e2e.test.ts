// The reception page's "scan with camera" button end to end in headless Chromium: a recorded
// video (Y4M frames of testkit's card photos, the card first too far, then close) is fed as the
// camera with Chromium's fake capture device; the page runs readIdentityQrFromVideo, shows the
// "move closer" hint while the QR is too small, then reads the card and shows the insurance
// verdict. Skipped with a message when /usr/bin/chromium is absent. SCREENSHOT_DIR=<dir> also saves
// PNGs of the page for a human to look at.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePartialDate } from '@cancuoc/core';
import { formatCardQr } from '@cancuoc/qr';
import {
  createCardPhoto,
  type InsuranceGateway,
  insuranceGatewayTestAccount,
  insuredTestPeople,
  startInsuranceGateway,
} from '@cancuoc/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoReception } from '../src/demo-reception.js';
import type { Reception } from '../src/reception.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM)
  ? undefined
  : `browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`;
if (skip) console.warn(skip);

const CARD = formatCardQr({
  personalId: '001099012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: parsePartialDate('15/01/1999'),
  sex: 'male',
  permanentResidence: 'Số 1 Phố Thử, Phường Mẫu, Hà Nội',
  dateOfIssue: { year: 2021, month: 5, day: 10 },
});

/**
 * A Y4M video (YUV4MPEG2, 4:2:0, the raw format Chromium's fake camera plays in a loop) of grey
 * frames: luma from the frame in studio range, both chroma planes neutral.
 */
function y4m(
  frames: readonly { data: Uint8Array; width: number; height: number }[],
  fps: number,
): Uint8Array {
  const { width, height } = frames[0]!;
  const header = new TextEncoder().encode(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  const marker = new TextEncoder().encode('FRAME\n');
  const chroma = (width / 2) * (height / 2) * 2;
  const out = new Uint8Array(header.length + frames.length * (marker.length + width * height + chroma));
  out.set(header);
  let at = header.length;
  for (const f of frames) {
    out.set(marker, at);
    at += marker.length;
    // Studio range (BT.601: Y 16–235), which the decoder expands back to 0–255.
    for (let i = 0; i < f.data.length; i++) out[at + i] = 16 + Math.round((f.data[i]! * 219) / 255);
    at += width * height;
    out.fill(128, at, at + chroma);
    at += chroma;
  }
  return out;
}

const photo = (index: number, qrWidth: number) =>
  createCardPhoto(index, {
    seed: 7,
    payload: CARD,
    frames: ['1280x720'],
    qrWidthPx: [qrWidth, qrWidth],
    only: ['none'],
  }).image;

describe.skipIf(skip !== undefined)('hospital reception: scan with camera', () => {
  let gateway: InsuranceGateway;
  let reception: Reception;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cancuoc-camera-'));
    // The card far from the camera (QR about 40 px wide: 1 px per module), then close.
    // Six seconds far (the page loads its decoder meanwhile), then two seconds close, at 2 fps.
    const far = [40, 42, 44].map((w, i) => photo(i, w));
    const near = [170, 185].map((w, i) => photo(3 + i, w));
    const frames = [...far, ...far, ...far, ...far, ...near, ...near];
    const video = join(dir, 'card.y4m');
    await writeFile(video, y4m(frames, 2));

    const { username, password, staff } = insuranceGatewayTestAccount;
    gateway = await startInsuranceGateway({ people: insuredTestPeople, username, password, staff });
    reception = await startDemoReception({
      gateway: { baseUrl: gateway.url, username, password, staff: staff[0] },
      log: () => undefined,
    });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(reception.url);
    await page.waitForSelector('body[data-ready="true"]');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await reception?.close();
    await gateway?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const shot = async (name: string) => {
    if (process.env.SCREENSHOT_DIR) {
      await writeFile(
        join(process.env.SCREENSHOT_DIR, `${name}.png`),
        await page.screenshot({ fullPage: true }),
      );
    }
  };

  it('guides the user while the card is far, then reads it from the video and checks the insurance', async () => {
    const guidance: { code: string; text: string }[] = [];
    let hintShot: Promise<void> | undefined;
    await page.exposeFunction('recordGuidance', (code: string, text: string) => {
      guidance.push({ code, text });
      if (code === 'move-closer') hintShot ??= shot('hospital-reception-camera-hint');
    });
    await page.evaluate(() => {
      const hint = document.getElementById('camera-hint')!;
      new MutationObserver(() => {
        const record = (window as unknown as { recordGuidance: (c: string, t: string) => void })
          .recordGuidance;
        record(hint.dataset.guidance ?? '', hint.textContent ?? '');
      }).observe(hint, { attributes: true, attributeFilter: ['data-guidance'] });
    });
    await page.click('#camera-start');
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor({ timeout: 120_000 });
    expect(await verdict.getAttribute('data-outcome')).toBe('eligible');
    expect(await page.getByTestId('patient-name').textContent()).toBe('Nguyễn Văn An');
    expect(await page.locator('#camera').isHidden()).toBe(true);
    // While the QR was 40 px wide, the page asked to bring the card closer, in Vietnamese and English.
    expect(guidance.find((g) => g.code === 'move-closer')?.text, JSON.stringify(guidance)).toBe(
      'Đưa thẻ lại gần camera hơnMove the card closer',
    );
    await hintShot;
    await shot('hospital-reception-camera');
    expect(
      requests.every((u) => u.startsWith(reception.url) || u.startsWith('data:') || u.startsWith('blob:')),
    ).toBe(true);
  }, 300_000);
});
