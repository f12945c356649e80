import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../src/index.js';

describe('checkConsistency', () => {
  it('returns no issue when the birth date and sex agree with the number', () => {
    expect(checkConsistency('001098012345', { dateOfBirth: '1998-08-15', sex: 'male' })).toEqual([]);
    expect(checkConsistency('001098012345', { dateOfBirth: '15/08/1998' })).toEqual([]);
    expect(checkConsistency('001098012345', { dateOfBirth: '1998' })).toEqual([]);
    expect(checkConsistency('001098012345', { dateOfBirth: { year: 1998, month: 8 } })).toEqual([]);
    expect(checkConsistency('034303012345', { dateOfBirth: '21032003', sex: 'female' })).toEqual([]);
    expect(checkConsistency('001098012345', {})).toEqual([]);
  });

  it('agrees with the birth dates and sexes of the published MRZ samples', () => {
    // Synthetic TD1 vectors of the reference notes (cccd-formats.md §2.1): line 1 carries the ID,
    // line 2 the birth date YYMMDD and the sex.
    expect(checkConsistency('001099012345', { dateOfBirth: '1999-01-15', sex: 'male' })).toEqual([]); // 9901155M…
    expect(checkConsistency('036058001234', { dateOfBirth: '1958-07-20', sex: 'male' })).toEqual([]); // 5807204M…
  });

  it('reports a birth year that disagrees, at dateOfBirth', () => {
    const [issue, ...rest] = checkConsistency('001098012345', { dateOfBirth: '1999-08-15', sex: 'male' });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      path: ['dateOfBirth'],
      code: 'ERR_ID_BIRTH_YEAR_MISMATCH',
      severity: 'error',
    });
    expect(issue?.messageVi).toBe(
      'Số định danh cho năm sinh 1998, nhưng ngày sinh ghi năm 1999; hãy đối chiếu lại với thẻ',
    );
  });

  it('reports a sex that disagrees, at sex, in words a clerk reads', () => {
    const issues = checkConsistency('001198012345', { sex: 'male' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: ['sex'], code: 'ERR_ID_SEX_MISMATCH' });
    expect(issues[0]?.messageVi).toContain('giới tính Nữ, nhưng hồ sơ ghi Nam');
  });

  it('flags the published QR sample whose number says female but whose sex field says Nam', () => {
    // `079198000123||NGUYỄN VĂN A|15101998|Nam|…` (reference notes, cccd-formats.md §1.2)
    const issues = checkConsistency('079198000123', { dateOfBirth: '15101998', sex: 'male' });
    expect(issues.map((i) => i.code)).toEqual(['ERR_ID_SEX_MISMATCH']);
  });

  it('reports both problems together', () => {
    expect(
      checkConsistency('001198012345', { dateOfBirth: '2000', sex: 'male' }).map((i) => i.path[0]),
    ).toEqual(['dateOfBirth', 'sex']);
  });

  it('warns when the place of birth registration names another province', () => {
    const [issue, ...rest] = checkConsistency('024180012345', {
      placeOfBirthRegistration: 'Xã A, Huyện B, Thành phố Hà Nội',
    });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      path: ['placeOfBirthRegistration'],
      code: 'ERR_ID_BIRTH_PLACE_MISMATCH',
      severity: 'warning',
      details: { code: '024', expected: 'Bắc Giang', actual: 'Hà Nội' },
    });
    expect(issue?.messageVi).toBe(
      'Số định danh cho biết nơi đăng ký khai sinh là Bắc Giang (mã 024), nhưng hồ sơ ghi Hà Nội; hãy đối chiếu lại với thẻ',
    );
  });

  it('accepts the registering province by its old name, its merged name, or no province at all', () => {
    for (const place of [
      'Xã Tân Dĩnh, Huyện Lạng Giang, Tỉnh Bắc Giang',
      'Xã Tân Dĩnh, Tỉnh Bắc Ninh',
      'Bệnh viện Đa khoa',
      '',
    ]) {
      expect(checkConsistency('024180012345', { placeOfBirthRegistration: place }), place).toEqual([]);
    }
    // Births registered abroad are not checked against a text.
    expect(checkConsistency('175099012345', { placeOfBirthRegistration: 'Hà Nội' })).toEqual([]);
  });

  it('reports an unreadable date with the core date code', () => {
    const [issue] = checkConsistency('001098012345', { dateOfBirth: '31/02/1998' });
    expect(issue).toMatchObject({ path: ['dateOfBirth'], code: 'ERR_DATE_CALENDAR' });
  });

  it('reports an invalid number at personalId instead of throwing', () => {
    const [issue] = checkConsistency('097098012345', { sex: 'male' });
    expect(issue).toMatchObject({ path: ['personalId'], code: 'ERR_ID_PROVINCE_UNKNOWN' });
    expect(checkConsistency('', {})[0]?.code).toBe('ERR_ID_EMPTY');
  });

  it('throws TypeError on misuse', () => {
    expect(() => checkConsistency(null as unknown as string, {})).toThrow(TypeError);
    expect(() => checkConsistency('001098012345', { sex: 'Nam' as 'male' })).toThrow(TypeError);
  });
});
