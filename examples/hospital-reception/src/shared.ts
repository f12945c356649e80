/**
 * The JSON the reception server and its page exchange. Nothing in it is a full ID number: the
 * patient is shown with a masked personal ID and a masked BHYT card code.
 */

/** A sample the page offers in demo mode: a card QR photo and/or a software chip card. */
export interface SampleView {
  readonly key: string;
  /** Vietnamese label. */
  readonly label: string;
  readonly labelEn: string;
  /** URL of the QR photo (PNG), when the sample has one. */
  readonly qr?: string;
  /** Whether a software chip card of this patient can be put on the reader. */
  readonly chip: boolean;
}

/** What `GET /api/info` answers. */
export interface ReceptionInfo {
  readonly facility: string;
  /** The staff member doing the lookups (name only). */
  readonly staff: string;
  readonly gateway: string;
  readonly samples: readonly SampleView[];
}

/** The patient as the screen shows them. */
export interface PatientView {
  /** `qr-card` (CCCD QR), `qr-insurance` (BHYT card QR) or `chip` (verified chip read). */
  readonly source: 'qr-card' | 'qr-insurance' | 'chip';
  readonly fullName: string;
  /** Masked personal ID (`001******345`), when known. */
  readonly maskedId?: string;
  /** Masked BHYT card code, when read from a BHYT QR. */
  readonly maskedCardCode?: string;
  /** `dd/MM/yyyy`, `MM/yyyy` or `yyyy`. */
  readonly dateOfBirth: string;
  readonly sex?: 'male' | 'female';
  /** The chip's passive authentication passed (chip reads only). */
  readonly verified?: boolean;
  /** DG2 portrait as a data URL (chip reads only). */
  readonly face?: string;
}

/** The insurance verdict as the screen shows it. */
export interface VerdictView {
  readonly code: string;
  readonly outcome: 'eligible' | 'not-eligible' | 'needs-attention';
  readonly messageVi: string;
  readonly message: string;
  readonly adviceVi: string;
  readonly advice: string;
  readonly note?: string;
  readonly card?: {
    readonly maskedCardCode?: string;
    /** The name and birth date the insurance record holds, to compare with the card. */
    readonly fullName?: string;
    readonly dateOfBirth?: string;
    readonly validFrom?: string;
    readonly validTo?: string;
    readonly primaryCareFacility?: string;
    readonly fiveYearDate?: string;
    readonly newCard?: {
      readonly maskedCardCode: string;
      readonly validFrom?: string;
      readonly validTo?: string;
    };
  };
}

/** A check that could not be done (bad QR, gateway down, account problem…). */
export interface ErrorView {
  readonly code: string;
  readonly message: string;
  readonly messageVi: string;
}

/** What `POST /api/qr` and `POST /api/chip` answer. */
export interface CheckResponse {
  readonly patient?: PatientView;
  readonly verdict?: VerdictView;
  readonly error?: ErrorView;
  /** Milliseconds spent reading the card (chip) and checking with the gateway. */
  readonly timings?: { readonly readMs?: number; readonly checkMs: number };
}
