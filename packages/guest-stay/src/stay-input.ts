/**
 * What `buildStayNotice` takes: the guest (the SDK's card shapes, detected by their fields, or
 * typed fields), the stay and the facility. The card shapes are declared here structurally so that
 * this package's published types depend on none of `@cancuoc/schemas`, `qr`, `chip` or `eid` at
 * run time: a `CardData`, `ResidentRecord`, `CardQr` or `EidIdentity` value fits as it is.
 */
import type { PartialDate } from '@cancuoc/core';

/**
 * The document types of the accommodation API (`loaiGiayTo`, KBTT API guide v1.4 §6.3 and API 12):
 * `citizen-card` 1 (thẻ CCCD), `legacy-id` 2 (CMND), `driving-licence` 3 (giấy phép lái xe),
 * `passport` 4 (hộ chiếu), `birth-certificate` 5 (giấy khai sinh), `insurance-card` 6 (thẻ BHYT),
 * `id-notice` 7 (thông báo số định danh cá nhân), `can-cuoc` 8 (thẻ Căn cước).
 */
export type StayDocumentType =
  | 'citizen-card'
  | 'can-cuoc'
  | 'legacy-id'
  | 'passport'
  | 'driving-licence'
  | 'birth-certificate'
  | 'insurance-card'
  | 'id-notice';

/** Where a Vietnamese guest lives, as the API takes it (all optional). */
export interface StayResidence {
  /** Street address (`diaChi`). */
  readonly address?: string;
  /** The ministry's province code (`maTT`, e.g. `'201'`), not a GSO code: see `mapBcaProvinces`. */
  readonly provinceCode?: string;
  /** The ministry's ward code (`maPX`). */
  readonly wardCode?: string;
  /** Residence kind id of the catalogue (`noiCuTru`: 1 = thường trú). */
  readonly kind?: number;
}

/** A guest typed in at the front desk. */
export interface StayGuestFields {
  /** Họ và tên, as on the document. */
  readonly fullName: string;
  /** Ngày sinh; month and day may be unknown (a year-only date is sent as the API asks). */
  readonly dateOfBirth: { readonly year: number; readonly month?: number; readonly day?: number };
  readonly sex: 'male' | 'female';
  /**
   * Quốc tịch: absent, `VN`, `VNM` or `Việt Nam` for a Vietnamese guest; otherwise the ministry's
   * nationality code (`D`, `RUS`…), an ISO alpha-3 code or a name the catalogue knows.
   */
  readonly nationality?: string;
  readonly document: { readonly type: StayDocumentType; readonly number: string };
  /** Số điện thoại. */
  readonly phone?: string;
  readonly residence?: StayResidence;
}

/** The fields of `CardData` (`@cancuoc/schemas`; `toCardData` of `@cancuoc/chip`) a notice uses. */
export interface CardDataLike {
  readonly cardKind: 'cccd-2021' | 'can-cuoc';
  readonly source: string;
  readonly personalId: string;
  readonly fullName: string;
  readonly dateOfBirth: PartialDate;
  readonly sex: 'male' | 'female';
  readonly permanentResidence?: string | undefined;
}

/** The fields of a parsed card QR (`CardQr` of `@cancuoc/qr`) a notice uses. */
export interface CardQrLike {
  readonly personalId: string;
  readonly fullName: string;
  readonly dateOfBirth: PartialDate;
  readonly sex: 'male' | 'female';
  readonly permanentResidence?: string | undefined;
  /** Cards issued from 1 July 2024 are Căn cước cards. */
  readonly dateOfIssue: PartialDate;
  readonly extra: readonly string[];
}

/** The fields of a `ResidentRecord` (`@cancuoc/schemas`) a notice uses. */
export interface ResidentRecordLike {
  readonly personalId: string;
  readonly fullName: string;
  readonly dateOfBirth: PartialDate;
  readonly sex: 'male' | 'female';
  readonly documents?: readonly { readonly kind: string; readonly number: string }[] | undefined;
  readonly permanentResidence?: { readonly text?: string | undefined } | undefined;
}

/** The fields of an `EidIdentity` (`@cancuoc/eid`) a notice uses. */
export interface EidIdentityLike {
  readonly sub: string;
  readonly issuer: string;
  readonly personalId?: string | undefined;
  readonly fullName?: string | undefined;
  readonly dateOfBirth?: PartialDate | undefined;
  readonly sex?: 'male' | 'female' | undefined;
  readonly claims: Readonly<Record<string, unknown>>;
}

/** Any guest `buildStayNotice` understands. */
export type StayGuest = StayGuestFields | CardDataLike | CardQrLike | ResidentRecordLike | EidIdentityLike;

/** The stay. */
export interface StayDetails {
  /** Arrival at the accommodation (ngày giờ đến). */
  readonly arrival: Date;
  /** Expected departure (ngày giờ đi dự kiến), at most 30 days after the arrival. */
  readonly expectedDeparture: Date;
  /** Room number (số phòng): required for hotels, guesthouses, dormitories, apartments, medical facilities. */
  readonly room?: string;
  /** Reason for the stay: an id of the ministry's catalogue (`lyDoCuTru`; 1 = Du lịch, 20 = other). Vietnamese guests only. */
  readonly reason?: number;
  /** Detailed reason (`lyDoChiTiet`), required when `reason` is 20 (other). */
  readonly reasonDetail?: string;
  /** Foreign guests: end of the permitted stay (visa, residence card), `thoiHanTamTruStr`. */
  readonly permittedStayUntil?: Date;
  /** A note for the police (`ghiChu`). */
  readonly note?: string;
}

/**
 * The kind of accommodation (loại hình cơ sở lưu trú): a room number is required for the first six
 * (KBTT API guide v1.4 §6.3: "Khách sạn, nhà trọ", "Khu công nghiệp, chế xuất", "Chung cư, cơ sở y
 * tế, kí túc xá").
 */
export type FacilityKind =
  | 'hotel'
  | 'guesthouse'
  | 'industrial-zone'
  | 'apartment'
  | 'medical'
  | 'dormitory'
  | 'household'
  | 'other';

/** The facility making the notice. */
export interface StayFacility {
  /** Default `hotel`. */
  readonly kind?: FacilityKind;
}

/** The input of `buildStayNotice`. */
export interface BuildStayNoticeInput {
  readonly guest: StayGuest;
  readonly stay: StayDetails;
  readonly facility?: StayFacility;
}

/** Options of `buildStayNotice`. */
export interface BuildStayNoticeOptions {
  /** The current time, for the "today or yesterday" and permit checks (default: now). */
  readonly now?: Date;
  /** The ministry's nationality catalogue (`client.catalogs.nationalities()`); default: the offline table. */
  readonly nationalities?: readonly {
    readonly code: string;
    readonly name: string;
    readonly nameEn: string;
  }[];
  /** The ministry's reason catalogue (`client.catalogs.reasons()`), to check `stay.reason` against. */
  readonly reasons?: readonly { readonly id: number; readonly name: string }[];
  /**
   * The document to declare for a card or e-ID guest. Default: `can-cuoc` for a Căn cước card
   * (and an e-ID identity, whose electronic identity stands for it), `citizen-card` otherwise.
   */
  readonly documentType?: StayDocumentType;
}
