import { describe, expect, it } from 'vitest';
import { isPersonalId, parsePersonalId, safeParsePersonalId } from '../src/index.js';
import { errorCode } from './helpers.js';

describe('parsePersonalId', () => {
  // Published examples (reference notes cccd-formats.md §1.2, §2.1, §4.3) and their decoding.
  it('decodes published example numbers', () => {
    const a = parsePersonalId('037153000257'); // npm vietnam-personal-id-number-explain: Ninh Bình, 1953, female
    expect(a).toMatchObject({ sex: 'female', birthYear: 1953, century: 1900, serial: '000257' });
    expect(a.birthPlace).toMatchObject({ kind: 'province', code: '037', name: 'Ninh Bình' });
    const b = parsePersonalId('001098012345'); // QR test data: Hà Nội, born 15/08/1998, Nam
    expect(b).toMatchObject({ sex: 'male', birthYear: 1998, value: '001098012345' });
    expect(b.birthPlace.name).toBe('Hà Nội');
    // QR test data (079198000123||…|15101998|Nam|…): digit 1 says female, so the published sample
    // is inconsistent with itself; checkConsistency's tests use it.
    const c = parsePersonalId('079198000123');
    expect(c).toMatchObject({ sex: 'female', birthYear: 1998 });
    expect(c.birthPlace.name).toBe('Hồ Chí Minh');
    const d = parsePersonalId('001201022864'); // MRZ sample: 2000s, male
    expect(d).toMatchObject({ sex: 'male', century: 2000, birthYear: 2001 });
    const e = parsePersonalId('034303012345'); // shape of the React-comment sample: Thái Bình, female, 2003
    expect(e).toMatchObject({ sex: 'female', birthYear: 2003 });
    expect(e.birthPlace.name).toBe('Thái Bình');
  });

  it('gives both names of a province merged on 1 July 2025', () => {
    const id = parsePersonalId('024180012345');
    expect(id.birthPlace.name).toBe('Bắc Giang');
    if (id.birthPlace.kind !== 'province') throw new Error('expected a province');
    expect(id.birthPlace.currentProvince.name).toBe('Bắc Ninh');
    expect(id.birthPlace.merged).toBe(true);
    const before = parsePersonalId('024180012345', { date: '2025-06-30' });
    expect(before.birthPlace.kind === 'province' && before.birthPlace.currentProvince.name).toBe('Bắc Giang');
  });

  it('decodes a birth registered abroad to its country', () => {
    const id = parsePersonalId('175099012345');
    expect(id.birthPlace).toMatchObject({ kind: 'abroad', code: '175', name: 'Hoa Kỳ (Mỹ)' });
  });

  it('decodes every century and sex digit', () => {
    expect(parsePersonalId('001000000001')).toMatchObject({ sex: 'male', birthYear: 1900 });
    expect(parsePersonalId('001199000001')).toMatchObject({ sex: 'female', birthYear: 1999 });
    expect(parsePersonalId('001200000001')).toMatchObject({ sex: 'male', birthYear: 2000 });
    expect(parsePersonalId('001300000001')).toMatchObject({ sex: 'female', birthYear: 2000 });
  });

  it('rejects a birth year that has not come yet', () => {
    expect(errorCode(() => parsePersonalId('001299012345'))).toBe('ERR_ID_BIRTH_YEAR_FUTURE');
    for (const g of '456789')
      expect(errorCode(() => parsePersonalId(`001${g}00012345`))).toBe('ERR_ID_BIRTH_YEAR_FUTURE');
  });

  it('rejects unassigned birth-place codes', () => {
    for (const code of ['000', '003', '005', '097', '098', '100', '296', '500', '999']) {
      expect(
        errorCode(() => parsePersonalId(`${code}098012345`)),
        code,
      ).toBe('ERR_ID_PROVINCE_UNKNOWN');
    }
  });

  it('explains an unassigned code in Vietnamese without revealing the number', () => {
    const r = safeParsePersonalId('003098012345');
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.messageVi).toContain('Ba chữ số đầu (003)');
    expect(r.error.details).toEqual({ code: '003', id: '003******345' });
    expect(JSON.stringify(r.error)).not.toContain('003098012345');
  });

  it('rejects wrong lengths, letters and empty input with their codes', () => {
    expect(errorCode(() => parsePersonalId('00109801234'))).toBe('ERR_ID_LENGTH');
    expect(errorCode(() => parsePersonalId('0010980123456'))).toBe('ERR_ID_LENGTH');
    expect(errorCode(() => parsePersonalId('00109801234O'))).toBe('ERR_ID_NOT_DIGITS');
    expect(errorCode(() => parsePersonalId(''))).toBe('ERR_ID_EMPTY');
    expect(errorCode(() => parsePersonalId('   '))).toBe('ERR_ID_EMPTY');
    const empty = safeParsePersonalId('');
    expect(!empty.success && empty.error.messageVi).toBe('Chưa nhập số định danh cá nhân');
    const r = safeParsePersonalId('12345');
    expect(!r.success && r.error.messageVi).toBe(
      'Số định danh cá nhân phải có 12 ký tự, nhưng đã nhập 5 ký tự',
    );
  });

  it('normalises spaces, dots, dashes and full-width digits only when asked', () => {
    for (const input of [
      '001 098 012 345',
      '001.098.012.345',
      '001-098-012-345',
      ' 001098012345\t',
      '００１０９８０１２３４５',
    ]) {
      expect(
        errorCode(() => parsePersonalId(input)),
        input,
      ).toBe('ERR_ID_NEEDS_NORMALIZATION');
      expect(parsePersonalId(input, { normalize: true }).value).toBe('001098012345');
    }
    expect(errorCode(() => parsePersonalId('001 098 012 34', { normalize: true }))).toBe('ERR_ID_LENGTH');
    expect(errorCode(() => parsePersonalId('001/098/012/345', { normalize: true }))).toBe(
      'ERR_ID_NOT_DIGITS',
    );
  });

  it('throws TypeError on a non-string', () => {
    expect(() => parsePersonalId(1 as unknown as string)).toThrow(TypeError);
    expect(isPersonalId(1)).toBe(false);
  });

  it('answers isPersonalId without throwing', () => {
    expect(isPersonalId('001098012345')).toBe(true);
    expect(isPersonalId('097098012345')).toBe(false);
    expect(isPersonalId('001 098 012 345')).toBe(false);
    expect(isPersonalId('001 098 012 345', { normalize: true })).toBe(true);
  });
});
