import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { insuranceGatewayTestAccount, insuredTestPeople, startInsuranceGateway } from '../src/index.js';

describe('startInsuranceGateway', () => {
  it('keeps node:http out of a browser bundle of testkit and its simulators', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      stdin: {
        contents:
          "export * from './src/index.ts'; export { startInsuranceGateway } from './src/insurance-gateway/index.ts'; export { startStayApi } from './src/stay-api/index.ts';",
        resolveDir: fileURLToPath(new URL('..', import.meta.url)),
        loader: 'ts',
      },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      conditions: ['@cancuoc/source'],
      logLevel: 'silent',
    });
    expect(result.errors).toHaveLength(0);
  });

  it('logs in with the MD5 password and answers a card check, refusing an unknown token', async () => {
    const { username, password, staff } = insuranceGatewayTestAccount;
    const gw = await startInsuranceGateway({
      people: insuredTestPeople,
      username,
      password,
      staff,
      expiresStyle: 'unix',
    });
    try {
      const { md5 } = await import('@noble/hashes/legacy.js');
      const hash = Buffer.from(md5(new TextEncoder().encode(password))).toString('hex');
      const login = (await (
        await fetch(`${gw.url}/api/token/take`, {
          method: 'POST',
          body: new URLSearchParams({ username, password: hash }),
        })
      ).json()) as {
        maKetQua: string;
        APIKey: { access_token: string; id_token: string; expires_in: number };
      };
      expect(login.maKetQua).toBe('200');
      expect(login.APIKey.expires_in).toBeGreaterThan(Date.now() / 1000);
      const form = new URLSearchParams({
        maThe: 'DN4010120012345',
        hoTen: 'NGUYỄN VĂN AN',
        ngaySinh: '15/01/1999',
        hoTenCb: staff[0].fullName,
        cccdCb: staff[0].personalId,
      });
      const query = (token: string) =>
        new URLSearchParams({
          token,
          id_token: login.APIKey.id_token,
          username,
          password: hash.toUpperCase(),
        });
      const ok = await fetch(`${gw.url}/api/egw/KQNhanLichSuKCB2024?${query(login.APIKey.access_token)}`, {
        method: 'POST',
        body: form,
      });
      expect(((await ok.json()) as { maKetQua: string }).maKetQua).toBe('000');
      const refused = await fetch(`${gw.url}/api/egw/KQNhanLichSuKCB2024?${query('forged')}`, {
        method: 'POST',
        body: form,
      });
      expect(((await refused.json()) as { maKetQua: string }).maKetQua).toBe('401');
      expect(gw.stats).toMatchObject({ tokensIssued: 1, cardChecks: 2, unauthorized: 1 });
    } finally {
      await gw.close();
    }
  });
});
