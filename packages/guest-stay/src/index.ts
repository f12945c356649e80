/**
 * `@cancuoc/guest-stay`: hotel stay notices to Vietnam's police (thông báo lưu trú). Build a notice
 * from the guest's card, QR, e-ID or typed fields; validate it and its legal deadline (Law on
 * Residence 68/2020/QH14 art. 30); send it through the Ministry of Public Security's accommodation
 * API (token pair rotation, catalogues, province-code mapping), exactly once through a durable
 * outbox. Runtime-neutral; the stores live in `@cancuoc/guest-stay/sqlite` and `/postgres`.
 *
 * @packageDocumentation
 */

/** Building and validating a stay notice. */
export { buildStayNotice, safeBuildStayNotice } from './build-stay-notice.js';
/** The catalogue shapes of the accommodation API. */
export type { BcaProvince, BcaWard, StayCatalogEntry, StayNationality } from './catalog-types.js';
/** The accommodation-API client. */
export {
  createStayClient,
  type DepartureChange,
  type DepartureVerdict,
  type StayClient,
  type StayClientCatalogs,
  type StayClientOptions,
} from './create-stay-client.js';
/** The legal deadline of a notice (Law on Residence art. 30). */
export { deadlineFor } from './deadline-for.js';
/** Error codes of this package and their messages. */
export { type GuestStayErrorCode, guestStayErrorMessages } from './errors.js';
/** The catalogue methods of a client. */
export type { StayCatalogs } from './internal/catalogs.js';
/** The mapping between the ministry's province codes and GSO codes. */
export {
  type BcaProvinceMatch,
  mapBcaProvinces,
  type ProvinceCodeMapping,
  provinceNameKey,
} from './map-bca-provinces.js';
/** The ministry's nationality codes: an offline table of common ones and a look-up. */
export {
  findNationalityCode,
  isVietnameseNationality,
  type KnownNationality,
  knownNationalities,
} from './nationalities.js';
/** The durable outbox: queue notices and deliver each exactly once (stores in `./sqlite` and `./postgres`). */
export {
  type ClaimRequest,
  createOutbox,
  type NewOutboxEntry,
  type Outbox,
  type OutboxEntry,
  type OutboxErrorCode,
  type OutboxEvents,
  type OutboxOptions,
  type OutboxReason,
  type OutboxRecord,
  type OutboxStore,
  outboxErrorMessages,
  type RetryOptions,
  type Settlement,
} from './outbox/index.js';
/** What buildStayNotice takes. */
export type {
  BuildStayNoticeInput,
  BuildStayNoticeOptions,
  CardDataLike,
  CardQrLike,
  EidIdentityLike,
  FacilityKind,
  ResidentRecordLike,
  StayDetails,
  StayDocumentType,
  StayFacility,
  StayGuest,
  StayGuestFields,
  StayResidence,
} from './stay-input.js';
/** The shapes shared by notices, the client and the outbox. */
export type { NoticeVerdict, OutboxState, StayNotice, StaySubmitter, SubmitResult } from './types.js';
