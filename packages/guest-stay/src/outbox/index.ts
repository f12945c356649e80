/** @internal The outbox's public surface, re-exported by the package index. */
export type { RetryOptions } from './backoff.js';
export {
  createOutbox,
  type Outbox,
  type OutboxEvents,
  type OutboxOptions,
  type OutboxRecord,
} from './create-outbox.js';
export { type OutboxErrorCode, outboxErrorMessages } from './errors.js';
export type {
  ClaimRequest,
  NewOutboxEntry,
  OutboxEntry,
  OutboxReason,
  OutboxStore,
  Settlement,
} from './store.js';
