import chardet from 'chardet';
import { cleanError } from '../errors.js';

/** The text encoding of an input file, as iconv-lite names it, and whether it starts with a BOM. */
export interface DetectedEncoding {
  encoding: string;
  bom: boolean;
}

// Windows-1258 writes Vietnamese tones as combining marks: 0xCC grave, 0xEC acute, 0xD2 hook,
// 0xDE tilde, 0xF2 dot below (Microsoft's cp1258 table), and ơ/ư/đ as 0xF5/0xFD/0xF0. chardet
// has no model for cp1258 and calls such text windows-1252; these bytes after a Latin vowel
// tell the two apart.
const CP1258_TONES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);
const VOWEL = new Set([...'aeiouyAEIOUY', 'â', 'ê', 'ô', 'Â', 'Ê', 'Ô'].map((c) => c.charCodeAt(0)));
// In cp1258 â ê ô keep their Latin-1 bytes (0xE2 0xEA 0xF4), ă = 0xE3, ơ = 0xF5, ư = 0xFD.
for (const b of [0xe2, 0xea, 0xf4, 0xe3, 0xf5, 0xfd, 0xc2, 0xca, 0xd4, 0xc3, 0xd5, 0xdd]) VOWEL.add(b);

function looksLikeCp1258(sample: Uint8Array): boolean {
  let hits = 0;
  for (let i = 1; i < sample.length; i++) {
    if (CP1258_TONES.has(sample[i] as number) && VOWEL.has(sample[i - 1] as number)) hits++;
  }
  return hits >= 2;
}

/**
 * Detects the encoding of the first bytes of a text file: a BOM, UTF-16 without a BOM (NUL
 * bytes in every other position), strict UTF-8, then chardet's statistical guess, refined for
 * Windows-1258 (Vietnamese), which chardet does not model.
 *
 * @throws CancuocError `ERR_CLEAN_INPUT_BINARY` for data with NUL bytes that is not UTF-16.
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  let nulEven = 0;
  let nulOdd = 0;
  let control = 0;
  const n = Math.min(sample.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = sample[i] as number;
    if (b === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (nulOdd > n / 4 && nulEven === 0) return { encoding: 'utf-16le', bom: false };
  if (nulEven > n / 4 && nulOdd === 0) return { encoding: 'utf-16be', bom: false };
  if (nulEven + nulOdd > 0 || control > n / 20) throw cleanError('ERR_CLEAN_INPUT_BINARY');
  // A sample may end inside a multi-byte sequence: drop up to three trailing bytes.
  for (let cut = 0; cut <= 3 && cut < sample.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
      return { encoding: 'utf-8', bom: false };
    } catch {
      // try a shorter sample
    }
  }
  const guess = chardet.detect(sample);
  if (looksLikeCp1258(sample)) return { encoding: 'windows-1258', bom: false };
  const encoding = (guess ?? 'windows-1252').toLowerCase();
  if (encoding === 'utf-8' || encoding === 'ascii') return { encoding: 'windows-1252', bom: false };
  return { encoding, bom: false };
}
