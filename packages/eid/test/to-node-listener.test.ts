import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNodeListener } from '../src/node/index.js';

let server: Server;
let origin: string;
const seen: string[] = [];

// Express-style chain: our listener first, then a fallback that proves next() was called.
const listener = toNodeListener(
  async (request) => {
    seen.push(request.url);
    const url = new URL(request.url);
    if (url.pathname === '/web/echo') {
      const body = request.method === 'POST' ? await request.text() : '';
      const headers = new Headers({ 'content-type': 'text/plain; charset=utf-8' });
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/');
      return new Response(`${request.method} ${body} ${request.headers.get('x-test') ?? ''}`, {
        status: 201,
        headers,
      });
    }
    if (url.pathname === '/web/boom') throw new Error('boom');
    return undefined;
  },
  { trustProxy: true },
);

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/plain')) {
      toNodeListener(() => undefined)(req, res);
      return;
    }
    listener(req, res, (error?: unknown) => {
      if (error) {
        res.statusCode = 500;
        res.end('error passed to next');
        return;
      }
      // The next middleware reads the whole body, as a body parser or an upload handler would.
      let bytes = 0;
      req.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      req.on('end', () => {
        res.statusCode = 299;
        res.end(`next ${bytes}`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('toNodeListener', () => {
  it('turns node requests into web Requests and writes the Response back, with every Set-Cookie', async () => {
    const response = await fetch(`${origin}/web/echo`, {
      method: 'POST',
      body: 'hello',
      headers: { 'x-test': 'yes' },
    });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('POST hello yes');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  it('calls next() for paths the handler does not own, and passes errors to next', async () => {
    const other = await fetch(`${origin}/elsewhere`);
    expect(other.status).toBe(299);
    const boom = await fetch(`${origin}/web/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.text()).toBe('error passed to next');
  });

  it('answers 404 without next (plain node:http)', async () => {
    expect((await fetch(`${origin}/plain`)).status).toBe(404);
  });

  it('honours X-Forwarded-Proto and -Host only when trusted', async () => {
    await fetch(`${origin}/web/echo`, {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'portal.example.test' },
    });
    expect(seen.at(-1)).toBe('https://portal.example.test/web/echo');
  });

  for (const size of [16 * 1024, 64 * 1024 + 1, 1024 * 1024]) {
    it(`leaves a ${size}-byte body untouched for next() on paths the handler does not own`, async () => {
      const body = new Uint8Array(size).fill(0x61);
      const response = await fetch(`${origin}/upload`, { method: 'POST', body });
      expect(response.status).toBe(299);
      expect(await response.text()).toBe(`next ${size}`);
    });
  }

  it('still gives the handler the body on its own routes', async () => {
    const body = 'x'.repeat(200_000);
    const response = await fetch(`${origin}/web/echo`, { method: 'POST', body });
    expect((await response.text()).length).toBe(`POST ${body} `.length);
  });
});
