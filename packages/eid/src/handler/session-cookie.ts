/**
 * Signed and encrypted cookies with jose: the payload is a JWT signed with HS256, then encrypted
 * as a JWE (dir, A256GCM). Both keys are derived from one application secret with HKDF-SHA256
 * (RFC 5869) under distinct labels, so a leak of one use never exposes the other. @internal
 */
import { utf8Decode, utf8Encode } from '@cancuoc/core';
import { CompactEncrypt, compactDecrypt, type JWTPayload, jwtVerify, SignJWT } from 'jose';

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
  const bytes = typeof secret === 'string' ? utf8Encode(secret) : secret;
  if (!(bytes instanceof Uint8Array) || bytes.length < 32) {
    throw new RangeError('The session secret must be at least 32 bytes long');
  }
  const [sign, encrypt] = await Promise.all([
    hkdf(bytes, 'cancuoc eid session cookie: HS256'),
    hkdf(bytes, 'cancuoc eid session cookie: A256GCM'),
  ]);
  return { sign, encrypt };
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

/** Opens a sealed cookie; `undefined` when it is missing, expired, for another purpose or tampered with. */
export async function openCookie(
  keys: CookieKeys,
  purpose: string,
  value: string | undefined,
): Promise<JWTPayload | undefined> {
  if (!value || value.length > 8192) return undefined;
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

/** Reads one cookie from a `Cookie` header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
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
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}
