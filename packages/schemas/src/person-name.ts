/**
 * Full names (họ và tên) of people: the zod schema and a helper that splits a Vietnamese name
 * into family name, middle names and given name.
 */
import type * as z from 'zod/mini';
import { checkedText } from './internal/text-field.js';

// Letters (any script, with combining marks), spaces and the punctuation names carry:
// apostrophes (H'Hen Niê), hyphens and dots (foreign names, "Nguyễn T. A" on old papers).
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u;
// The same rule over Latin letters only (Vietnamese names are precomposed Latin after NFC):
// tried first because it is several times faster than the Unicode-property regex.
const LATIN_NAME =
  /^[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff '’.-]*$/;

/**
 * A person's full name (họ và tên) as printed: trimmed, NFC-normalised, runs of spaces kept as
 * they are, 1–100 characters of letters, marks, spaces, apostrophes, hyphens and dots. Digits,
 * symbols and control characters fail with `ERR_SCHEMA_CHARACTERS`; the U+FFFD a scanner leaves
 * for a damaged diacritic fails with `ERR_SCHEMA_REPLACEMENT_CHARACTER`.
 *
 * @example
 * ```ts
 * FullName.parse('  Nguyễn Văn An '); // 'Nguyễn Văn An'
 * ```
 */
export const FullName = checkedText(100, (value) => LATIN_NAME.test(value) || NAME.test(value));
/** A validated full name. */
export type FullName = z.infer<typeof FullName>;

/** The parts of a Vietnamese full name, see {@link splitFullName}. */
export interface NameParts {
  /** Họ: the first word (`Nguyễn`). */
  readonly familyName: string;
  /** Tên đệm: the words between (`Văn`, `Thị Ngọc`); empty when there are none. */
  readonly middleName: string;
  /** Tên: the last word (`An`). */
  readonly givenName: string;
}

/**
 * Splits a Vietnamese full name, written family name first, into family name (họ), middle
 * name (tên đệm) and given name (tên). A one-word name is a given name. Compound family names
 * (`Tôn Nữ`, `Âu Dương`) cannot be told apart from middle names without a list, so only the
 * first word is taken as the family name.
 *
 * @example
 * ```ts
 * splitFullName('Nguyễn Thị Ngọc Ánh');
 * // { familyName: 'Nguyễn', middleName: 'Thị Ngọc', givenName: 'Ánh' }
 * ```
 */
export function splitFullName(fullName: string): NameParts {
  if (typeof fullName !== 'string') throw new TypeError('splitFullName expects a string');
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { familyName: '', middleName: '', givenName: '' };
  if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0]! };
  return {
    familyName: words[0]!,
    middleName: words.slice(1, -1).join(' '),
    givenName: words.at(-1)!,
  };
}
