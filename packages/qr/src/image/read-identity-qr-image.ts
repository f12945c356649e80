import { detectQrKind } from '../detect-qr-kind.js';
import { qrError } from '../errors.js';
import { type IdentityQr, readIdentityQr } from '../read-identity-qr.js';
import {
  type DecodedQr,
  type DecodeQrImageOptions,
  decodeQrImage,
  type QrImageInput,
} from './decode-qr-image.js';

/** An identity QR code read from an image: the parsed payload and where the symbol was. */
export type IdentityQrImage = IdentityQr & { readonly symbol: DecodedQr };

// Card and BHYT QR codes carry UTF-8 without an ECI header. A payload that is not valid UTF-8 is
// damaged, not Shift_JIS: decode it leniently so that the parsers see U+FFFD (and warn) or
// mojibake (and repair it), instead of trusting decodeQrImage's character-set guess.
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Reads the identity QR code in a photo or camera frame in one call: `decodeQrImage`, then
 * `readIdentityQr` on the first code that is a card QR or a BHYT QR (other QR codes in the
 * picture, such as a payment code, are skipped). The payload is read as UTF-8, whatever the
 * symbol's ECI or zxing's guess, so damaged bytes reach the parser's repairs and warnings.
 *
 * @throws CancuocError `ERR_QR_NOT_FOUND` (no QR code in the image), `ERR_QR_UNKNOWN_KIND` (QR
 *   codes, but none of an identity card), the parsers' codes for a damaged payload, and the
 *   `decodeQrImage` codes.
 * @example
 * ```ts
 * const scan = await readIdentityQrImage(await readFile('card.jpg'));
 * const warnings = scan.kind === 'card' ? scan.card.warnings : [];
 * ```
 */
export async function readIdentityQrImage(
  input: QrImageInput,
  options: DecodeQrImageOptions = {},
): Promise<IdentityQrImage> {
  const found = await decodeQrImage(input, options);
  if (found.length === 0) throw qrError('ERR_QR_NOT_FOUND');
  for (const symbol of found) {
    const text = lenientUtf8.decode(symbol.bytes);
    if (detectQrKind(text) !== 'unknown') return { ...readIdentityQr(text), symbol };
  }
  throw qrError('ERR_QR_UNKNOWN_KIND');
}
