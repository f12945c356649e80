/**
 * What the front-desk page and the server exchange (JSON). Imported by both sides, so nothing
 * here may import Node modules. No full document number ever crosses from the server to the
 * page: a notice is shown by its masked `label`.
 */

/** Where a queued notice stands (the outbox's states). */
export type NoticeState = 'queued' | 'sending' | 'accepted' | 'rejected' | 'unknown';

/** One notice of the live list, safe for the screen. */
export interface NoticeView {
  readonly id: string;
  /** Masked document number and room, from the notice (`001******345 · P.302`). */
  readonly label: string;
  /** The guest's full name as sent. */
  readonly name: string;
  readonly room: string;
  readonly state: NoticeState;
  /** Accepted because re-sending met "Đã tồn tại khai báo trùng thời gian tại CSLT". */
  readonly confirmedByDuplicate: boolean;
  /** ISO 8601 with the Vietnam offset. */
  readonly arrival: string;
  readonly expectedDeparture: string;
  /** The legal deadline of the notice. */
  readonly deadline: string;
  /** Sends started so far. */
  readonly attempts: number;
  /** ISO time the notice was queued. */
  readonly queuedAt: string;
  /** ISO time of acceptance, when accepted. */
  readonly acceptedAt?: string;
  /** Why the API refused it (state `rejected`). */
  readonly reason?: { readonly code: string; readonly message: string; readonly messageVi: string };
  /** The last failed send (state `queued` on retry, or `unknown`). */
  readonly lastError?: { readonly code: string; readonly message: string };
}

/** `GET /api/info`: what the page needs to start. */
export interface DeskInfo {
  /** The facility's name, for the header. */
  readonly facility: string;
  /** Where notices go, for the footer (`simulator http://127.0.0.1:…`). */
  readonly api: string;
  /** The reasons for stay of the API's catalogue; `otherReason` needs a detail. */
  readonly reasons: readonly { readonly id: number; readonly name: string }[];
  readonly otherReason: number;
  /** Whether `/sample-card.png` holds a synthetic card photo to try the page with. */
  readonly sample: boolean;
}

/** `POST /api/check-in`: the card QR text as scanned and the stay. */
export interface CheckInRequest {
  /** The card QR's text, parsed again by the server. */
  readonly qr: string;
  readonly room: string;
  /** Wall-clock time in Vietnam, `yyyy-MM-ddTHH:mm` (a `datetime-local` value). */
  readonly arrival: string;
  readonly departure: string;
  /** Reason id of the catalogue. */
  readonly reason: number;
  readonly reasonDetail?: string;
}

/** A refused request: the SDK error's code and messages, with field issues when there are some. */
export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly messageVi: string;
  readonly issues?: readonly {
    readonly path: readonly (string | number)[];
    readonly message: string;
    readonly messageVi: string;
  }[];
}

/** `POST /api/check-in` answer: the queued notice, or an error. */
export type CheckInResponse = { readonly notice: NoticeView } | { readonly error: ApiError };

/** `GET /api/deadline?arrival=`: the legal deadline for an arrival. */
export interface DeadlineResponse {
  readonly deadline: string;
}
