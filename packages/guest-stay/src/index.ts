/**
 * `@cancuoc/guest-stay`: hotel stay notices to Vietnam's police (thông báo lưu trú). Build a notice
 * from the guest's card, QR, e-ID or typed fields; validate it and its legal deadline (Law on
 * Residence 68/2020/QH14 art. 30); send it through the Ministry of Public Security's accommodation
 * API (token pair rotation, catalogues, province-code mapping). Runtime-neutral.
 *
 * @packageDocumentation
 */

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
/** The shapes shared by notices, the client and the outbox. */
export type { NoticeVerdict, OutboxState, StayNotice, StaySubmitter, SubmitResult } from './types.js';
