import type { PartialDate } from '@cancuoc/core';

/**
 * A citizen identified through the national e-ID (định danh điện tử, VNeID), built from the
 * verified ID token and the provider's userinfo. Fields are absent when the provider did not
 * release them; `claims` keeps everything the provider sent.
 */
export interface EidIdentity {
  /** The provider's subject identifier (stable per citizen, a UUID on the national portal). */
  readonly sub: string;
  /** Issuer of the verified ID token. */
  readonly issuer: string;
  /** `personalId` — số định danh cá nhân (`SoDinhDanh`), 12 digits, validated. */
  readonly personalId?: string;
  /** `fullName` — họ và tên (`HoVaTen`, else `name`), NFC-normalised. */
  readonly fullName?: string;
  /** `dateOfBirth` — ngày sinh (`NgayThangNamSinh` yyyyMMdd, else `birthdate`). */
  readonly dateOfBirth?: PartialDate;
  /** Sex as encoded in the personal ID number (`'male' | 'female'`), when the ID is known. */
  readonly sex?: 'male' | 'female';
  /** `LoaiTaiKhoan`: the account type (`"1"` is a citizen account). */
  readonly accountType?: string;
  /** `loginIdp`: how the citizen logged in (`"BCA"` = through VNeID). */
  readonly loginIdp?: string;
  /** `TechID`: the portal's technical account ID. */
  readonly techId?: string;
  /** The authentication context class (`acr`), e.g. `LoA1`. */
  readonly acr?: string;
  readonly email?: string;
  readonly phoneNumber?: string;
  /** When the ID token was issued and expires. */
  readonly issuedAt?: Date;
  readonly expiresAt?: Date;
  /** All claims: the ID token's, completed by userinfo's. Personal data: do not log. */
  readonly claims: Readonly<Record<string, unknown>>;
}
