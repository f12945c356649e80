// OIDC Core §3.1.3.6 at_hash: base64url of the left half of the hash of the access token's ASCII
// bytes, the hash being that of the ID token's JWS algorithm. Neither jose nor oauth4webapi checks
// it for the code flow, and it is four lines on WebCrypto, so it is written here.
import { equalBytes, utf8Encode } from '@cancuoc/core';
import { base64url } from 'jose';

const HASHES: Readonly<Record<string, string>> = {
  RS256: 'SHA-256',
  PS256: 'SHA-256',
  ES256: 'SHA-256',
  RS384: 'SHA-384',
  PS384: 'SHA-384',
  ES384: 'SHA-384',
  RS512: 'SHA-512',
  PS512: 'SHA-512',
  ES512: 'SHA-512',
};

/** Whether `atHash` matches `accessToken` for a token signed with `alg`. @internal */
export async function atHashMatches(atHash: string, accessToken: string, alg: string): Promise<boolean> {
  const hash = HASHES[alg];
  if (hash === undefined) return false;
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest(hash, utf8Encode(accessToken) as Uint8Array<ArrayBuffer>),
  );
  const expected = utf8Encode(base64url.encode(digest.slice(0, digest.length / 2)));
  return equalBytes(expected, utf8Encode(atHash));
}
