import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDg13 } from '@cancuoc/chip';
import { readCard } from '@cancuoc/reader';
import { type BridgeSocketConstructor, createBridgeTransport } from '@cancuoc/reader/bridge';
import { startTestOidcProvider, type TestOidcProvider } from '@cancuoc/testkit/oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Capture, cli, tempDir } from './helpers.js';

let provider: TestOidcProvider;
let dir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  provider = await startTestOidcProvider();
  ({ dir, remove } = await tempDir());
  await writeFile(join(dir, 'jwks.json'), JSON.stringify(provider.jwks()));
  await writeFile(join(dir, 'not-json.json'), 'keys: none');
  await writeFile(join(dir, 'no-keys.json'), '{"issuer":"x"}');
}, 60_000);
afterAll(async () => {
  await provider.close();
  await remove();
});

const verify = (token: string, ...extra: string[]) => [
  'token',
  'verify',
  token,
  '--issuer',
  provider.issuer,
  '--audience',
  provider.clients.basic.clientId,
  ...extra,
];

describe('cancuoc token verify', () => {
  it('accepts a valid token against a JWKS file, masking the personal ID, without printing the token', async () => {
    const token = await provider.signToken({ SoDinhDanh: '001099001234', HoVaTen: 'Trần Thị Bình' });
    const r = await cli([...verify(token), '--jwks', 'jwks.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('VALID TOKEN');
    expect(r.stdout).toContain('001******234');
    expect(r.stdout).not.toContain('001099001234');
    expect(r.stdout + r.stderr).not.toContain(token);
  });

  it('accepts a valid token against the JWKS URL and gives JSON', async () => {
    const token = await provider.signToken({ SoDinhDanh: '001099001234' });
    const r = await cli([...verify(token), '--jwks', provider.endpoints.jwks, '--json', '--reveal']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      valid: boolean;
      identity: { sub: string; personalId: string; acr: string };
    };
    expect(out.valid).toBe(true);
    expect(out.identity).toMatchObject({ personalId: '001099001234', acr: 'LoA1' });
  });

  it('exits 1 for a token for another audience, an expired one, or a forged one', async () => {
    const other = await provider.signToken({ aud: 'someone-else' });
    const r = await cli([...verify(other), '--jwks', join(dir, 'jwks.json'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false, error: { code: 'ERR_EID_AUDIENCE' } });
    const expired = await provider.signToken({}, { now: Math.floor(Date.now() / 1000) - 3600 });
    const e = await cli([...verify(expired), '--jwks', join(dir, 'jwks.json')]);
    expect(e.code).toBe(1);
    expect(e.stdout).toContain('ERR_EID_EXPIRED');
    const [h, p] = (await provider.signToken()).split('.');
    const forged = await cli([...verify(`${h}.${p}.${'A'.repeat(342)}`), '--jwks', join(dir, 'jwks.json')]);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain('ERR_EID_SIGNATURE');
  });

  it('exits 3 for a key set that cannot be read or is not a JWKS', async () => {
    const token = await provider.signToken();
    for (const [jwks, code] of [
      ['missing.json', 'ERR_CLI_FILE_NOT_FOUND'],
      ['not-json.json', 'ERR_CLI_JWKS_UNUSABLE'],
      ['no-keys.json', 'ERR_CLI_JWKS_UNUSABLE'],
      ['http://127.0.0.1:9/jwks', 'ERR_EID_JWKS_UNAVAILABLE'],
    ] as const) {
      const r = await cli([...verify(token), '--jwks', jwks], { cwd: dir });
      expect(r.code, jwks).toBe(3);
      expect(r.stderr, jwks).toContain(code);
    }
  });

  it('exits 2 without --issuer, --audience or --jwks', async () => {
    expect((await cli(['token', 'verify', 'x.y.z', '--issuer', 'a', '--audience', 'b'])).code).toBe(2);
    expect((await cli(['token', 'verify', 'x.y.z'])).code).toBe(2);
  });
});

const DESK = 'https://desk.hospital.example';

/** `ws` sending an Origin header, as a browser page does. */
function socketFrom(origin: string): BridgeSocketConstructor {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
    }
  } as unknown as BridgeSocketConstructor;
}

describe('cancuoc bridge', () => {
  it('serves the card to a page of an allowed origin, prints the pairing code once, and stops on abort', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const controller = new AbortController();
    const done = cli(['bridge', '--simulated', '--port', '0', '--origin', DESK], {
      stdout,
      stderr,
      signal: controller.signal,
    });
    const [, url] = await stdout.waitFor(/Card reader bridge on (ws:\/\/127\.0\.0\.1:\d+)/);
    const [, token] = await stdout.waitFor(/Pairing code: (\S+)/);
    expect(stdout.text.match(new RegExp(token!, 'g'))).toHaveLength(1);
    // A page of another origin is refused at the upgrade, before any APDU.
    await expect(
      createBridgeTransport({ url: url!, token: token!, WebSocket: socketFrom('https://evil.example') }),
    ).rejects.toMatchObject({
      code: 'ERR_READER_BRIDGE_UNREACHABLE',
    });
    await stderr.waitFor(/refused: origin https:\/\/evil\.example/);
    const transport = await createBridgeTransport({ url: url!, token: token!, WebSocket: socketFrom(DESK) });
    const card = await readCard(transport, { access: { can: '012345' } });
    expect(parseDg13(card.dataGroups[13]!).fullName).toBe('Nguyễn Văn An');
    await transport.close();
    controller.abort();
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain(token!);
  });

  it('exits 2 without --origin or with something that is not an origin', async () => {
    expect((await cli(['bridge', '--simulated'])).code).toBe(2);
    const r = await cli(['bridge', '--simulated', '--origin', 'https://desk.example/page']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--origin');
  });
});
