/**
 * Visit history (lịch sử khám chữa bệnh). Since 2025 the card check's `dsLichSuKCB2018` comes back
 * `null` and the history has its own function, `POST /api/egw/Lskcb2025` (CV 2746/BHXH-CNTT;
 * reference notes integrations.md §2.2). Rows carry `maHoSo, maCSKCB, ngayVao, ngayRa, tenBenh,
 * tinhTrang, kqDieuTri` (and `lyDoVV` in 2025 samples); times are `yyyyMMddHHmm`, Vietnam time.
 * The 2025 response's list name is not public: `dsLichSuKCB2025`, `dsLichSuKCB`, `dsLichSuKCB2018`
 * and `data` are read, in that order.
 */

import { isBlank, parseGatewayDateTime } from './internal/dates.js';
import { failureError } from './internal/failure.js';
import {
  bodyObject,
  fieldError,
  type JsonObject,
  optionalObjects,
  optionalText,
  resultCode,
} from './internal/json.js';
import { type InsuranceFailureCode, insuranceResultCodes, isInsuranceResultCode } from './result-codes.js';

/** A coded value of a visit with its meaning, when the code is one of the QĐ 4210/130 lists. */
export interface VisitCode {
  /** The code as sent. */
  readonly code: string;
  readonly en?: string;
  readonly vi?: string;
}

/** One visit (lượt khám chữa bệnh) in the patient's history. */
export interface InsuranceVisit {
  /** `maHoSo`: the visit's dossier ID at BHXH. */
  readonly recordId?: string;
  /** `maCSKCB` / `tenCSKCB`: the facility (cơ sở khám chữa bệnh). */
  readonly facility?: { readonly code: string; readonly name?: string };
  /** `ngayVao`: admission (Vietnam time). */
  readonly admittedAt?: Date;
  /** `ngayRa`: discharge (Vietnam time). */
  readonly dischargedAt?: Date;
  /** `tenBenh`: diagnosis, as written. */
  readonly diagnosis?: string;
  /** `tinhTrang`: discharge status (TINH_TRANG_RV). */
  readonly dischargeStatus?: VisitCode;
  /** `kqDieuTri`: treatment result (KET_QUA_DTRI). */
  readonly treatmentResult?: VisitCode;
  /** `lyDoVV`: reason of admission, as sent. */
  readonly admissionReason?: string;
}

/** What `getVisitHistory` returns. */
export interface VisitHistory {
  /** `maKetQua` as sent. */
  readonly code: string;
  /** Meaning of the code, when it is in the card check's table. */
  readonly message?: string;
  readonly messageVi?: string;
  /** Visits, most recent first. */
  readonly visits: readonly InsuranceVisit[];
  /** The parsed response body, as received. Personal data: do not log. */
  readonly raw: Readonly<Record<string, unknown>>;
}

// QĐ 4210/QĐ-BYT (2017) Bảng 1, kept by QĐ 130/QĐ-BYT (2023): TINH_TRANG_RV and KET_QUA_DTRI.
const DISCHARGE: Readonly<Record<string, readonly [string, string]>> = {
  '1': ['discharged', 'Ra viện'],
  '2': ['transferred', 'Chuyển viện'],
  '3': ['left without permission', 'Trốn viện'],
  '4': ['left at own request', 'Xin ra viện'],
};
const RESULT: Readonly<Record<string, readonly [string, string]>> = {
  '1': ['cured', 'Khỏi'],
  '2': ['improved', 'Đỡ'],
  '3': ['unchanged', 'Không thay đổi'],
  '4': ['worse', 'Nặng hơn'],
  '5': ['died', 'Tử vong'],
};

function coded(row: JsonObject, field: string, table: typeof DISCHARGE): VisitCode | undefined {
  const code = optionalText(row, field, 50);
  if (code === undefined) return undefined;
  const meaning = Object.hasOwn(table, code) ? table[code] : undefined;
  return meaning ? { code, en: meaning[0], vi: meaning[1] } : { code };
}

function time(row: JsonObject, field: string, path: string): Date | undefined {
  const value = row[field];
  if (isBlank(value)) return undefined;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') throw fieldError(path, 'a date-time');
  const at = parseGatewayDateTime(text);
  if (!at) throw fieldError(path, 'a date-time');
  return at;
}

/** @internal Reads one visit row (also used for the 2018 list of the card check). */
export function parseVisit(row: JsonObject, path: string): InsuranceVisit {
  const code = optionalText(row, 'maCSKCB', 20);
  const name = optionalText(row, 'tenCSKCB', 500);
  const visit: Record<string, unknown> = {
    recordId: optionalText(row, 'maHoSo', 100),
    facility: code === undefined ? undefined : name === undefined ? { code } : { code, name },
    admittedAt: time(row, 'ngayVao', `${path}.ngayVao`),
    dischargedAt: time(row, 'ngayRa', `${path}.ngayRa`),
    diagnosis: optionalText(row, 'tenBenh', 2000),
    dischargeStatus: coded(row, 'tinhTrang', DISCHARGE),
    treatmentResult: coded(row, 'kqDieuTri', RESULT),
    admissionReason: optionalText(row, 'lyDoVV', 200),
  };
  for (const key of Object.keys(visit)) if (visit[key] === undefined) delete visit[key];
  return visit as InsuranceVisit;
}

const LIST_FIELDS = ['dsLichSuKCB2025', 'dsLichSuKCB', 'dsLichSuKCB2018', 'data'] as const;

/**
 * Reads the body of a visit-history answer (`Lskcb2025`) into typed visits, most recent first.
 * Codes that mean the request could not be served (054, 055, 100, 101, 205, 401, 500) are raised.
 *
 * @param body - the response text, or the already-parsed JSON.
 * @throws CancuocError `ERR_INSURANCE_RESPONSE` (not JSON, wrong types, unreadable date-times), and
 *   the failure codes' errors (`ERR_INSURANCE_STAFF_NOT_REGISTERED` …).
 * @example
 * ```ts
 * const history = parseVisitHistoryResponse('{"maKetQua":"000","dsLichSuKCB2025":[{"maCSKCB":"01001","ngayVao":"202401050830"}]}');
 * history.visits[0]?.facility?.code; // '01001'
 * ```
 */
export function parseVisitHistoryResponse(body: string | unknown): VisitHistory {
  const json = bodyObject(body);
  const code = resultCode(json);
  if (isInsuranceResultCode(code) && insuranceResultCodes[code].outcome === 'error') {
    throw failureError(code as InsuranceFailureCode);
  }
  let rows: JsonObject[] = [];
  let field: string = LIST_FIELDS[0];
  for (const name of LIST_FIELDS) {
    const list = optionalObjects(json, name);
    if (list) {
      rows = list;
      field = name;
      break;
    }
  }
  const visits = rows.map((row, i) => parseVisit(row, `${field}[${i}]`));
  visits.sort((a, b) => (b.admittedAt?.getTime() ?? 0) - (a.admittedAt?.getTime() ?? 0));
  const info = isInsuranceResultCode(code) ? insuranceResultCodes[code] : undefined;
  return {
    code,
    ...(info ? { message: info.en, messageVi: info.vi } : {}),
    visits,
    raw: json,
  };
}
