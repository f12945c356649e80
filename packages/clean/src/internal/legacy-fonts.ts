/**
 * Vietnamese text typed with the legacy 8-bit fonts of the 1990s–2000s and later pasted or
 * converted into Unicode files: TCVN3 (ABC, the `.VnTime` fonts, TCVN 5712:1993 "VN3"), VNI
 * Windows (the `VNI-Times` fonts) and VIQR (RFC 1456, ASCII marks after the letter). Read through
 * Windows-1252/Latin-1, such text looks like `NguyÔn V¨n A` (TCVN3), `Nguyeãn Vaên A` (VNI) or
 * `Nguye^~n Va(n A` (VIQR).
 *
 * Written by hand: no maintained npm package converts these (the few that exist are unmaintained
 * one-file scripts without tests), and we need per-field detection, not only conversion. Tables:
 * TCVN 5712:1993 (the VN3 subset, as in libX11's `lcUniConv/tcvn.h` and GNU libiconv's
 * `tcvn.h`), the VNI-Windows layout published by VNI Software, and RFC 1456 (VIQR).
 */

const LOWER = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';

// TCVN3 (VN3) code points for LOWER, in the same order (0 = plain ASCII letter, unchanged).
// Upper-case letters with a tone do not exist in VN3 (the `.VnTimeH` fonts draw the lower-case
// codes as capitals), so conversion yields lower case there and the name rule re-capitalises.
// biome-ignore format: a table
const TCVN3_LOWER = [
  0, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6, 0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb,
  0, 0xcc, 0xce, 0xcf, 0xd0, 0xd1, 0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6,
  0, 0xd7, 0xd8, 0xdc, 0xdd, 0xde,
  0, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4, 0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xac, 0xea, 0xeb, 0xec, 0xed, 0xee,
  0, 0xef, 0xf1, 0xf2, 0xf3, 0xf4, 0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9,
  0, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xae,
];
// VN3 capitals without tone: Ă Â Ê Ô Ơ Ư Đ.
const TCVN3_UPPER: Readonly<Record<string, number>> = {
  Ă: 0xa1,
  Â: 0xa2,
  Ê: 0xa3,
  Ô: 0xa4,
  Ơ: 0xa5,
  Ư: 0xa6,
  Đ: 0xa7,
};

// VNI Windows: base letter + one mark character. Tone marks after a, e, i, o, u, y:
const VNI_TONE = ['', 'ø', 'û', 'õ', 'ù', 'ï']; // none, grave, hook, tilde, acute, dot below
// After â/ê/ô (circumflex + tone) and ă (breve + tone) the mark carries both:
const VNI_CIRC = ['â', 'à', 'å', 'ã', 'á', 'ä'];
const VNI_BREVE = ['ê', 'è', 'ú', 'ü', 'é', 'ë'];
// ơ, ư, đ are single characters; i with a tone too.
const VNI_SINGLE: Readonly<Record<string, string>> = {
  ơ: 'ô',
  ư: 'ö',
  đ: 'ñ',
  ì: 'ì',
  ỉ: 'æ',
  ĩ: 'ó',
  í: 'í',
  ị: 'ò',
};

// VIQR (RFC 1456): tone and quality marks typed after the letter.
const VIQR_TONE = ['', '`', '?', '~', "'", '.'];

const TONE_NFD = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

interface Decomposed {
  base: string; // a e i o u y d
  quality: '' | 'circ' | 'breve' | 'horn' | 'stroke';
  tone: number; // index into TONE_NFD
}

function decompose(ch: string): Decomposed {
  const d = ch.normalize('NFD');
  let tone = 0;
  let quality: Decomposed['quality'] = '';
  for (const m of d.slice(1)) {
    const t = TONE_NFD.indexOf(m);
    if (t > 0) tone = t;
    else if (m === '\u0302') quality = 'circ';
    else if (m === '\u0306') quality = 'breve';
    else if (m === '\u031b') quality = 'horn';
  }
  if (ch === 'đ') return { base: 'd', quality: 'stroke', tone: 0 };
  return { base: d[0] ?? ch, quality, tone };
}

/** Unicode → legacy encodings, for every Vietnamese letter (used to build the decoders and by tests). */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) {
    const upper = TCVN3_UPPER[ch];
    if (upper !== undefined) {
      out += String.fromCharCode(upper);
      continue;
    }
    const i = LOWER.indexOf(ch.toLowerCase());
    const code = i >= 0 ? TCVN3_LOWER[i] : 0;
    out += code ? String.fromCharCode(code) : ch;
  }
  return out;
}

/** Unicode → VNI Windows (as the bytes read through Latin-1). */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const isUpper = lower !== ch;
    if (LOWER.indexOf(lower) < 0 || /[a-z]/.test(lower)) {
      out += ch;
      continue;
    }
    const single = VNI_SINGLE[lower];
    if (single !== undefined) {
      out += isUpper ? single.toUpperCase() : single;
      continue;
    }
    const { base, quality, tone } = decompose(lower);
    let mark: string;
    let b = base;
    if (quality === 'circ') mark = VNI_CIRC[tone] ?? '';
    else if (quality === 'breve') mark = VNI_BREVE[tone] ?? '';
    else if (quality === 'horn') {
      // ơ/ư with a tone: the horned letter then the tone mark.
      b = base === 'o' ? 'ô' : 'ö';
      mark = VNI_TONE[tone] ?? '';
    } else mark = VNI_TONE[tone] ?? '';
    out += isUpper ? b.toUpperCase() + mark.toUpperCase() : b + mark;
  }
  return out;
}

/** Unicode → VIQR. */
export function encodeViqr(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    if (LOWER.indexOf(lower) < 0 || /[a-z]/.test(lower)) {
      out += ch;
      continue;
    }
    const isUpper = lower !== ch;
    const { base, quality, tone } = decompose(lower);
    const q = quality === 'circ' ? '^' : quality === 'breve' ? '(' : quality === 'horn' ? '+' : '';
    const b = quality === 'stroke' ? 'dd' : base;
    out += (isUpper ? (b === 'dd' ? 'DD' : b.toUpperCase()) : b) + q + (VIQR_TONE[tone] ?? '');
  }
  return out;
}

// Decoders: longest match first over a small trie (two characters at most per letter).
function buildDecoder(encode: (s: string) => string, extra: Iterable<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const ch of [...LOWER, ...LOWER.toUpperCase(), ...extra]) {
    const enc = encode(ch);
    if (!map.has(enc)) map.set(enc, ch);
  }
  return map;
}

const TCVN3_DECODE = buildDecoder(encodeTcvn3, Object.keys(TCVN3_UPPER));
const VNI_DECODE = buildDecoder(encodeVni, []);
const VIQR_DECODE = buildDecoder(encodeViqr, []);

function decodeWith(map: Map<string, string>, maxLen: number, text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    let done = false;
    for (let len = maxLen; len >= 1; len--) {
      if (i + len > text.length) continue;
      const hit = map.get(text.slice(i, i + len));
      if (hit !== undefined) {
        out += hit;
        i += len;
        done = true;
        break;
      }
    }
    if (!done) out += text[i++];
  }
  return out;
}

/** TCVN3 (read as Latin-1) → Unicode. */
export function decodeTcvn3(text: string): string {
  return decodeWith(TCVN3_DECODE, 1, text);
}
/** VNI Windows (read as Latin-1) → Unicode. */
export function decodeVni(text: string): string {
  return decodeWith(VNI_DECODE, 2, text);
}
/** VIQR → Unicode. */
export function decodeViqr(text: string): string {
  return decodeWith(VIQR_DECODE, 4, text);
}

// Latin-1 letters that Vietnamese uses; any other character of U+00A0–U+00FF in a name or an
// address is the trace of a legacy font.
const VIET_LATIN1 = new Set('ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý');
const VOWELS = 'aeiouyAEIOUY';
// Vowel pairs that never occur in Vietnamese but are how VNI writes a marked vowel
// (`aê` = ă, `eã` = ễ, `oâ` = ô, `aë` = ặ …): a plain vowel then a VNI mark that is itself a letter.
const VNI_LETTER_MARKS = new Set('âàãáêèéúùõÂÀÃÁÊÈÉÚÙÕ');
const VALID_AFTER: Readonly<Record<string, string>> = {
  // which VNI-letter-marks may follow a plain vowel in real Vietnamese (uâ, iê, yê, uê, oà, uá …)
  a: '',
  e: '',
  i: 'êàáÊÀÁ',
  o: 'àáÀÁăĂ',
  u: 'âêàáÂÊÀÁ',
  y: 'êÊ',
};

// U+0080–U+00FF: 0 = a lower-case Vietnamese letter, 1 = not a Vietnamese letter (a legacy code),
// 2 = a Vietnamese capital (suspicious inside a lower-case word).
const LATIN1_KIND = Array.from({ length: 128 }, (_, i) => {
  const ch = String.fromCharCode(0x80 + i);
  if (!VIET_LATIN1.has(ch)) return 1;
  return ch === ch.toUpperCase() ? 2 : 0;
});

// VNI mark pairs that Vietnamese spelling never has: a plain vowel (ASCII) then a VNI letter mark
// not allowed after it, indexed by vowel code × 128 + (mark code − 0x80).
const VNI_BAD_PAIR = new Uint8Array(128 * 128);
for (const v of VOWELS)
  for (const m of VNI_LETTER_MARKS)
    if (!(VALID_AFTER[v.toLowerCase()] ?? '').includes(m))
      VNI_BAD_PAIR[v.charCodeAt(0) * 128 + m.charCodeAt(0) - 0x80] = 1;

function isVniBadPair(prev: number, c: number): boolean {
  return prev < 0x80 && c >= 0x80 && c <= 0xff && VNI_BAD_PAIR[prev * 128 + c - 0x80] === 1;
}

/** A VIQR quality mark (`a^ a( e^ o^ o+ u+`) at `i` (its code is `^`, `(` or `+`). */
function isViqrMark(text: string, i: number, c: number): boolean {
  const p = (i > 0 ? (text[i - 1] as string) : ' ').toLowerCase();
  return (c === 0x5e && 'aeo'.includes(p)) || (c === 0x28 && p === 'a') || (c === 0x2b && 'ou'.includes(p));
}

/** A Latin-1 capital between two lower-case ASCII letters (`NguyÔn`: TCVN3 ễ = Ô). */
function isMidUpper(text: string, i: number): boolean {
  const ch = text[i] as string;
  const p = i > 0 ? text.charCodeAt(i - 1) : 32;
  const next = text.charCodeAt(i + 1);
  return (
    p >= 0x61 &&
    p <= 0x7a &&
    next >= 0x61 &&
    next <= 0x7a &&
    ch === ch.toUpperCase() &&
    ch !== ch.toLowerCase()
  );
}

/** Which legacy encoding a field looks like, if any. */
export type LegacyEncoding = 'tcvn3' | 'vni' | 'viqr';

// TCVN3 codes that VNI never produces: the U+00A1–U+00BF block (ă â ê ô ơ ư đ, à á ả ã ạ …)
// and a few letters VNI has no use for.
function isTcvn3Only(c: number): boolean {
  return (
    (c >= 0xa1 && c <= 0xbf) ||
    c === 0xd7 ||
    c === 0xf7 ||
    c === 0xdf ||
    c === 0xde ||
    c === 0xfe ||
    c === 0xd0
  );
}

interface Suspicion {
  /** Latin-1 characters that are not Vietnamese letters. */
  latin1: number;
  /** TCVN3-only codes. */
  tcvn3Only: number;
  /** Latin-1 characters right after a Latin vowel: where VNI puts its marks. */
  afterVowel: number;
  /** Latin-1 characters after a consonant, a space or nothing: where TCVN3 puts its vowels. */
  afterOther: number;
  /** VNI mark pairs that Vietnamese spelling never has (`aê`, `eã`). */
  vniPair: number;
  /** A capital inside a lower-case word (`NguyÔn`: TCVN3 ễ = Ô). */
  midUpper: number;
  viqr: number;
}

function suspicionOf(text: string): Suspicion {
  const s: Suspicion = {
    latin1: 0,
    tcvn3Only: 0,
    afterVowel: 0,
    afterOther: 0,
    vniPair: 0,
    midUpper: 0,
    viqr: 0,
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const prev = i > 0 ? (text[i - 1] as string) : ' ';
    if (c < 0x80) {
      // VIQR quality marks after a vowel: a^ a( e^ o^ o+ u+
      if ((c === 0x5e || c === 0x28 || c === 0x2b) && isViqrMark(text, i, c)) s.viqr++;
      continue;
    }
    // U+00A0 (no-break space) is a space, not a legacy code.
    if (c > 0xff || c === 0xa0) continue;
    const ch = text[i] as string;
    if (isTcvn3Only(c)) s.tcvn3Only++;
    if (VOWELS.includes(prev) || prev === 'ô' || prev === 'ö' || prev === 'Ô' || prev === 'Ö') s.afterVowel++;
    else s.afterOther++;
    if (!VIET_LATIN1.has(ch)) s.latin1++;
    else {
      if (isVniBadPair(prev.charCodeAt(0), c)) s.vniPair++;
      if (isMidUpper(text, i)) s.midUpper++;
    }
  }
  return s;
}

// A decoded text is plausible when nothing of U+0080–U+00FF outside Vietnamese letters is left.
function leftover(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c <= 0xff && !VIET_LATIN1.has(text[i] as string)) n++;
  }
  return n;
}

/**
 * Detects a legacy font encoding in one field and converts it. `undefined` when the text does not
 * look like legacy-font text (the common case: one pass over the characters, no allocation).
 */
export function fixLegacyFont(text: string): { encoding: LegacyEncoding; text: string } | undefined {
  // Fast path (every Vietnamese field goes through it): looks only for what makes the counts
  // below that decide anything non-zero (a Latin-1 character Vietnamese does not use, a VNI mark
  // pair, a capital inside a word, a VIQR mark); genuine text like "Hoàng Xuân" passes here.
  let suspicious = false;
  for (let i = 0; i < text.length && !suspicious; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c === 0x5e || c === 0x28 || c === 0x2b) && isViqrMark(text, i, c)) suspicious = true;
      continue;
    }
    if (c > 0xff || c === 0xa0) continue;
    const kind = LATIN1_KIND[c - 0x80] as number;
    suspicious =
      kind === 1 ||
      isVniBadPair(i > 0 ? text.charCodeAt(i - 1) : 32, c) ||
      (kind === 2 && isMidUpper(text, i));
  }
  return suspicious ? decideLegacyFont(text) : undefined;
}

/**
 * The decision of {@link fixLegacyFont} without its fast path (which only skips texts this
 * returns `undefined` for; property-tested).
 */
export function decideLegacyFont(text: string): { encoding: LegacyEncoding; text: string } | undefined {
  const s = suspicionOf(text);
  if (s.latin1 === 0 && s.vniPair === 0 && s.midUpper === 0) {
    if (s.viqr === 0) return undefined;
    return { encoding: 'viqr', text: decodeViqr(text) };
  }
  // Decode both ways and keep the reading that looks like Vietnamese: no foreign characters
  // left, one tone per syllable. The character-level signals break ties.
  const preferred: LegacyEncoding =
    s.tcvn3Only > 0 || (s.midUpper > 0 && s.vniPair === 0)
      ? 'tcvn3'
      : s.vniPair > 0 || s.afterVowel >= s.afterOther
        ? 'vni'
        : 'tcvn3';
  const tcvn = decodeTcvn3(text);
  const vni = decodeVni(text);
  const score = (decoded: string): number =>
    decoded === text ? Number.POSITIVE_INFINITY : leftover(decoded) * 4 + implausibleWords(decoded) * 2;
  const st = score(tcvn);
  const sv = score(vni);
  if (st === Number.POSITIVE_INFINITY && sv === Number.POSITIVE_INFINITY) return undefined;
  const encoding: LegacyEncoding = st < sv ? 'tcvn3' : sv < st ? 'vni' : preferred;
  return encoding === 'tcvn3' ? { encoding, text: recapitalise(text, tcvn) } : { encoding, text: vni };
}

// Letters that carry a tone mark (huyền, sắc, hỏi, ngã, nặng).
const TONED = new Set([...LOWER, ...LOWER.toUpperCase()].filter((c) => decompose(c.toLowerCase()).tone > 0));

/** Words with two or more toned letters, which no Vietnamese syllable has. */
function implausibleWords(text: string): number {
  let bad = 0;
  let tones = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === undefined || ch === ' ' || ch === ',') {
      if (tones > 1) bad++;
      tones = 0;
    } else if (TONED.has(ch)) tones++;
  }
  return bad;
}

/**
 * TCVN3 has no toned capitals (`Ấp`, `Ý` were typed in the `.VnTimeH` fonts with lower-case
 * codes), so a decoded word may start in lower case where the rest of the text is capitalised:
 * such words get their capital back.
 */
function recapitalise(original: string, decoded: string): string {
  const words = decoded.split(' ');
  const originals = original.split(' ');
  if (words.length !== originals.length) return decoded;
  let upper = 0;
  let lowerCount = 0;
  for (const w of originals) {
    const c = w.charCodeAt(0);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lowerCount++;
  }
  if (upper === 0 || upper < lowerCount) return decoded;
  return words
    .map((w, i) => {
      const o = originals[i]?.charCodeAt(0) ?? 0;
      const first = w[0];
      if (first === undefined || o < 0x80 || first !== first.toLowerCase() || first === first.toUpperCase())
        return w;
      return first.toUpperCase() + w.slice(1);
    })
    .join(' ');
}

/** Every Vietnamese letter, lower and upper case (for tests). */
export const vietnameseLetters: readonly string[] = [...LOWER, ...LOWER.toUpperCase()].filter(
  (c) => !/[a-zA-Z]/.test(c),
);
