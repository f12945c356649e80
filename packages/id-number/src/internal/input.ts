import { fail } from '../errors.js';

/** What the caller asked to parse, for the wording of errors. */
export interface Subject {
  readonly kind: string;
  readonly kindVi: string;
  readonly kindViLower: string;
}

function subject(kind: string, kindVi: string): Subject {
  return { kind, kindVi, kindViLower: kindVi[0]!.toLowerCase() + kindVi.slice(1) };
}

export const PERSONAL_ID = subject('personal ID number', 'Số định danh cá nhân');
export const LEGACY_ID = subject('ID card (CMND) number', 'Số chứng minh nhân dân');
export const INSURANCE = subject('health insurance card code', 'Mã thẻ BHYT');
export const TAX_CODE = subject('tax code', 'Mã số thuế');
export const PASSPORT = subject('passport number', 'Số hộ chiếu');

// Longer input is rejected before it is scanned: no identifier here reaches 32 characters even
// with separators.
const MAX_INPUT = 64;

/** Whether `s` is exactly `length` ASCII digits. */
export function isDigits(s: string, length: number): boolean {
  if (s.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isSeparator(c: number): boolean {
  // space, tab, NBSP, the Unicode spaces, '.', '-', the Unicode dashes, ideographic space,
  // full-width hyphen and full stop: what forms, scanners and copy-paste put between digits.
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x2e ||
    c === 0x2d ||
    (c >= 0x2010 && c <= 0x2015) ||
    c === 0x3000 ||
    c === 0xff0d ||
    c === 0xff0e
  );
}

/**
 * Checks the characters of an identifier and, when `normalize` is on, removes separators, maps
 * full-width digits and letters to ASCII and upper-cases letters. Returns the cleaned text.
 * Without `normalize`, any character that would need such a change is an error: nothing is
 * silently changed.
 *
 * @throws ERR_ID_EMPTY, ERR_ID_NOT_DIGITS, ERR_ID_NEEDS_NORMALIZATION, ERR_ID_LENGTH (huge input)
 */
export function cleanInput(input: string, subject: Subject, normalize: boolean, letters: boolean): string {
  if (input.length > MAX_INPUT)
    throw fail('ERR_ID_LENGTH', { ...subject, ...expectedOf(subject), length: input.length });
  let out = '';
  let changed = false;
  for (let i = 0; i < input.length; i++) {
    let c = input.charCodeAt(i);
    if (isSeparator(c)) {
      changed = true;
      continue;
    }
    if (c >= 0xff10 && c <= 0xff19) {
      c -= 0xff10 - 48; // full-width digit
      changed = true;
    } else if (letters && ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a))) {
      c -= 0xff21 - 65; // full-width letter (lower case is upper-cased below)
      changed = true;
    }
    if (letters && c >= 97 && c <= 122) {
      c -= 32;
      changed = true;
    }
    const digit = c >= 48 && c <= 57;
    const letter = letters && c >= 65 && c <= 90;
    if (!digit && !letter) {
      throw fail('ERR_ID_NOT_DIGITS', {
        ...subject,
        allowed: letters ? 'letters and digits' : 'digits',
        allowedVi: letters ? 'chữ cái và chữ số' : 'chữ số',
      });
    }
    out += String.fromCharCode(c);
  }
  if (out.length === 0) throw fail('ERR_ID_EMPTY', { ...subject });
  if (changed && !normalize) throw fail('ERR_ID_NEEDS_NORMALIZATION', { ...subject });
  return out;
}

const EXPECTED: Record<string, readonly [string, string]> = {
  [PERSONAL_ID.kind]: ['12', '12'],
  [LEGACY_ID.kind]: ['9 or 12', '9 hoặc 12'],
  [INSURANCE.kind]: ['10, 15 or 20', '10, 15 hoặc 20'],
  [TAX_CODE.kind]: ['10, 12 or 13', '10, 12 hoặc 13'],
  [PASSPORT.kind]: ['8', '8'],
};

export function expectedOf(subject: Subject): { expected: string; expectedVi: string } {
  const [expected, expectedVi] = EXPECTED[subject.kind] ?? ['?', '?'];
  return { expected, expectedVi };
}

/** Throws the length error of a subject. */
export function lengthError(subject: Subject, length: number) {
  return fail('ERR_ID_LENGTH', { ...subject, ...expectedOf(subject), length });
}
