/**
 * Dates as the BHXH gateway writes them. Card fields (`ngaySinh`, `gtTheTu`, `gtTheDen`,
 * `ngayDu5Nam`) are `dd/MM/yyyy`; a birth date may be `MM/yyyy` or `yyyy` (the response's
 * `ngaySinh` is 4, 7 or 10 characters long: reference notes integrations.md §2.2). Visit and check
 * times (`ngayVao`, `ngayRa`, `thoiGianKT`) are `yyyyMMddHHmm` in Vietnam time (hospital clients
 * read them as a number and cut them at fixed offsets).
 */
import {
  checkedVietnamTime,
  type PartialDate,
  safeParsePartialDate,
  VIETNAM_UTC_OFFSET_MS,
} from '@cancuoc/core';

/** Vietnam has used UTC+7 all year round since 1975: no daylight saving time. */
export const VIETNAM_OFFSET_MS = VIETNAM_UTC_OFFSET_MS;

/** Whether a gateway field is empty: absent, `null`, `''` or whitespace. */
export function isBlank(value: unknown): value is undefined | null | '' {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * A card date: `dd/MM/yyyy`, `MM/yyyy` or `yyyy`. `undefined` when the text is not one of them
 * (the caller decides whether that is fatal).
 */
export function parseGatewayDate(text: string): PartialDate | undefined {
  const value = text.trim();
  if (!/^(?:\d{4}|\d{1,2}\/\d{4}|\d{1,2}\/\d{1,2}\/\d{4})$/.test(value)) return undefined;
  const r = safeParsePartialDate(value, { minYear: 1800, maxYear: 2399 });
  return r.success ? r.data : undefined;
}

const local = (y: number, mo: number, d: number, h: number, mi: number, s: number): Date | undefined => {
  // Roll-overs (31/02 becoming 03/03) are refused.
  const t = checkedVietnamTime(y, mo, d, h, mi, s);
  return t === undefined ? undefined : new Date(t);
};

/**
 * A gateway date-time in Vietnam time: `yyyyMMddHHmm` (or with seconds), `yyyyMMdd`,
 * `dd/MM/yyyy HH:mm[:ss]`, or ISO `yyyy-MM-ddTHH:mm[:ss]` (a `Z` or `±hh:mm` suffix is honoured).
 */
export function parseGatewayDateTime(text: string): Date | undefined {
  const value = text.trim();
  let m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(value);
  if (m) return local(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (m) return local(+m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value,
    );
  if (!m) return undefined;
  const at = local(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  if (!at || m[7] === undefined) return at;
  if (m[7] === 'Z') return new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const sign = m[7].startsWith('-') ? -1 : 1;
  const digits = m[7].replace(/[^\d]/g, '');
  const offset = sign * (Number(digits.slice(0, 2)) * 3600_000 + Number(digits.slice(2)) * 60_000);
  if (Math.abs(offset) > 14 * 3600_000) return undefined;
  return new Date(at.getTime() + VIETNAM_OFFSET_MS - offset);
}
