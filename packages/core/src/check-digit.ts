/**
 * The check digit of machine-readable zones and chip access keys (ICAO Doc 9303-3 §4.9): each
 * character's value (`0`–`9` → 0–9, `A`–`Z` → 10–35, the filler `<` → 0) times the repeating
 * weights 7, 3, 1, summed, modulo 10. Lives in core so that both the chip parser and the card
 * reader's access keys use one implementation without the reader loading the chip package.
 *
 * @param text Characters of one MRZ field (document number, a `YYMMDD` date, …).
 * @returns The digit 0–9, or `undefined` when `text` has a character outside `0-9 A-Z <`.
 * @example
 * ```ts
 * icaoCheckDigit('L898902C<'); // 3 (9303-3 Appendix A's worked example)
 * icaoCheckDigit('690806'); // 1
 * icaoCheckDigit('l898902c'); // undefined: lower case is not an MRZ character
 * ```
 */
export function icaoCheckDigit(text: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let value: number;
    if (code >= 48 && code <= 57) value = code - 48;
    else if (code >= 65 && code <= 90) value = code - 55;
    else if (code === 60) value = 0;
    else return undefined;
    // Weights 7, 3, 1 by position.
    sum += value * (i % 3 === 0 ? 7 : i % 3 === 1 ? 3 : 1);
  }
  return sum % 10;
}
