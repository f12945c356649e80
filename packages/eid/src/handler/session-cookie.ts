/**
 * Signed and encrypted cookies with jose: the payload is a JWT signed with HS256, then encrypted
 * as a JWE (dir, A256GCM). Both keys are derived from one application secret with HKDF-SHA256
 * (RFC 5869) under distinct labels, so a leak of one use never exposes the other. @internal
 */
import { utf8Decode, utf8Encode } from '@cancuoc/core';
import { CompactEncrypt, compactDecrypt, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { isCanonicalBase64url } from '../internal/base64url.js';

/** The two keys of a cookie sealer. */
export interface CookieKeys {
  readonly sign: Uint8Array;
  readonly encrypt: Uint8Array;
}

async function hkdf(secret: Uint8Array, label: string): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, 'HKDF', false, [
    'deriveBits',
  ]);
  const bits = await subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(32),
      info: utf8Encode(label) as Uint8Array<ArrayBuffer>,
    },
    base,
    256,
  );
  return new Uint8Array(bits);
}

/** Derives the signing and encryption keys from an application secret of at least 32 bytes. */
export async function deriveCookieKeys(secret: string | Uint8Array): Promise<CookieKeys> {
  const bytes = secretBytes(secret);
  const [sign, encrypt] = await Promise.all([
    hkdf(bytes, 'cancuoc eid session cookie: HS256'),
    hkdf(bytes, 'cancuoc eid session cookie: A256GCM'),
  ]);
  return { sign, encrypt };
}

function secretBytes(secret: string | Uint8Array): Uint8Array {
  const bytes = typeof secret === 'string' ? utf8Encode(secret) : secret;
  if (!(bytes instanceof Uint8Array) || bytes.length < 32) {
    throw new RangeError('The session secret must be at least 32 bytes long');
  }
  return bytes;
}

/** A key for HMAC tokens bound to a session (the logout confirmation token), under its own label. */
export async function deriveTokenKey(secret: string | Uint8Array): Promise<Uint8Array> {
  return hkdf(secretBytes(secret), 'cancuoc eid session: logout confirmation HMAC-SHA256');
}

/**
 * The key sets of one or several secrets (rotation: the first seals, any opens).
 *
 * @throws RangeError when no secret is given or one is shorter than 32 bytes.
 */
export async function deriveKeyRing(
  secret: string | Uint8Array | readonly (string | Uint8Array)[],
): Promise<{ cookies: CookieKeys[]; tokens: Uint8Array[] }> {
  const secrets = typeof secret === 'string' || secret instanceof Uint8Array ? [secret] : [...secret];
  if (secrets.length === 0) throw new RangeError('Give at least one session secret');
  const cookies = await Promise.all(secrets.map(deriveCookieKeys));
  const tokens = await Promise.all(secrets.map(deriveTokenKey));
  return { cookies, tokens };
}

/** Seals a payload for a cookie: sign, then encrypt. */
export async function sealCookie(
  keys: CookieKeys,
  purpose: string,
  payload: JWTPayload,
  maxAgeSec: number,
): Promise<string> {
  const jws = await new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(purpose)
    .setIssuedAt()
    .setExpirationTime(`${maxAgeSec}s`)
    .sign(keys.sign);
  return new CompactEncrypt(utf8Encode(jws))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'JWT' })
    .encrypt(keys.encrypt);
}

/**
 * Opens a sealed cookie with a key set, or with any of several (secret rotation); `undefined`
 * when it is missing, expired, for another purpose or tampered with.
 */
export async function openCookie(
  keys: CookieKeys | readonly CookieKeys[],
  purpose: string,
  value: string | undefined,
): Promise<JWTPayload | undefined> {
  if (!value || value.length > 8192 || !canonicalJwe(value)) return undefined;
  if (Array.isArray(keys)) {
    for (const k of keys) {
      const payload = await openCookie(k as CookieKeys, purpose, value);
      if (payload) return payload;
    }
    return undefined;
  }
  return openWith(keys as CookieKeys, purpose, value);
}

// A sealed cookie is a compact JWE with `dir`: five base64url segments, the encrypted-key one empty.
const COMPACT_JWE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Whether a cookie value is a compact JWE spelt canonically. jose's decoder ignores the unused
 * bits of a last partial base64url character, so without this check one sealed cookie had up to
 * 16 spellings that all opened (the authentication tag's last character carries 2 bits of 6).
 */
function canonicalJwe(value: string): boolean {
  return COMPACT_JWE.test(value) && value.split('.').every(isCanonicalBase64url);
}

async function openWith(keys: CookieKeys, purpose: string, value: string): Promise<JWTPayload | undefined> {
  try {
    const { plaintext } = await compactDecrypt(value, keys.encrypt, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const { payload } = await jwtVerify(utf8Decode(plaintext), keys.sign, {
      algorithms: ['HS256'],
      audience: purpose,
    });
    return payload;
  } catch {
    return undefined;
  }
}

/** Reads the first cookie of a name from a `Cookie` header. */
export function readCookie(header: string | null, name: string): string | undefined {
  return readCookies(header, name)[0];
}

/** Every value sent under a cookie name (several when a sibling domain planted one: cookie tossing). */
export function readCookies(header: string | null, name: string): string[] {
  const values: string[] = [];
  if (!header) return values;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/**
 * The value of a cookie only when exactly one was sent under its name: two cookies of one name
 * mean another site (a sibling subdomain, `Domain=` the parent) planted one, and neither can be
 * trusted to be ours.
 */
export function readOnlyCookie(header: string | null, name: string): string | undefined {
  const values = readCookies(header, name);
  return values.length === 1 ? values[0] : undefined;
}

/** Names of the cookies sent that start with a prefix, with their values. */
export function cookiesWithPrefix(header: string | null, prefix: string): [string, string][] {
  const found: [string, string][] = [];
  if (!header) return found;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    const name = eq > 0 ? part.slice(0, eq).trim() : '';
    if (name.startsWith(prefix)) found.push([name, part.slice(eq + 1).trim()]);
  }
  return found;
}

/** Options of {@link serializeCookie}. */
export interface CookieAttributes {
  readonly path: string;
  readonly maxAgeSec: number;
  readonly secure: boolean;
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax (the provider's redirect back is a top-level GET). */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  const parts = [
    `${name}=${value}`,
    `Path=${attributes.path}`,
    `Max-Age=${Math.max(0, Math.floor(attributes.maxAgeSec))}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  // RFC 6265bis §4.1.3.2: a `__Host-` cookie must be Secure, have Path=/ and no Domain.
  if (attributes.secure || name.startsWith('__Host-') || name.startsWith('__Secure-')) parts.push('Secure');
  return parts.join('; ');
}
