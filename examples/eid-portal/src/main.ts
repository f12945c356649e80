/**
 * `pnpm --filter @cancuoc/example-eid-portal start`: runs the portal. With EID_CLIENT_ID,
 * EID_CLIENT_SECRET, PUBLIC_URL and SESSION_SECRET set it talks to the national portal's login
 * server (preset `dvcqg`, or `EID_PRESET=dvcqg-test`); without them it starts the local test
 * provider from @cancuoc/testkit on 127.0.0.1 and logs in a synthetic citizen. Ctrl+C stops it.
 */
import { startPortal } from './portal.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);

if (env.EID_CLIENT_ID && env.EID_CLIENT_SECRET && env.PUBLIC_URL && env.SESSION_SECRET) {
  const preset = env.EID_PRESET === 'dvcqg-test' ? 'dvcqg-test' : 'dvcqg';
  const portal = await startPortal({
    provider: { preset, ...(env.EID_ISSUER ? { issuer: env.EID_ISSUER } : {}) },
    clientId: env.EID_CLIENT_ID,
    clientSecret: env.EID_CLIENT_SECRET,
    publicUrl: env.PUBLIC_URL,
    sessionSecret: env.SESSION_SECRET,
    port,
  });
  console.log(`Portal on ${portal.url} (public URL ${env.PUBLIC_URL}), provider preset ${preset}`);
} else {
  const { startTestOidcProvider } = await import('@cancuoc/testkit/oidc');
  const publicUrl = `http://127.0.0.1:${port}`;
  const op = await startTestOidcProvider({
    redirectUris: [`${publicUrl}/auth/callback`],
    postLogoutRedirectUris: [`${publicUrl}/`],
  });
  const portal = await startPortal({
    provider: { issuer: op.issuer, allowInsecureRequests: true },
    clientId: op.clients.basic.clientId,
    clientSecret: op.clients.basic.clientSecret ?? '',
    publicUrl,
    sessionSecret: crypto.randomUUID() + crypto.randomUUID(),
    port,
  });
  console.log(`Portal on ${portal.url}, logging in against the local test provider ${op.issuer}`);
  process.once('SIGINT', () => {
    void Promise.all([portal.close(), op.close()]).then(() => process.exit(0));
  });
}
