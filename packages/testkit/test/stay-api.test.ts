import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STAY_API_MESSAGES, type StayApi, startStayApi } from '../src/index.js';

const CREDS = { username: 'cslt1', password: 'pw-1', clientId: 'API_CSLT', clientSecret: 's3cret' } as const;
const basic = `Basic ${Buffer.from(`${CREDS.clientId}:${CREDS.clientSecret}`).toString('base64')}`;

let api: StayApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const vnNow = () => {
  const d = new Date(Date.now() + 7 * 3_600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
};
const item = (n: string, over: Record<string, unknown> = {}) => ({
  hoTen: 'NGUYỄN VĂN AN',
  gioiTinh: 'M',
  ngayThangNamSinhStr: '1998-08-15',
  ngayDenCsltStr: vnNow(),
  ngayDiDuKienStr: vnNow(),
  lyDoCuTru: 1,
  loaiGiayTo: 1,
  soGiayTo: n,
  soPhong: '1',
  ...over,
});

async function token(server: StayApi): Promise<string> {
  const r = await fetch(`${server.url}/authorization-service/oauth/token`, {
    method: 'POST',
    headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      username: CREDS.username,
      password: CREDS.password,
      'grant-type': 'api_cslt',
    }),
  });
  const body = (await r.json()) as {
    code: string;
    data: { AccessToken: string; Exp: number; MaTTCuaCslt: string };
  };
  expect(body.code).toBe('200');
  expect(body.data.Exp).toBeGreaterThan(Date.now() / 1000);
  return body.data.AccessToken;
}

const post = (server: StayApi, path: string, access: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('startStayApi', () => {
  it('issues tokens only for the right Basic credentials and facility account', async () => {
    api = await startStayApi(CREDS);
    await token(api);
    const wrong = await fetch(`${api.url}/authorization-service/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: CREDS.username, password: 'x', 'grant-type': 'api_cslt' }),
    });
    expect(wrong.status).toBe(401);
    expect(api.stats.tokensIssued).toBe(1);
  });

  it('stores a valid batch, answers a re-sent one with the duplicate message, keeps each stay once', async () => {
    api = await startStayApi(CREDS);
    const access = await token(api);
    const path = '/client-service/kbtt-vn/kbtt-3th';
    // One notice sent twice (built once: two calls to vnNow() may straddle a minute).
    const stay = item('001098012345');
    expect(await (await post(api, path, access, [stay])).json()).toMatchObject({
      code: '200',
    });
    const again = await post(api, path, access, [stay]);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { message: string }).message).toBe(
      `Bản khai báo 1: ${STAY_API_MESSAGES.duplicate}`,
    );
    expect(api.accepted).toHaveLength(1);
  });

  it('refuses a whole batch for one bad item, naming it (all or nothing)', async () => {
    api = await startStayApi(CREDS);
    const access = await token(api);
    const r = await post(api, '/client-service/kbtt-vn/kbtt-3th', access, [
      item('001098012345'),
      item('12345', { lyDoCuTru: 20 }),
    ]);
    const body = (await r.json()) as { code: string; message: string };
    expect(body.code).toBe('400');
    expect(body.message).toBe(
      `Bản khai báo 2: ${STAY_API_MESSAGES.citizenCard},\nBản khai báo 2: ${STAY_API_MESSAGES.reasonDetail}`,
    );
    expect(api.accepted).toHaveLength(0);
  });

  it('refuses an unknown bearer token with HTTP 401', async () => {
    api = await startStayApi(CREDS);
    const r = await post(api, '/client-service/kbtt/kbtt-3th', 'nope', [item('1')]);
    expect(r.status).toBe(401);
    expect(api.stats.submissions).toBe(0);
  });

  it('serves the public catalogues without a token', async () => {
    api = await startStayApi(CREDS);
    const get = async (p: string) =>
      ((await (await fetch(`${api!.url}/cms-backend/public/${p}`)).json()) as { data: unknown[] }).data;
    expect(await get('dm-tinh-tp/get-all')).toContainEqual({
      maTT: '201',
      tenTT: 'Thành phố Hà Nội',
      tenTTEn: 'HA NOI',
      maTTChu: 'HN',
    });
    expect(await get('dm-qt/3th/get-all')).toContainEqual({ maQT: 'D', tenQT: 'Đức', tenQTEn: 'GERMANY' });
    expect(await get('dm-phuong-xa?trucThuocTinh=223')).toHaveLength(2);
    expect(await get('ly-do-cu-tru/get-all')).toContainEqual({ id: 20, name: 'Khác' });
    expect(await get('loai-giay-to/get-all')).toHaveLength(8);
    expect(await get('noi-cu-tru/get-all')).toContainEqual({ id: 1, name: 'Thường trú' });
  });

  it('keeps node:http out of the module graph until it starts (the main entry loads in a browser)', () => {
    const dir = join(import.meta.dirname, '../src/stay-api');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/^import (?!type )[^;]*from 'node:/m);
    }
  });
});
