import { isCancuocError } from '@cancuoc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCardCheckResponse, parseVisitHistoryResponse } from '../src/index.js';
import { parseGatewayDate, parseGatewayDateTime } from '../src/internal/dates.js';
import { parseExpiresIn } from '../src/internal/expires.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const NOW = Date.UTC(2026, 11, 6, 3, 0, 0);
// Whole seconds from 2001 to 2100.
const instant = fc.integer({ min: 1_000_000_000, max: 4_102_444_799 }).map((s) => s * 1000);

function vietnamText(ms: number): string {
  const t = new Date(ms + 7 * 3600_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

describe('expires_in', () => {
  it('reads a Vietnam-time date-time, a Unix timestamp (s or ms) and a number of seconds alike', () => {
    fc.assert(
      fc.property(instant, (at) => {
        expect(parseExpiresIn(vietnamText(at), NOW)).toBe(at);
        expect(parseExpiresIn(at / 1000, NOW)).toBe(at);
        expect(parseExpiresIn(String(at / 1000), NOW)).toBe(at);
        expect(parseExpiresIn(at, NOW)).toBe(at);
        expect(parseExpiresIn(`${vietnamText(at).slice(0, 19)}+07:00`, NOW)).toBe(at);
        expect(parseExpiresIn(`${vietnamText(at - 7 * 3600_000).slice(0, 19)}Z`, NOW)).toBe(at);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (seconds) => {
        expect(parseExpiresIn(seconds, NOW)).toBe(NOW + seconds * 1000);
        expect(parseExpiresIn(String(seconds), NOW)).toBe(NOW + seconds * 1000);
      }),
    );
  });

  it('gives up (undefined) on anything else, never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const r = parseExpiresIn(value, NOW);
        expect(r === undefined || Number.isFinite(r)).toBe(true);
      }),
    );
    for (const v of [
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '',
      'soon',
      '2026-13-01T00:00:00',
      '31/02/2026',
      null,
      {},
      [],
    ]) {
      expect(parseExpiresIn(v, NOW)).toBeUndefined();
    }
  });
});

describe('gateway dates', () => {
  const day = fc.record({
    year: fc.integer({ min: 1900, max: 2399 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  });
  it('round-trips dd/MM/yyyy, MM/yyyy and yyyy', () => {
    fc.assert(
      fc.property(day, ({ year, month, day: d }) => {
        expect(parseGatewayDate(`${pad(d)}/${pad(month)}/${year}`)).toEqual({ year, month, day: d });
        expect(parseGatewayDate(`${pad(month)}/${year}`)).toEqual({ year, month });
        expect(parseGatewayDate(String(year))).toEqual({ year });
      }),
    );
  });

  it('round-trips yyyyMMddHHmm in Vietnam time', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const minute = at - (at % 60_000);
        const t = new Date(minute + 7 * 3600_000);
        const text = `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}`;
        expect(parseGatewayDateTime(text)?.getTime()).toBe(minute);
      }),
    );
  });

  it('rejects impossible dates instead of rolling them over', () => {
    for (const text of ['31/02/2024', '00/13/2024', '2024-02-30', '202402301200', '202401012460', '1/1/99']) {
      expect(parseGatewayDate(text) ?? parseGatewayDateTime(text)).toBeUndefined();
    }
  });
});

describe('response parsers', () => {
  const fields = [
    'maKetQua',
    'maThe',
    'hoTen',
    'ngaySinh',
    'gioiTinh',
    'gtTheTu',
    'gtTheDen',
    'ngayDu5Nam',
    'maTheMoi',
    'gtTheDenMoi',
    'maDKBD',
    'dsLichSuKT2018',
    'dsLichSuKCB2018',
    'dsLichSuKCB2025',
  ];
  const value = fc.oneof(
    fc.constantFrom(
      '000',
      '003',
      '010',
      '061',
      '054',
      '401',
      '999',
      '',
      null,
      '15/01/1999',
      '2024',
      '202401050830',
      'Nam',
      'Nữ',
    ),
    fc.anything(),
  );
  const body = fc.dictionary(fc.constantFrom(...fields), value);

  it('answer a typed result or a CancuocError for any JSON object, never anything else', () => {
    fc.assert(
      fc.property(body, (json) => {
        for (const parse of [parseCardCheckResponse, parseVisitHistoryResponse]) {
          try {
            const r = parse(json);
            expect(typeof r.code).toBe('string');
          } catch (error) {
            expect(isCancuocError(error)).toBe(true);
            expect((error as { code: string }).code).toMatch(/^ERR_INSURANCE_/);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('answer a CancuocError for any text that is not a JSON object', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json().filter((t) => !t.trim().startsWith('{')),
        ),
        (text) => {
          expect(() => parseCardCheckResponse(text)).toThrow(
            expect.objectContaining({ code: expect.stringMatching(/^ERR_INSURANCE_/) }),
          );
        },
      ),
    );
  });
});
