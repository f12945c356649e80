/** Synthetic national e-ID accounts: made-up people whose ID numbers follow the real layout. */

/**
 * A citizen's VNeID account as the national portal's userinfo describes it (values synthetic).
 * `personalId` — số định danh cá nhân; `dateOfBirth` is `yyyyMMdd` as in `NgayThangNamSinh`.
 */
export interface TestEidAccount {
  /** The provider's subject identifier (a UUID on the national portal). */
  readonly sub: string;
  readonly techId: string;
  readonly personalId: string;
  readonly fullName: string;
  /** `yyyyMMdd`. */
  readonly dateOfBirth: string;
  /** `LoaiTaiKhoan`: `"1"` for a citizen. */
  readonly accountType: string;
  /** `loginIdp`: `"BCA"` when the citizen logged in through VNeID. */
  readonly loginIdp: string;
  readonly email?: string;
}

/**
 * Two synthetic citizens: a man born 1999 in Hà Nội (province code 001) and a woman born 2001
 * in Hồ Chí Minh City (079). Their ID numbers encode province, century and sex, birth year as
 * the real ones do; the last six digits are made up.
 *
 * @example
 * ```ts
 * const op = await startTestOidcProvider();
 * await browser.follow(url, { account: testEidAccounts[1].sub }); // log in as Trần Thị Mẫu
 * ```
 */
export const testEidAccounts: readonly TestEidAccount[] = [
  {
    sub: '6f1c2a4e-0b7d-4c39-9e51-2d8a7b3c9f10',
    techId: 'a3e9b1c2-5d4f-4e8a-9b7c-1f2e3d4c5b6a',
    personalId: '001099001234',
    fullName: 'Nguyễn Văn Thử',
    dateOfBirth: '19990515',
    accountType: '1',
    loginIdp: 'BCA',
    email: 'thu.nguyen@example.test',
  },
  {
    sub: '2b8d4f6a-9c1e-4a3b-8d5f-7e9a1c3b5d70',
    techId: 'c7d8e9f0-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
    personalId: '079301005678',
    fullName: 'Trần Thị Mẫu',
    dateOfBirth: '20011120',
    accountType: '1',
    loginIdp: 'BCA',
  },
];
