import { LABEL_PREFIX_RE, MAX_PAYLOAD_LENGTH } from './internal/fields.js';

/** What a QR code's text is: a citizen ID card QR, a BHYT card QR, or something else. */
export type QrKind = 'card' | 'insurance' | 'unknown';

// A card QR starts with the 12-digit personal ID; a BHYT QR with its card code (15 characters
// or 10 digits) and ends with `$` (reference notes cccd-formats.md §1.2 and §5.2).
const CARD_RE = /^\d{12}\|/;
const INSURANCE_RE = /^(?:[A-Za-z]{2}[1-5]\d{12}|\d{10})\|[\s\S]*\|\s*\$$/;

/**
 * Tells from its text which kind of identity QR code a scan is, without validating the fields
 * (use `readIdentityQr` to parse). Never throws for a string.
 *
 * @throws TypeError when `text` is not a string.
 * @example
 * ```ts
 * detectQrKind('001098012345||NGUYỄN VĂN A|15081998|Nam|Hà Nội|25052021') // 'card'
 * detectQrKind('https://example.com') // 'unknown'
 * ```
 */
export function detectQrKind(text: string): QrKind {
  if (typeof text !== 'string') throw new TypeError('detectQrKind expects a string');
  if (text.length > MAX_PAYLOAD_LENGTH) return 'unknown';
  const t = text
    .trim()
    .replace(/^\ufeff/, '')
    .normalize('NFC')
    .replace(LABEL_PREFIX_RE, '');
  if (CARD_RE.test(t) && t.split('|').length >= 7) return 'card';
  if (INSURANCE_RE.test(t)) return 'insurance';
  return 'unknown';
}
