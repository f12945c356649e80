import type { GeneratedResident, ResidentField, ResidentRecord } from './types.js';

/**
 * Column headers of {@link residentsToCsv}: the usual Vietnamese headings of resident lists, or English ones.
 *
 * @example
 * ```ts
 * residentCsvHeaders.vi.personalId // 'Số CCCD'
 * ```
 */
export const residentCsvHeaders: Readonly<Record<'vi' | 'en', Readonly<Record<ResidentField, string>>>> = {
  vi: {
    fullName: 'Họ và tên',
    birthDate: 'Ngày sinh',
    sex: 'Giới tính',
    personalId: 'Số CCCD',
    legacyId: 'Số CMND',
    insuranceCode: 'Mã thẻ BHYT',
    taxCode: 'Mã số thuế',
    ethnicity: 'Dân tộc',
    religion: 'Tôn giáo',
    nationality: 'Quốc tịch',
    permanentAddress: 'Địa chỉ thường trú',
    currentAddress: 'Nơi ở hiện tại',
    placeOfOrigin: 'Quê quán',
    phone: 'Số điện thoại',
    email: 'Email',
  },
  en: {
    fullName: 'Full name',
    birthDate: 'Date of birth',
    sex: 'Sex',
    personalId: 'Personal ID',
    legacyId: 'Legacy ID',
    insuranceCode: 'Health insurance code',
    taxCode: 'Tax code',
    ethnicity: 'Ethnicity',
    religion: 'Religion',
    nationality: 'Nationality',
    permanentAddress: 'Permanent address',
    currentAddress: 'Current address',
    placeOfOrigin: 'Place of origin',
    phone: 'Phone',
    email: 'Email',
  },
};

/**
 * All fields, in the column order of {@link residentsToCsv}.
 *
 * @example
 * ```ts
 * residentFields[0] // 'fullName'
 * ```
 */
export const residentFields: readonly ResidentField[] = Object.freeze(
  Object.keys(residentCsvHeaders.vi) as ResidentField[],
);

/** Options of {@link residentsToCsv}. */
export interface ResidentsToCsvOptions {
  /** Field separator, one character other than `"`, CR or LF; default `,`. */
  readonly delimiter?: string;
  /** Vietnamese (default) or English headers. */
  readonly headers?: 'vi' | 'en';
  /** The columns, in order; default all of {@link residentFields}. */
  readonly fields?: readonly ResidentField[];
  /** Start with a UTF-8 byte order mark, as Excel writes "CSV UTF-8"; default false. */
  readonly bom?: boolean;
  /** Line ending; default `\n`. */
  readonly newline?: '\n' | '\r\n';
}

// Lines are joined into chunks of about this many characters, so a 1 M-row file is written in a
// few thousand writes instead of a million.
const CHUNK = 1 << 16;

/**
 * Writes generated residents (or plain records) as CSV text (RFC 4180 quoting), streamed as chunks
 * of many lines: pipe it into a file with `Readable.from(…)`, or join it for a small list. Only the
 * dirty `record` of a generated row is written, never its truth.
 *
 * @throws RangeError for a delimiter that is not one character, or is `"`, CR or LF.
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * import { Readable } from 'node:stream';
 * import { pipeline } from 'node:stream/promises';
 * await pipeline(Readable.from(residentsToCsv(generateResidents({ count: 1_000_000 }))), createWriteStream('residents.csv'));
 * const small = [...residentsToCsv(generateResidents({ count: 10 }), { delimiter: ';', headers: 'en' })].join('');
 * ```
 */
export function* residentsToCsv(
  rows: Iterable<GeneratedResident | ResidentRecord>,
  options: ResidentsToCsvOptions = {},
): Generator<string, void, undefined> {
  const delimiter = options.delimiter ?? ',';
  if (typeof delimiter !== 'string' || [...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new RangeError('delimiter must be one character other than ", CR or LF');
  }
  const headers = residentCsvHeaders[options.headers ?? 'vi'];
  if (!headers) throw new RangeError("headers must be 'vi' or 'en'");
  const fields = options.fields ?? residentFields;
  const newline = options.newline ?? '\n';
  const needsQuotes = new RegExp(`["\\r\\n${delimiter.replace(/[\\^\]-]/g, '\\$&')}]`);
  const cell = (v: string) => (needsQuotes.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  let chunk = `${options.bom ? '\ufeff' : ''}${fields.map((f) => cell(headers[f])).join(delimiter)}${newline}`;
  for (const row of rows) {
    const record: ResidentRecord =
      'record' in row && typeof row.record === 'object' ? row.record : (row as ResidentRecord);
    let line = '';
    for (let i = 0; i < fields.length; i++) {
      if (i > 0) line += delimiter;
      line += cell(record[fields[i]!] ?? '');
    }
    chunk += line + newline;
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
