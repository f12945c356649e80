/**
 * Full names (họ và tên) of people: the zod schema and a helper that splits a Vietnamese name
 * into family name, middle names and given name.
 */
import { z } from 'zod';
import { addCodedIssue } from './internal/custom-issue.js';

// Letters (any script, with combining marks), spaces and the punctuation names carry:
// apostrophes (H'Hen Niê), hyphens and dots (foreign names, "Nguyễn T. A" on old papers).
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u;

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
export const FullName = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1)
  .max(100)
  .superRefine((value, ctx) => {
    // An empty name is reported by min(1) alone.
    if (value.length === 0 || NAME.test(value)) return;
    addCodedIssue(
      ctx,
      value.includes('\ufffd') ? 'ERR_SCHEMA_REPLACEMENT_CHARACTER' : 'ERR_SCHEMA_CHARACTERS',
      [],
    );
  });
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
