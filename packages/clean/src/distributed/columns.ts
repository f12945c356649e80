import { mapColumns } from '../internal/columns.js';
import type { CleanField } from '../types.js';

/**
 * Which field each header column holds, by the single-machine engine's header recognition
 * (`mapColumns`: the explicit mapping, then the usual Vietnamese and English headers).
 *
 * @throws `ERR_CLEAN_MAPPING` / `ERR_CLEAN_NO_HEADER` as `mapColumns` does.
 */
export function resolveColumns(
  headers: readonly string[],
  mapping: Partial<Record<CleanField, string>> = {},
): (CleanField | null)[] {
  const map = mapColumns(headers, mapping);
  const out: (CleanField | null)[] = headers.map(() => null);
  for (const [field, index] of Object.entries(map) as [CleanField, number | undefined][])
    if (index !== undefined && index >= 0) out[index] = field;
  return out;
}
