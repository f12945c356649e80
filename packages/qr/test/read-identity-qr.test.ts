import { isCancuocError } from '@cancuoc/core';
import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectQrKind, readIdentityQr, safeReadIdentityQr } from '../src/index.js';

const CARD = '001098012345||NGUYỄN VĂN A|15081998|Nam|Hà Nội|25052021';
const INSURANCE =
  'GD4790123456789|4e677579e1bb856e2056c4836e2041|01/01/1990|1|-|79 - 001|01/01/2024|31/12/2024|15/12/2023|$';

describe('detectQrKind', () => {
  it('tells a card QR, a BHYT QR and anything else apart', () => {
    expect(detectQrKind(CARD)).toBe('card');
    expect(detectQrKind(`CCCD: ${CARD}\r\n`)).toBe('card');
    expect(detectQrKind(INSURANCE)).toBe('insurance');
    expect(detectQrKind(`${INSURANCE}\n`)).toBe('insurance');
    expect(detectQrKind('0111070001|4e|1988|1|-|01 - C54|01/07/2023|-|31/07/2023|$')).toBe('insurance');
    for (const other of [
      'https://example.com',
      'WIFI:S:x;;',
      '001098012345|x',
      '',
      '00109801234||A|1|2|3|4',
    ]) {
      expect(detectQrKind(other)).toBe('unknown');
    }
  });

  it('never throws for a string', () => {
    fc.assert(fc.property(fc.string(), (s) => ['card', 'insurance', 'unknown'].includes(detectQrKind(s))));
    for (const s of hostileStrings) expect(['card', 'insurance', 'unknown']).toContain(detectQrKind(s));
  });
});

describe('readIdentityQr', () => {
  it('dispatches to the card and BHYT parsers', () => {
    const card = readIdentityQr(CARD);
    expect(card.kind).toBe('card');
    if (card.kind === 'card') expect(card.card.personalId).toBe('001098012345');
    const insurance = readIdentityQr(INSURANCE);
    expect(insurance.kind).toBe('insurance');
    if (insurance.kind === 'insurance') expect(insurance.insurance.fullName).toBe('Nguyễn Văn A');
  });

  it('gives ERR_QR_UNKNOWN_KIND for other QR codes, and the parser codes for damaged ones', () => {
    const r = safeReadIdentityQr('https://example.com');
    expect(r.success || r.error.code).toBe('ERR_QR_UNKNOWN_KIND');
    const bad = safeReadIdentityQr(CARD.replace('15081998', '31021998'));
    expect(bad.success || bad.error.code).toBe('ERR_QR_DATE_CALENDAR');
  });

  it('answers hostile strings with a result or a CancuocError', () => {
    for (const s of hostileStrings) {
      try {
        readIdentityQr(s);
      } catch (error) {
        expect(isCancuocError(error)).toBe(true);
      }
    }
  });
});
