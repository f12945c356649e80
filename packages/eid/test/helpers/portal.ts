/** A loopback portal for handler tests: one server whose handler each test may replace. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  startTestOidcProvider,
  type TestOidcProvider,
  type TestOidcProviderOptions,
} from '@cancuoc/testkit/oidc';
import { createEidHandler, type EidHandler, type EidHandlerOptions } from '../../src/handler/index.js';
import { createEidClient, type EidClient } from '../../src/index.js';
import { toNodeListener } from '../../src/node/index.js';

export const SECRET = 'handler security test secret, 32+ bytes';

export interface TestPortal {
  readonly origin: string;
  readonly op: TestOidcProvider;
  readonly client: EidClient;
  /** The handler in use. */
  eid: EidHandler;
  /** Replaces the handler (same client and secret unless given). */
  use(options?: Partial<EidHandlerOptions>): EidHandler;
  close(): Promise<void>;
}

/** Options of {@link startPortal}. */
export interface PortalOptions {
  /** Register `<origin>/auth/backchannel-logout` at the provider (its backchannelLogout feature). */
  readonly backchannelLogout?: boolean;
  /** More options for the provider. */
  readonly provider?: TestOidcProviderOptions;
}

export async function startPortal(portalOptions: PortalOptions = {}): Promise<TestPortal> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const op = await startTestOidcProvider({
    redirectUris: [`${origin}/auth/callback`],
    postLogoutRedirectUris: [`${origin}/`],
    ...(portalOptions.backchannelLogout ? { backchannelLogoutUri: `${origin}/auth/backchannel-logout` } : {}),
    ...portalOptions.provider,
  });
  const client = createEidClient({
    issuer: op.issuer,
    clientId: op.clients.basic.clientId,
    clientSecret: op.clients.basic.clientSecret ?? '',
    redirectUri: `${origin}/auth/callback`,
    postLogoutRedirectUri: `${origin}/`,
    allowInsecureRequests: true,
  });
  const portal: TestPortal = {
    origin,
    op,
    client,
    eid: createEidHandler({ client, secret: SECRET }),
    use(options = {}) {
      portal.eid = createEidHandler({ client, secret: SECRET, ...options });
      return portal.eid;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await op.close();
    },
  };
  const listener = toNodeListener(async (request) => {
    const handled = await portal.eid.handle(request);
    if (handled) return handled;
    const session = await portal.eid.getSession(request);
    return new Response(session ? `hello ${session.identity.sub}` : 'anonymous', {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  });
  server.on('request', (req, res) => listener(req, res));
  return portal;
}

/** The `csrf` value of the logout confirmation page. */
export function csrfOf(html: string): string | undefined {
  return /name="csrf" value="([^"]+)"/.exec(html)?.[1];
}

export const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
});
