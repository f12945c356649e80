/**
 * Canonical base64url (RFC 4648 §3.5, §5): the bits a last partial character does not use must be
 * zero, and a lone last character is no encoding at all. Decoders (jose's included) ignore those
 * bits, so without this check one signed token has up to 16 spellings, and a deny list keyed on
 * the token string misses all but one.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Whether a base64url segment (alphabet already checked, no padding) is the canonical spelling. */
export function isCanonicalBase64url(segment: string): boolean {
  const rest = segment.length % 4;
  if (rest === 1) return false;
  if (rest === 0) return true;
  const last = ALPHABET.indexOf(segment.charAt(segment.length - 1));
  // 2 characters carry 8 bits (4 unused), 3 carry 16 (2 unused).
  return last >= 0 && (last & (rest === 2 ? 0x0f : 0x03)) === 0;
}
