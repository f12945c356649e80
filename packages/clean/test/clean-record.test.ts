import { describe, expect, it } from 'vitest';
import { cleanRecord, type InputRecord, type RecordIssue } from '../src/index.js';

const codes = (
  input: InputRecord,
  profile: Parameters<typeof cleanRecord>[2] = { profile: { name: 'none', required: [] } },
) => cleanRecord(input, 7, profile).issues.map((i) => i.code);
const issue = (input: InputRecord, code: string): RecordIssue | undefined =>
  cleanRecord(input, 7, { profile: { name: 'none', required: [] } }).issues.find((i) => i.code === code);
const NONE = { profile: { name: 'none', required: [] as const } };

describe('cleanRecord: contract', () => {
  it('numbers issues with the given row and carries bilingual messages', () => {
    const r = cleanRecord({ birthDate: '31/02/1990' }, 42, NONE);
    expect(r.row).toBe(42);
    expect(r.issues[0]).toMatchObject({
      row: 42,
      field: 'birthDate',
      code: 'CLEAN_DATE_IMPOSSIBLE',
      severity: 'error',
    });
    expect(r.issues[0]?.messageVi).toMatch(/Ngày này không có trong lịch/);
    expect(r.issues[0]?.messageEn).toMatch(/does not exist/);
  });
  it('leaves a clean record untouched and reports nothing', () => {
    const input = {
      fullName: 'Nguyễn Văn An',
      birthDate: '15/08/1990',
      sex: 'Nam',
      personalId: '001090012345',
      ethnicity: 'Kinh',
      religion: 'Không',
      nationality: 'Việt Nam',
      placeOfOrigin: 'Xã Nghĩa Đô, Thành phố Hà Nội',
      permanentAddress: 'Số 5 Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội',
      phone: '0912345678',
    };
    const r = cleanRecord(input, 1);
    expect(r.issues).toEqual([]);
    expect(r.values).toEqual(input);
    expect(r.keys).toEqual({
      personalId: '001090012345',
      foldedName: 'nguyen van an',
      birthDate: '15/08/1990',
      birthPlace: '001',
    });
    expect(r.codes).toEqual({ ethnicity: '01', religion: '1', nationality: 'VNM' });
  });
  it('rejects misuse with TypeError and RangeError', () => {
    expect(() => cleanRecord(null as unknown as InputRecord, 1)).toThrow(TypeError);
    expect(() => cleanRecord({}, 0)).toThrow(RangeError);
    expect(() => cleanRecord({}, 1.5)).toThrow(RangeError);
  });
});

describe('cleanRecord: personal ID', () => {
  it('accepts a valid 12-digit ID', () => expect(codes({ personalId: '079198012345' })).toEqual([]));
  it('reports an unknown birth-province code with the id-number code', () =>
    expect(codes({ personalId: '003090012345' })).toEqual(['ERR_ID_PROVINCE_UNKNOWN']));
  it('reports a wrong length', () =>
    expect(codes({ personalId: '00109001234' + '56' })).toEqual(['ERR_ID_LENGTH']));
  it('reports letters', () => expect(codes({ personalId: '00109001234X' })).toContain('ERR_ID_NOT_DIGITS'));
  it('reports a future birth year', () =>
    expect(codes({ personalId: '001290012345' })).toEqual(['ERR_ID_BIRTH_YEAR_FUTURE']));
  it('removes separators and shows the change', () => {
    const i = issue({ personalId: '001 090.012-345' }, 'CLEAN_ID_NORMALIZED');
    expect(i).toMatchObject({ severity: 'fixed', before: '001 090.012-345', after: '001090012345' });
  });
  it('restores the leading zero a spreadsheet dropped', () => {
    for (const [raw, id] of [
      ['79198012345', '079198012345'],
      ['1090012345', '001090012345'],
    ] as const) {
      const r = cleanRecord({ personalId: raw }, 1, NONE);
      expect(r.values.personalId).toBe(id);
      expect(r.issues.map((i) => [i.code, i.before, i.after])).toEqual([['CLEAN_ID_LEADING_ZERO', raw, id]]);
    }
  });
  it('moves a 9-digit CMND out of the ID column', () => {
    const r = cleanRecord({ personalId: '123456789' }, 1, NONE);
    expect(r.values).toMatchObject({ personalId: '', legacyId: '123456789' });
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['CLEAN_ID_LEGACY_IN_ID_COLUMN', 'warning']]);
    expect(r.keys.personalId).toBe('123456789');
  });
  it('checks the birth year against the ID', () => {
    expect(codes({ personalId: '001090012345', birthDate: '15/08/1991' })).toEqual([
      'ERR_ID_BIRTH_YEAR_MISMATCH',
    ]);
    expect(codes({ personalId: '001090012345', birthDate: '1990' })).toEqual([]);
  });
  it('checks the sex against the ID', () => {
    expect(codes({ personalId: '001190012345', sex: 'Nam' })).toEqual(['ERR_ID_SEX_MISMATCH']);
    expect(codes({ personalId: '001190012345', sex: 'Nữ' })).toEqual([]);
  });
  it('warns when the place of birth registration names another province', () => {
    const i = issue(
      { personalId: '001090012345', birthPlace: 'Xã Tân Dĩnh, Tỉnh Bắc Giang' },
      'ERR_ID_BIRTH_PLACE_MISMATCH',
    );
    expect(i?.severity).toBe('warning');
    expect(codes({ personalId: '001090012345', birthPlace: 'Phường Hàng Bạc, Hà Nội' })).toEqual([]);
  });
  it('follows the 2025 merger for the birth place (024 Bắc Giang is now Bắc Ninh)', () =>
    expect(codes({ personalId: '024090012345', birthPlace: 'Tỉnh Bắc Ninh' })).toEqual([]));
});

describe('cleanRecord: CMND, BHYT and tax code', () => {
  it('accepts a 9-digit CMND and a 12-digit old ID', () => {
    expect(codes({ legacyId: '123456789' })).toEqual([]);
    expect(codes({ legacyId: '001090012345' })).toEqual([]);
  });
  it('rejects a CMND of the wrong length or all zeros', () => {
    expect(codes({ legacyId: '12345678' })).toEqual(['ERR_ID_LENGTH']);
    expect(codes({ legacyId: '000000000' })).toEqual(['ERR_ID_LEGACY_ZERO']);
  });
  it('accepts a BHYT card code and a BHXH number', () => {
    expect(codes({ insuranceCode: 'HS4797939364706' })).toEqual([]);
    expect(codes({ insuranceCode: '7966070482' })).toEqual([]);
  });
  it('rejects a BHYT code with a wrong benefit level', () =>
    expect(codes({ insuranceCode: 'HS9797939364706' })).toEqual(['ERR_ID_INSURANCE_BENEFIT_LEVEL']));
  it('rejects a malformed BHYT code', () => {
    expect(codes({ insuranceCode: '1S4797939364706' })).toEqual(['ERR_ID_INSURANCE_FORMAT']);
    expect(codes({ insuranceCode: 'HS479793936470' })).toEqual(['ERR_ID_LENGTH']);
  });
  it('accepts a tax code with its check digit and a 12-digit personal ID as tax code', () => {
    expect(codes({ taxCode: '0100109106' })).toEqual([]);
    expect(codes({ taxCode: '001090012345' })).toEqual([]);
  });
  it('rejects a tax code with a wrong check digit', () =>
    expect(codes({ taxCode: '0100109107' })).toEqual(['ERR_ID_TAX_CHECK_DIGIT']));
});

describe('cleanRecord: dates', () => {
  const date = (d: string) => cleanRecord({ birthDate: d }, 1, NONE);
  it('keeps dd/MM/yyyy, MM/yyyy and yyyy as they are', () => {
    for (const d of ['15/08/1990', '08/1990', '1990']) expect(date(d).issues).toEqual([]);
  });
  it('reports 31/02 and 29/02 of a common year as impossible', () => {
    expect(date('31/02/1990').issues.map((i) => i.code)).toEqual(['CLEAN_DATE_IMPOSSIBLE']);
    expect(date('29/02/1990').issues.map((i) => i.code)).toEqual(['CLEAN_DATE_IMPOSSIBLE']);
    expect(date('29/02/1992').issues).toEqual([]);
  });
  it('reads 00/00/1990 as the year alone', () => {
    const r = date('00/00/1990');
    expect(r.values.birthDate).toBe('1990');
    expect(r.issues[0]).toMatchObject({
      code: 'CLEAN_DATE_YEAR_ONLY',
      severity: 'fixed',
      before: '00/00/1990',
      after: '1990',
    });
  });
  it('reads 00/05/1990 as month and year', () => expect(date('00/05/1990').values.birthDate).toBe('05/1990'));
  it('swaps day and month when only the swap is a date', () => {
    const r = date('08/15/1990');
    expect(r.values.birthDate).toBe('15/08/1990');
    expect(r.issues[0]?.code).toBe('CLEAN_DATE_SWAPPED');
  });
  it('does not guess when both orders are dates', () => expect(date('05/08/1990').issues).toEqual([]));
  it('rewrites other layouts as dd/MM/yyyy', () => {
    for (const [d, out] of [
      ['1990-08-15', '15/08/1990'],
      ['15.08.1990', '15/08/1990'],
      ['15-8-1990', '15/08/1990'],
      ['5/8/1990', '05/08/1990'],
      ['15081990', '15/08/1990'],
      ['19900815', '15/08/1990'],
      ['1990-08-15T00:00:00Z', '15/08/1990'],
    ] as const) {
      const r = date(d);
      expect(r.values.birthDate, d).toBe(out);
      expect(
        r.issues.map((i) => i.code),
        d,
      ).toEqual(['CLEAN_DATE_NORMALIZED']);
    }
  });
  it('converts an Excel serial day number', () => {
    const r = date('33100');
    expect(r.values.birthDate).toBe('15/08/1990');
    expect(r.issues[0]?.code).toBe('CLEAN_DATE_EXCEL_SERIAL');
  });
  it('reports unreadable, future and implausible dates', () => {
    expect(date('không rõ').issues[0]?.code).toBe('CLEAN_DATE_FORMAT');
    expect(date('15/08/90').issues[0]?.code).toBe('CLEAN_DATE_FORMAT');
    expect(date('01/01/2999').issues[0]?.code).toBe('CLEAN_DATE_FUTURE');
    expect(date('01/01/1700').issues[0]?.code).toBe('CLEAN_DATE_RANGE');
    expect(date('13/13/1990').issues[0]?.code).toBe('CLEAN_DATE_IMPOSSIBLE');
  });
});

describe('cleanRecord: names and text', () => {
  it('normalises NFC, spacing and capitals and shows the change', () => {
    const r = cleanRecord({ fullName: '  NGUYE\u0302\u0303N   văn\u00a0an ' }, 1, NONE);
    expect(r.values.fullName).toBe('Nguyễn Văn An');
    expect(r.issues[0]).toMatchObject({
      code: 'CLEAN_NAME_NORMALIZED',
      severity: 'fixed',
      after: 'Nguyễn Văn An',
    });
  });
  it("keeps the case after an apostrophe or hyphen (H'Hen Niê)", () =>
    expect(cleanRecord({ fullName: "h'Hen niê" }, 1, NONE).values.fullName).toBe("H'Hen Niê"));
  it('reports digits and symbols in a name', () =>
    expect(codes({ fullName: 'Nguyễn Văn 2' })).toEqual(['CLEAN_NAME_CHARACTERS']));
  it('warns about a Vietnamese name without diacritics, not a foreigner', () => {
    expect(codes({ fullName: 'Nguyen Van An' })).toEqual(['CLEAN_NAME_NO_DIACRITICS']);
    expect(codes({ fullName: 'John Smith', nationality: 'USA' })).toEqual([]);
  });
  it('converts TCVN3, VNI and VIQR names and reports the encoding', () => {
    for (const [raw, enc] of [
      ['NguyÔn V¨n An', 'TCVN3'],
      ['Nguyeãn Vaên An', 'VNI'],
      ['Nguye^~n Va(n An', 'VIQR'],
    ] as const) {
      const r = cleanRecord({ fullName: raw }, 1, NONE);
      expect(r.values.fullName, raw).toBe('Nguyễn Văn An');
      expect(r.issues[0]).toMatchObject({ code: 'CLEAN_LEGACY_FONT', before: raw, after: 'Nguyễn Văn An' });
      expect(r.issues[0]?.messageEn).toContain(enc);
    }
  });
  it('reports replacement characters', () =>
    expect(codes({ fullName: 'Nguy\ufffdn Văn An' })).toContain('CLEAN_REPLACEMENT_CHARACTER'));
});

describe('cleanRecord: sex, codes, phone, e-mail', () => {
  it('normalises sex and rejects what it cannot read', () => {
    expect(cleanRecord({ sex: 'NỮ' }, 1, NONE).values.sex).toBe('Nữ');
    expect(cleanRecord({ sex: 'male' }, 1, NONE).values.sex).toBe('Nam');
    expect(codes({ sex: 'khác' })).toEqual(['CLEAN_SEX_UNKNOWN']);
  });
  it('normalises ethnicity, religion and nationality to the official names and codes', () => {
    const r = cleanRecord(
      { ethnicity: 'Khmer', religion: 'Thiên Chúa giáo', nationality: 'VIỆT NAM' },
      1,
      NONE,
    );
    expect(r.values).toEqual({ ethnicity: 'Khơ-me', religion: 'Công giáo', nationality: 'Việt Nam' });
    expect(r.codes).toEqual({ ethnicity: '05', religion: '3', nationality: 'VNM' });
    expect(r.issues.map((i) => i.code)).toEqual([
      'CLEAN_ETHNICITY_NORMALIZED',
      'CLEAN_RELIGION_NORMALIZED',
      'CLEAN_NATIONALITY_NORMALIZED',
    ]);
  });
  it('warns about values outside the catalogues', () => {
    expect(codes({ ethnicity: 'Elf' })).toEqual(['ERR_SCHEMA_ETHNICITY_UNKNOWN']);
    expect(codes({ religion: 'Jedi' })).toEqual(['CLEAN_RELIGION_UNKNOWN']);
    expect(codes({ nationality: 'Atlantis' })).toEqual(['CLEAN_NATIONALITY_UNKNOWN']);
  });
  it('converts old 11-digit mobile numbers (Decision 798/QĐ-BTTTT)', () => {
    for (const [old, now] of [
      ['01681234567', '0381234567'],
      ['0120 123 4567', '0701234567'],
      ['+84 123 123 4567', '0831234567'],
      ['01991234567', '0591234567'],
    ] as const) {
      const r = cleanRecord({ phone: old }, 1, NONE);
      expect(r.values.phone, old).toBe(now);
      expect(r.issues[0]?.code, old).toBe('CLEAN_PHONE_OLD_PREFIX');
    }
  });
  it('normalises phone formats and landlines', () => {
    expect(cleanRecord({ phone: '+84 912 345 678' }, 1, NONE).values.phone).toBe('0912345678');
    expect(cleanRecord({ phone: '0912.345.678' }, 1, NONE).values.phone).toBe('0912345678');
    expect(cleanRecord({ phone: '912345678' }, 1, NONE).values.phone).toBe('0912345678');
    expect(cleanRecord({ phone: '024 3825 1234' }, 1, NONE).values.phone).toBe('02438251234');
    expect(codes({ phone: '0912345678' })).toEqual([]);
  });
  it('rejects numbers that are not phone numbers', () => {
    expect(codes({ phone: '12345' })).toEqual(['CLEAN_PHONE_INVALID']);
    expect(codes({ phone: '0112345678' })).toEqual(['CLEAN_PHONE_INVALID']);
  });
  it('normalises and checks e-mail addresses', () => {
    expect(cleanRecord({ email: 'An.Nguyen@Gmail.COM ' }, 1, NONE).values.email).toBe('An.Nguyen@gmail.com');
    expect(codes({ email: 'an.nguyen@' })).toEqual(['CLEAN_EMAIL_INVALID']);
    expect(codes({ email: 'an@@x.vn' })).toEqual(['CLEAN_EMAIL_INVALID']);
  });
});

describe('cleanRecord: addresses', () => {
  it('moves a merged province to its successor (Resolution 202/2025/QH15)', () => {
    const r = cleanRecord({ permanentAddress: 'Xã Tân Dĩnh, Tỉnh Bắc Giang' }, 1, NONE);
    expect(r.values.permanentAddress).toBe('Xã Tân Dĩnh, Tỉnh Bắc Ninh');
    expect(r.issues[0]).toMatchObject({ code: 'CLEAN_ADDRESS_PROVINCE_MIGRATED', severity: 'fixed' });
  });
  it('leaves a province that kept its name', () =>
    expect(codes({ permanentAddress: 'Phường Hàng Bạc, Thành phố Hà Nội' })).toEqual([]));
  it('flags an address with a district for review', () => {
    const i = issue(
      { currentAddress: 'Xã Tân Dĩnh, Huyện Lạng Giang, Tỉnh Bắc Ninh' },
      'CLEAN_ADDRESS_NEEDS_REVIEW',
    );
    expect(i?.severity).toBe('warning');
    expect(i?.messageEn).toContain('Huyện Lạng Giang');
  });
});

describe('cleanRecord: profiles', () => {
  it('requires the fields of each profile', () => {
    const req = (p: 'hospital' | 'hotel' | 'population') =>
      cleanRecord({}, 1, { profile: p })
        .issues.filter((i) => i.code === 'ERR_SCHEMA_REQUIRED')
        .map((i) => i.field);
    expect(req('hospital')).toEqual(['fullName', 'birthDate', 'sex', 'personalId']);
    expect(req('hotel')).toEqual([
      'fullName',
      'birthDate',
      'sex',
      'personalId',
      'nationality',
      'permanentAddress',
    ]);
    expect(req('population')).toHaveLength(9);
  });
  it('takes a custom profile and names it in the message', () => {
    const r = cleanRecord({ fullName: 'Lê Hoa' }, 1, {
      profile: { name: 'members', required: ['fullName', 'phone'] },
    });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ field: 'phone', code: 'ERR_SCHEMA_REQUIRED', severity: 'error' });
    expect(r.issues[0]?.messageVi).toContain('members');
  });
  it('counts a blank value as missing', () =>
    expect(
      cleanRecord({ fullName: '   ' }, 1, { profile: { name: 'x', required: ['fullName'] } }).issues[0]?.code,
    ).toBe('ERR_SCHEMA_REQUIRED'));
});
