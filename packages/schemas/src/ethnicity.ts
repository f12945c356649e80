/**
 * Ethnicity (dân tộc): the 54 GSO codes with their names, a lookup that tolerates the usual
 * spellings, and the zod schema `{ code?, name }`.
 */
import { foldDiacritics } from '@cancuoc/core';
import * as z from 'zod/mini';
import { type EthnicityEntry, ethnicities } from './data/ethnicities.js';
import { pushCodedIssue } from './internal/custom-issue.js';
import { textField } from './internal/text-field.js';
import { FIELD, object } from './internal/zod.js';

/** Folded, lower-case, letters and digits only: "H'Mông" and "hmong" give the same key. */
function nameKey(name: string): string {
  return foldDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const byCode = new Map<string, EthnicityEntry>();
const byKey = new Map<string, EthnicityEntry>();
// Names exactly as listed: the common case, answered without folding.
const byExactName = new Map<string, EthnicityEntry>();
for (const entry of ethnicities) {
  byCode.set(entry.code, entry);
  for (const name of [entry.name, ...entry.aliases]) {
    byKey.set(nameKey(name), entry);
    byExactName.set(name, entry);
  }
}
// "Dân tộc Kinh" is common on forms.
const PREFIX = /^(?:dan\s*toc)\s*/;

/**
 * Finds an ethnic group by its GSO code (`'01'`, also `'1'`) or by its name in any usual
 * spelling (`'Kinh'`, `'KINH'`, `"H'Mông"`, `'Khmer'`, `'dân tộc Tày'`); `undefined` when none matches.
 *
 * @example
 * ```ts
 * findEthnicity('Khmer')?.code; // '05'
 * findEthnicity('08')?.name;    // 'HMông'
 * ```
 */
export function findEthnicity(codeOrName: string): EthnicityEntry | undefined {
  if (typeof codeOrName !== 'string') return undefined;
  const exact = byExactName.get(codeOrName);
  if (exact) return exact;
  const text = codeOrName.trim();
  if (/^\d{1,2}$/.test(text)) return byCode.get(text.padStart(2, '0'));
  const key = nameKey(foldDiacritics(text).toLowerCase().replace(PREFIX, ''));
  return byKey.get(key);
}

/**
 * Ethnicity (dân tộc) `{ code?, name }`: `code` is a GSO code `01`–`54`
 * (`ERR_SCHEMA_ETHNICITY_CODE` otherwise); when both are given, a name that is the name of
 * another group fails with `ERR_SCHEMA_ETHNICITY_MISMATCH` at `['name']`. A name outside the
 * list is accepted (spellings vary); `validateResident` reports it as a warning.
 *
 * @example
 * ```ts
 * Ethnicity.parse({ code: '01', name: 'Kinh' });
 * ```
 */
export const Ethnicity = /* @__PURE__ */ object(
  {
    code: z.optional(z.string(FIELD)),
    name: textField(100),
  },
  FIELD,
).check((payload) => {
  const value = payload.value;
  if (value.code === undefined) return;
  const entry = byCode.get(value.code);
  if (!entry) {
    pushCodedIssue(payload, 'ERR_SCHEMA_ETHNICITY_CODE', ['code'], { code: value.code.slice(0, 8) });
    return;
  }
  const named = findEthnicity(value.name);
  if (named && named !== entry) {
    pushCodedIssue(payload, 'ERR_SCHEMA_ETHNICITY_MISMATCH', ['name'], {
      code: entry.code,
      expected: entry.name,
      name: named.name,
    });
  }
});
/** `{ code?: string; name: string }`. */
export type Ethnicity = z.infer<typeof Ethnicity>;

export type { EthnicityEntry };
export { ethnicities };
