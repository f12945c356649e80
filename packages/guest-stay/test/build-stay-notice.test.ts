import { toCardData } from '@cancuoc/chip';
import { isCancuocError } from '@cancuoc/core';
import type { EidIdentity } from '@cancuoc/eid';
import { parseCardQr } from '@cancuoc/qr';
import { CardData, ResidentRecord } from '@cancuoc/schemas';
import { encodeDg13, testPerson } from '@cancuoc/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { buildStayNotice, safeBuildStayNotice } from '../src/build-stay-notice.js';
import type { BuildStayNoticeInput, StayDocumentType, StayGuestFields } from '../src/stay-input.js';

// 2026-12-06 14:30:00 in Vietnam.
const NOW = new Date('2026-12-06T07:30:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

const guest = (over: Partial<StayGuestFields> = {}): StayGuestFields => ({
  fullName: 'Nguyễn Văn An',
  dateOfBirth: { year: 1998, month: 8, day: 15 },
  sex: 'male',
  document: { type: 'can-cuoc', number: '001098012345' },
  ...over,
});

const stay = (over: Partial<BuildStayNoticeInput['stay']> = {}): BuildStayNoticeInput['stay'] => ({
  arrival: NOW,
  expectedDeparture: at(2 * DAY),
  room: '302',
  reason: 1,
  ...over,
});

function issuesOf(input: BuildStayNoticeInput) {
  const r = safeBuildStayNotice(input, { now: NOW });
  if (r.success) throw new Error('expected issues');
  expect(r.error.code).toBe('ERR_STAY_INVALID');
  return r.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
}

describe('buildStayNotice for a Vietnamese guest', () => {
  it('writes the API 5 body item with Vietnam date-times, key and masked label', () => {
    const notice = buildStayNotice({ guest: guest(), stay: stay() }, { now: NOW });
    expect(notice).toEqual({
      kind: 'vietnamese',
      payload: {
        hoTen: 'Nguyễn Văn An',
        gioiTinh: 'M',
        ngayThangNamSinhStr: '1998-08-15',
        ngayDenCsltStr: '2026-12-06 14:30:00',
        ngayDiDuKienStr: '2026-12-08 14:30:00',
        lyDoCuTru: 1,
        loaiGiayTo: 8,
        soGiayTo: '001098012345',
        soPhong: '302',
      },
      arrival: '2026-12-06T14:30:00+07:00',
      expectedDeparture: '2026-12-08T14:30:00+07:00',
      deadline: '2026-12-06T23:00:00+07:00',
      key: 'vietnamese:8:001098012345:2026-12-06T14:30:00+07:00',
      label: '001******345 · P.302',
    });
    expect(JSON.parse(JSON.stringify(notice))).toEqual(notice);
  });

  const valid: [StayDocumentType, string, number][] = [
    ['citizen-card', '001098012345', 1],
    ['legacy-id', '012345678', 2],
    ['legacy-id', '012345678901', 2],
    ['driving-licence', '790123456789', 3],
    ['passport', 'C1234567', 4],
    ['birth-certificate', '123AB2010', 5],
    ['insurance-card', 'DN4797924716413', 6],
    ['insurance-card', '7924716413', 6],
    ['id-notice', '001098012345', 7],
    ['can-cuoc', '001098012345', 8],
  ];
  for (const [type, number, id] of valid) {
    it(`accepts a ${type} number ${number} as loaiGiayTo ${id}`, () => {
      const n = buildStayNotice({ guest: guest({ document: { type, number } }), stay: stay() }, { now: NOW });
      expect(n.payload).toMatchObject({ loaiGiayTo: id, soGiayTo: number });
    });
  }

  const invalid: [StayDocumentType, string, string][] = [
    ['citizen-card', '00109801234', 'ERR_STAY_DOCUMENT_NUMBER'],
    ['citizen-card', '001 098 012 345', 'ERR_STAY_DOCUMENT_NUMBER'],
    ['citizen-card', '003098012345', 'ERR_ID_PROVINCE_UNKNOWN'],
    ['can-cuoc', '0010980123456', 'ERR_STAY_DOCUMENT_NUMBER'],
    ['id-notice', '00109801234A', 'ERR_STAY_DOCUMENT_NUMBER'],
    ['legacy-id', '0123456789', 'ERR_STAY_DOCUMENT_NUMBER'],
    ['legacy-id', '000000000', 'ERR_ID_LEGACY_ZERO'],
    ['driving-licence', 'A'.repeat(21), 'ERR_STAY_DOCUMENT_NUMBER'],
    ['driving-licence', '79-0123', 'ERR_STAY_DOCUMENT_NUMBER'],
    ['passport', 'C12345678901', 'ERR_STAY_DOCUMENT_NUMBER'],
    ['passport', 'C 1234567', 'ERR_STAY_DOCUMENT_NUMBER'],
    ['birth-certificate', '123/2010', 'ERR_STAY_DOCUMENT_NUMBER'],
    ['insurance-card', 'DN9797924716413', 'ERR_ID_INSURANCE_BENEFIT_LEVEL'],
    ['insurance-card', 'DN479792471641312345X', 'ERR_STAY_DOCUMENT_NUMBER'],
  ];
  for (const [type, number, code] of invalid) {
    it(`refuses the ${type} number "${number}" with ${code} at guest.document.number`, () => {
      expect(issuesOf({ guest: guest({ document: { type, number } }), stay: stay() })).toContainEqual({
        path: 'guest.document.number',
        code,
      });
    });
  }

  it('upper-cases letters of a typed number', () => {
    const n = buildStayNotice(
      { guest: guest({ document: { type: 'passport', number: ' c1234567 ' } }), stay: stay() },
      { now: NOW },
    );
    expect(n.payload.soGiayTo).toBe('C1234567');
  });

  it('sends a year-only birth date as YYYY-01-01', () => {
    const n = buildStayNotice(
      {
        guest: guest({ dateOfBirth: { year: 1998 }, document: { type: 'legacy-id', number: '012345678' } }),
        stay: stay(),
      },
      { now: NOW },
    );
    expect(n.payload.ngayThangNamSinhStr).toBe('1998-01-01');
  });

  it('requires lyDoChiTiet for the reason "other" (20) and sends it', () => {
    expect(issuesOf({ guest: guest(), stay: stay({ reason: 20 }) })).toContainEqual({
      path: 'stay.reasonDetail',
      code: 'ERR_STAY_REASON_DETAIL',
    });
    const n = buildStayNotice(
      { guest: guest(), stay: stay({ reason: 20, reasonDetail: 'Dự đám cưới' }) },
      { now: NOW },
    );
    expect(n.payload).toMatchObject({ lyDoCuTru: 20, lyDoChiTiet: 'Dự đám cưới' });
  });

  it('checks the reason against the catalogue when one is given', () => {
    const r = safeBuildStayNotice(
      { guest: guest(), stay: stay({ reason: 7 }) },
      { now: NOW, reasons: [{ id: 1, name: 'Du lịch' }] },
    );
    expect(r.success).toBe(false);
  });

  it('requires the room for a hotel but not for a household', () => {
    expect(issuesOf({ guest: guest(), stay: stay({ room: undefined as unknown as string }) })).toEqual([
      { path: 'stay.room', code: 'ERR_STAY_ROOM' },
    ]);
    const { room: _room, ...noRoom } = stay();
    const n = buildStayNotice(
      { guest: guest(), stay: noRoom, facility: { kind: 'household' } },
      { now: NOW },
    );
    expect(n.payload.soPhong).toBeUndefined();
    expect(n.label).toBe('001******345');
  });

  it('sends the optional phone, note and residence fields', () => {
    const n = buildStayNotice(
      {
        guest: guest({
          phone: '0912 345 678',
          residence: { address: 'Số 1 Tràng Tiền', provinceCode: '201', wardCode: '201900002', kind: 1 },
        }),
        stay: stay({ note: 'Khách đoàn' }),
      },
      { now: NOW },
    );
    expect(n.payload).toMatchObject({
      soDienThoai: '0912345678',
      ghiChu: 'Khách đoàn',
      noiCuTru: 1,
      maTT: '201',
      maPX: '201900002',
      diaChi: 'Số 1 Tràng Tiền',
    });
  });
});

describe('validation issues with paths', () => {
  it('lists every missing field at once', () => {
    const issues = issuesOf({
      guest: { document: { type: 'can-cuoc', number: '' } } as unknown as StayGuestFields,
      stay: {} as BuildStayNoticeInput['stay'],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'guest.fullName', code: 'ERR_STAY_FIELD_MISSING' },
        { path: 'guest.dateOfBirth', code: 'ERR_STAY_FIELD_MISSING' },
        { path: 'guest.sex', code: 'ERR_STAY_FIELD_MISSING' },
        { path: 'guest.document.number', code: 'ERR_STAY_FIELD_MISSING' },
        { path: 'stay.arrival', code: 'ERR_STAY_FIELD_MISSING' },
        { path: 'stay.expectedDeparture', code: 'ERR_STAY_FIELD_MISSING' },
        { path: 'stay.reason', code: 'ERR_STAY_FIELD_MISSING' },
        { path: 'stay.room', code: 'ERR_STAY_ROOM' },
      ]),
    );
  });

  it('refuses a departure before the arrival', () => {
    expect(issuesOf({ guest: guest(), stay: stay({ expectedDeparture: at(-HOUR) }) })).toContainEqual({
      path: 'stay.expectedDeparture',
      code: 'ERR_STAY_DEPARTURE_BEFORE_ARRIVAL',
    });
  });

  it('accepts an arrival yesterday (Vietnam time) and refuses one the day before or tomorrow', () => {
    // Yesterday 00:00 in Vietnam is 2026-12-04T17:00Z.
    expect(
      safeBuildStayNotice(
        { guest: guest(), stay: stay({ arrival: new Date('2026-12-04T17:00:00Z') }) },
        { now: NOW },
      ).success,
    ).toBe(true);
    expect(
      issuesOf({ guest: guest(), stay: stay({ arrival: new Date('2026-12-04T16:59:59Z') }) }),
    ).toContainEqual({
      path: 'stay.arrival',
      code: 'ERR_STAY_ARRIVAL_NOT_RECENT',
    });
    expect(
      issuesOf({ guest: guest(), stay: stay({ arrival: new Date('2026-12-06T17:00:00Z') }) }),
    ).toContainEqual({
      path: 'stay.arrival',
      code: 'ERR_STAY_ARRIVAL_NOT_RECENT',
    });
  });

  it('accepts 30 days and refuses a stay over 30 days', () => {
    expect(
      safeBuildStayNotice({ guest: guest(), stay: stay({ expectedDeparture: at(30 * DAY) }) }, { now: NOW })
        .success,
    ).toBe(true);
    expect(issuesOf({ guest: guest(), stay: stay({ expectedDeparture: at(31 * DAY) }) })).toEqual([
      { path: 'stay.expectedDeparture', code: 'ERR_STAY_TOO_LONG' },
    ]);
  });

  it('refuses invalid dates, names and birth dates', () => {
    const issues = issuesOf({
      guest: guest({ fullName: 'Nguyễn V4n An', dateOfBirth: { year: 1998, month: 2, day: 30 } }),
      stay: stay({ arrival: new Date('nope') }),
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'guest.fullName', code: 'ERR_STAY_NAME' },
        { path: 'guest.dateOfBirth', code: 'ERR_STAY_BIRTH_DATE' },
        { path: 'stay.arrival', code: 'ERR_STAY_DATE' },
      ]),
    );
    expect(issuesOf({ guest: guest({ dateOfBirth: { year: 2027 } }), stay: stay() })).toEqual([
      { path: 'guest.dateOfBirth', code: 'ERR_STAY_BIRTH_DATE' },
    ]);
  });

  it('gives bilingual messages and never the full number in the error', () => {
    const r = safeBuildStayNotice(
      { guest: guest({ document: { type: 'citizen-card', number: '003098012345' } }), stay: stay() },
      { now: NOW },
    );
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(isCancuocError(r.error)).toBe(true);
    expect(r.error.messageVi).not.toBe(r.error.message);
    expect(JSON.stringify({ ...r.error.toJSON(), issues: r.error.issues })).not.toContain('003098012345');
  });

  it('reports an unrecognised guest', () => {
    expect(issuesOf({ guest: { name: 'x' } as never, stay: stay() })).toEqual([
      { path: 'guest', code: 'ERR_STAY_GUEST_UNKNOWN' },
    ]);
    expect(() => buildStayNotice(null as never)).toThrow(TypeError);
  });
});

describe('buildStayNotice for a foreign guest', () => {
  const foreigner = (over: Partial<StayGuestFields> = {}): StayGuestFields => ({
    fullName: 'MUSTERMANN ERIKA',
    dateOfBirth: { year: 1964 },
    sex: 'female',
    nationality: 'DEU',
    document: { type: 'passport', number: 'C01X00T47' },
    ...over,
  });
  const foreignStay = stay({ permittedStayUntil: at(29 * DAY), reason: undefined as unknown as number });

  it('writes the API 4 body item: ministry nationality code, year-only birth date as Y + YYYY-01-01', () => {
    const n = buildStayNotice({ guest: foreigner(), stay: foreignStay }, { now: NOW });
    expect(n.kind).toBe('foreign');
    expect(n.payload).toEqual({
      hoTen: 'MUSTERMANN ERIKA',
      quocTich: 'D',
      soHoChieu: 'C01X00T47',
      gioiTinh: 'F',
      loaiNgayThangNamSinh: 'Y',
      ngayThangNamSinhStr: '1964-01-01',
      ngayDenCsltStr: '2026-12-06 14:30:00',
      ngayDiDuKienStr: '2026-12-08 14:30:00',
      thoiHanTamTruStr: '2027-01-04 14:30:00',
      soPhong: '302',
    });
    expect(n.key).toBe('foreign:D:C01X00T47:2026-12-06T14:30:00+07:00');
  });

  it('sends a full birth date as D', () => {
    const n = buildStayNotice(
      {
        guest: foreigner({ dateOfBirth: { year: 1990, month: 5, day: 15 }, nationality: 'RUS' }),
        stay: foreignStay,
      },
      { now: NOW },
    );
    expect(n.payload).toMatchObject({
      quocTich: 'RUS',
      loaiNgayThangNamSinh: 'D',
      ngayThangNamSinhStr: '1990-05-15',
    });
  });

  it('finds the code by name, and prefers the API catalogue', () => {
    expect(
      buildStayNotice({ guest: foreigner({ nationality: 'Đức' }), stay: foreignStay }, { now: NOW }).payload
        .quocTich,
    ).toBe('D');
    const catalogue = [{ code: 'XYZ', name: 'Xứ Sở', nameEn: 'XYZLAND' }];
    const n = buildStayNotice(
      { guest: foreigner({ nationality: 'Xứ Sở' }), stay: foreignStay },
      { now: NOW, nationalities: catalogue },
    );
    expect(n.payload.quocTich).toBe('XYZ');
  });

  it('refuses an unknown nationality, a non-passport document, a missing or expired permit', () => {
    expect(issuesOf({ guest: foreigner({ nationality: 'ZZZ' }), stay: foreignStay })).toEqual([
      { path: 'guest.nationality', code: 'ERR_STAY_NATIONALITY' },
    ]);
    expect(
      issuesOf({
        guest: foreigner({ document: { type: 'driving-licence', number: 'X1' } }),
        stay: foreignStay,
      }),
    ).toContainEqual({
      path: 'guest.document.type',
      code: 'ERR_STAY_DOCUMENT_TYPE',
    });
    expect(issuesOf({ guest: foreigner(), stay: stay() })).toEqual([
      { path: 'stay.permittedStayUntil', code: 'ERR_STAY_FIELD_MISSING' },
    ]);
    expect(issuesOf({ guest: foreigner(), stay: stay({ permittedStayUntil: at(-DAY) }) })).toEqual([
      { path: 'stay.permittedStayUntil', code: 'ERR_STAY_PERMIT_EXPIRED' },
    ]);
  });

  it('treats VN, VNM and Việt Nam as a Vietnamese guest', () => {
    for (const nationality of ['VN', 'VNM', 'Việt Nam', 'Vietnam']) {
      expect(buildStayNotice({ guest: guest({ nationality }), stay: stay() }, { now: NOW }).kind).toBe(
        'vietnamese',
      );
    }
  });
});

describe('guests from the SDK’s card shapes', () => {
  const expectCardNotice = (input: BuildStayNoticeInput['guest'], type: number) => {
    const n = buildStayNotice({ guest: input, stay: stay() }, { now: NOW });
    expect(n.payload).toMatchObject({
      hoTen: 'Nguyễn Văn An',
      gioiTinh: 'M',
      ngayThangNamSinhStr: '1999-01-15',
      loaiGiayTo: type,
      soGiayTo: '001099012345',
    });
    return n;
  };

  it('takes CardData, as a Căn cước card (8) or a CCCD (1), with the residence as address', () => {
    const card = CardData.parse({
      cardKind: 'can-cuoc',
      source: 'qr',
      personalId: '001099012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: { year: 1999, month: 1, day: 15 },
      sex: 'male',
      permanentResidence: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội',
    });
    const n = expectCardNotice(card, 8);
    expect(n.payload).toMatchObject({ diaChi: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội', noiCuTru: 1 });
    expectCardNotice({ ...card, cardKind: 'cccd-2021' as const }, 1);
  });

  it('takes the chip’s toCardData', () => {
    const card = toCardData({ dataGroups: { 13: encodeDg13(testPerson) } });
    expectCardNotice(card, card.cardKind === 'can-cuoc' ? 8 : 1);
  });

  it('takes a parsed card QR, a Căn cước card when issued from 1 July 2024', () => {
    const qr = parseCardQr(
      '001099012345|123456789|Nguyễn Văn An|15011999|Nam|Số 1 Tràng Tiền, Hà Nội|01082024',
    );
    expectCardNotice(qr, 8);
    expectCardNotice(parseCardQr('001099012345||Nguyễn Văn An|15011999|Nam||10052021'), 1);
  });

  it('takes a ResidentRecord', () => {
    const record = ResidentRecord.parse({
      personalId: '001099012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: { year: 1999, month: 1, day: 15 },
      sex: 'male',
    });
    expectCardNotice(record, 1);
  });

  it('takes an e-ID identity as a Căn cước, and reports what the provider did not release', () => {
    const identity: EidIdentity = {
      sub: 'b1c2',
      issuer: 'https://sso.example',
      personalId: '001099012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: { year: 1999, month: 1, day: 15 },
      sex: 'male',
      claims: {},
    };
    expectCardNotice(identity, 8);
    expect(issuesOf({ guest: { sub: 'x', issuer: 'y', claims: {} } as EidIdentity, stay: stay() })).toEqual(
      expect.arrayContaining([
        { path: 'guest.personalId', code: 'ERR_STAY_FIELD_MISSING' },
        { path: 'guest.fullName', code: 'ERR_STAY_FIELD_MISSING' },
      ]),
    );
  });

  it('declares another document type when told', () => {
    const qr = parseCardQr('001099012345||Nguyễn Văn An|15011999|Nam||10052021');
    const n = buildStayNotice({ guest: qr, stay: stay() }, { now: NOW, documentType: 'id-notice' });
    expect(n.payload.loaiGiayTo).toBe(7);
  });
});

describe('time zones', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('writes the same Vietnam date-times whatever the host’s time zone', () => {
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Europe/Berlin'].map(
      (tz) => {
        process.env.TZ = tz;
        return buildStayNotice(
          {
            guest: guest(),
            stay: stay({
              arrival: new Date('2026-03-29T01:30:00Z'),
              expectedDeparture: new Date('2026-03-30T23:59:59Z'),
            }),
          },
          { now: new Date('2026-03-29T02:00:00Z') },
        );
      },
    );
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]!.payload.ngayDenCsltStr).toBe('2026-03-29 08:30:00');
    expect(results[0]!.payload.ngayDiDuKienStr).toBe('2026-03-31 06:59:59');
  });
});
