import { describe, expect, it } from 'vitest';
import { Address, mapZodIssues } from '../src/index.js';

const codes = (v: unknown) => {
  const r = Address.safeParse(v);
  return r.success ? [] : mapZodIssues(r.error).map((i) => [i.path.join('.'), i.code]);
};

describe('Address', () => {
  it('accepts a free-text line alone', () => {
    expect(codes({ text: 'Thôn 3, xã Ea Tu, TP. Buôn Ma Thuột, Đắk Lắk' })).toEqual([]);
  });

  it('accepts a 3-level address from before 1 July 2025', () => {
    expect(
      codes({
        street: 'Số 5 Nguyễn Văn Cừ',
        commune: { code: '07210', name: 'Phường Ngô Quyền' },
        district: { code: '213', name: 'Thành phố Bắc Giang' },
        province: { code: '24', name: 'Bắc Giang' },
      }),
    ).toEqual([]);
  });

  it('accepts a 2-level address from 1 July 2025 and a foreign address', () => {
    expect(
      codes({ commune: { name: 'Phường Bắc Giang' }, province: { code: '24', name: 'Tỉnh Bắc Ninh' } }),
    ).toEqual([]);
    expect(codes({ text: '1600 Pennsylvania Avenue, Washington DC', country: 'USA' })).toEqual([]);
  });

  it('rejects an address with nothing in it', () => {
    expect(codes({})).toEqual([['', 'ERR_SCHEMA_ADDRESS_EMPTY']]);
    expect(codes({ country: 'VNM' })).toEqual([['', 'ERR_SCHEMA_ADDRESS_EMPTY']]);
  });

  it('rejects a province code no GSO table has', () => {
    expect(codes({ province: { code: '03', name: 'X' } })).toEqual([
      ['province.code', 'ERR_SCHEMA_PROVINCE_UNKNOWN'],
    ]);
    expect(codes({ province: { code: '99', name: 'X' } })).toEqual([
      ['province.code', 'ERR_SCHEMA_PROVINCE_UNKNOWN'],
    ]);
  });

  it('rejects a district beside a province named as it is after the merger', () => {
    expect(
      codes({ district: { name: 'Thành phố Bắc Giang' }, province: { code: '24', name: 'Bắc Ninh' } }),
    ).toEqual([['district', 'ERR_SCHEMA_DISTRICT_AFTER_2025']]);
  });

  it('checks the shape of unit codes and of the country', () => {
    expect(codes({ province: { code: '1', name: 'Hà Nội' } })).toEqual([
      ['province.code', 'ERR_SCHEMA_FORMAT'],
    ]);
    expect(codes({ commune: { code: '123', name: 'Xã A' } })).toEqual([
      ['commune.code', 'ERR_SCHEMA_FORMAT'],
    ]);
    expect(codes({ district: { code: '1234', name: 'Huyện A' } })).toEqual([
      ['district.code', 'ERR_SCHEMA_FORMAT'],
    ]);
    expect(codes({ text: 'Hà Nội', country: 'VN' })).toEqual([['country', 'ERR_SCHEMA_COUNTRY_CODE']]);
  });

  it('rejects lines damaged by a scanner and control characters', () => {
    expect(codes({ text: 'H\ufffd N\ufffdi' })).toEqual([['text', 'ERR_SCHEMA_REPLACEMENT_CHARACTER']]);
    expect(codes({ text: 'Hà Nội\u0000' })).toEqual([['text', 'ERR_SCHEMA_CHARACTERS']]);
    expect(codes({ text: '   ' })).toEqual([['text', 'ERR_SCHEMA_EMPTY']]);
  });
});
