import type { OutboxEntry, OutboxReason, Settlement } from '../outbox/store.js';
import type { OutboxState, StayNotice } from '../types.js';

/** @internal A row of the outbox table as SQLite or PostgreSQL give it back (snake_case columns). */
export interface OutboxRow {
  readonly id: string;
  readonly notice: string | StayNotice;
  readonly state: string;
  readonly attempts: number | string;
  readonly uncertain: number | boolean;
  readonly deadline_at: number | string;
  readonly created_at: number | string;
  readonly updated_at: number | string;
  readonly next_attempt_at: number | string | null;
  readonly lease_owner: string | null;
  readonly lease_until: number | string | null;
  readonly accepted_at: number | string | null;
  readonly confirmed_by: string | null;
  readonly reason: string | OutboxReason | null;
  readonly last_error: string | { code: string; message: string } | null;
  readonly alerts: number | string;
}

const STATES: ReadonlySet<string> = new Set(['queued', 'sending', 'accepted', 'rejected', 'unknown']);

/** @internal PostgreSQL gives BIGINT back as text, JSONB as objects; SQLite gives numbers and text. */
export function rowToEntry(row: OutboxRow): OutboxEntry {
  if (!STATES.has(row.state)) throw new Error(`Unknown outbox state in the store: ${row.state}`);
  return {
    id: row.id,
    notice: json<StayNotice>(row.notice),
    state: row.state as OutboxState,
    attempts: Number(row.attempts),
    uncertain: row.uncertain === true || Number(row.uncertain) === 1,
    deadlineAt: Number(row.deadline_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    nextAttemptAt: nullableNumber(row.next_attempt_at),
    leaseOwner: row.lease_owner,
    leaseUntil: nullableNumber(row.lease_until),
    acceptedAt: nullableNumber(row.accepted_at),
    confirmedBy:
      row.confirmed_by === 'response' || row.confirmed_by === 'duplicate' ? row.confirmed_by : null,
    reason: row.reason === null ? null : json<OutboxReason>(row.reason),
    lastError: row.last_error === null ? null : json<{ code: string; message: string }>(row.last_error),
    alerts: Number(row.alerts),
  };
}

/** @internal The column values a settlement writes (same order for both stores). */
export function settlementValues(settlement: Settlement, now: number) {
  switch (settlement.state) {
    case 'accepted':
      return {
        state: 'accepted',
        acceptedAt: now,
        confirmedBy: settlement.confirmedBy,
        reason: null,
        lastError: null,
        nextAttemptAt: null,
        uncertain: false,
      };
    case 'rejected':
      return {
        state: 'rejected',
        acceptedAt: null,
        confirmedBy: null,
        reason: JSON.stringify(settlement.reason),
        lastError: null,
        nextAttemptAt: null,
        uncertain: false,
      };
    default:
      return {
        state: settlement.state,
        acceptedAt: null,
        confirmedBy: null,
        reason: null,
        lastError: JSON.stringify(settlement.error),
        nextAttemptAt: settlement.nextAttemptAt,
        uncertain: settlement.state === 'unknown',
      };
  }
}

function json<T>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

function nullableNumber(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
