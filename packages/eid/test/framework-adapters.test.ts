import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  startTestOidcProvider,
  TestBrowser,
  type TestOidcProvider,
  testEidAccounts,
} from '@cancuoc/testkit/oidc';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEidHandler, type EidHandler, toHonoMiddleware } from '../src/handler/index.js';
import { createEidClient } from '../src/index.js';
import { toNodeListener } from '../src/node/index.js';

const [citizen] = testEidAccounts as [(typeof testEidAccounts)[0]];
const secret = 'framework adapters test secret, 32+ bytes';
let op: TestOidcProvider;
const servers: Server[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function eidFor(origin: string): EidHandler {
  const client = createEidClient({
    issuer: op.issuer,
    clientId: op.clients.basic.clientId,
    clientSecret: op.clients.basic.clientSecret ?? '',
    redirectUri: `${origin}/auth/callback`,
    allowInsecureRequests: true,
  });
  return createEidHandler({ client, secret });
}

async function listen(port: number, listener: Parameters<typeof createServer>[1]): Promise<void> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
}

let honoOrigin: string;

beforeAll(async () => {
  const honoPort = await freePort();
  honoOrigin = `http://127.0.0.1:${honoPort}`;
  op = await startTestOidcProvider({ redirectUris: [`${honoOrigin}/auth/callback`] });

  const honoEid = eidFor(honoOrigin);
  const app = new Hono();
  app.use(toHonoMiddleware(honoEid.handle));
  app.get('/', async (c) =>
    c.text(`hono: ${(await honoEid.getSession(c.req.raw))?.identity.fullName ?? 'anonymous'}`),
  );
  await listen(
    honoPort,
    toNodeListener((request) => app.fetch(request)),
  );
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await op.close();
});

describe('framework adapters', () => {
  it('logs in through a Hono app (toHonoMiddleware) and passes other routes on', async () => {
    const browser = new TestBrowser();
    expect(await (await browser.request(`${honoOrigin}/`)).text()).toBe('hono: anonymous');
    const result = await browser.follow(`${honoOrigin}/auth/login`, { account: citizen.sub });
    expect(await result.response?.text()).toBe(`hono: ${citizen.fullName}`);
  });
});
