/**
 * Hex-encoded UTF-8 text as the BHYT card QR carries names and addresses, decoded defensively:
 * a kiosk project stopped reading the name field because "field [1] is not always plain
 * hex-UTF8" (reference notes cccd-formats.md §5.2), so a value that is not even-length hex or
 * not valid UTF-8 text is kept as read.
 */
import { fromHex, isHex, toHex, utf8Decode, utf8Encode } from '@cancuoc/core';

// Decoded text must not hold control characters: hex that happens to decode to them is not a name.
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;

/** The decoded text, or `undefined` when the value is not hex-encoded UTF-8 text. */
export function decodeHexText(value: string): string | undefined {
  if (!isHex(value)) return undefined;
  let text: string;
  try {
    text = utf8Decode(fromHex(value));
  } catch {
    return undefined;
  }
  if (CONTROL_RE.test(text) || text.includes('\ufffd')) return undefined;
  return text.normalize('NFC');
}

/** Lower-case hex of the UTF-8 bytes of NFC text, as the cards write it. */
export function encodeHexText(text: string): string {
  return toHex(utf8Encode(text.normalize('NFC'))).toLowerCase();
}
