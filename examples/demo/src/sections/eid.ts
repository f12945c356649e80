import { formatPartialDate, isCancuocError, maskId } from '@cancuoc/core';
import { createEidClient, eidIdentityToResident, verifyEidToken } from '@cancuoc/eid';
import { startTestOidcProvider, TestBrowser, testEidAccounts } from '@cancuoc/testkit/oidc';
import { heading, line } from '../print.js';

/**
 * "Log in with VNeID" end to end against a real OpenID provider started in-process on loopback
 * (synthetic citizen), then standalone token verification; everything is closed at the end.
 */
export async function eidSection(): Promise<void> {
  heading('eid: log in with VNeID (local test provider on 127.0.0.1)');
  const redirectUri = 'http://127.0.0.1:9/auth/callback';
  const op = await startTestOidcProvider({ discovery: false, redirectUris: [redirectUri] });
  try {
    // The national portal publishes no discovery document: use the preset's paths.
    const client = createEidClient({
      preset: 'dvcqg',
      baseUrl: op.issuer,
      issuer: op.issuer,
      clientId: op.clients.basic.clientId,
      clientSecret: op.clients.basic.clientSecret ?? '',
      redirectUri,
      acrValues: 'LoA1',
      requiredAcr: 'LoA1',
      allowInsecureRequests: true,
    });
    const { url, loginState } = await client.authorizationUrl();
    line('authorization request', `${url.pathname}?…&acr_values=LoA1&code_challenge_method=S256`);
    const citizen = testEidAccounts[1]?.sub ?? '';
    const browser = new TestBrowser();
    const callback = await browser.follow(url, {
      account: citizen,
      stopAt: (u) => u.href.startsWith(redirectUri),
    });
    const { identity, tokens } = await client.handleCallback(callback.url, loginState);
    line('logged in: personalId', maskId(identity.personalId ?? ''));
    line('fullName', identity.fullName);
    line('dateOfBirth', identity.dateOfBirth ? formatPartialDate(identity.dateOfBirth, 'dd/MM/yyyy') : '');
    line('sex (from the ID number)', identity.sex);
    line('acr / loginIdp', `${identity.acr} / ${identity.loginIdp}`);
    const resident = eidIdentityToResident(identity);
    line('as ResidentRecord', { ...resident, personalId: maskId(resident.personalId) });

    // A back end receiving the ID token from a mobile app verifies it on its own.
    const jwksUri = op.endpoints.jwks;
    const options = { issuer: op.issuer, audience: op.clients.basic.clientId, jwksUri, requiredAcr: 'LoA1' };
    const verified = await verifyEidToken(tokens.idToken, options);
    line('verifyEidToken(id_token)', `ok, sub ${verified.sub.slice(0, 8)}…`);
    const [h, p, s] = (tokens.idToken ?? '').split('.');
    const tampered = `${h}.${p?.slice(0, -4)}AAAA.${s}`;
    for (const [label, token] of [
      ['tampered payload', tampered],
      ['alg: none', `${btoa('{"alg":"none"}').replace(/=/g, '')}.${p}.`],
    ] as const) {
      const outcome = await verifyEidToken(token, options).then(
        () => 'accepted (!)',
        (e: unknown) => (isCancuocError(e) ? `${e.code}: ${e.messageVi}` : String(e)),
      );
      line(label, outcome);
    }
  } finally {
    await op.close();
  }
}
