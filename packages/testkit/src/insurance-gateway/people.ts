/**
 * Synthetic insured people for the BHXH gateway simulator: one per situation a receptionist meets,
 * so that every result code of the card check is reachable by choosing whom to check. Every name,
 * number and card is invented; the personal ID numbers are well-formed (province, century and sex
 * digit, birth year) and the card codes follow Decision 1351/QĐ-BHXH's layout.
 */

/**
 * What the registry says about a card beyond its data. Named situations map to result codes;
 * a three-digit code forces that code (for codes no data can produce, such as 080 or 090, which
 * the 2024 form no longer sends the fields for).
 *
 * - `active` (default): 000, or 010 once `validTo` has passed, 003/004 when `newCard` is set.
 * - `defence` 001, `police` 002; `expired` 010; `withdrawn` 110; `reduced` 120;
 *   `reduced-other-province` 121; `reduced-same-province` 122; `reduced-re-registered` 123;
 *   `stopped` 124; `child-without-card` 130; `register-error` 100; `server-error` 101.
 */
export type InsuredStatus =
  | 'active'
  | 'defence'
  | 'police'
  | 'expired'
  | 'withdrawn'
  | 'reduced'
  | 'reduced-other-province'
  | 'reduced-same-province'
  | 'reduced-re-registered'
  | 'stopped'
  | 'child-without-card'
  | 'register-error'
  | 'server-error'
  | `${number}`;

/** One visit in a person's history, as the gateway stores it. */
export interface InsuredVisit {
  /** Facility code (maCSKCB), 5 characters. */
  readonly facility: string;
  readonly facilityName?: string;
  /** `yyyyMMddHHmm`, Vietnam time. */
  readonly admittedAt: string;
  /** `yyyyMMddHHmm`, Vietnam time. */
  readonly dischargedAt?: string;
  readonly diagnosis?: string;
  /** TINH_TRANG_RV code (1 discharged, 2 transferred …). */
  readonly dischargeStatus?: string;
  /** KET_QUA_DTRI code (1 cured, 2 improved …). */
  readonly treatmentResult?: string;
}

/** An insured person in the simulator's registry. */
export interface InsuredPerson {
  /** The 15-character BHYT card code. */
  readonly cardCode: string;
  /** The 12-digit personal ID number; lookups by `maThe` = personal ID find the card through it. */
  readonly personalId?: string;
  readonly fullName: string;
  /** `dd/MM/yyyy`, or `yyyy` when only the year is known. */
  readonly dateOfBirth: string;
  readonly sex?: 'male' | 'female';
  /** `dd/MM/yyyy` (default 01/01 of last year). */
  readonly validFrom?: string;
  /** `dd/MM/yyyy` (default 31/12 of next year). */
  readonly validTo?: string;
  /** Primary-care facility code, maDKBD (default `01001`). */
  readonly facility?: string;
  readonly status?: InsuredStatus;
  readonly address?: string;
  /** `dd/MM/yyyy`: five years of continuous coverage. */
  readonly fiveYearDate?: string;
  /** A newer card issued to the same person (003 when the old one has expired, 004 when not). */
  readonly newCard?: { readonly cardCode: string; readonly validFrom: string; readonly validTo: string };
  readonly visits?: readonly InsuredVisit[];
}

/** A hospital staff member registered for lookups (hoTenCb, cccdCb). */
export interface InsuranceStaff {
  readonly fullName: string;
  readonly personalId: string;
}

const year = new Date().getUTCFullYear();

/**
 * The built-in registry: the card holder of testkit's `testPerson` (insured, and the chip test
 * card's holder) and one person per situation.
 *
 * @example
 * ```ts
 * const gw = await startInsuranceGateway({ people: insuredTestPeople, ...insuranceGatewayTestAccount });
 * ```
 */
export const insuredTestPeople: readonly InsuredPerson[] = [
  {
    cardCode: 'DN4010120012345',
    personalId: '001099012345',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '15/01/1999',
    sex: 'male',
    facility: '01001',
    address: 'Số 1 Phố Thử, Phường Mẫu, Hà Nội',
    fiveYearDate: '01/01/2026',
    visits: [
      {
        facility: '01001',
        facilityName: 'Bệnh viện Thử Nghiệm',
        admittedAt: `${year - 1}03040815`,
        dischargedAt: `${year - 1}03041130`,
        diagnosis: 'Viêm họng cấp',
        dischargeStatus: '1',
        treatmentResult: '2',
      },
      {
        facility: '01002',
        facilityName: 'Trạm Y tế Phường Mẫu',
        admittedAt: `${year - 2}11200900`,
        dischargedAt: `${year - 2}11200945`,
        diagnosis: 'Khám sức khỏe định kỳ',
        dischargeStatus: '1',
        treatmentResult: '1',
      },
    ],
  },
  {
    cardCode: 'HT2790185000123',
    personalId: '079185001234',
    fullName: 'Trần Thị Bình',
    dateOfBirth: '20/03/1985',
    sex: 'female',
    validFrom: '01/01/2023',
    validTo: '31/12/2024',
    facility: '79024',
  },
  {
    cardCode: 'GD4010190005678',
    personalId: '001090005678',
    fullName: 'Hoàng Văn Em',
    dateOfBirth: '05/07/1990',
    sex: 'male',
  },
  {
    cardCode: 'QN5010178000001',
    personalId: '001078000001',
    fullName: 'Lê Quang Dũng',
    dateOfBirth: '12/12/1978',
    sex: 'male',
    status: 'defence',
  },
  {
    cardCode: 'CA5010180000002',
    personalId: '001080000002',
    fullName: 'Vũ Minh Hải',
    dateOfBirth: '02/02/1980',
    sex: 'male',
    status: 'police',
  },
  {
    cardCode: 'DN4010192000003',
    personalId: '001192000003',
    fullName: 'Phạm Thị Giang',
    dateOfBirth: '09/09/1992',
    sex: 'female',
    validFrom: '01/01/2023',
    validTo: '31/12/2024',
    newCard: { cardCode: 'GD4010192000003', validFrom: '01/01/2025', validTo: `31/12/${year + 1}` },
  },
  {
    cardCode: 'HS4010108000004',
    personalId: '001208000004',
    fullName: 'Đỗ Minh Khang',
    dateOfBirth: '01/06/2008',
    sex: 'male',
    newCard: { cardCode: 'GD4010108000004', validFrom: `01/01/${year}`, validTo: `31/12/${year + 1}` },
  },
  {
    cardCode: 'DN4010170000005',
    personalId: '001070000005',
    fullName: 'Bùi Văn Lâm',
    dateOfBirth: '1970',
    sex: 'male',
  },
  {
    cardCode: 'DN4010188000006',
    personalId: '001188000006',
    fullName: 'Ngô Thị Mai',
    dateOfBirth: '14/02/1988',
    sex: 'female',
    status: 'withdrawn',
  },
  ...(
    [
      ['reduced', '07', 'Đinh Văn Nam', '001087000007', '03/03/1987', 'male'],
      ['reduced-other-province', '08', 'Lý Thị Oanh', '001186000008', '04/04/1986', 'female'],
      ['reduced-same-province', '09', 'Tạ Văn Phúc', '001085000009', '05/05/1985', 'male'],
      ['reduced-re-registered', '10', 'Mai Thị Quyên', '001184000010', '06/06/1984', 'female'],
      ['stopped', '11', 'Dương Văn Sơn', '001083000011', '07/07/1983', 'male'],
      ['child-without-card', '12', 'Cao Bảo Ngọc', '001320000012', '08/08/2020', 'female'],
      ['register-error', '13', 'Hồ Văn Tài', '001082000013', '09/09/1982', 'male'],
      ['server-error', '14', 'Kiều Thị Uyên', '001181000014', '10/10/1981', 'female'],
      ['080', '15', 'Lương Văn Vinh', '001080000015', '11/11/1980', 'male'],
      ['090', '16', 'Tô Thị Xuân', '001179000016', '12/12/1979', 'female'],
    ] as const
  ).map(
    ([status, n, fullName, personalId, dateOfBirth, sex]): InsuredPerson => ({
      cardCode: `DN401${`00000000${n}`}`,
      personalId,
      fullName,
      dateOfBirth,
      sex,
      status,
    }),
  ),
];

/**
 * The simulator's default account and registered staff member; pass them to the client too.
 *
 * @example
 * ```ts
 * const { username, password, staff } = insuranceGatewayTestAccount;
 * createInsuranceClient({ baseUrl: gw.url, username, password, staff: staff[0] });
 * ```
 */
export const insuranceGatewayTestAccount: {
  readonly username: string;
  readonly password: string;
  readonly staff: readonly [InsuranceStaff, ...InsuranceStaff[]];
} = {
  username: '01001_BV',
  password: 'mat-khau-thu-nghiem',
  staff: [{ fullName: 'Trần Thị Lan', personalId: '001185012345' }],
};
