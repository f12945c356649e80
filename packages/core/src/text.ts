/**
 * Vietnamese text: normalisation, diacritic folding (including Đ/đ, which Unicode does not
 * decompose) and name comparison that tolerates missing diacritics.
 *
 * Hand-written: the popular folding packages (remove-accents, diacritics) only fold NFC input
 * and leave combining marks in decomposed (NFD) text, which keyboard-wedge scanners and macOS
 * file names produce.
 */

// Letters whose base letter is not reachable by canonical decomposition.
const NON_DECOMPOSABLE: Readonly<Record<string, string>> = {
  Đ: 'D',
  đ: 'd',
  Ð: 'D', // U+00D0 (Icelandic eth), often typed in place of Đ
  ð: 'd',
  Ɗ: 'D',
  ɗ: 'd',
};
const NON_DECOMPOSABLE_RE = /[ĐđÐðƊɗ]/g;
const COMBINING_MARKS_RE = /\p{M}+/gu;
const SPACES_RE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/**
 * NFC-normalises text, turns every kind of space into one ASCII space and trims it.
 *
 * @example
 * ```ts
 * normalizeText('  Nguye\u0302\u0303n  Văn\u00a0A ') // 'Nguyễn Văn A'
 * ```
 */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(SPACES_RE, ' ').trim();
}

/**
 * Removes Vietnamese (and other Latin) diacritics, mapping Đ/đ to D/d, from NFC or NFD input.
 *
 * @example
 * ```ts
 * foldDiacritics('Đặng Thị Ngọc Ánh') // 'Dang Thi Ngoc Anh'
 * ```
 */
export function foldDiacritics(text: string): string {
  if (ASCII_RE.test(text)) return text;
  // Per UTF-16 unit from a table (the hot path of name keys and address matching): runs of
  // unchanged units are copied whole. Anything outside the table goes code point by code point.
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= FOLD_UNITS) return foldByCodePoint(text);
    let f = FOLD[c] as number;
    if (f === UNKNOWN) {
      const folded = foldCodePoint(String.fromCharCode(c));
      f = folded.length === 0 ? DROPPED : folded.length === 1 ? folded.charCodeAt(0) : COMPLEX;
      FOLD[c] = f;
    }
    if (f === COMPLEX) return foldByCodePoint(text);
    if (f === c) continue;
    out += text.slice(run, i);
    if (f !== DROPPED) out += String.fromCharCode(f);
    run = i + 1;
  }
  out += text.slice(run);
  // Decomposition may leave letters that only NFC puts back together (e.g. Hangul jamo).
  return ASCII_RE.test(out) ? out : out.normalize('NFC');
}

// Folded form of each UTF-16 unit below U+2000 (Vietnamese letters end at U+1EF9), filled on
// first use: one unit, dropped (a combining mark), or not one unit (folded the slow way).
const FOLD_UNITS = 0x2000;
const UNKNOWN = -1;
const DROPPED = -2;
const COMPLEX = -3;
const FOLD = new Int32Array(FOLD_UNITS).fill(UNKNOWN);

/** {@link foldDiacritics} one code point at a time (reference, and text beyond the table). */
export function foldByCodePoint(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    let folded = foldMemo.get(ch);
    if (folded === undefined) {
      folded = foldCodePoint(ch);
      if (foldMemo.size < FOLD_MEMO_LIMIT) foldMemo.set(ch, folded);
    }
    out += folded;
  }
  return ASCII_RE.test(out) ? out : out.normalize('NFC');
}

const ASCII_RE = /^[\x00-\x7f]*$/;
// Folding works one code point at a time: every combining mark is dropped, so the canonical
// reordering a whole-string NFD would do cannot change the result. The memo keeps the hot
// path (the ~200 Vietnamese letters) free of normalisation calls; it is capped so that hostile
// text with many distinct characters cannot grow it without bound.
const FOLD_MEMO_LIMIT = 4096;
const foldMemo = new Map<string, string>();

function foldCodePoint(ch: string): string {
  return ch
    .normalize('NFD')
    .replace(COMBINING_MARKS_RE, '')
    .replace(NON_DECOMPOSABLE_RE, (c) => NON_DECOMPOSABLE[c] ?? c);
}

/** Whether the text carries any diacritic (a combining mark after NFD, or Đ/đ). */
export function hasDiacritics(text: string): boolean {
  if (ASCII_RE.test(text)) return false;
  return /\p{M}/u.test(text.normalize('NFD')) || /[ĐđÐðƊɗ]/.test(text);
}

/** Whether the text holds U+FFFD, the mark a scanner or decoder leaves for a character it lost. */
export function hasReplacementCharacter(text: string): boolean {
  return text.includes('\ufffd');
}

/** How two names compare: letter for letter, equal once diacritics are ignored, or different. */
export type NameComparison = 'exact' | 'folded' | 'different';

function words(name: string): string[] {
  // Vietnamese has no locale-specific case mappings, so the plain (much faster) upper-casing is exact.
  const n = normalizeText(name).toUpperCase();
  return n === '' ? [] : n.split(' ');
}

/**
 * Compares two personal names case-insensitively, word by word. A word written without any
 * diacritic matches the same word with diacritics (`NGUYEN` ~ `Nguyễn`), but two words that both
 * carry diacritics must agree on them (`Nguyễn` is not `Nguyên`).
 *
 * @returns `'exact'` when the names agree letter for letter (ignoring case and spacing),
 *   `'folded'` when they agree once missing diacritics are allowed, else `'different'`.
 * @example
 * ```ts
 * compareNames('NGUYEN VAN A', 'Nguyễn Văn A') // 'folded'
 * ```
 */
export function compareNames(a: string, b: string): NameComparison {
  const wa = words(a);
  const wb = words(b);
  if (wa.length !== wb.length) return 'different';
  let exact = true;
  for (let i = 0; i < wa.length; i++) {
    const x = wa[i]!;
    const y = wb[i]!;
    if (x === y) continue;
    exact = false;
    if (hasDiacritics(x) && hasDiacritics(y)) return 'different';
    if (foldDiacritics(x) !== foldDiacritics(y)) return 'different';
  }
  return exact ? 'exact' : 'folded';
}

/**
 * Whether two names denote the same written name, tolerating case, spacing, NFD input and
 * missing diacritics (see {@link compareNames}).
 *
 * @example
 * ```ts
 * namesMatch('NGUYEN VAN A', 'Nguyễn Văn A') // true
 * ```
 */
export function namesMatch(a: string, b: string): boolean {
  return compareNames(a, b) !== 'different';
}
