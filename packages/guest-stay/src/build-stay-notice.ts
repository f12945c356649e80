/**
 * Building a stay notice (thông báo lưu trú) from the guest's card, QR, e-ID or typed fields, and
 * validating it before anything is sent: the fields the accommodation API requires (KBTT API guide
 * v1.4, API 4 for foreign guests, API 5 for Vietnamese guests), each document type's number rule,
 * and the dates the API accepts. Date-times are written in Vietnam time whatever the host's zone.
 */
import { type Issue, isCalendarDate, maskId, normalizeText, type Result, toSafe } from '@cancuoc/core';
import { deadlineFor } from './deadline-for.js';
import { stayError, stayIssue } from './errors.js';
import { checkDocumentNumber, DOCUMENT_TYPE_IDS } from './internal/document-rules.js';
import { normalizeGuest } from './internal/normalize-guest.js';
import {
  formatApiDateTime,
  formatVietnamIso,
  formatYmd,
  vietnamDay,
  vietnamParts,
} from './internal/vietnam-time.js';
import { findNationalityCode, isVietnameseNationality } from './nationalities.js';
import type { BuildStayNoticeInput, BuildStayNoticeOptions, FacilityKind } from './stay-input.js';
import type { StayNotice } from './types.js';

// API 12 and the VNeID guide §2.11: a stay notice covers at most 30 days from the arrival.
const MAX_STAY_DAYS = 30;
// The reason id that needs lyDoChiTiet (guide §6.3: "chỉ có giá trị khi lyDoCuTru = 20").
const OTHER_REASON = 20;
// Guide §6.3: soPhong is mandatory for these facility kinds.
const ROOM_REQUIRED: ReadonlySet<FacilityKind> = new Set([
  'hotel',
  'guesthouse',
  'industrial-zone',
  'apartment',
  'medical',
  'dormitory',
]);

const NAME_RE = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u;
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;

const FIELD_NAMES: Record<string, [string, string]> = {
  fullName: ['full name', 'họ và tên'],
  dateOfBirth: ['date of birth', 'ngày sinh'],
  sex: ['sex', 'giới tính'],
  document: ['document', 'giấy tờ'],
  number: ['document number', 'số giấy tờ'],
  personalId: ['personal ID number', 'số định danh cá nhân'],
  type: ['document type', 'loại giấy tờ'],
  arrival: ['arrival', 'ngày giờ đến'],
  expectedDeparture: ['expected departure', 'ngày giờ đi dự kiến'],
  reason: ['reason for the stay', 'lý do lưu trú'],
  reasonDetail: ['detailed reason', 'lý do chi tiết'],
  permittedStayUntil: ['end of the permitted stay', 'thời hạn tạm trú'],
  room: ['room number', 'số phòng'],
  note: ['note', 'ghi chú'],
  phone: ['phone number', 'số điện thoại'],
  address: ['address', 'địa chỉ'],
  stay: ['stay', 'thông tin lưu trú'],
};

function fieldDetails(path: readonly (string | number)[]): { field: string; fieldVi: string } {
  const last = String(path[path.length - 1] ?? '');
  const [field, fieldVi] = FIELD_NAMES[last] ?? [last, last];
  return { field, fieldVi };
}

const missing = (path: readonly (string | number)[]): Issue =>
  stayIssue('ERR_STAY_FIELD_MISSING', path, fieldDetails(path));

const isValidDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/** Checks optional free text; returns the cleaned text or undefined. */
function optionalText(
  value: unknown,
  max: number,
  path: readonly (string | number)[],
  issues: Issue[],
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' && !CONTROL_RE.test(value) ? normalizeText(value) : undefined;
  if (text === undefined || text.length > max) {
    issues.push(stayIssue('ERR_STAY_TEXT', path, { ...fieldDetails(path), max }));
    return undefined;
  }
  return text === '' ? undefined : text;
}

/**
 * Builds and validates a guest's stay notice. The guest may be a `CardData` or `ResidentRecord`
 * (`@cancuoc/schemas`), the chip's `toCardData` result, a parsed card QR, an e-ID identity, or typed
 * fields; a guest with another nationality than Việt Nam is a foreign guest (passport, nationality
 * code of the ministry's catalogue, end of the permitted stay).
 *
 * @throws CancuocError `ERR_STAY_INVALID` with every problem in `issues` (zod-style, with paths such
 *   as `['stay', 'room']` or `['guest', 'document', 'number']`).
 * @throws TypeError when the input is not an object.
 * @example
 * ```ts
 * const notice = buildStayNotice({
 *   guest: { fullName: 'Nguyễn Văn An', dateOfBirth: { year: 1998, month: 8, day: 15 }, sex: 'male',
 *     document: { type: 'can-cuoc', number: '001098012345' } },
 *   stay: { arrival: new Date(), expectedDeparture: new Date(Date.now() + 2 * 86_400_000), room: '302', reason: 1 },
 * });
 * notice.payload.ngayDenCsltStr; // '2026-12-06 14:30:00' (Vietnam time)
 * ```
 */
export function buildStayNotice(
  input: BuildStayNoticeInput,
  options: BuildStayNoticeOptions = {},
): StayNotice {
  if (typeof input !== 'object' || input === null)
    throw new TypeError('buildStayNotice expects { guest, stay }');
  const now = options.now ?? new Date();
  if (!isValidDate(now)) throw new TypeError('options.now must be a valid Date');
  const issues: Issue[] = [];
  const normalized = normalizeGuest(input.guest, options);
  if ('issue' in normalized) throw invalid([normalized.issue]);
  const g = normalized.guest;
  const today = vietnamDay(now.getTime());

  // Nationality: Vietnamese guests go to API 5, the others to API 4 with the catalogue code.
  let nationalityCode: string | undefined;
  if (g.nationality !== undefined && typeof g.nationality !== 'string') {
    issues.push(
      stayIssue('ERR_STAY_NATIONALITY', g.paths.nationality, { nationality: typeof g.nationality }),
    );
  } else if (!isVietnameseNationality(g.nationality)) {
    nationalityCode = findNationalityCode(g.nationality!, options.nationalities);
    if (nationalityCode === undefined) {
      issues.push(
        stayIssue('ERR_STAY_NATIONALITY', g.paths.nationality, {
          nationality: String(g.nationality).slice(0, 40),
        }),
      );
    }
  }
  const foreign = typeof g.nationality === 'string' && !isVietnameseNationality(g.nationality);

  // Full name.
  let fullName = '';
  if (typeof g.fullName !== 'string' || normalizeText(g.fullName) === '')
    issues.push(missing(g.paths.fullName));
  else {
    fullName = normalizeText(g.fullName);
    if (fullName.length > 100 || !NAME_RE.test(fullName))
      issues.push(stayIssue('ERR_STAY_NAME', g.paths.fullName));
  }

  // Date of birth: a year-only date is sent as YYYY-01-01 (guide §5.3, loaiNgayThangNamSinh = Y).
  let birth: { year: number; month?: number; day?: number } | undefined;
  const dob = g.dateOfBirth as { year?: unknown; month?: unknown; day?: unknown } | undefined;
  if (typeof dob !== 'object' || dob === null) issues.push(missing(g.paths.dateOfBirth));
  else {
    const { year, month, day } = dob;
    const nowYear = vietnamParts(now.getTime()).year;
    const okYear = Number.isInteger(year) && (year as number) >= 1850 && (year as number) <= nowYear;
    const okMonth =
      month === undefined || (Number.isInteger(month) && (month as number) >= 1 && (month as number) <= 12);
    const okDay =
      day === undefined ||
      (month !== undefined && isCalendarDate(year as number, month as number, day as number));
    const full = okYear && month !== undefined && day !== undefined;
    const future =
      full &&
      formatYmd(year as number, month as number, day as number) >
        formatApiDateTime(now.getTime()).slice(0, 10);
    if (!okYear || !okMonth || !okDay || future)
      issues.push(stayIssue('ERR_STAY_BIRTH_DATE', g.paths.dateOfBirth));
    else {
      birth = {
        year: year as number,
        ...(month === undefined ? {} : { month: month as number }),
        ...(day === undefined ? {} : { day: day as number }),
      };
    }
  }

  if (g.sex !== 'male' && g.sex !== 'female') issues.push(missing(g.paths.sex));

  // Document.
  const documentType = foreign ? 'passport' : g.documentType;
  let number = '';
  if (foreign && g.documentType !== undefined && g.documentType !== 'passport') {
    // API 4 declares a foreign guest by passport only.
    issues.push(stayIssue('ERR_STAY_DOCUMENT_TYPE', g.paths.documentType, { type: g.documentType }));
  } else if (documentType === undefined) {
    issues.push(stayIssue('ERR_STAY_DOCUMENT_TYPE', g.paths.documentType, { type: 'unknown' }));
  }
  if (typeof g.documentNumber !== 'string' || g.documentNumber.trim() === '')
    issues.push(missing(g.paths.documentNumber));
  else if (documentType !== undefined) {
    number = g.documentNumber.trim().toUpperCase();
    issues.push(...checkDocumentNumber(documentType, number, g.paths.documentNumber, now));
  }

  // The stay.
  const stay = input.stay as unknown as Record<string, unknown> | undefined;
  if (typeof stay !== 'object' || stay === null) {
    issues.push(missing(['stay']));
    throw invalid(issues);
  }
  const arrival = stay.arrival;
  const departure = stay.expectedDeparture;
  if (arrival === undefined) issues.push(missing(['stay', 'arrival']));
  else if (!isValidDate(arrival))
    issues.push(stayIssue('ERR_STAY_DATE', ['stay', 'arrival'], fieldDetails(['arrival'])));
  if (departure === undefined) issues.push(missing(['stay', 'expectedDeparture']));
  else if (!isValidDate(departure)) {
    issues.push(
      stayIssue('ERR_STAY_DATE', ['stay', 'expectedDeparture'], fieldDetails(['expectedDeparture'])),
    );
  }
  // The API works to the second.
  const arrivalAt = isValidDate(arrival) ? Math.floor(arrival.getTime() / 1000) * 1000 : undefined;
  const departureAt = isValidDate(departure) ? Math.floor(departure.getTime() / 1000) * 1000 : undefined;
  if (arrivalAt !== undefined) {
    const day = vietnamDay(arrivalAt);
    // Guide §5.6/§6.6: "Ngày đến Cslt phải là ngày hiện tại hoặc hôm qua".
    if (day !== today && day !== today - 1) {
      issues.push(
        stayIssue('ERR_STAY_ARRIVAL_NOT_RECENT', ['stay', 'arrival'], {
          arrivalDate: formatApiDateTime(arrivalAt).slice(0, 10),
        }),
      );
    }
  }
  if (departureAt !== undefined) {
    if (arrivalAt !== undefined && departureAt < arrivalAt) {
      issues.push(stayIssue('ERR_STAY_DEPARTURE_BEFORE_ARRIVAL', ['stay', 'expectedDeparture']));
    } else if (vietnamDay(departureAt) < today - 1) {
      // Guide §5.6: "Ngày đi dự kiến phải lớn hoặc bằng ngày hôm qua".
      issues.push(stayIssue('ERR_STAY_DEPARTURE_PAST', ['stay', 'expectedDeparture']));
    }
    if (arrivalAt !== undefined && departureAt >= arrivalAt) {
      const days = vietnamDay(departureAt) - vietnamDay(arrivalAt);
      if (days > MAX_STAY_DAYS) {
        issues.push(
          stayIssue('ERR_STAY_TOO_LONG', ['stay', 'expectedDeparture'], { days, maxDays: MAX_STAY_DAYS }),
        );
      }
    }
  }

  const facilityKind: FacilityKind = input.facility?.kind ?? 'hotel';
  const room = optionalText(stay.room, 50, ['stay', 'room'], issues);
  if (
    room === undefined &&
    ROOM_REQUIRED.has(facilityKind) &&
    !issues.some((i) => i.path.join() === 'stay,room')
  ) {
    issues.push(stayIssue('ERR_STAY_ROOM', ['stay', 'room']));
  }
  const note = optionalText(stay.note, 500, ['stay', 'note'], issues);

  let reason: number | undefined;
  let reasonDetail: string | undefined;
  let permitAt: number | undefined;
  if (!foreign) {
    const r = stay.reason;
    if (r === undefined) issues.push(missing(['stay', 'reason']));
    else if (
      !Number.isSafeInteger(r) ||
      (r as number) <= 0 ||
      (options.reasons !== undefined && !options.reasons.some((x) => x.id === r))
    ) {
      issues.push(stayIssue('ERR_STAY_REASON', ['stay', 'reason'], { reason: String(r).slice(0, 20) }));
    } else reason = r as number;
    reasonDetail = optionalText(stay.reasonDetail, 500, ['stay', 'reasonDetail'], issues);
    if (reason === OTHER_REASON && reasonDetail === undefined) {
      issues.push(stayIssue('ERR_STAY_REASON_DETAIL', ['stay', 'reasonDetail']));
    }
  } else {
    const permit = stay.permittedStayUntil;
    if (permit === undefined) issues.push(missing(['stay', 'permittedStayUntil']));
    else if (!isValidDate(permit)) {
      issues.push(
        stayIssue('ERR_STAY_DATE', ['stay', 'permittedStayUntil'], fieldDetails(['permittedStayUntil'])),
      );
    } else if (vietnamDay(permit.getTime()) < today) {
      // Guide §5.6: "Thời hạn tạm trú phải lớn hoặc bằng hôm nay".
      issues.push(stayIssue('ERR_STAY_PERMIT_EXPIRED', ['stay', 'permittedStayUntil']));
    } else permitAt = Math.floor(permit.getTime() / 1000) * 1000;
  }

  let phone: string | undefined;
  let residence: { address?: string; provinceCode?: string; wardCode?: string; kind?: number } = {};
  if (!foreign) {
    phone = optionalText(g.phone, 20, [...g.paths.fullName.slice(0, -1), 'phone'], issues);
    if (phone !== undefined && !/^\+?[0-9 .-]{6,20}$/.test(phone)) {
      issues.push(stayIssue('ERR_STAY_TEXT', ['guest', 'phone'], { ...fieldDetails(['phone']), max: 20 }));
    }
    const res = g.residence;
    if (res !== undefined && (typeof res !== 'object' || res === null)) {
      issues.push(
        stayIssue('ERR_STAY_TEXT', ['guest', 'residence'], { ...fieldDetails(['address']), max: 500 }),
      );
    } else if (res) {
      const address = optionalText(res.address, 500, ['guest', 'residence', 'address'], issues);
      const code = (v: unknown, p: string): string | undefined => {
        if (v === undefined) return undefined;
        if (typeof v === 'string' && /^[0-9A-Za-z]{1,12}$/.test(v)) return v;
        issues.push(stayIssue('ERR_STAY_TEXT', ['guest', 'residence', p], { field: p, fieldVi: p, max: 12 }));
        return undefined;
      };
      const provinceCode = code(res.provinceCode, 'provinceCode');
      const wardCode = code(res.wardCode, 'wardCode');
      const kind = Number.isSafeInteger(res.kind) && (res.kind as number) > 0 ? res.kind : undefined;
      residence = {
        ...(address === undefined ? {} : { address }),
        ...(provinceCode === undefined ? {} : { provinceCode }),
        ...(wardCode === undefined ? {} : { wardCode }),
        ...(kind === undefined ? {} : { kind }),
      };
    }
  }

  if (issues.some((i) => i.severity === 'error')) throw invalid(issues);

  // Every check passed: the values below are defined.
  const arrivalMs = arrivalAt!;
  const departureMs = departureAt!;
  const b = birth!;
  const sex = g.sex === 'male' ? 'M' : 'F';
  const birthStr = formatYmd(b.year, b.month ?? 1, b.day ?? 1);
  const arrivalIso = formatVietnamIso(arrivalMs);
  const deadline = formatVietnamIso(deadlineFor(new Date(arrivalMs)).getTime());
  const label = room === undefined ? maskId(number) : `${maskId(number)} · P.${room}`;

  if (foreign) {
    const payload: Record<string, string | number> = {
      hoTen: fullName,
      quocTich: nationalityCode!,
      soHoChieu: number,
      gioiTinh: sex,
      // Guide §5.3: D = full date, Y = year only (sent as YYYY-01-01); a month without a day is sent as Y too.
      loaiNgayThangNamSinh: b.month !== undefined && b.day !== undefined ? 'D' : 'Y',
      ngayThangNamSinhStr: b.month !== undefined && b.day !== undefined ? birthStr : formatYmd(b.year, 1, 1),
      ngayDenCsltStr: formatApiDateTime(arrivalMs),
      ngayDiDuKienStr: formatApiDateTime(departureMs),
      thoiHanTamTruStr: formatApiDateTime(permitAt!),
      ...(room === undefined ? {} : { soPhong: room }),
    };
    return Object.freeze({
      kind: 'foreign',
      payload: Object.freeze(payload),
      arrival: arrivalIso,
      expectedDeparture: formatVietnamIso(departureMs),
      deadline,
      key: `foreign:${nationalityCode}:${number}:${arrivalIso}`,
      label,
    });
  }

  const loaiGiayTo = DOCUMENT_TYPE_IDS[documentType!];
  // API 5 has no loaiNgayThangNamSinh: an unknown month or day is sent as 01, as API 4 does for Y.
  const payload: Record<string, string | number> = {
    hoTen: fullName,
    gioiTinh: sex,
    ngayThangNamSinhStr: birthStr,
    ngayDenCsltStr: formatApiDateTime(arrivalMs),
    ngayDiDuKienStr: formatApiDateTime(departureMs),
    lyDoCuTru: reason!,
    loaiGiayTo,
    soGiayTo: number,
    ...(room === undefined ? {} : { soPhong: room }),
    ...(reason === OTHER_REASON && reasonDetail !== undefined ? { lyDoChiTiet: reasonDetail } : {}),
    ...(phone === undefined ? {} : { soDienThoai: phone.replace(/[ .-]/g, '') }),
    ...(note === undefined ? {} : { ghiChu: note }),
    ...(residence.kind === undefined ? {} : { noiCuTru: residence.kind }),
    ...(residence.provinceCode === undefined ? {} : { maTT: residence.provinceCode }),
    ...(residence.wardCode === undefined ? {} : { maPX: residence.wardCode }),
    ...(residence.address === undefined ? {} : { diaChi: residence.address }),
  };
  return Object.freeze({
    kind: 'vietnamese',
    payload: Object.freeze(payload),
    arrival: arrivalIso,
    expectedDeparture: formatVietnamIso(departureMs),
    deadline,
    key: `vietnamese:${loaiGiayTo}:${number}:${arrivalIso}`,
    label,
  });
}

function invalid(issues: readonly Issue[]) {
  const shown = issues.slice(0, 3);
  const more = issues.length > 3 ? '; …' : '';
  return stayError(
    'ERR_STAY_INVALID',
    {
      count: issues.length,
      summary: shown.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') + more,
      summaryVi: shown.map((i) => i.messageVi).join('; ') + more,
    },
    { issues },
  );
}

/**
 * {@link buildStayNotice} returning `{ success, data | error }` instead of throwing; the error's
 * `issues` list every problem with its path.
 *
 * @example
 * ```ts
 * const r = safeBuildStayNotice({ guest, stay: { arrival: new Date(), expectedDeparture: new Date(), reason: 1 } });
 * if (!r.success) for (const issue of r.error.issues) console.warn(issue.path.join('.'), issue.messageVi);
 * ```
 */
export const safeBuildStayNotice: (
  input: BuildStayNoticeInput,
  options?: BuildStayNoticeOptions,
) => Result<StayNotice> = /* @__PURE__ */ toSafe(buildStayNotice);
