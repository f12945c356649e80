import { maskId } from '@cancuoc/core';
import { parseCardQr } from '@cancuoc/qr';
import { describe, expect, it } from 'vitest';

// The "A taste" example of the root README, kept true by running it.
describe('root README example', () => {
  it('parses a scanned card QR and reports no warnings for a consistent card', () => {
    const qr = parseCardQr('001098012345||Nguyễn Văn A|15081998|Nam|Hà Nội|25052021');
    expect(maskId(qr.personalId)).toBe('001******345');
    expect(qr.fullName).toBe('Nguyễn Văn A');
    expect(qr.dateOfBirth).toEqual({ year: 1998, month: 8, day: 15 });
    expect(qr.warnings).toEqual([]);
  });
  it('warns when the ID number and the birth year disagree', () => {
    const qr = parseCardQr('001098012345||Nguyễn Văn A|15081997|Nam|Hà Nội|25052021');
    expect(qr.warnings.map((w) => w.code)).toContain('ERR_ID_BIRTH_YEAR_MISMATCH');
  });
});
