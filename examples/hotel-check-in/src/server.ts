/**
 * The front desk's web server (node:http): the page and its script (bundled with esbuild when the
 * server starts), the QR decoder's WebAssembly, and a small JSON API over the outbox:
 *
 * - `GET  /api/info`            facility, reasons for stay, whether a sample card exists
 * - `POST /api/check-in`        card QR text + stay → notice built, validated and durably queued
 * - `GET  /api/notices`         the notices and their states
 * - `GET  /api/events`          the same list as server-sent events, pushed whenever it changes
 * - `GET  /api/deadline?arrival=ISO`  the legal deadline for an arrival
 *
 * Nothing with a full document number leaves the server: notices are shown by their masked label,
 * and log lines carry only labels.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CancuocError, isCancuocError } from '@cancuoc/core';
import type { OutboxRecord, StayNotice } from '@cancuoc/guest-stay';
import { cardQrToCardData, parseCardQr } from '@cancuoc/qr';
import { readQrDecoderWasm } from '@cancuoc/qr/image';
import type { CardData } from '@cancuoc/schemas';
import { bundleForBrowser } from '@cancuoc/testkit/browser';
import type { ApiError, CheckInRequest, DeskInfo, NoticeView } from './shared.js';

/** The part of the outbox the server uses (`createOutbox`'s result has it). */
export interface DeskOutbox {
  enqueue(notice: StayNotice): Promise<{ readonly id: string }>;
  get(id: string): Promise<OutboxRecord | undefined>;
  list(): Promise<OutboxRecord[]>;
  on(event: 'accepted' | 'rejected' | 'unknown' | 'retry', listener: () => void): () => void;
}

/** What one check-in turns into: the guest as the card says, and the stay typed at the desk. */
export interface CheckIn {
  readonly guest: CardData;
  readonly stay: {
    readonly arrival: Date;
    readonly expectedDeparture: Date;
    readonly room: string;
    readonly reason: number;
    readonly reasonDetail?: string;
  };
}

/** Options of {@link startDeskServer}. */
export interface DeskServerOptions {
  readonly outbox: DeskOutbox;
  /** Builds and validates the notice; throws a `CancuocError` (with `issues`) when it is not valid. */
  readonly buildNotice: (checkIn: CheckIn) => StayNotice;
  /** The legal deadline of an arrival (`deadlineFor` of `@cancuoc/guest-stay`). */
  readonly deadlineFor: (arrival: Date) => Date;
  readonly info: Omit<DeskInfo, 'sample'>;
  /** PNG of a synthetic card photo served at `/sample-card.png` (demo mode). */
  readonly sampleCard?: Uint8Array;
  /** Port on `host` (default 0: a free port). */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Where log lines go (default `console.log`); they never carry a full document number. */
  readonly log?: (line: string) => void;
}

/** A running desk server. */
export interface DeskServer {
  readonly url: string;
  readonly server: Server;
  /** Ends the event streams and closes the server (the outbox belongs to the caller). */
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const MAX_BODY = 64 * 1024;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A `datetime-local` value read as Vietnam wall-clock time (UTC+7 all year). */
function vietnamTime(value: unknown, field: string): Date {
  const m = typeof value === 'string' ? LOCAL_TIME.exec(value) : null;
  const date = m ? new Date(`${value}:00+07:00`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw badRequest(field, 'yyyy-MM-ddTHH:mm');
  return date;
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
  }
}

function badRequest(field: string, expected: string): RequestError {
  return new RequestError(400, {
    code: 'BAD_REQUEST',
    message: `The field ${field} is missing or malformed (expected ${expected})`,
    messageVi: `Trường ${field} bị thiếu hoặc sai định dạng (cần ${expected})`,
    issues: [
      {
        path: [field],
        message: `expected ${expected}`,
        messageVi: `cần ${expected}`,
      },
    ],
  });
}

function fromSdkError(error: CancuocError): ApiError {
  return {
    code: error.code,
    message: error.message,
    messageVi: error.messageVi,
    ...(error.issues.length > 0
      ? {
          issues: error.issues
            .filter((issue) => issue.severity === 'error')
            .map((issue) => ({ path: issue.path, message: issue.message, messageVi: issue.messageVi })),
        }
      : {}),
  };
}

/** What the screen may show of a record: the label, never the key or the document number. */
export function toView(record: OutboxRecord): NoticeView {
  const payload = record.notice.payload;
  return {
    id: record.id,
    label: record.label,
    name: String(payload.hoTen ?? ''),
    room: String(payload.soPhong ?? ''),
    state: record.state,
    confirmedByDuplicate: record.confirmedBy === 'duplicate',
    arrival: record.notice.arrival,
    expectedDeparture: record.notice.expectedDeparture,
    deadline: record.deadline,
    attempts: record.attempts,
    queuedAt: record.createdAt,
    ...(record.acceptedAt ? { acceptedAt: record.acceptedAt } : {}),
    ...(record.reason
      ? {
          reason: {
            code: record.reason.code,
            message: record.reason.message,
            messageVi: record.reason.messageVi,
          },
        }
      : {}),
    ...(record.lastError
      ? { lastError: { code: record.lastError.code, message: record.lastError.message } }
      : {}),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw badRequest('body', `at most ${MAX_BODY} bytes of JSON`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw badRequest('body', 'JSON');
  }
}

function parseCheckIn(body: unknown): CheckInRequest {
  if (typeof body !== 'object' || body === null) throw badRequest('body', 'a JSON object');
  const b = body as Record<string, unknown>;
  if (typeof b.qr !== 'string' || b.qr === '') throw badRequest('qr', 'the card QR text');
  if (typeof b.room !== 'string') throw badRequest('room', 'text');
  if (typeof b.reason !== 'number' || !Number.isInteger(b.reason)) throw badRequest('reason', 'a reason id');
  if (b.reasonDetail !== undefined && typeof b.reasonDetail !== 'string')
    throw badRequest('reasonDetail', 'text');
  return {
    qr: b.qr,
    room: b.room,
    arrival: String(b.arrival ?? ''),
    departure: String(b.departure ?? ''),
    reason: b.reason,
    ...(b.reasonDetail ? { reasonDetail: b.reasonDetail } : {}),
  };
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // The page loads nothing from other origins; the decoder's wasm needs 'wasm-unsafe-eval'.
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  'permissions-policy': 'camera=(self)',
};

/** Starts the front desk's web server. */
export async function startDeskServer(options: DeskServerOptions): Promise<DeskServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const [script, wasm, html, css] = await Promise.all([
    bundleForBrowser({ entryPoint: `${here}/page/app.ts`, minify: true }),
    readQrDecoderWasm(),
    readFile(`${here}/page/index.html`),
    readFile(`${here}/page/app.css`),
  ]);
  const info: DeskInfo = { ...options.info, sample: options.sampleCard !== undefined };
  const { outbox } = options;

  const statics = new Map<string, { type: string; body: Uint8Array; cache?: boolean }>([
    ['/', { type: 'text/html; charset=utf-8', body: html }],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: script }],
    ['/app.css', { type: 'text/css; charset=utf-8', body: css }],
    ['/zxing_reader.wasm', { type: 'application/wasm', body: wasm, cache: true }],
  ]);
  if (options.sampleCard) statics.set('/sample-card.png', { type: 'image/png', body: options.sampleCard });

  // Live list: every open event stream gets the whole list whenever it changes. Changes come from
  // check-ins and outbox events; a short poll also catches `sending` (no event) and other workers.
  const streams = new Set<ServerResponse>();
  let lastSent = '';
  let refreshing: Promise<void> | undefined;
  let refreshAgain = false;

  async function snapshot(): Promise<string> {
    const records = await outbox.list();
    return JSON.stringify(records.map(toView).reverse());
  }

  function refresh(): Promise<void> {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        if (streams.size === 0) break;
        try {
          const data = await snapshot();
          if (data === lastSent) continue;
          lastSent = data;
          for (const res of streams) res.write(`event: notices\ndata: ${data}\n\n`);
        } catch (error) {
          log(`[desk] could not read the outbox: ${error instanceof Error ? error.message : String(error)}`);
        }
      } while (refreshAgain);
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  const unsubscribe = (['accepted', 'rejected', 'unknown', 'retry'] as const).map((event) =>
    outbox.on(event, () => void refresh()),
  );
  const poll = setInterval(() => void refresh(), 500);
  poll.unref();

  async function checkIn(body: unknown): Promise<NoticeView> {
    const request = parseCheckIn(body);
    // The page parsed the QR already; the server never trusts that and parses it again.
    const guest = cardQrToCardData(parseCardQr(request.qr));
    const notice = options.buildNotice({
      guest,
      stay: {
        arrival: vietnamTime(request.arrival, 'arrival'),
        expectedDeparture: vietnamTime(request.departure, 'departure'),
        room: request.room.trim(),
        reason: request.reason,
        ...(request.reasonDetail ? { reasonDetail: request.reasonDetail } : {}),
      },
    });
    const { id } = await outbox.enqueue(notice);
    log(`[desk] queued ${notice.label} (deadline ${notice.deadline}) as ${id}`);
    const record = await outbox.get(id);
    if (!record) throw new Error(`notice ${id} vanished from the outbox`);
    void refresh();
    return toView(record);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://desk.local');
    const json = (status: number, value: unknown) =>
      void res
        .writeHead(status, {
          ...SECURITY_HEADERS,
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        })
        .end(JSON.stringify(value));

    if (req.method === 'GET' && statics.has(url.pathname)) {
      const file = statics.get(url.pathname)!;
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': file.type,
        'cache-control': file.cache ? 'public, max-age=86400' : 'no-store',
      });
      return void res.end(file.body);
    }
    if (req.method === 'GET' && url.pathname === '/api/info') return json(200, info);
    if (req.method === 'GET' && url.pathname === '/api/notices') {
      return json(200, (await outbox.list()).map(toView).reverse());
    }
    if (req.method === 'GET' && url.pathname === '/api/deadline') {
      const arrival = new Date(url.searchParams.get('arrival') ?? '');
      if (Number.isNaN(arrival.getTime()))
        return json(400, { error: badRequest('arrival', 'ISO 8601').body });
      return json(200, { deadline: options.deadlineFor(arrival).toISOString() });
    }
    if (req.method === 'GET' && url.pathname === '/api/events') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write('retry: 2000\n\n');
      res.write(`event: notices\ndata: ${await snapshot()}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/api/check-in') {
      try {
        return json(201, { notice: await checkIn(await readJson(req)) });
      } catch (error) {
        if (error instanceof RequestError) return json(error.status, { error: error.body });
        if (isCancuocError(error)) {
          const status =
            error.code === 'ERR_STAY_ALREADY_QUEUED'
              ? 409
              : error.code.startsWith('ERR_STAY_STORE')
                ? 503
                : 422;
          log(`[desk] check-in refused: ${error.code}`);
          return json(status, { error: fromSdkError(error) });
        }
        throw error;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(
        `[desk] ${req.method} ${req.url?.split('?')[0]} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(
          JSON.stringify({
            error: {
              code: 'INTERNAL',
              message: 'The front desk server failed; the notice may not have been queued',
              messageVi: 'Máy chủ lễ tân gặp lỗi; thông báo có thể chưa được xếp hàng',
            },
          }),
        );
      } else res.end();
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';

  return {
    url: `http://${host}:${port}`,
    server,
    close: async () => {
      clearInterval(poll);
      for (const off of unsubscribe) off();
      for (const res of streams) res.end();
      streams.clear();
      await refreshing;
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
