// The README's Node scanner service, run on loopback: a photo or scanner text in, JSON out.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isCancuocError, maskId } from '@cancuoc/core';
import { greyToJpeg, renderQrImage, rotate } from '@cancuoc/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIdentityQrImage } from '../src/image/index.js';
import { cardQrToCardData, readIdentityQr } from '../src/index.js';

const CARD = '079095012345||TRẦN VĂN HÙNG|31011995|Nam|12 Lê Lợi, Phường Bến Thành, TP. Hồ Chí Minh|01072024';
const logged: string[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    try {
      const scan = req.headers['content-type']?.startsWith('text/')
        ? readIdentityQr(body.toString('utf8'))
        : await readIdentityQrImage(new Uint8Array(body));
      if (scan.kind === 'card') logged.push(`card scanned ${maskId(scan.card.personalId)}`);
      const payload =
        scan.kind === 'card'
          ? { kind: scan.kind, card: cardQrToCardData(scan.card), warnings: scan.card.warnings }
          : { kind: scan.kind, insurance: scan.insurance };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    } catch (error) {
      if (!isCancuocError(error)) throw error;
      res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scan`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const post = async (body: Uint8Array | string, type: string) => {
  const res = await fetch(url, { method: 'POST', body: body as BodyInit, headers: { 'content-type': type } });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe('the README scanner service', () => {
  it('answers a JPEG photo of a card QR with CardData', async () => {
    const photo = greyToJpeg(rotate(renderQrImage(CARD, { moduleSize: 3 }), 20), 80);
    const { status, json } = await post(photo, 'image/jpeg');
    expect(status).toBe(200);
    expect(json).toMatchObject({
      kind: 'card',
      card: { cardKind: 'can-cuoc', source: 'qr', fullName: 'TRẦN VĂN HÙNG', sex: 'male' },
      warnings: [],
    });
    expect(logged).toContain('card scanned 079******345');
  });

  it('answers scanner text, and a damaged payload with the coded bilingual error', async () => {
    expect((await post(`${CARD}\r\n`, 'text/plain')).json).toMatchObject({ kind: 'card' });
    const { status, json } = await post(CARD.replace('31011995', '31021995'), 'text/plain');
    expect(status).toBe(422);
    expect(json).toMatchObject({
      code: 'ERR_QR_DATE_CALENDAR',
      messageVi: expect.stringContaining('ngày sinh'),
    });
    expect(JSON.stringify(json)).not.toContain('079095012345');
  });
});
