import { isCancuocError } from '@cancuoc/core';
import { hostileStrings } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { parseCardQr, safeParseCardQr } from '../src/index.js';

// Payloads as published in public parsers' tests (fake people), cited in the reference notes
// cccd-formats.md §1.2.
const PUBLISHED = {
  pytest: '001098012345||NGUYỄN VĂN A|15081998|Nam|Hà Nội|25052021',
  withOldId12:
    '001099012345|001234567890|Nguyễn Văn A|15031999|Nam|Số 1 Đường ABC, Phường X, Quận Y, TP Z|10052021',
  emptyFields: '001099012345||Nguyễn Văn A|15031999|Nam||10052021',
  hcm: '079198000123||NGUYỄN VĂN A|15101998|Nam|123 Nguyễn Trãi, P.2, Q.5, TP.HCM|20102021',
  oldId9:
    '001090123456|012345678|NGUYEN VAN A|01011990|Nam|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15042021',
  feb31: '001099012345||Nguyễn Văn A|31022000|Nam|Hà Nội|01012021',
};

function codeOf(text: string): string | undefined {
  const r = safeParseCardQr(text);
  return r.success ? undefined : r.error.code;
}

describe('parseCardQr', () => {
  it('reads the seven fields of a published payload', () => {
    const qr = parseCardQr(PUBLISHED.pytest);
    expect(qr).toEqual({
      personalId: '001098012345',
      fullName: 'NGUYỄN VĂN A',
      dateOfBirth: { year: 1998, month: 8, day: 15 },
      sex: 'male',
      permanentResidence: 'Hà Nội',
      dateOfIssue: { year: 2021, month: 5, day: 25 },
      extra: [],
      warnings: expect.any(Array),
    });
    expect(qr.legacyId).toBeUndefined();
  });

  it('keeps a 9-digit and a 12-digit old ID number', () => {
    expect(parseCardQr(PUBLISHED.oldId9).legacyId).toBe('012345678');
    expect(parseCardQr(PUBLISHED.withOldId12).legacyId).toBe('001234567890');
    expect(parseCardQr(PUBLISHED.withOldId12).permanentResidence).toBe(
      'Số 1 Đường ABC, Phường X, Quận Y, TP Z',
    );
  });

  it('accepts an empty old ID and an empty address', () => {
    const qr = parseCardQr(PUBLISHED.emptyFields);
    expect(qr.legacyId).toBeUndefined();
    expect(qr.permanentResidence).toBeUndefined();
    expect(qr.dateOfIssue).toEqual({ year: 2021, month: 5, day: 10 });
  });

  it('reads every published sample', () => {
    for (const text of [PUBLISHED.hcm, PUBLISHED.oldId9])
      expect(parseCardQr(text).personalId).toMatch(/^\d{12}$/);
  });

  it('rejects 31 February with ERR_QR_DATE_CALENDAR on the birth date', () => {
    const r = safeParseCardQr(PUBLISHED.feb31);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe('ERR_QR_DATE_CALENDAR');
      expect(r.error.details.field).toBe('dateOfBirth');
      expect(r.error.messageVi).toContain('ngày sinh');
    }
  });

  it('rejects a non-existent issue date', () => {
    expect(codeOf('001098012345||A|15081998|Nam|Hà Nội|30022021')).toBe('ERR_QR_DATE_CALENDAR');
  });

  it('keeps extra trailing fields (Căn cước cards) instead of rejecting them', () => {
    const qr = parseCardQr(`${PUBLISHED.pytest}|123456789|001098000001|`);
    expect(qr.extra).toEqual(['123456789', '001098000001', '']);
    expect(qr.dateOfIssue).toEqual({ year: 2021, month: 5, day: 25 });
  });

  it('gives ERR_QR_FIELD_COUNT below seven fields', () => {
    const six = PUBLISHED.pytest.split('|').slice(0, 6).join('|');
    const r = safeParseCardQr(six);
    expect(r.success || r.error.code).toBe('ERR_QR_FIELD_COUNT');
    if (!r.success) expect(r.error.details).toMatchObject({ count: 6, expected: 7 });
    expect(codeOf('001098012345')).toBe('ERR_QR_FIELD_COUNT');
  });

  it('gives ERR_QR_PERSONAL_ID for a malformed ID without echoing it', () => {
    for (const id of ['00109801234', '0010980123456', '00109801234X', '']) {
      const r = safeParseCardQr(`${id}||NGUYỄN VĂN A|15081998|Nam|Hà Nội|25052021`);
      expect(r.success).toBe(false);
      if (!r.success) {
        expect(r.error.code).toBe('ERR_QR_PERSONAL_ID');
        if (id.length > 4) expect(JSON.stringify(r.error.toJSON())).not.toContain(id);
      }
    }
  });

  it('gives ERR_QR_LEGACY_ID for an old ID that is not 9 or 12 digits', () => {
    expect(codeOf('001098012345|12345|A|15081998|Nam|Hà Nội|25052021')).toBe('ERR_QR_LEGACY_ID');
    expect(codeOf('001098012345|01234567X|A|15081998|Nam|Hà Nội|25052021')).toBe('ERR_QR_LEGACY_ID');
  });

  it('gives ERR_QR_NAME_EMPTY for a blank name', () => {
    expect(codeOf('001098012345|| \u00a0 |15081998|Nam|Hà Nội|25052021')).toBe('ERR_QR_NAME_EMPTY');
  });

  it('gives ERR_QR_CONTROL_CHARACTER for control characters in the name or address', () => {
    expect(codeOf('001098012345||NGUY\u0000N VĂN A|15081998|Nam|Hà Nội|25052021')).toBe(
      'ERR_QR_CONTROL_CHARACTER',
    );
    expect(codeOf('001098012345||A|15081998|Nam|Hà\u001bNội|25052021')).toBe('ERR_QR_CONTROL_CHARACTER');
    expect(codeOf('001098012345||A|15081998|Nam|Hà\u0085Nội|25052021')).toBe('ERR_QR_CONTROL_CHARACTER');
  });

  it('gives ERR_QR_DATE_FORMAT for dates not written ddMMyyyy', () => {
    expect(codeOf('001098012345||A|15/08/1998|Nam|Hà Nội|25052021')).toBe('ERR_QR_DATE_FORMAT');
    expect(codeOf('001098012345||A|1998|Nam|Hà Nội|25052021')).toBe('ERR_QR_DATE_FORMAT');
    expect(codeOf('001098012345||A|15081998|Nam|Hà Nội|2505202')).toBe('ERR_QR_DATE_FORMAT');
    expect(codeOf('001098012345||A|15081000|Nam|Hà Nội|25052021')).toBe('ERR_QR_DATE_FORMAT');
  });

  it('gives ERR_QR_DATE_ORDER when the card was issued before the birth', () => {
    expect(codeOf('001098012345||A|15081998|Nam|Hà Nội|25051997')).toBe('ERR_QR_DATE_ORDER');
  });

  it('gives ERR_QR_SEX for a sex other than Nam / Nữ', () => {
    for (const sex of ['', 'M', 'Male', 'Nữa', 'X']) {
      expect(codeOf(`001098012345||A|15081998|${sex}|Hà Nội|25052021`)).toBe('ERR_QR_SEX');
    }
  });

  it('reads Nữ in every spelling scanners produce', () => {
    for (const sex of ['Nữ', 'NỮ', 'nữ', 'Nu', 'NU', 'Nư\u0303']) {
      expect(parseCardQr(`001198012345||A|15081998|${sex}|Hà Nội|25052021`).sex).toBe('female');
    }
  });

  it('normalises NFD text to NFC', () => {
    const nfd = PUBLISHED.withOldId12.normalize('NFD');
    expect(nfd).not.toBe(PUBLISHED.withOldId12);
    const qr = parseCardQr(nfd);
    expect(qr.fullName).toBe('Nguyễn Văn A');
    expect(qr.fullName).toBe(qr.fullName.normalize('NFC'));
    expect(qr.permanentResidence).toBe('Số 1 Đường ABC, Phường X, Quận Y, TP Z');
  });

  it('tolerates CRLF, trailing whitespace, a BOM and a label in front', () => {
    for (const text of [
      `${PUBLISHED.pytest}\r\n`,
      `  ${PUBLISHED.pytest}  \n`,
      `\ufeff${PUBLISHED.pytest}`,
      `CCCD:${PUBLISHED.pytest}`,
      `cccd: ${PUBLISHED.pytest}`,
      `Căn cước = ${PUBLISHED.pytest}`,
    ]) {
      expect(parseCardQr(text)).toEqual(parseCardQr(PUBLISHED.pytest));
    }
  });

  it('reports U+FFFD replacement characters as warnings on the fields they hit', () => {
    const qr = parseCardQr(
      '001198012345||NGUY\ufffd\ufffdN TH\ufffd A|15081998|N\ufffd|H\ufffd N\ufffdi|25052021',
    );
    expect(qr.sex).toBe('female');
    const replaced = qr.warnings.filter((w) => w.code === 'ERR_QR_REPLACEMENT_CHARACTER');
    expect(replaced.map((w) => w.path)).toEqual([['fullName'], ['sex'], ['permanentResidence']]);
    expect(replaced.every((w) => w.severity === 'warning')).toBe(true);
    expect(replaced[0]?.messageVi).toContain('họ và tên');
  });

  it('warns when the ID disagrees with the birth year or sex, keeping the fields as printed', () => {
    // 001 0 98 …: a man born in 1998 (digit 0 = male, 1900s).
    const qr = parseCardQr('001098012345||NGUYỄN THỊ A|15081999|Nữ|Hà Nội|25052021');
    expect(qr.sex).toBe('female');
    expect(qr.dateOfBirth.year).toBe(1999);
    expect(qr.warnings.map((w) => [w.code, w.path, w.severity])).toEqual([
      ['ERR_ID_BIRTH_YEAR_MISMATCH', ['dateOfBirth'], 'warning'],
      ['ERR_ID_SEX_MISMATCH', ['sex'], 'warning'],
    ]);
    expect(parseCardQr(PUBLISHED.pytest).warnings).toEqual([]);
    expect(parseCardQr(PUBLISHED.withOldId12).warnings).toEqual([]);
  });

  it('warns, without failing, about an ID whose province code is not allocated', () => {
    const qr = parseCardQr('003098012345||NGUYỄN VĂN A|15081998|Nam|Hà Nội|25052021');
    expect(qr.warnings.map((w) => [w.code, w.path, w.severity])).toEqual([
      ['ERR_ID_PROVINCE_UNKNOWN', ['personalId'], 'warning'],
    ]);
  });

  it('repairs UTF-8 that a scanner read as Windows-1252, with a warning', () => {
    for (const text of [PUBLISHED.pytest, PUBLISHED.withOldId12, PUBLISHED.hcm]) {
      const mojibake = new TextDecoder('windows-1252').decode(new TextEncoder().encode(text));
      expect(mojibake).not.toBe(text);
      const qr = parseCardQr(mojibake);
      const { warnings, ...fields } = qr;
      const { warnings: cleanWarnings, ...expected } = parseCardQr(text);
      expect(fields).toEqual(expected);
      expect(warnings.map((w) => [w.code, w.path])[0]).toEqual(['ERR_QR_MOJIBAKE_REPAIRED', []]);
      expect(warnings.slice(1)).toEqual(cleanWarnings);
    }
  });

  it('leaves genuine Vietnamese text alone, including letters of Latin-1', () => {
    for (const name of ['ÂU THỊ Ã', 'Tâm Ánh Ê', 'NGÔ ĐÌNH Ý', 'Â€ÂÃ']) {
      const qr = parseCardQr(`001098012345||${name}|15081998|Nam|Hà Nội|25052021`);
      expect(qr.fullName).toBe(name);
      expect(qr.warnings.map((w) => w.code)).not.toContain('ERR_QR_MOJIBAKE_REPAIRED');
    }
  });

  it('answers every hostile string with a result or a CancuocError', () => {
    for (const text of hostileStrings) {
      try {
        parseCardQr(text);
      } catch (error) {
        expect(isCancuocError(error)).toBe(true);
      }
    }
  });

  it('rejects a payload longer than any QR code can hold with ERR_QR_TOO_LONG', () => {
    expect(codeOf(`${PUBLISHED.pytest}|${'x'.repeat(10_000)}`)).toBe('ERR_QR_TOO_LONG');
  });

  it('throws TypeError for a value that is not a string', () => {
    expect(() => parseCardQr(42 as unknown as string)).toThrow(TypeError);
    expect(() => safeParseCardQr(null as unknown as string)).toThrow(TypeError);
  });
});
