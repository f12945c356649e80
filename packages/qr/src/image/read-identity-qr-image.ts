import { isPersonalId } from '@cancuoc/id-number';
import { detectQrKind } from '../detect-qr-kind.js';
import { qrError } from '../errors.js';
import { type IdentityQr, readIdentityQr, safeReadIdentityQr } from '../read-identity-qr.js';
import {
  type DecodedQr,
  type DecodeQrImageOptions,
  decodeQrImageDetailed,
  type QrImageInput,
} from './decode-qr-image.js';

/** An identity QR code read from an image: the parsed payload and where the symbol was. */
export type IdentityQrImage = IdentityQr & { readonly symbol: DecodedQr };

// Card and BHYT QR codes carry UTF-8 without an ECI header. A payload that is not valid UTF-8 is
// damaged, not Shift_JIS: decode it leniently so that the parsers see U+FFFD (and warn) or
// mojibake (and repair it), instead of trusting decodeQrImage's character-set guess.
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The payload of a symbol as the identity parsers read it. */
export function identityText(symbol: DecodedQr): string {
  return lenientUtf8.decode(symbol.bytes);
}

/**
 * Whether a decoded symbol is an identity QR the photo cascade may stop at: it parses as a card
 * QR whose personal ID has a valid structure (province or country code, century and sex digit)
 * and whose bytes were valid UTF-8, or as a BHYT QR. Anything else — another QR in the picture,
 * or a misread — lets the cascade go on instead of ending with a wrong text.
 */
export function isAcceptableIdentityQr(symbol: DecodedQr): boolean {
  const text = identityText(symbol);
  if (detectQrKind(text) === 'unknown') return false;
  const read = safeReadIdentityQr(text);
  if (!read.success) return false;
  if (read.data.kind === 'insurance') return true;
  const { card } = read.data;
  return (
    isPersonalId(card.personalId) && !card.warnings.some((w) => w.code === 'ERR_QR_REPLACEMENT_CHARACTER')
  );
}

/** Options of {@link readIdentityQrImage}. */
export interface ReadIdentityQrImageOptions extends Omit<DecodeQrImageOptions, 'accept'> {
  /**
   * Time budget of the photo cascade in milliseconds (default 100, see `decodeQrImage`); 0 for
   * the plain read only.
   */
  readonly timeBudgetMs?: number;
}

/**
 * Reads the identity QR code in a photo or camera frame in one call: `decodeQrImage` with the
 * photo cascade (time budget 100 ms by default), then `readIdentityQr` on the first code that is a
 * card QR or a BHYT QR (other QR codes in the picture, such as a payment code, are skipped). The
 * cascade stops only at a code that parses, with a well-formed personal ID, so a hard photo never
 * ends in a wrong text. The payload is read as UTF-8, whatever the symbol's ECI or zxing's guess,
 * so damaged bytes reach the parser's repairs and warnings.
 *
 * @throws CancuocError `ERR_QR_NOT_FOUND` (no QR code in the image), `ERR_QR_UNKNOWN_KIND` (QR
 *   codes, but none of an identity card), the parsers' codes for a damaged payload, and the
 *   `decodeQrImage` codes.
 * @throws RangeError for a negative `timeBudgetMs`.
 * @example
 * ```ts
 * const scan = await readIdentityQrImage(await readFile('card.jpg'));
 * const warnings = scan.kind === 'card' ? scan.card.warnings : [];
 * ```
 */
export async function readIdentityQrImage(
  input: QrImageInput,
  options: ReadIdentityQrImageOptions = {},
): Promise<IdentityQrImage> {
  const { timeBudgetMs = 100, ...rest } = options;
  const { found, plain } = await decodeQrImageDetailed(input, {
    ...rest,
    timeBudgetMs,
    accept: isAcceptableIdentityQr,
  });
  const [symbol] = found;
  if (symbol) return { ...readIdentityQr(identityText(symbol)), symbol };
  return fromPlainRead(plain);
}

/**
 * Nothing the cascade accepts (or no cascade): the plain read says why — no code, another kind of
 * code, or an identity code whose payload is damaged (the parser's typed error).
 */
export function fromPlainRead(plain: readonly DecodedQr[]): IdentityQrImage {
  if (plain.length === 0) throw qrError('ERR_QR_NOT_FOUND');
  for (const symbol of plain) {
    const text = identityText(symbol);
    if (detectQrKind(text) !== 'unknown') return { ...readIdentityQr(text), symbol };
  }
  throw qrError('ERR_QR_UNKNOWN_KIND');
}
