import { adminUnitsErrorMessages } from '@cancuoc/admin-units';
import { chipErrorMessages } from '@cancuoc/chip';
import { coreErrorMessages } from '@cancuoc/core';
import { eidErrorMessages } from '@cancuoc/eid';
import { guestStayErrorMessages, outboxErrorMessages } from '@cancuoc/guest-stay';
import { idNumberErrorMessages } from '@cancuoc/id-number';
import { insuranceErrorMessages } from '@cancuoc/insurance';
import { qrErrorMessages } from '@cancuoc/qr';
import { readerErrorMessages } from '@cancuoc/reader';
import { schemasErrorMessages } from '@cancuoc/schemas';
import { describe, expect, it } from 'vitest';

// Every package's error catalogue: stable codes, and a real Vietnamese message for each code
// (front-desk UIs show messageVi), across the whole SDK.
const catalogues: Record<string, Record<string, { en: string; vi: string }>> = {
  core: coreErrorMessages,
  'admin-units': adminUnitsErrorMessages,
  'id-number': idNumberErrorMessages,
  schemas: schemasErrorMessages,
  qr: qrErrorMessages,
  chip: chipErrorMessages,
  reader: readerErrorMessages,
  eid: eidErrorMessages,
  insurance: insuranceErrorMessages,
  'guest-stay': guestStayErrorMessages,
  'guest-stay outbox': outboxErrorMessages,
};

describe('error catalogues', () => {
  for (const [pkg, catalogue] of Object.entries(catalogues)) {
    it(`${pkg}: every code is ERR_<AREA>_<REASON> with an English and a distinct Vietnamese message`, () => {
      const codes = Object.keys(catalogue);
      expect(codes.length).toBeGreaterThan(0);
      for (const code of codes) {
        expect(code).toMatch(/^ERR_[A-Z0-9]+(_[A-Z0-9]+)+$/);
        const { en, vi } = catalogue[code]!;
        expect(en.trim().length, code).toBeGreaterThan(0);
        expect(vi.trim().length, code).toBeGreaterThan(0);
        expect(vi, code).not.toBe(en);
      }
    });
  }
  it('no code means two different things in two packages', () => {
    const seen = new Map<string, string>();
    for (const [pkg, catalogue] of Object.entries(catalogues)) {
      for (const code of Object.keys(catalogue)) {
        const other = seen.get(code);
        expect(other, `${code} in ${pkg} and ${other}`).toBeUndefined();
        seen.set(code, pkg);
      }
    }
  });
});
