/**
 * The shapes shared by the notice builder, the accommodation-API client and the durable outbox
 * of `@cancuoc/guest-stay`. A {@link StayNotice} is plain JSON (no `Date`, no class), so that a
 * store can keep it as text and give back exactly what was queued.
 */

/**
 * One guest's stay notice (thông báo lưu trú), validated and ready to send: `payload` is the exact
 * item the accommodation API takes in its JSON array (API 5 for Vietnamese guests, API 4 for
 * foreign guests).
 */
export interface StayNotice {
  /** Which endpoint takes it: `vietnamese` → `/client-service/kbtt-vn/kbtt-3th`, `foreign` → `/client-service/kbtt/kbtt-3th`. */
  readonly kind: 'vietnamese' | 'foreign';
  /** The API body item, field names as the API spells them (`hoTen`, `soGiayTo`, `ngayDenCsltStr` …). */
  readonly payload: Readonly<Record<string, string | number>>;
  /** Arrival at the accommodation, ISO 8601 with the Vietnam offset (`2026-12-06T14:30:00+07:00`). */
  readonly arrival: string;
  /** Expected departure, ISO 8601 with the Vietnam offset. */
  readonly expectedDeparture: string;
  /** The legal deadline for this notice (Law on Residence art. 30), ISO 8601 with the Vietnam offset. */
  readonly deadline: string;
  /**
   * What the API sees as one guest's stay: document type, document number and arrival. Two notices
   * with one key are one stay; the outbox refuses to queue a key twice. Contains the full document
   * number: never log it (use {@link StayNotice.label}).
   */
  readonly key: string;
  /** A label safe for logs and screens: masked document number and room (`001******345 · P.302`). */
  readonly label: string;
}

/** What the accommodation API said about one notice of a submitted batch. */
export type NoticeVerdict =
  | { readonly status: 'accepted' }
  /**
   * The API already holds this stay ("Đã tồn tại khai báo trùng thời gian tại CSLT", or for a
   * passport "Số hộ chiếu đang tạm trú tại CSLT và chưa checkout"): after an earlier send whose
   * answer was lost, this confirms that send was accepted.
   */
  | { readonly status: 'duplicate'; readonly message: string }
  /** A business refusal naming this notice (`Bản khai báo N: …`), with the API's own text. */
  | {
      readonly status: 'rejected';
      readonly code: string;
      readonly message: string;
      readonly messageVi: string;
    };

/** The answer to one `submit` call: one verdict per notice, in the order given. */
export interface SubmitResult {
  readonly verdicts: readonly NoticeVerdict[];
}

/**
 * What the outbox needs of a client: {@link createStayClient}'s result has it. `submit` resolves
 * with a verdict per notice, or rejects with a `CancuocError`: `ERR_STAY_TIMEOUT` and
 * `ERR_STAY_NETWORK` mean the batch may or may not have arrived; other codes mean it did not.
 * Every such error also says so in `details.mayHaveArrived` (also true for `ERR_STAY_ABORTED` once
 * the request was sent, and for `ERR_STAY_RESPONSE` after an unreadable 2xx answer), and
 * `details.retryable` says whether sending again later can help (`ERR_STAY_SERVER`, HTTP 429).
 */
export interface StaySubmitter {
  submit(notices: readonly StayNotice[], options?: { readonly signal?: AbortSignal }): Promise<SubmitResult>;
}

/** Where a queued notice stands. */
export type OutboxState = 'queued' | 'sending' | 'accepted' | 'rejected' | 'unknown';
