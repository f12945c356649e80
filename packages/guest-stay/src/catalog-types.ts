/**
 * The shapes of the accommodation API's public catalogues (KBTT API guide v1.4, APIs 6–11), with
 * English field names. Codes are the ministry's own: nationality codes are not ISO 3166 (`D` is
 * Germany) and province codes are not GSO codes (`201` is Hà Nội).
 */

/** A nationality (quốc tịch) of the ministry's catalogue (API 6: `maQT`, `tenQT`, `tenQTEn`). */
export interface StayNationality {
  /** The catalogue code to send as `quocTich` (`'D'`, `'RUS'`, `'VN'`). */
  readonly code: string;
  /** Vietnamese name (`'Đức'`). */
  readonly name: string;
  /** English name (`'GERMANY'`), empty when the catalogue has none. */
  readonly nameEn: string;
}

/** A province of the ministry's catalogue (API 7: `maTT`, `tenTT`, `tenTTEn`, `maTTChu`). */
export interface BcaProvince {
  /** The ministry's province code (`'201'`), sent as `maTT`; not a GSO code. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** Short letters (`'HN'`), when the catalogue gives them. */
  readonly abbreviation?: string;
}

/** A ward or commune of the ministry's catalogue (API 8: `maPhuongXa`, `tenPhuongXa`…). */
export interface BcaWard {
  /** The ministry's ward code (`'223907210'`), sent as `maPX`. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** The ministry's code of its province. */
  readonly provinceCode: string;
}

/** An entry of the id/name catalogues: reasons (API 9), document types (API 10), residence kinds (API 11). */
export interface StayCatalogEntry {
  readonly id: number;
  readonly name: string;
}
