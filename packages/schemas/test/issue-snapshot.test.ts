import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Address,
  CardData,
  cardDataToResident,
  IdentityDocument,
  mapZodIssues,
  PartialDateInput,
  ResidentRecord,
  validateResident,
} from '../src/index.js';
import { type Inputs, outcomes } from './fixtures/snapshot-outcomes.js';

// Outcomes recorded on the classic-zod schemas before the move to zod/mini (see
// fixtures/make-issue-snapshot.ts): valid records, and records, cards, addresses, documents and
// dates broken in several hundred ways.
const before = JSON.parse(
  readFileSync(new URL('./fixtures/issue-snapshot.json', import.meta.url), 'utf8'),
) as Record<keyof Inputs, Array<{ input: unknown }>>;
const inputs = Object.fromEntries(
  Object.entries(before).map(([k, list]) => [k, list.map((o) => o.input)]),
) as unknown as Inputs;

describe('schemas on zod/mini', () => {
  const now = outcomes(inputs, {
    Address,
    CardData,
    cardDataToResident,
    IdentityDocument,
    mapZodIssues,
    PartialDateInput,
    ResidentRecord,
    validateResident,
  });
  for (const kind of Object.keys(before) as Array<keyof Inputs>) {
    it(`give the same data, zod issue codes and paths, and cancuoc issues as before for ${before[kind].length} ${kind}`, () => {
      expect(before[kind].length).toBeGreaterThan(10);
      for (let i = 0; i < before[kind].length; i++) {
        expect({ i, ...(now[kind]![i] as object) }).toEqual({ i, ...before[kind][i] });
      }
    });
  }
  it('covers failures of every kind, not only valid inputs', () => {
    const codes = new Set(
      before.residents.flatMap((o) =>
        ((o as { raw?: Array<{ code: string }> }).raw ?? []).map((r) => r.code),
      ),
    );
    expect([...codes].sort()).toEqual(expect.arrayContaining(['custom', 'invalid_type', 'invalid_value']));
  });
});
