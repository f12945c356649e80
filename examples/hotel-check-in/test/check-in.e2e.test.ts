// The front desk end to end in a real browser (Debian's chromium, headless, driven by
// playwright-core): a photo of a synthetic card's QR code is uploaded through the page's file
// input (and, in a second browser, from a fake camera), decoded in the browser with @cancuoc/qr/image (wasm served by the desk itself), the guest
// is shown with the ID masked, the stay is queued in the SQLite outbox and delivered to the
// accommodation-API simulator, and the live list shows it accepted. Skipped when /usr/bin/chromium
// is absent. Set HOTEL_SCREENSHOTS=<dir> to keep screenshots of the page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRandom,
  embed,
  greyToPng,
  photoBackground,
  renderQrImage,
  type StayApi,
  startStayApi,
  testPerson,
} from '@cancuoc/testkit';
import { CHROMIUM_PATH, chromiumSkipReason } from '@cancuoc/testkit/browser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HotelDesk, startHotelDesk } from '../src/desk.js';
import { cardQrText } from '../src/sample-card.js';

const skip = chromiumSkipReason();
if (skip) console.warn(skip);

const CREDENTIALS = {
  clientId: 'HOTEL_TEST_CLIENT',
  clientSecret: 'hotel test secret',
  username: 'cslt-test',
  password: 'cslt test password',
};
const guest = testPerson; // Nguyễn Văn An, 001099012345 (synthetic)
const MASKED = '001******345';
const screenshots = process.env.HOTEL_SCREENSHOTS;

describe.skipIf(skip !== undefined)('hotel front desk in a browser (chromium)', () => {
  let dir: string;
  let api: StayApi;
  let desk: HotelDesk;
  let browser: Browser;
  let page: Page;
  const logs: string[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotel-check-in-'));
    api = await startStayApi(CREDENTIALS);
    desk = await startHotelDesk({
      api: { baseUrl: api.url, ...CREDENTIALS },
      dbPath: join(dir, 'outbox.sqlite'),
      facility: 'Khách sạn Thử Nghiệm',
      log: (line) => logs.push(line),
      retry: { initialDelayMs: 50, maxDelayMs: 200 },
    });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1360, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(desk.url);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.close();
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function shot(name: string) {
    if (!screenshots) return;
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  }

  it('shows the SDK message when the uploaded photo holds no QR code', async () => {
    const random = createRandom(3);
    const blank = join(dir, 'blank.png');
    writeFileSync(blank, greyToPng(photoBackground(320, 240, random)));
    await page.setInputFiles('#qr-file', blank);
    const alert = page.locator('#scan-error');
    await alert.waitFor({ state: 'visible' });
    // ERR_QR_NOT_FOUND's Vietnamese message, from @cancuoc/qr.
    expect(await alert.textContent()).toMatch(/không tìm thấy mã QR/i);
    expect(await page.locator('#guest').isHidden()).toBe(true);
    expect(await page.$eval('#stay-fields', (el) => (el as HTMLFieldSetElement).disabled)).toBe(true);
  });

  it('reads the card QR from an uploaded photo, queues the notice and shows it accepted by the API', async () => {
    // A phone photo of the card's QR code: rendered, turned, laid on a textured background.
    const qr = renderQrImage(cardQrText(guest), { moduleSize: 4 });
    const background = photoBackground(qr.width + 300, qr.height + 220, createRandom(42));
    const photo = join(dir, 'card-qr.png');
    writeFileSync(photo, greyToPng(embed(qr, background, 150, 110, -9)));

    await page.setInputFiles('#qr-file', photo);
    await page.locator('#guest').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.locator('#guest-name').textContent()).toBe(guest.fullName);
    expect(await page.locator('#guest-id').textContent()).toBe(MASKED);
    expect(await page.locator('#guest-dob').textContent()).toBe(guest.dateOfBirth);

    await page.fill('#room', '302');
    await page.selectOption('#reason', '1');
    await shot('1-guest-read');
    await page.click('#submit');
    await page.locator('#submit-ok').waitFor({ state: 'visible' });

    const notice = page.locator('.notice', { hasText: `${MASKED} · P.302` });
    await notice.locator('.badge-accepted').waitFor({ timeout: 30_000 });
    expect(await notice.getAttribute('data-state')).toBe('accepted');
    expect(await notice.textContent()).toContain(guest.fullName);
    // The legal deadline, shown per notice: 23:00 of the arrival day, or 08:00 the next morning.
    expect(await notice.textContent()).toMatch(/Hạn (23:00|08:00) \d\d\/\d\d/);
    expect(await notice.textContent()).toContain('đúng hạn');

    // The simulator holds the stay exactly once, as the page filled it.
    const held = api.accepted.filter((s) => s.payload.soGiayTo === guest.personalId);
    expect(held).toHaveLength(1);
    expect(held[0]?.kind).toBe('vietnamese');
    expect(held[0]?.payload).toMatchObject({ hoTen: guest.fullName, soPhong: '302', lyDoCuTru: 1 });
    const records = await desk.outbox.list({ state: 'accepted' });
    expect(records.map((r) => r.label)).toContain(`${MASKED} · P.302`);
    await shot('2-accepted');
  });

  it('refuses the same stay twice with the outbox’s Vietnamese message', async () => {
    const photo = join(dir, 'card-qr.png');
    await page.setInputFiles('#qr-file', photo);
    await page.locator('#guest').waitFor({ state: 'visible', timeout: 30_000 });
    // The same arrival minute as the accepted notice: the same stay for the API.
    const [accepted] = await desk.outbox.list({ state: 'accepted' });
    const arrival = new Date(accepted!.notice.arrival);
    const local = new Date(arrival.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
    await page.fill('#arrival', local);
    await page.fill('#room', '302');
    await page.click('#submit');
    const alert = page.locator('#submit-error');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toContain('đã có trong hàng đợi');
    expect(api.accepted.filter((s) => s.payload.soGiayTo === guest.personalId)).toHaveLength(1);
    await shot('3-already-queued');
  });

  it('shows a notice whose answer was lost as accepted, confirmed by duplicate, stored once', async () => {
    // Another synthetic guest (ID 001099054321 agrees with a man born in 1999, province 001).
    const second = { ...testPerson, personalId: '001099054321', fullName: 'Trần Quốc Bảo', legacyId: '' };
    const qr = renderQrImage(cardQrText(second), { moduleSize: 4 });
    const photo = join(dir, 'second-qr.png');
    writeFileSync(
      photo,
      greyToPng(embed(qr, photoBackground(qr.width + 200, qr.height + 200, createRandom(5)), 100, 100, 4)),
    );
    // The next submission is stored, then its connection dropped before the answer.
    api.setFaults({ dropAfterAcceptEvery: api.stats.submissions + 1 });

    await page.setInputFiles('#qr-file', photo);
    await page.locator('#guest').waitFor({ state: 'visible', timeout: 30_000 });
    await page.fill('#room', '415');
    await page.click('#submit');
    const notice = page.locator('.notice', { hasText: '001******321 · P.415' });
    await notice.locator('.badge-duplicate').waitFor({ timeout: 30_000 });
    expect(await notice.getAttribute('data-state')).toBe('accepted');
    expect(await notice.textContent()).toContain('Xác nhận qua bản trùng');
    expect(api.accepted.filter((s) => s.payload.soGiayTo === second.personalId)).toHaveLength(1);
    expect(api.stats.droppedAfterAccept).toBe(1);
    expect(logs.join('\n')).not.toContain(second.personalId);
    await shot('4-confirmed-by-duplicate');
  });

  it('reads the card QR from the camera (a fake capture device playing a photo of the card)', async () => {
    // Chromium's fake camera plays a Y4M file: the photo as the luma plane, neutral chroma.
    const qr = renderQrImage(cardQrText(guest), { moduleSize: 5 });
    const image = embed(qr, photoBackground(640, 480, createRandom(9)), 170, 90, 5);
    const chroma = Buffer.alloc((image.width / 2) * (image.height / 2) * 2, 128);
    const frame = Buffer.concat([Buffer.from('FRAME\n'), image.data, chroma]);
    const y4m = join(dir, 'camera.y4m');
    writeFileSync(
      y4m,
      Buffer.concat([
        Buffer.from(`YUV4MPEG2 W${image.width} H${image.height} F10:1 Ip A1:1 C420jpeg\n`),
        frame,
      ]),
    );
    const { chromium } = await import('playwright-core');
    const withCamera = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${y4m}`,
      ],
    });
    try {
      const cameraPage = await withCamera.newPage();
      await cameraPage.goto(desk.url);
      await cameraPage.waitForSelector('body[data-ready="true"]');
      await cameraPage.click('#camera-start');
      await cameraPage.locator('#guest').waitFor({ state: 'visible', timeout: 30_000 });
      expect(await cameraPage.locator('#guest-name').textContent()).toBe(guest.fullName);
      expect(await cameraPage.locator('#guest-id').textContent()).toBe(MASKED);
      // The camera stops once the card is read.
      expect(await cameraPage.locator('#camera').isHidden()).toBe(true);
    } finally {
      await withCamera.close();
    }
  });

  it('never shows or logs the full ID number, and loads nothing from outside the desk', async () => {
    expect(await page.content()).not.toContain(guest.personalId);
    const listed = await (await fetch(`${desk.url}/api/notices`)).text();
    expect(listed).not.toContain(guest.personalId);
    expect(listed).toContain(MASKED);
    expect(logs.join('\n')).not.toContain(guest.personalId);
    expect(logs.some((line) => line.includes(`accepted ${MASKED} · P.302`))).toBe(true);
    const origin = new URL(desk.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
    expect(requests).toContain(`${origin}/zxing_reader.wasm`);
    expect(pageErrors).toEqual([]);
  });
});
