// @cancuoc/chip in a real browser (Debian's chromium, headless, driven by playwright-core): the
// bundle an application would ship verifies a test card (RSASSA-PSS, WebCrypto + BigInt RSA) and a
// real Austrian SOD on explicit brainpoolP256r1 (@noble/curves), with no node:crypto. Skipped when
// /usr/bin/chromium is absent (CI needs the Debian package `chromium`).
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { issueTestCard } from '@cancuoc/testkit';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasVectors, vector } from './vectors.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

const PAGE_SCRIPT = `
import { createTrustStore, parseDg13, toResident, verifyActiveAuthentication, verifyPassive } from '@cancuoc/chip';

const get = async (path) => new Uint8Array(await (await fetch(path)).arrayBuffer());
window.run = async () => {
  const card = await (await fetch('/card.json')).json();
  const bytes = (hex) => Uint8Array.from(hex.match(/../g), (h) => parseInt(h, 16));
  const dataGroups = Object.fromEntries(Object.entries(card.dataGroups).map(([k, v]) => [k, bytes(v)]));
  const trust = await createTrustStore({ certificates: [card.csca] });
  const report = await verifyPassive({ sod: bytes(card.sod), dataGroups, trust });
  const tampered = { ...dataGroups, 13: dataGroups[13].slice() };
  tampered[13][tampered[13].length - 2] ^= 1;
  const bad = await verifyPassive({ sod: bytes(card.sod), dataGroups: tampered, trust });
  const aa = await verifyActiveAuthentication({ publicKey: dataGroups[15], challenge: bytes(card.challenge), signature: bytes(card.aaSignature) });
  const out = {
    node: typeof process !== 'undefined',
    card: { verified: report.verified, reasons: report.reasons },
    tampered: bad.dataGroups[13],
    name: parseDg13(dataGroups[13]).fullName,
    resident: toResident({ dataGroups }).ethnicity,
    aa: aa.valid,
  };
  if (card.at) {
    const at = await createTrustStore({ certificates: [await get('/at.csca.der')] });
    const r = await verifyPassive({ sod: await get('/at.sod.bin'), dataGroups: {}, trust: at, at: 'signing-time' });
    out.austria = [r.signature, r.chain];
  }
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
  const { signActiveAuthentication } = await import('@cancuoc/testkit');
  const card = await issueTestCard();
  const challenge = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  const json = JSON.stringify({
    csca: card.pki.csca.pem,
    sod: hex(card.files.sod),
    dataGroups: Object.fromEntries(Object.entries(card.files.dataGroups).map(([k, v]) => [k, hex(v)])),
    challenge: hex(challenge),
    aaSignature: hex(await signActiveAuthentication(card.keys.aa, challenge)),
    at: hasVectors,
  });
  const files: Record<string, [string, Uint8Array | string]> = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>'],
    '/app.js': ['text/javascript', bundle.outputFiles[0]!.contents],
    '/card.json': ['application/json', json],
  };
  if (hasVectors) {
    files['/at.sod.bin'] = ['application/octet-stream', vector('sod/countries/AT-ecdsa-bp256.sod.bin')];
    files['/at.csca.der'] = ['application/octet-stream', vector('sod/countries/AT.csca.der')];
  }
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
  it('verifies a card passively, detects tampering, checks AA and brainpool without node:crypto', async () => {
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
      expect(out).toMatchObject({
        node: false,
        card: { verified: true, reasons: [] },
        tampered: 'mismatch',
        name: 'Nguyễn Văn An',
        resident: { code: '01', name: 'Kinh' },
        aa: true,
        ...(hasVectors ? { austria: ['valid', 'trusted'] } : {}),
      });
      expect(requests.every((u) => u.startsWith(base))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
