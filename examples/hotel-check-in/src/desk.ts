/**
 * The front desk wired to `@cancuoc/guest-stay`: the accommodation-API client, the durable
 * SQLite outbox and its worker, and the web server of `server.ts`.
 */
import { isCancuocError } from '@cancuoc/core';
import {
  buildStayNotice,
  createOutbox,
  createStayClient,
  deadlineFor,
  type Outbox,
  type RetryOptions,
} from '@cancuoc/guest-stay';
import { createSqliteStore } from '@cancuoc/guest-stay/sqlite';
import { type DeskServer, startDeskServer } from './server.js';

/** How to reach the accommodation API (the simulator's or the ministry's). */
export interface StayApiAccess {
  readonly baseUrl: string;
  /** The integrator's client credentials issued by the ministry. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The facility's account (tài khoản cơ sở lưu trú). */
  readonly username: string;
  readonly password: string;
}

/** Options of {@link startHotelDesk}. */
export interface HotelDeskOptions {
  readonly api: StayApiAccess;
  /** How the footer names the API (default its base URL). */
  readonly apiLabel?: string;
  /** The SQLite file of the outbox (created when absent). */
  readonly dbPath: string;
  /** The facility's name for the header. */
  readonly facility?: string;
  /** A synthetic card photo the page offers as a sample (demo mode only). */
  readonly sampleCard?: Uint8Array;
  readonly port?: number;
  readonly host?: string;
  /** Backoff of the outbox worker. */
  readonly retry?: RetryOptions;
  /** Where log lines go (default `console.log`); they carry labels, never document numbers. */
  readonly log?: (line: string) => void;
}

/** A running front desk. */
export interface HotelDesk {
  readonly url: string;
  readonly outbox: Outbox;
  readonly server: DeskServer;
  /** Stops taking requests, lets the send in flight finish, stops the worker and closes SQLite. */
  close(): Promise<void>;
}

// The API's catalogue (API 9): 20 is "other", whose detail `lyDoChiTiet` is required.
const OTHER_REASON = 20;
// Used only when the catalogue cannot be fetched at start (the API's own ids, KBTT guide v1.4).
const FALLBACK_REASONS = [
  { id: 1, name: 'Du lịch' },
  { id: OTHER_REASON, name: 'Khác' },
];

/**
 * Starts the front desk: opens (or creates) the outbox database, recovers what a previous run
 * left in flight, starts the worker and the web server.
 */
export async function startHotelDesk(options: HotelDeskOptions): Promise<HotelDesk> {
  const log = options.log ?? ((line: string) => console.log(line));
  const client = createStayClient({ ...options.api });
  const store = createSqliteStore({ path: options.dbPath });
  const outbox = createOutbox({ client, store, ...(options.retry ? { retry: options.retry } : {}) });

  outbox.on('accepted', (e) =>
    log(
      `[outbox] accepted ${e.label}${e.confirmedBy === 'duplicate' ? ' (confirmed by duplicate)' : ''} after ${e.attempts} send(s)`,
    ),
  );
  // The API's refusal code only: its text may quote the notice.
  outbox.on('rejected', (e) => log(`[outbox] rejected ${e.label}: ${e.reason.code}`));
  outbox.on('unknown', (e) => log(`[outbox] unknown ${e.label} (${e.cause}): will re-send and reconcile`));
  outbox.on('retry', (e) => log(`[outbox] retry ${e.label} in ${e.delayMs} ms (${e.error.code})`));
  outbox.on('deadline-approaching', (e) => log(`[outbox] deadline ${e.deadline} approaching for ${e.label}`));
  outbox.on('deadline-missed', (e) => log(`[outbox] deadline ${e.deadline} MISSED for ${e.label}`));
  outbox.on('error', (e) =>
    log(
      `[outbox] ${e.during} failed: ${isCancuocError(e.error) ? e.error.code : e.error instanceof Error ? e.error.message : String(e.error)}`,
    ),
  );

  let reasons: readonly { id: number; name: string }[];
  try {
    reasons = await client.catalogs.reasons();
  } catch (error) {
    log(
      `[desk] reasons catalogue unavailable (${isCancuocError(error) ? error.code : String(error)}); using the built-in list`,
    );
    reasons = FALLBACK_REASONS;
  }

  let server: DeskServer | undefined;
  try {
    await outbox.start();
    server = await startDeskServer({
      outbox,
      buildNotice: ({ guest, stay }) => buildStayNotice({ guest, stay }),
      deadlineFor,
      info: {
        facility: options.facility ?? 'Khách sạn',
        api: options.apiLabel ?? options.api.baseUrl,
        reasons,
        otherReason: OTHER_REASON,
      },
      ...(options.sampleCard ? { sampleCard: options.sampleCard } : {}),
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.host !== undefined ? { host: options.host } : {}),
      log,
    });
  } catch (error) {
    await outbox.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }

  const running = server;
  let closing: Promise<void> | undefined;
  return {
    url: running.url,
    outbox,
    server: running,
    close: () => {
      closing ??= (async () => {
        await running.close();
        await outbox.stop();
        await store.close();
        await client.revoke().catch(() => undefined);
      })();
      return closing;
    },
  };
}
