/** Builders of the text fields shared by the schemas: trimmed, NFC, no control characters, no U+FFFD. */
import { z } from 'zod';
import { addCodedIssue } from './custom-issue.js';

// C0/C1 control characters other than tab, and the bidi overrides used to disguise text.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * A free-text field (an address line, identifying marks): trimmed, NFC-normalised, 1–`max`
 * characters, no control characters (`ERR_SCHEMA_CHARACTERS`) and no U+FFFD left by a
 * keyboard-wedge scanner (`ERR_SCHEMA_REPLACEMENT_CHARACTER`).
 */
export function textField(max: number) {
  return z
    .string()
    .trim()
    .normalize('NFC')
    .min(1)
    .max(max)
    .superRefine((value, ctx) => {
      if (value.includes('\ufffd')) addCodedIssue(ctx, 'ERR_SCHEMA_REPLACEMENT_CHARACTER', []);
      else if (CONTROL.test(value)) addCodedIssue(ctx, 'ERR_SCHEMA_CHARACTERS', []);
    });
}
