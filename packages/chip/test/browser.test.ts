// @cancuoc/chip in a real browser (Debian's chromium, headless, driven by playwright-core): the
// bundle an application would ship verifies a test card (RSASSA-PSS, WebCrypto + BigInt RSA) and a
// real Austrian SOD on explicit brainpoolP256r1 (@noble/curves), with no node:crypto. Skipped when
// /usr/bin/chromium is absent (CI needs the Debian package `chromium`).
import { fileURLToPath } from 'node:url';
import { issueTestCard, signActiveAuthentication } from '@cancuoc/testkit';
import { type BrowserFile, chromiumSkipReason, runInBrowser } from '@cancuoc/testkit/browser';
import { describe, expect, it } from 'vitest';
import { hasVectors, vector } from './vectors.js';

const skip = chromiumSkipReason();
if (skip) console.warn(skip);

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

describe.skipIf(skip !== undefined)('in a browser (chromium)', () => {
  it('verifies a card passively, detects tampering, checks AA and brainpool without node:crypto', async () => {
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
    const files: Record<string, BrowserFile> = { '/card.json': { type: 'application/json', body: json } };
    if (hasVectors) {
      const octets = 'application/octet-stream';
      files['/at.sod.bin'] = { type: octets, body: vector('sod/countries/AT-ecdsa-bp256.sod.bin') };
      files['/at.csca.der'] = { type: octets, body: vector('sod/countries/AT.csca.der') };
    }
    const { result, origin, requests } = await runInBrowser({
      script: PAGE_SCRIPT,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      files,
    });
    expect(result).toMatchObject({
      node: false,
      card: { verified: true, reasons: [] },
      tampered: 'mismatch',
      name: 'Nguyễn Văn An',
      resident: { code: '01', name: 'Kinh' },
      aa: true,
      ...(hasVectors ? { austria: ['valid', 'trusted'] } : {}),
    });
    expect(requests.every((u) => u.startsWith(origin))).toBe(true);
  }, 60_000);
});
