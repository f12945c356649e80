// The reception page end to end in headless Chromium (Debian's chromium, driven by playwright-core):
// the page decodes sample card QR photos with @cancuoc/qr/image (the .wasm from this server), the
// service checks them against the BHXH gateway simulator, and the verdict shown is asserted for an
// insured, an expired and a wrong-name patient; then a chip read (verified before use) with its
// DG2 face. Skipped with a message when /usr/bin/chromium is absent. SCREENSHOT_DIR=<dir> also
// saves a PNG of the page for a human to look at.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
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

describe.skipIf(skip !== undefined)('hospital reception in a browser', () => {
  let gateway: InsuranceGateway;
  let reception: Reception;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    const { username, password, staff } = insuranceGatewayTestAccount;
    gateway = await startInsuranceGateway({ people: insuredTestPeople, username, password, staff });
    reception = await startDemoReception({
      gateway: { baseUrl: gateway.url, username, password, staff: staff[0] },
      log: (line) => logs.push(line),
    });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(reception.url);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await reception?.close();
    await gateway?.close();
  });

  async function verdictAfter(action: () => Promise<void>) {
    await page.evaluate(() => document.getElementById('result')?.replaceChildren());
    await action();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    const hasPatient = (await page.getByTestId('patient').count()) > 0;
    return {
      outcome: await verdict.getAttribute('data-outcome'),
      code: await verdict.getAttribute('data-code'),
      message: await page.getByTestId('verdict-message').textContent(),
      name: hasPatient ? await page.getByTestId('patient-name').textContent() : undefined,
      patient: hasPatient ? await page.getByTestId('patient').textContent() : '',
    };
  }

  const sample = (key: string) => () => page.click(`[data-sample="${key}"]`);
  const shot = async (name: string) => {
    if (process.env.SCREENSHOT_DIR) {
      await writeFile(
        join(process.env.SCREENSHOT_DIR, `${name}.png`),
        await page.screenshot({ fullPage: true }),
      );
    }
  };

  it('shows an insured patient as covered, from the ID card QR decoded in the browser', async () => {
    const v = await verdictAfter(sample('insured'));
    expect(v).toMatchObject({ outcome: 'eligible', code: '000', name: 'Nguyễn Văn An' });
    expect(v.message).toContain('Thông tin thẻ chính xác');
    expect(v.patient).toContain('001******345');
    expect(v.patient).not.toContain('001099012345');
    expect(await page.getByTestId('card-details').textContent()).toContain('01001');
  });

  it('shows an expired card as not covered', async () => {
    const v = await verdictAfter(sample('expired'));
    expect(v).toMatchObject({ outcome: 'not-eligible', code: '010', name: 'Trần Thị Bình' });
    expect(v.message).toContain('Thẻ hết giá trị sử dụng');
    await shot('hospital-reception-expired');
  });

  it('asks to check a patient whose name differs from the insurance record', async () => {
    const v = await verdictAfter(sample('wrong-name'));
    expect(v).toMatchObject({ outcome: 'needs-attention', code: '061', name: 'Hoàng Văn Êm' });
    expect(v.message).toContain('Thẻ sai họ tên');
    await shot('hospital-reception-wrong-name');
  });

  it('reads a file chosen in the upload field (a BHYT card QR)', async () => {
    const png = await (await fetch(`${reception.url}/samples/bhyt-qr.png`)).arrayBuffer();
    const v = await verdictAfter(() =>
      page.setInputFiles('#qr-file', { name: 'bhyt.png', mimeType: 'image/png', buffer: Buffer.from(png) }),
    );
    expect(v).toMatchObject({ outcome: 'eligible', code: '000' });
    expect(v.patient).toContain('Mã QR thẻ BHYT');
  });

  it('reads the chip, verifies it, and shows the DG2 face with the verdict', async () => {
    await page.selectOption('#chip-card', 'insured');
    const v = await verdictAfter(() => page.click('#read-chip'));
    expect(v).toMatchObject({ outcome: 'eligible', code: '000', name: 'Nguyễn Văn An' });
    expect(v.patient).toContain('đã xác thực');
    const face = page.getByTestId('face');
    expect(await face.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await shot('hospital-reception');
  });

  it('stays on its own origin (the .wasm included) and logs no full ID number', () => {
    expect(
      requests.every((u) => u.startsWith(reception.url) || u.startsWith('data:') || u.startsWith('blob:')),
    ).toBe(true);
    expect(requests).toContain(`${reception.url}/zxing_reader.wasm`);
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line).not.toMatch(/\d{12}/);
  });
});
