import { type CleanField, cleanFields } from '../types.js';

/** Which field each header column holds: the field → header `mapping` first, then field names. */
export function resolveColumns(
  headers: readonly string[],
  mapping: Partial<Record<CleanField, string>> = {},
): (CleanField | null)[] {
  const key = (s: string) => s.trim().toLowerCase();
  const byHeader = new Map<string, CleanField>();
  for (const field of cleanFields) byHeader.set(key(field), field);
  for (const [field, header] of Object.entries(mapping) as [CleanField, string][]) {
    if (!cleanFields.includes(field)) throw new TypeError(`mapping: unknown field ${field}`);
    if (typeof header !== 'string') throw new TypeError(`mapping: the header of ${field} must be a string`);
    byHeader.set(key(header), field);
  }
  const used = new Set<CleanField>();
  return headers.map((h) => {
    const field = byHeader.get(key(h));
    if (field === undefined || used.has(field)) return null;
    used.add(field);
    return field;
  });
}
