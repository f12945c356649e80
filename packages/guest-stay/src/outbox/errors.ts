import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/**
 * Error codes raised by the durable outbox of `@cancuoc/guest-stay` and its stores. The client's
 * codes (`ERR_STAY_TIMEOUT`, `ERR_STAY_NETWORK` …) live beside the client.
 */
export type OutboxErrorCode =
  | 'ERR_STAY_ALREADY_QUEUED'
  | 'ERR_STAY_STORE_OPEN'
  | 'ERR_STAY_STORE_READ'
  | 'ERR_STAY_STORE_WRITE'
  | 'ERR_STAY_STORE_PEER';

/**
 * English and Vietnamese messages of every {@link OutboxErrorCode}. Placeholders never carry a
 * document number: `{label}` is the notice's masked label.
 *
 * @example
 * ```ts
 * outboxErrorMessages.ERR_STAY_STORE_WRITE.vi // 'Không ghi được thông báo lưu trú vào hàng đợi ({reason}) …'
 * ```
 */
export const outboxErrorMessages: ErrorCatalog<OutboxErrorCode> = {
  ERR_STAY_ALREADY_QUEUED: {
    en: 'A notice for this stay ({label}) is already in the outbox as {id} (state {state})',
    vi: 'Thông báo lưu trú của khách này ({label}) đã có trong hàng đợi với mã {id} (trạng thái: {stateVi})',
  },
  ERR_STAY_STORE_OPEN: {
    en: 'The outbox store could not be opened ({reason})',
    vi: 'Không mở được kho lưu hàng đợi thông báo lưu trú ({reason})',
  },
  ERR_STAY_STORE_READ: {
    en: 'The outbox store could not be read ({reason})',
    vi: 'Không đọc được kho lưu hàng đợi thông báo lưu trú ({reason})',
  },
  ERR_STAY_STORE_PEER: {
    en: 'This outbox store needs the optional package "{package}": npm install {package}',
    vi: 'Kho hàng đợi này cần cài gói tùy chọn "{package}": npm install {package}',
  },
  ERR_STAY_STORE_WRITE: {
    en: 'The outbox store could not write ({reason}); nothing was queued, and notices queued earlier are kept',
    vi: 'Không ghi được thông báo lưu trú vào hàng đợi ({reason}); thông báo này chưa được xếp hàng, các thông báo đã xếp trước đó vẫn được giữ nguyên',
  },
};

/** @internal */
export const outboxError = createErrorFactory(outboxErrorMessages, 'OutboxError');

/** The outbox states as a front desk reads them in Vietnamese. */
export const outboxStateNamesVi: Readonly<Record<string, string>> = {
  queued: 'đang chờ gửi',
  sending: 'đang gửi',
  accepted: 'đã được tiếp nhận',
  rejected: 'bị từ chối',
  unknown: 'chưa rõ, đang đối soát',
};

/** `ERR_STAY_ALREADY_QUEUED` for the entry already holding this stay. */
export function alreadyQueuedError(
  existing: { readonly id: string; readonly state: string },
  label: string,
  cause: unknown,
) {
  return outboxError(
    'ERR_STAY_ALREADY_QUEUED',
    {
      id: existing.id,
      state: existing.state,
      stateVi: outboxStateNamesVi[existing.state] ?? existing.state,
      label,
    },
    { cause },
  );
}
