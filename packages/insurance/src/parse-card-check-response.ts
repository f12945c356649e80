/**
 * The answer of the card check (`KQNhanLichSuKCB2024`) as a decision and typed card fields.
 * Fields (reference notes integrations.md §2.2, from two open hospital systems): `maKetQua, ghiChu,
 * maThe, hoTen, ngaySinh, gioiTinh, diaChi, maDKBD, cqBHXH, gtTheTu, gtTheDen, maKV, ngayDu5Nam,
 * maSoBHXH, maTheCu, maTheMoi, gtTheTuMoi, gtTheDenMoi, ngayDu5NamMoi, maDKBDMoi, tenDKBDMoi,
 * dsLichSuKCB2018[], dsLichSuKT2018[]`.
 */
import type { PartialDate } from '@cancuoc/core';
import { insuranceError } from './errors.js';
import { isBlank, parseGatewayDate, parseGatewayDateTime } from './internal/dates.js';
import { failureError } from './internal/failure.js';
import {
  bodyObject,
  fieldError,
  type JsonObject,
  optionalObjects,
  optionalText,
  resultCode,
} from './internal/json.js';
import { type InsuranceVisit, parseVisit } from './parse-visit-history-response.js';
import {
  type InsuranceFailureCode,
  type InsuranceOutcome,
  type InsuranceVerdictCode,
  insuranceResultCodes,
  isInsuranceResultCode,
} from './result-codes.js';

/** A facility (cơ sở khám chữa bệnh) by its 5-character BHXH code, with its name when sent. */
export interface InsuranceFacility {
  readonly code: string;
  readonly name?: string;
}

/** The new card the gateway reports with 003/004 (thẻ mới). */
export interface NewInsuranceCard {
  /** `maTheMoi`. */
  readonly cardCode: string;
  /** `gtTheTuMoi`. */
  readonly validFrom?: PartialDate;
  /** `gtTheDenMoi`. */
  readonly validTo?: PartialDate;
  /** `ngayDu5NamMoi`. */
  readonly fiveYearDate?: PartialDate;
  /** `maDKBDMoi` / `tenDKBDMoi`. */
  readonly primaryCareFacility?: InsuranceFacility;
}

/** The card as the gateway knows it. */
export interface InsuranceCard {
  /** `maThe`: the card code (mã thẻ BHYT). */
  readonly cardCode?: string;
  /** `hoTen`: full name as registered. */
  readonly fullName?: string;
  /** `ngaySinh`: date of birth; may be year-only or month/year. */
  readonly dateOfBirth?: PartialDate;
  /** `gioiTinh`: absent for "Chưa xác định". */
  readonly sex?: 'male' | 'female';
  /** `diaChi`. */
  readonly address?: string;
  /** `maDKBD`: the registered primary-care facility (nơi đăng ký khám chữa bệnh ban đầu). */
  readonly primaryCareFacility?: InsuranceFacility;
  /** `gtTheTu`: start of validity. */
  readonly validFrom?: PartialDate;
  /** `gtTheDen`: end of validity. */
  readonly validTo?: PartialDate;
  /** `ngayDu5Nam`: the date of five years of continuous coverage (thời điểm đủ 5 năm liên tục). */
  readonly fiveYearDate?: PartialDate;
  /** `maSoBHXH`: the 10-digit social insurance number. */
  readonly socialInsuranceNumber?: string;
  /** `maKV`: the living-area code (K1, K2, K3), when any. */
  readonly areaCode?: string;
  /** `cqBHXH`: the social security office that manages the card. */
  readonly managingOffice?: string;
  /** `maTheCu`: the previous card code. */
  readonly previousCardCode?: string;
  /** The new card (`maTheMoi` …), sent with 003 and 004. */
  readonly newCard?: NewInsuranceCard;
}

/** One earlier lookup of this card (`dsLichSuKT2018`): who checked it, when, and the answer. */
export interface InsuranceCheckLogEntry {
  /** `userKT`: the account that checked. */
  readonly user?: string;
  /** `thoiGianKT`. */
  readonly checkedAt?: Date;
  /** `thongBao`. */
  readonly message?: string;
  /** `maLoi`. */
  readonly code?: string;
}

/** The result of a card check: the gateway's code, the decision and the card. */
export interface CardCheckResult {
  /** `maKetQua`, one of the verdict codes of the table. */
  readonly code: InsuranceVerdictCode;
  /** The decision: `eligible`, `not-eligible` or `needs-attention` (the data disagree, or no card). */
  readonly outcome: InsuranceOutcome;
  /** Meaning of the code in English. */
  readonly message: string;
  /** Meaning of the code in Vietnamese, for the reception screen. */
  readonly messageVi: string;
  /** What to do next, in English. */
  readonly advice: string;
  /** What to do next, in Vietnamese. */
  readonly adviceVi: string;
  /** `ghiChu`: the gateway's own note (may quote the registered data: personal data). */
  readonly note?: string;
  /** The card fields, when the gateway found a card. */
  readonly card?: InsuranceCard;
  /** Earlier lookups of this card (`dsLichSuKT2018`), when sent. */
  readonly checks?: readonly InsuranceCheckLogEntry[];
  /** Visits (`dsLichSuKCB2018`), on gateways that still send them here (null since 2025). */
  readonly visits?: readonly InsuranceVisit[];
  /** The parsed response body, as received. Personal data: do not log. */
  readonly raw: Readonly<Record<string, unknown>>;
}

function date(body: JsonObject, field: string): PartialDate | undefined {
  const value = body[field];
  if (isBlank(value)) return undefined;
  if (typeof value !== 'string') throw fieldError(field, 'a date');
  const parsed = parseGatewayDate(value);
  if (!parsed) throw fieldError(field, 'a date (dd/MM/yyyy, MM/yyyy or yyyy)');
  return parsed;
}

function sex(body: JsonObject): 'male' | 'female' | undefined {
  const value = optionalText(body, 'gioiTinh', 50);
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  // "Nam"/"Nữ"/"Chưa xác định" on the gateway; 1/2/3 in the BHYT XML code lists.
  if (v === 'nam' || v === '1') return 'male';
  if (v === 'nữ' || v === 'nu' || v === '2') return 'female';
  return undefined;
}

function facility(body: JsonObject, codeField: string, nameField: string): InsuranceFacility | undefined {
  const code = optionalText(body, codeField, 20);
  if (code === undefined) return undefined;
  const name = optionalText(body, nameField, 500);
  return name === undefined ? { code } : { code, name };
}

function compact<T extends object>(value: Record<string, unknown>): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value as T;
}

function readCard(body: JsonObject): InsuranceCard | undefined {
  const newCode = optionalText(body, 'maTheMoi', 20);
  const newCard =
    newCode === undefined
      ? undefined
      : compact<NewInsuranceCard>({
          cardCode: newCode,
          validFrom: date(body, 'gtTheTuMoi'),
          validTo: date(body, 'gtTheDenMoi'),
          fiveYearDate: date(body, 'ngayDu5NamMoi'),
          primaryCareFacility: facility(body, 'maDKBDMoi', 'tenDKBDMoi'),
        });
  const card = compact<InsuranceCard>({
    cardCode: optionalText(body, 'maThe', 20),
    fullName: optionalText(body, 'hoTen', 200),
    dateOfBirth: date(body, 'ngaySinh'),
    sex: sex(body),
    address: optionalText(body, 'diaChi', 1000),
    primaryCareFacility: facility(body, 'maDKBD', 'tenDKBD'),
    validFrom: date(body, 'gtTheTu'),
    validTo: date(body, 'gtTheDen'),
    fiveYearDate: date(body, 'ngayDu5Nam'),
    socialInsuranceNumber: optionalText(body, 'maSoBHXH', 20),
    areaCode: optionalText(body, 'maKV', 20),
    managingOffice: optionalText(body, 'cqBHXH', 200),
    previousCardCode: optionalText(body, 'maTheCu', 20),
    newCard,
  });
  return card.cardCode === undefined && card.fullName === undefined && newCard === undefined
    ? undefined
    : card;
}

function readChecks(body: JsonObject): InsuranceCheckLogEntry[] | undefined {
  return optionalObjects(body, 'dsLichSuKT2018', 1000)?.map((row, i) => {
    const at = row.thoiGianKT;
    let checkedAt: Date | undefined;
    if (!isBlank(at)) {
      const text = typeof at === 'number' ? String(at) : at;
      checkedAt = typeof text === 'string' ? parseGatewayDateTime(text) : undefined;
      if (!checkedAt) throw fieldError(`dsLichSuKT2018[${i}].thoiGianKT`, 'a date-time');
    }
    return compact<InsuranceCheckLogEntry>({
      user: optionalText(row, 'userKT', 200),
      checkedAt,
      message: optionalText(row, 'thongBao', 2000),
      code: optionalText(row, 'maLoi', 20),
    });
  });
}

/**
 * Reads the gateway's answer to a card check into a decision and typed card fields. Useful on
 * its own when the request is made by other means (a queue, a proxy); `checkCard` calls it.
 *
 * @param body - the response text, or the already-parsed JSON.
 * @throws CancuocError `ERR_INSURANCE_STAFF_NOT_REGISTERED` (054), `ERR_INSURANCE_STAFF_NAME_MISMATCH`
 *   (055), `ERR_INSURANCE_PARAMETERS` (205), `ERR_INSURANCE_AUTH` (401), `ERR_INSURANCE_CARD_DATA`
 *   (100), `ERR_INSURANCE_SERVER` (101, 500), `ERR_INSURANCE_UNKNOWN_RESULT` (a code outside the
 *   table), `ERR_INSURANCE_RESPONSE` (not JSON, wrong types, unreadable dates).
 * @example
 * ```ts
 * const r = parseCardCheckResponse('{"maKetQua":"010","maThe":"GD4790123456789","gtTheDen":"31/12/2024"}');
 * r.outcome;            // 'not-eligible'
 * r.card?.validTo;      // { year: 2024, month: 12, day: 31 }
 * ```
 */
export function parseCardCheckResponse(body: string | unknown): CardCheckResult {
  const json = bodyObject(body);
  const code = resultCode(json);
  if (!isInsuranceResultCode(code)) {
    throw insuranceError('ERR_INSURANCE_UNKNOWN_RESULT', { gatewayCode: code });
  }
  const info = insuranceResultCodes[code];
  if (info.outcome === 'error') throw failureError(code as InsuranceFailureCode);
  const card = readCard(json);
  const checks = readChecks(json);
  const visits = optionalObjects(json, 'dsLichSuKCB2018')?.map((row, i) =>
    parseVisit(row, `dsLichSuKCB2018[${i}]`),
  );
  const note = optionalText(json, 'ghiChu', 4000);
  return compact<CardCheckResult>({
    code: code as InsuranceVerdictCode,
    outcome: info.outcome,
    message: info.en,
    messageVi: info.vi,
    advice: info.adviceEn,
    adviceVi: info.adviceVi,
    note,
    card,
    checks,
    visits,
    raw: json,
  });
}
