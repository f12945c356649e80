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

/**
 * Reads the identity QR code in a photo or camera frame in one call: `decodeQrImage`, then
 * `readIdentityQr` on the first code that is a card QR or a BHYT QR (other QR codes in the
 * picture, such as a payment code, are skipped).
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
  const symbol = found.find((qr) => detectQrKind(qr.text) !== 'unknown');
  if (!symbol) throw qrError('ERR_QR_UNKNOWN_KIND');
  return { ...readIdentityQr(symbol.text), symbol };
}
