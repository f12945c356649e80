/** Name and free-text normalisation, written for the per-record hot path (no regex per call). */

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** NFC + single ASCII spaces + trim; returns the same string when nothing changes. */
export function tidyText(text: string): string {
  let needsNfc = false;
  let needsSpace = false;
  let prevSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Most characters: printable ASCII, Latin letters below the combining marks and the
    // precomposed Vietnamese letters (U+1E00–U+1EFF), none a space.
    if ((c > 32 && c < 0x300 && c !== 0xa0) || (c >= 0x1e00 && c <= 0x1eff)) {
      prevSpace = false;
      continue;
    }
    if (c >= 0x300 && c <= 0x36f) needsNfc = true;
    if (isSpace(c)) {
      if (prevSpace || c !== 32) needsSpace = true;
      prevSpace = true;
    } else prevSpace = false;
  }
  if (prevSpace && text.length > 0) needsSpace = true;
  if (!needsNfc && !needsSpace) return text;
  let out = needsNfc ? text.normalize('NFC') : text;
  if (needsSpace) {
    let s = '';
    let pending = false;
    for (let i = 0; i < out.length; i++) {
      const c = out.charCodeAt(i);
      if (isSpace(c)) pending = s.length > 0;
      else {
        if (pending) s += ' ';
        pending = false;
        s += out[i];
      }
    }
    out = s;
  }
  return out;
}

/** What the name rule found. */
export interface NameOutcome {
  value: string;
  badCharacters: boolean;
  noDiacritics: boolean;
}

/**
 * Vietnamese name: NFC, single spaces, each word capitalised (`NGUYỄN văn  an` → `Nguyễn Văn
 * An`). A letter after an apostrophe or hyphen keeps its case (`H'Hen Niê`, `Nay-Kim`).
 */
export function normalizeName(text: string): NameOutcome {
  const tidy = tidyText(text);
  return alreadyNormal(tidy) ?? rewriteName(tidy);
}

// Upper- and lower-case of each UTF-16 code unit below 0x2000 (Vietnamese letters end at
// U+1EF9), filled on first use; -1 marks a unit whose case mapping is not one unit.
const CASE_UNITS = 0x2000;
const UPPER = new Int32Array(CASE_UNITS).fill(-2);
const LOWER = new Int32Array(CASE_UNITS).fill(-2);

function caseOf(table: Int32Array, c: number, upper: boolean): number {
  let v = table[c] as number;
  if (v === -2) {
    const ch = String.fromCharCode(c);
    const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
    v = mapped.length === 1 ? mapped.charCodeAt(0) : -1;
    table[c] = v;
  }
  return v;
}

/**
 * The outcome when {@link rewriteName} would give the text back unchanged (most names already
 * are), found without building a new string; `undefined` when something changes.
 */
function alreadyNormal(tidy: string): NameOutcome | undefined {
  let wordStart = true;
  let bad = false;
  let ascii = true;
  for (let i = 0; i < tidy.length; i++) {
    const c = tidy.charCodeAt(i);
    if (c === 32) {
      wordStart = true;
      continue;
    }
    if (c > 0x7f) ascii = false;
    else if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 45 || c === 46)) bad = true;
    if (c === 39 || c === 45 || c === 0x2019) {
      const next = tidy.charCodeAt(i + 1);
      if (i + 1 < tidy.length && next !== 32) {
        i++;
        if (next > 0x7f) ascii = false;
      }
      wordStart = false;
      continue;
    }
    if (c >= CASE_UNITS) return undefined;
    if (caseOf(wordStart ? UPPER : LOWER, c, wordStart) !== c) return undefined;
    wordStart = false;
  }
  return { value: tidy, badCharacters: bad, noDiacritics: ascii && tidy.length > 0 };
}

/** Rewrites a tidied name word by word (the reference the fast path is tested against). */
export function rewriteName(tidy: string): NameOutcome {
  let out = '';
  let wordStart = true;
  let bad = false;
  let ascii = true;
  for (let i = 0; i < tidy.length; i++) {
    const ch = tidy[i] as string;
    const c = ch.charCodeAt(0);
    if (c === 32) {
      out += ' ';
      wordStart = true;
      continue;
    }
    if (c > 0x7f) ascii = false;
    else if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 45 || c === 46)) bad = true;
    if (c === 39 || c === 45 || c === 0x2019) {
      out += ch;
      // keep the case of the next letter as written
      const next = tidy[i + 1];
      if (next !== undefined && next !== ' ') {
        out += next;
        i++;
        if (next.charCodeAt(0) > 0x7f) ascii = false;
      }
      wordStart = false;
      continue;
    }
    out += wordStart ? ch.toUpperCase() : ch.toLowerCase();
    wordStart = false;
  }
  return { value: out, badCharacters: bad, noDiacritics: ascii && out.length > 0 };
}
