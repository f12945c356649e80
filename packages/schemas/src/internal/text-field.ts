/** Builders of the text fields shared by the schemas: trimmed, NFC, no control characters, no U+FFFD. */
import * as z from 'zod/mini';
import { pushCodedIssue } from './custom-issue.js';
import { FIELD } from './zod.js';

// Text made only of these code points is already in NFC: no character below U+0300 or in Latin
// Extended Additional (U+1E00–U+1EFF, the precomposed Vietnamese letters) changes under NFC, and
// none of them composes with a following one (the test suite checks every code point). Such
// text, which is almost every Vietnamese name and address, skips the costlier normalize().
export const NFC_SAFE = /^[\u0000-\u02ff\u1e00-\u1eff]*$/;
// C0/C1 control characters other than tab, the bidi overrides used to disguise text, and the
// U+FFFD a keyboard-wedge scanner leaves for a character it could not type.
const SUSPECT = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/;

const anything = (): boolean => true;

/**
 * A string trimmed and NFC-normalised, 1–`max` characters (`ERR_SCHEMA_EMPTY`,
 * `ERR_SCHEMA_TOO_LONG`), without U+FFFD (`ERR_SCHEMA_REPLACEMENT_CHARACTER`) or control
 * characters, and whose characters pass `allowed` (`ERR_SCHEMA_CHARACTERS`). One check function
 * rather than a chain of zod checks: these fields are on the hot path of bulk validation.
 */
export function checkedText(max: number, allowed: (value: string) => boolean = anything) {
  return z.string(FIELD).check((payload) => {
    let value = payload.value.trim();
    if (!NFC_SAFE.test(value)) value = value.normalize('NFC');
    payload.value = value;
    if (value.length === 0) pushCodedIssue(payload, 'ERR_SCHEMA_EMPTY');
    else if (value.length > max) pushCodedIssue(payload, 'ERR_SCHEMA_TOO_LONG', [], { maximum: max });
    else if (SUSPECT.test(value) || !allowed(value)) {
      pushCodedIssue(
        payload,
        value.includes('\ufffd') ? 'ERR_SCHEMA_REPLACEMENT_CHARACTER' : 'ERR_SCHEMA_CHARACTERS',
      );
    }
  });
}

/** A free-text field (an address line, identifying marks): see {@link checkedText}. */
export function textField(max: number) {
  return checkedText(max);
}
