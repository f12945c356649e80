/**
 * Repair of mojibake: UTF-8 text that a scanner or a program read as Windows-1252 (or Latin-1),
 * so that `NGUYỄN` arrives as `NGUYá»„N`. Keyboard-wedge scanners and serial-port readers set to a
 * legacy code page produce it. The repair re-encodes the characters as the single bytes they came
 * from and decodes those as strict UTF-8; genuine Vietnamese text never survives that round
 * (its letters outside Latin-1 have no single byte, and the Latin-1 ones are not valid UTF-8 on
 * their own), so it is left alone. Hand-written: the only npm encoders for Windows-1252
 * (iconv-lite and kin) are far larger than this table.
 */
import { isCancuocError, utf8Decode } from '@cancuoc/core';

// Windows-1252 bytes 0x80–0x9F and the characters they stand for (WHATWG Encoding, index-windows-1252).
const CP1252: Readonly<Record<number, number>> = {
  8364: 0x80,
  8218: 0x82,
  402: 0x83,
  8222: 0x84,
  8230: 0x85,
  8224: 0x86,
  8225: 0x87,
  710: 0x88,
  8240: 0x89,
  352: 0x8a,
  8249: 0x8b,
  338: 0x8c,
  381: 0x8e,
  8216: 0x91,
  8217: 0x92,
  8220: 0x93,
  8221: 0x94,
  8226: 0x95,
  8211: 0x96,
  8212: 0x97,
  732: 0x98,
  8482: 0x99,
  353: 0x9a,
  8250: 0x9b,
  339: 0x9c,
  382: 0x9e,
  376: 0x9f,
};

// A UTF-8 lead byte (Â–ï, U+00C2–U+00EF) read as a character, then a continuation byte
// (0x80–0xBF) read as a character: the signature of mojibake.
const SIGNATURE_RE =
  /[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]/;

/** The repaired text, or `undefined` when the text does not look like mojibake or does not decode. */
export function repairMojibake(text: string): string | undefined {
  if (!SIGNATURE_RE.test(text)) return undefined;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x100 ? c : CP1252[c];
    if (b === undefined) return undefined;
    bytes[i] = b;
  }
  try {
    return utf8Decode(bytes).normalize('NFC');
  } catch (error) {
    if (isCancuocError(error)) return undefined;
    throw error;
  }
}
