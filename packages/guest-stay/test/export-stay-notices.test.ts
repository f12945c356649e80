import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildStayNotice } from '../src/build-stay-notice.js';
import { exportStayNotices, STAY_EXPORT_HEADERS } from '../src/export/index.js';
import type { StayNotice } from '../src/types.js';

const NOW = new Date('2026-12-06T07:30:00Z');
const DAY = 86_400_000;

const vietnamese = buildStayNotice(
  {
    guest: {
      fullName: 'Nguyễn Văn An',
      dateOfBirth: { year: 1998, month: 8, day: 15 },
      sex: 'male',
      document: { type: 'can-cuoc', number: '001098012345' },
      phone: '+84912345678',
      residence: {
        address: 'Số 1, "Tràng Tiền", Hoàn Kiếm',
        provinceCode: '201',
        wardCode: '201900002',
        kind: 1,
      },
    },
    stay: {
      arrival: NOW,
      expectedDeparture: new Date(NOW.getTime() + 2 * DAY),
      room: '=1+2',
      reason: 20,
      reasonDetail: '@cmd',
    },
  },
  { now: NOW },
);
const foreign = buildStayNotice(
  {
    guest: {
      fullName: 'MUSTERMANN ERIKA',
      dateOfBirth: { year: 1964 },
      sex: 'female',
      nationality: 'D',
      document: { type: 'passport', number: 'C01X00T47' },
    },
    stay: {
      arrival: NOW,
      expectedDeparture: new Date(NOW.getTime() + DAY),
      room: '501',
      permittedStayUntil: new Date(NOW.getTime() + 20 * DAY),
    },
  },
  { now: NOW },
);
const licence = buildStayNotice(
  {
    guest: {
      fullName: 'Trần Thị Bình',
      dateOfBirth: { year: 1990, month: 1, day: 2 },
      sex: 'female',
      document: { type: 'driving-licence', number: '790123456789' },
    },
    stay: { arrival: NOW, expectedDeparture: NOW, room: '12', reason: 1 },
  },
  { now: NOW },
);
const notices: StayNotice[] = [vietnamese, foreign, licence];
const catalogs = {
  provinces: [{ code: '201', name: 'Thành phố Hà Nội' }],
  wards: [{ code: '201900002', name: 'Phường Hoàn Kiếm' }],
};

/** A strict RFC 4180 reader for the test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  return rows;
}

const header = (name: string) => STAY_EXPORT_HEADERS.indexOf(name);

describe('exportStayNotices', () => {
  it('writes a CSV with a BOM, the template headers and one row per notice', async () => {
    const bytes = await exportStayNotices(notices, { format: 'csv', ...catalogs });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(STAY_EXPORT_HEADERS);
    expect(rows).toHaveLength(4);
    const [v, f, l] = rows.slice(1) as [string[], string[], string[]];
    expect(v[header('Họ và tên (*)')]).toBe('Nguyễn Văn An');
    expect(v[header('Ngày, tháng, năm sinh (*)')]).toBe('15/08/1998');
    expect(v[header('CMND/ CCCD/ Số định danh (*)')]).toBe('001098012345');
    expect(v[header('Địa chỉ – Số nhà')]).toBe('Số 1, "Tràng Tiền", Hoàn Kiếm');
    expect(v[header('Địa chỉ – Tỉnh thành')]).toBe('Thành phố Hà Nội');
    expect(v[header('Địa chỉ – Phường xã')]).toBe('Phường Hoàn Kiếm');
    expect(v[header('Loại cư trú (*)')]).toBe('Thường trú');
    expect(v[header('Thời gian lưu trú (đến ngày) (*)')]).toBe('06/12/2026 14:30');
    // Formula-injection guard.
    expect(v[header('Số phòng/Mã căn hộ')]).toBe("'=1+2");
    expect(v[header('Lý do lưu trú')]).toBe('Khác: @cmd');
    expect(v[header('Số điện thoại')]).toBe("'+84912345678");
    expect(f[header('Số hộ chiếu (*)')]).toBe('C01X00T47');
    expect(f[header('Quốc tịch (*)')]).toBe('Đức');
    expect(f[header('Ngày, tháng, năm sinh (*)')]).toBe('1964');
    expect(f[header('Giới tính (*)')]).toBe('Nữ');
    expect(l[header('Giấy tờ khác (*)')]).toBe('790123456789');
    expect(l[header('CMND/ CCCD/ Số định danh (*)')]).toBe('');
  });

  it('writes an Excel workbook that reads back with the same cells, numbers kept as text', async () => {
    const bytes = await exportStayNotices(notices, { format: 'xlsx', ...catalogs });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Danh sách lưu trú');
    const values = (n: number) =>
      (sheet.getRow(n).values as unknown[]).slice(1).map((x) => (x === undefined ? '' : x));
    expect(values(1)).toEqual(STAY_EXPORT_HEADERS);
    const csv = parseCsv(
      new TextDecoder().decode((await exportStayNotices(notices, { format: 'csv', ...catalogs })).slice(3)),
    );
    for (let r = 2; r <= 4; r++) {
      const row = values(r);
      expect(row.length).toBeLessThanOrEqual(STAY_EXPORT_HEADERS.length);
      STAY_EXPORT_HEADERS.forEach((_, c) => {
        const cell = String(row[c] ?? '');
        // The Excel cells are the CSV cells without the CSV's formula guard.
        expect(cell).toBe(csv[r - 1]![c]!.replace(/^'(?=[=+\-@])/, ''));
      });
    }
    expect(typeof sheet.getRow(2).getCell(header('CMND/ CCCD/ Số định danh (*)') + 1).value).toBe('string');
  });

  it('quotes line breaks (RFC 4180) and guards every formula start', async () => {
    const odd: StayNotice = {
      ...vietnamese,
      payload: { ...vietnamese.payload, diaChi: 'a\r\nb', hoTen: '-2+3', soPhong: '\t=x', ghiChu: 'n' },
    };
    const rows = parseCsv(
      new TextDecoder().decode((await exportStayNotices([odd], { format: 'csv' })).slice(3)),
    );
    expect(rows[1]![header('Địa chỉ – Số nhà')]).toBe('a\r\nb');
    expect(rows[1]![header('Họ và tên (*)')]).toBe("'-2+3");
    expect(rows[1]![header('Số phòng/Mã căn hộ')]).toBe("'\t=x");
  });

  it('writes only the headers for no notices, and refuses misuse', async () => {
    const rows = parseCsv(
      new TextDecoder().decode((await exportStayNotices([], { format: 'csv' })).slice(3)),
    );
    expect(rows).toEqual([[...STAY_EXPORT_HEADERS]]);
    await expect(exportStayNotices(notices, { format: 'pdf' as never })).rejects.toThrow(TypeError);
    await expect(exportStayNotices([{}] as never, { format: 'csv' })).rejects.toThrow(TypeError);
  });
});
