/**
 * A minimal public-service portal with "Đăng nhập bằng VNeID": a node:http server whose
 * `/auth/*` routes are @cancuoc/eid's generic handler, and a home page that greets the citizen.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatPartialDate, maskId } from '@cancuoc/core';
import { createEidClient, type EidClientOptions } from '@cancuoc/eid';
import { createEidHandler } from '@cancuoc/eid/handler';
import { toNodeListener } from '@cancuoc/eid/node';

/** Configuration of the portal. */
export interface PortalOptions {
  /** How the portal reaches the provider: a preset, an issuer for discovery, or endpoints. */
  readonly provider: Pick<
    EidClientOptions,
    'preset' | 'baseUrl' | 'issuer' | 'endpoints' | 'allowInsecureRequests'
  >;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The portal's public origin, e.g. `https://dichvu.example.gov.vn` (callback: `<origin>/auth/callback`). */
  readonly publicUrl: string;
  /** At least 32 bytes, from a secret store: seals the session cookie. */
  readonly sessionSecret: string;
  /** Port on 127.0.0.1 (default 0: a free port). */
  readonly port?: number;
}

/** A running portal. */
export interface Portal {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(body: string): Response {
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Cổng dịch vụ</title><body>${body}</body></html>`;
  return new Response(html, {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** Starts the portal on 127.0.0.1. */
export async function startPortal(options: PortalOptions): Promise<Portal> {
  const client = createEidClient({
    ...options.provider,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri: `${options.publicUrl}/auth/callback`,
    postLogoutRedirectUri: `${options.publicUrl}/`,
    acrValues: 'LoA1',
    requiredAcr: 'LoA1',
  });
  const eid = createEidHandler({ client, secret: options.sessionSecret });

  const listener = toNodeListener(async (request) => {
    const handled = await eid.handle(request);
    if (handled) return handled;
    const path = new URL(request.url).pathname;
    if (path !== '/') return new Response('Not found', { status: 404 });
    const session = await eid.getSession(request);
    if (!session) {
      return page('<h1>Cổng dịch vụ công</h1><p><a href="/auth/login">Đăng nhập bằng VNeID</a></p>');
    }
    const { fullName = '', personalId = '', dateOfBirth } = session.identity;
    return page(
      `<h1>Xin chào, ${escapeHtml(fullName)}</h1>` +
        `<p>Số định danh: ${escapeHtml(maskId(personalId))}</p>` +
        `<p>Ngày sinh: ${dateOfBirth ? formatPartialDate(dateOfBirth, 'dd/MM/yyyy') : ''}</p>` +
        // Logout is a POST with the session's token: a link or another site cannot log anyone out.
        '<form method="post" action="/auth/logout">' +
        `<input type="hidden" name="csrf" value="${escapeHtml(session.csrfToken ?? '')}">` +
        '<button type="submit">Đăng xuất</button></form>',
    );
  });

  const server = createServer((req, res) => listener(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
