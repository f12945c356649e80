import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Address,
  CardData,
  createAddressSchema,
  Ethnicity,
  FullName,
  IdentityDocument,
  mapZodIssues,
  PartialDateInput,
  PartialDateSchema,
  PersonRef,
  Religion,
} from '../src/index.js';

const schemas = {
  Address,
  CurrentAddress: createAddressSchema({ date: '2025-08-01' }),
  CardData,
  Ethnicity,
  FullName,
  IdentityDocument,
  PartialDateInput,
  PartialDateSchema,
  PersonRef,
  Religion,
};

describe('every schema on arbitrary input', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}.safeParse never throws and its issues all map to coded bilingual issues`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), fc.constantFrom(...hostileStrings)), (value) => {
          const r = schema.safeParse(value);
          if (r.success) return;
          for (const issue of mapZodIssues(r.error)) {
            expect(issue.code).toMatch(/^ERR_[A-Z_]+$/);
            expect(issue.code).not.toBe('ERR_SCHEMA_UNKNOWN');
            expect(issue.messageVi).not.toMatch(/\{\w+\}/);
          }
        }),
        { numRuns: 200 },
      );
    });
  }

  it('parsing a parsed value gives it back (idempotent normalisation)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const first = FullName.safeParse(text);
        if (!first.success) return;
        expect(FullName.parse(first.data)).toBe(first.data);
      }),
    );
  });
});
