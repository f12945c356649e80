import { foldDiacritics } from '@cancuoc/core';
import {
  checkConsistency,
  parseInsuranceCode,
  parseLegacyId,
  parsePersonalId,
  parseTaxCode,
  safeParseInsuranceCode,
  safeParsePersonalId,
  safeParseTaxCode,
} from '@cancuoc/id-number';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultResidentDirt,
  type GeneratedResident,
  generateResidents,
  type ResidentDirtKind,
  type ResidentField,
  residentCsvHeaders,
  residentFields,
  residentsToCsv,
} from '../src/residents/index.js';
import { toTcvn3, toVni } from '../src/residents/legacy-encodings.js';

const take = (options: Parameters<typeof generateResidents>[0]) => [...generateResidents(options)];

const realDate = (text: string): boolean => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) return false;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};

// A minimal RFC 4180 reader, enough to read back what residentsToCsv writes.
function readCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

describe('generateResidents', () => {
  it('gives the same rows for the same seed and other rows for another seed', () => {
    const a = take({ count: 2000, seed: 42 });
    const b = take({ count: 2000, seed: 42 });
    const c = take({ count: 2000, seed: 43 });
    expect(b).toEqual(a);
    expect(c.map((r) => r.record.personalId)).not.toEqual(a.map((r) => r.record.personalId));
    // A prefix of a longer run is the shorter run.
    expect(take({ count: 500, seed: 42 })).toEqual(a.slice(0, 500));
  });

  it('is lazy: the first row of a billion-row list comes at once', () => {
    const it = generateResidents({ count: 1_000_000_000, seed: 1 });
    const first = it.next();
    expect(first.done).toBe(false);
    expect(first.value?.row).toBe(1);
    it.return(undefined);
  });

  it('makes clean people whose numbers are valid and consistent when no dirt is asked for', () => {
    const rows = take({ count: 5000, seed: 7, dirt: 'none' });
    const ids = new Set<string>();
    for (const { record, truth } of rows) {
      expect(truth.defects).toEqual([]);
      expect(record).toEqual(truth.clean);
      const id = parsePersonalId(record.personalId);
      ids.add(id.value);
      expect(
        checkConsistency(record.personalId, {
          dateOfBirth: record.birthDate,
          sex: record.sex === 'Nam' ? 'male' : 'female',
          placeOfBirthRegistration: record.placeOfOrigin,
        }),
      ).toEqual([]);
      expect(realDate(record.birthDate)).toBe(true);
      expect(record.fullName).toBe(record.fullName.normalize('NFC'));
      expect(record.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
      if (record.legacyId) expect(parseLegacyId(record.legacyId).format).toBe('cmnd-9');
      if (record.insuranceCode) parseInsuranceCode(record.insuranceCode);
      if (record.taxCode) parseTaxCode(record.taxCode);
      if (record.phone) expect(record.phone).toMatch(/^0[35789]\d{8}$/);
      for (const address of [record.permanentAddress, record.currentAddress, record.placeOfOrigin]) {
        // Two levels after 1 July 2025: commune, province.
        expect(address).toMatch(/(Phường|Xã) [^,]+, (Tỉnh|Thành phố) [^,]+$/);
      }
    }
    // Personal IDs never repeat by chance.
    expect(ids.size).toBe(rows.length);
    const sexes = rows.filter((r) => r.record.sex === 'Nữ').length / rows.length;
    expect(sexes).toBeGreaterThan(0.45);
    expect(sexes).toBeLessThan(0.55);
    const nguyen = rows.filter((r) => r.record.fullName.startsWith('Nguyễn ')).length / rows.length;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.46);
  });

  it('injects every kind of dirt and records each one in the truth', () => {
    const rows = take({ count: 30_000, seed: 11 });
    const seen = new Set<string>(rows.flatMap((r) => r.truth.defects.map((d) => d.split(':')[1]!)));
    for (const kind of Object.keys(defaultResidentDirt)) expect(seen, kind).toContain(kind);
    const byRow = new Map(rows.map((r) => [r.row, r]));
    for (const r of rows) checkRow(r, byRow);
  });

  it('keeps each rate within tolerance of what was asked', () => {
    const dirt = {
      ...defaultResidentDirt,
      impossibleDate: 0.1,
      wrongProvinceDigits: 0.08,
      typo: 0.15,
      oldAddress: 0.3,
      duplicate: 0.05,
      idConflict: 0.02,
    };
    const rows = take({ count: 20_000, seed: 5, dirt });
    const originals = rows.filter((r) => r.truth.duplicateOf === undefined);
    const share = (defect: string, among: readonly GeneratedResident[]) =>
      among.filter((r) => r.truth.defects.includes(defect as never)).length / among.length;
    // 4 standard deviations of a binomial share.
    const near = (actual: number, rate: number, n: number) =>
      expect(Math.abs(actual - rate)).toBeLessThan(4 * Math.sqrt((rate * (1 - rate)) / n));
    near(rows.filter((r) => r.truth.duplicateOf !== undefined).length / rows.length, 0.05, rows.length);
    near(rows.filter((r) => r.truth.conflictWith !== undefined).length / rows.length, 0.02, rows.length);
    near(share('birthDate:impossibleDate', originals), 0.1, originals.length);
    near(share('fullName:typo', originals), 0.15, originals.length);
    near(share('permanentAddress:oldAddress', originals), 0.3, originals.length);
    // Conflicts replace the ID dirt of their row.
    const idRows = originals.filter((r) => r.truth.conflictWith === undefined);
    near(share('personalId:wrongProvinceDigits', idRows), 0.08, idRows.length);
  });

  it('leaves fields without a recorded defect as they truly are', () => {
    for (const r of take({ count: 10_000, seed: 3 })) {
      const touched = new Set(r.truth.defects.map((d) => d.split(':')[0]));
      for (const field of residentFields) {
        if (!touched.has(field)) expect(r.record[field], `${r.row} ${field}`).toBe(r.truth.clean[field]);
      }
    }
  });

  it('rejects a negative or fractional count, unknown dirt and rates outside 0–1', () => {
    expect(() => take({ count: -1 })).toThrow(RangeError);
    expect(() => take({ count: 1.5 })).toThrow(RangeError);
    expect(() => take({ count: 1, dirt: { typo: 2 } })).toThrow(RangeError);
    expect(() => take({ count: 1, dirt: { typo: Number.NaN } })).toThrow(RangeError);
    expect(() => take({ count: 1, dirt: { nonsense: 0.1 } as never })).toThrow(RangeError);
    expect(() => take({ count: 1, seed: Number.POSITIVE_INFINITY })).toThrow(TypeError);
  });
});

function checkRow(r: GeneratedResident, byRow: Map<number, GeneratedResident>): void {
  const { record, truth } = r;
  const clean = truth.clean;
  for (const defect of truth.defects) {
    if (defect === 'row:duplicate') continue;
    const [field, kind] = defect.split(':') as [ResidentField, ResidentDirtKind];
    const value = record[field];
    const where = `row ${r.row} ${defect}`;
    expect(value, where).not.toBe(clean[field]);
    switch (kind) {
      case 'missing':
        expect(value, where).toBe('');
        break;
      case 'missingDiacritics':
        expect(value, where).toBe(foldDiacritics(clean[field]));
        break;
      case 'tcvn3':
        expect(value, where).toBe(toTcvn3(clean[field]));
        expect(/[^\u0000-\u00ff]/.test(value), where).toBe(false);
        break;
      case 'vni':
        expect(value, where).toBe(toVni(clean[field]));
        expect(/[^\u0000-\u00ff]/.test(value), where).toBe(false);
        break;
      case 'typo':
        expect(value.split(' ').length, where).toBe(clean[field].split(' ').length);
        expect(Math.abs(value.length - clean[field].length), where).toBeLessThanOrEqual(1);
        break;
      case 'nameFormat':
        expect(value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase(), where).toBe(
          clean[field].toLowerCase(),
        );
        break;
      case 'impossibleDate':
        expect(value, where).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
        expect(realDate(value), where).toBe(false);
        expect(value.slice(6), where).toBe(clean.birthDate.slice(6));
        break;
      case 'swappedDayMonth':
        expect(`${value.slice(3, 5)}/${value.slice(0, 2)}${value.slice(5)}`, where).toBe(clean.birthDate);
        expect(Number(value.slice(3, 5)), where).toBeGreaterThan(12);
        break;
      case 'dateFormat':
        // The same day, month and year in another layout.
        expect(value.match(/\d+/g)!.map(Number).sort(), where).toEqual(
          clean.birthDate.split('/').map(Number).sort(),
        );
        break;
      case 'wrongProvinceDigits': {
        const parsed = safeParsePersonalId(value);
        expect(parsed.success, where).toBe(false);
        if (!parsed.success) expect(parsed.error.code, where).toBe('ERR_ID_PROVINCE_UNKNOWN');
        expect(value.slice(3), where).toBe(clean.personalId.slice(3));
        break;
      }
      case 'idMismatch': {
        expect(safeParsePersonalId(value).success, where).toBe(true);
        const issues = checkConsistency(value, {
          dateOfBirth: clean.birthDate,
          sex: clean.sex === 'Nam' ? 'male' : 'female',
        });
        expect(
          issues.map((i) => i.code),
          where,
        ).toSatisfy(
          (codes: string[]) =>
            codes.includes('ERR_ID_SEX_MISMATCH') || codes.includes('ERR_ID_BIRTH_YEAR_MISMATCH'),
        );
        break;
      }
      case 'lostLeadingZero':
        expect(value.padStart(12, '0'), where).toBe(clean.personalId);
        break;
      case 'legacyInIdColumn':
        expect(value, where).toBe(clean.legacyId);
        break;
      case 'idConflict': {
        const owner = byRow.get(truth.conflictWith!)!;
        expect(truth.conflictWith!, where).toBeLessThan(r.row);
        expect(value, where).toBe(owner.truth.clean.personalId);
        expect(
          owner.truth.clean.fullName === clean.fullName && owner.truth.clean.birthDate === clean.birthDate,
        ).toBe(false);
        break;
      }
      case 'wrongCheckDigit': {
        const parsed = safeParseTaxCode(value);
        expect(parsed.success, where).toBe(false);
        if (!parsed.success) expect(parsed.error.code, where).toBe('ERR_ID_TAX_CHECK_DIGIT');
        break;
      }
      case 'invalidInsuranceCode':
        expect(safeParseInsuranceCode(value).success, where).toBe(false);
        break;
      case 'oldAddress':
        // The pre-2025 form has the district level and an old province; the truth has neither.
        expect(value.split(',').length, where).toBe(clean[field].split(',').length + 1);
        expect(value, where).toMatch(/(Quận|Huyện|Thị xã|Thành phố) [^,]+, (Tỉnh|Thành phố) [^,]+$/);
        break;
      case 'oldPhonePrefix':
        expect(value, where).toMatch(/^01\d{9}$/);
        expect(value.slice(4), where).toBe(clean.phone.slice(3));
        break;
      case 'phoneFormat':
        expect(value.replace(/\D/g, '').slice(-9), where).toBe(clean.phone.slice(1));
        break;
      case 'categoryVariant':
        break;
      default:
        throw new Error(`unexpected defect ${defect}`);
    }
  }
  if (truth.duplicateOf !== undefined) {
    expect(truth.defects).toContain('row:duplicate');
    const original = byRow.get(truth.duplicateOf)!;
    expect(truth.duplicateOf).toBeLessThan(r.row);
    expect(truth.clean).toEqual(original.truth.clean);
    expect(original.truth.duplicateOf).toBeUndefined();
  }
}

describe('legacy font encodings', () => {
  it('writes TCVN3 and VNI as the fonts stored them', () => {
    expect(toTcvn3('Nguyễn Văn An')).toBe('NguyÔn V¨n An');
    expect(toTcvn3('Đường Lê Lợi')).toBe('§\u00adêng Lª Lîi');
    expect(toVni('Nguyễn Văn An')).toBe('Nguyeãn Vaên An');
    expect(toVni('Lê Đức Ưng')).toBe('Leâ Ñöùc Öng');
    expect(toVni('Huỳnh Thị Ẩn')).toBe('Huyønh Thò AÅn');
  });

  it('writes only Latin-1 characters and keeps text without diacritics unchanged', () => {
    const vietnamese = fc.string({
      unit: fc.constantFrom(...'aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐàáảãạằắẳẵặầấẩẫậềếểễệìíỉĩịồốổỗộờớởỡợừứửữựỳýỷỹỵ bcn'),
    });
    fc.assert(
      fc.property(vietnamese, (text) => {
        expect(/[^\u0000-\u00ff]/.test(toTcvn3(text))).toBe(false);
        expect(/[^\u0000-\u00ff]/.test(toVni(text))).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdeghiklmnopqrstuvxy ,0123456789') }), (text) => {
        expect(toTcvn3(text)).toBe(text);
        expect(toVni(text)).toBe(text);
      }),
    );
  });
});

describe('residentsToCsv', () => {
  it('writes Vietnamese or English headers and reads back to the same records', () => {
    const rows = take({ count: 3000, seed: 9 });
    for (const [headers, delimiter] of [
      ['vi', ','],
      ['en', ';'],
      ['vi', '\t'],
    ] as const) {
      const text = [...residentsToCsv(rows, { headers, delimiter })].join('');
      const table = readCsv(text, delimiter);
      expect(table[0]).toEqual(residentFields.map((f) => residentCsvHeaders[headers][f]));
      expect(table.length).toBe(rows.length + 1);
      table.slice(1).forEach((cells, i) => {
        expect(Object.fromEntries(residentFields.map((f, j) => [f, cells[j]]))).toEqual(rows[i]!.record);
      });
    }
  });

  it('quotes delimiters, quotes and line breaks, and writes the BOM and CRLF on request', () => {
    const record = Object.fromEntries(residentFields.map((f) => [f, ''])) as Record<ResidentField, string>;
    record.fullName = 'Lê "Tí", A';
    record.permanentAddress = 'dòng 1\ndòng 2';
    const text = [
      ...residentsToCsv([record], { bom: true, newline: '\r\n', fields: ['fullName', 'permanentAddress'] }),
    ].join('');
    expect(text).toBe('\ufeffHọ và tên,Địa chỉ thường trú\r\n"Lê ""Tí"", A","dòng 1\ndòng 2"\r\n');
  });

  it('rejects a delimiter that cannot separate fields', () => {
    for (const delimiter of ['"', '\n', '', ';;']) {
      expect(() => [...residentsToCsv([], { delimiter })]).toThrow(RangeError);
    }
  });
});
