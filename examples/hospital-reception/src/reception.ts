/**
 * The hospital reception service (node:http): the page and its script (bundled with esbuild when
 * the service starts), the QR decoder's WebAssembly served from here, and a small JSON API:
 *
 * - `GET  /api/info`   facility, staff, the sample patients (demo mode)
 * - `POST /api/qr`     `{ text }` of a card QR decoded in the browser → patient + insurance verdict
 * - `POST /api/chip`   `{ card }` the software card on the reader → read, verify (passive
 *                      authentication), then patient + insurance verdict
 *
 * Card data is used only after it is verified: a chip read whose passive authentication fails is
 * refused before anything is sent to the gateway. Nothing with a full ID number leaves the server
 * or reaches the log: the patient is shown and logged with masked numbers.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDg2, type TrustStore, toCardData, verifyCard } from '@cancuoc/chip';
import { formatPartialDate, isCancuocError, maskId, type PartialDate, toBase64 } from '@cancuoc/core';
import {
  type CardCheckResult,
  type InsuranceClient,
  type InsuranceQuery,
  insuranceQueryFrom,
} from '@cancuoc/insurance';
import { readIdentityQr } from '@cancuoc/qr';
import { readQrDecoderWasm } from '@cancuoc/qr/image';
import { readCard } from '@cancuoc/reader';
import { createSimulatedCard, type TestCard } from '@cancuoc/testkit';
import { bundleForBrowser } from '@cancuoc/testkit/browser';
import type { CheckResponse, ErrorView, PatientView, ReceptionInfo, VerdictView } from './shared.js';

/** Options of {@link startReception}. */
export interface ReceptionOptions {
  /** The BHXH gateway client (`createInsuranceClient`). */
  readonly insurance: InsuranceClient;
  /** Trust anchors of passive authentication (the test CSCA in demo mode; the ICAO master list in production). */
  readonly trust: TrustStore;
  /** Software chip cards that can be "put on the reader", by sample key (demo mode). */
  readonly cards: ReadonlyMap<string, TestCard>;
  readonly info: Omit<ReceptionInfo, 'samples'> & { readonly samples: ReceptionInfo['samples'] };
  /** PNG photos of sample QR codes, by path (`/samples/insured.png`). */
  readonly files?: ReadonlyMap<string, Uint8Array>;
  readonly port?: number;
  readonly host?: string;
  /** Where log lines go (default `console.log`); they never carry a full ID number. */
  readonly log?: (line: string) => void;
}

/** A running reception service. */
export interface Reception {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const MAX_BODY = 16 * 1024;

const date = (d: PartialDate | undefined): string | undefined =>
  d ? formatPartialDate(d, 'dd/MM/yyyy') : undefined;

function compact<T extends object>(value: Record<string, unknown>): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value as T;
}

function verdictView(result: CardCheckResult): VerdictView {
  const card = result.card;
  const newCard = card?.newCard;
  return compact<VerdictView>({
    code: result.code,
    outcome: result.outcome,
    messageVi: result.messageVi,
    message: result.message,
    adviceVi: result.adviceVi,
    advice: result.advice,
    note: result.note,
    card: card
      ? compact({
          maskedCardCode: card.cardCode ? maskId(card.cardCode) : undefined,
          fullName: card.fullName,
          dateOfBirth: card.dateOfBirth ? formatPartialDate(card.dateOfBirth, 'dd/MM/yyyy') : undefined,
          validFrom: date(card.validFrom),
          validTo: date(card.validTo),
          primaryCareFacility: card.primaryCareFacility?.code,
          fiveYearDate: date(card.fiveYearDate),
          newCard: newCard
            ? compact({
                maskedCardCode: maskId(newCard.cardCode),
                validFrom: date(newCard.validFrom),
                validTo: date(newCard.validTo),
              })
            : undefined,
        })
      : undefined,
  });
}

function errorView(error: unknown): ErrorView {
  if (isCancuocError(error)) return { code: error.code, message: error.message, messageVi: error.messageVi };
  return { code: 'INTERNAL', message: 'Unexpected error', messageVi: 'Lỗi không xác định' };
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly view: ErrorView,
  ) {
    super(view.message);
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) {
      throw new RequestError(413, {
        code: 'TOO_LARGE',
        message: 'Request too large',
        messageVi: 'Yêu cầu quá lớn',
      });
    }
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {}
  throw new RequestError(400, {
    code: 'BAD_REQUEST',
    message: 'Expected a JSON object',
    messageVi: 'Cần dữ liệu JSON',
  });
}

/**
 * Starts the reception service on `host:port` (default 127.0.0.1, a free port).
 *
 * @example
 * ```ts
 * const reception = await startReception({ insurance, trust, cards, info });
 * console.log(reception.url);
 * ```
 */
export async function startReception(options: ReceptionOptions): Promise<Reception> {
  const log = options.log ?? ((line: string) => console.log(line));
  const [script, wasm, html, css] = await Promise.all([
    bundleForBrowser({ entryPoint: `${here}/page/app.ts`, minify: true }),
    readQrDecoderWasm(),
    readFile(`${here}/page/index.html`),
    readFile(`${here}/page/app.css`),
  ]);
  const statics = new Map<string, { type: string; body: Uint8Array }>([
    ['/', { type: 'text/html; charset=utf-8', body: html }],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: script }],
    ['/app.css', { type: 'text/css; charset=utf-8', body: css }],
    ['/zxing_reader.wasm', { type: 'application/wasm', body: wasm }],
  ]);
  for (const [path, body] of options.files ?? []) statics.set(path, { type: 'image/png', body });

  async function check(
    query: InsuranceQuery,
    label: string,
  ): Promise<{ verdict?: VerdictView; error?: ErrorView; ms: number }> {
    const started = performance.now();
    try {
      const result = await options.insurance.checkCard(query, { signal: AbortSignal.timeout(20_000) });
      log(`[bhyt] ${label} → ${result.code} ${result.outcome}`);
      return { verdict: verdictView(result), ms: performance.now() - started };
    } catch (error) {
      log(`[bhyt] ${label} → ${isCancuocError(error) ? error.code : 'error'}`);
      return { error: errorView(error), ms: performance.now() - started };
    }
  }

  async function fromQr(body: Record<string, unknown>): Promise<CheckResponse> {
    if (typeof body.text !== 'string' || body.text.length === 0 || body.text.length > 4096) {
      throw new RequestError(400, {
        code: 'BAD_REQUEST',
        message: 'Missing QR text',
        messageVi: 'Thiếu nội dung mã QR',
      });
    }
    // The browser decoded the image; the text is parsed here again, never trusted as structure.
    let scan: ReturnType<typeof readIdentityQr>;
    try {
      scan = readIdentityQr(body.text);
    } catch (error) {
      return { error: errorView(error) };
    }
    const fields = scan.kind === 'card' ? scan.card : scan.insurance;
    const patient = compact<PatientView>({
      source: scan.kind === 'card' ? 'qr-card' : 'qr-insurance',
      fullName: fields.fullName,
      maskedId: scan.kind === 'card' ? maskId(scan.card.personalId) : undefined,
      maskedCardCode: scan.kind === 'insurance' ? maskId(scan.insurance.cardCode) : undefined,
      dateOfBirth: formatPartialDate(fields.dateOfBirth, 'dd/MM/yyyy'),
      sex: fields.sex,
    });
    const label = `${patient.source} ${patient.maskedId ?? patient.maskedCardCode}`;
    const { verdict, error, ms } = await check(insuranceQueryFrom(scan), label);
    return compact<CheckResponse>({ patient, verdict, error, timings: { checkMs: Math.round(ms) } });
  }

  async function fromChip(body: Record<string, unknown>): Promise<CheckResponse> {
    const card = typeof body.card === 'string' ? options.cards.get(body.card) : undefined;
    if (!card) {
      return {
        error: {
          code: 'NO_CARD',
          message: 'No card on the reader',
          messageVi: 'Chưa có thẻ trên đầu đọc',
        },
      };
    }
    const started = performance.now();
    // The software card stands in for a USB reader: the same readCard talks to a PC/SC transport.
    const chip = createSimulatedCard({
      files: card.files,
      mrz: card.mrz,
      can: card.can,
      keys: { chipAuthentication: card.keys.ca, activeAuthentication: card.keys.aa },
    });
    let read: Awaited<ReturnType<typeof readCard>>;
    try {
      // A software card computes its cryptography on this machine's CPU: allow it more time per APDU
      // than the 5 s a USB reader gets by default.
      read = await readCard(chip, { access: { can: card.can }, timeoutMs: 30_000 });
    } catch (error) {
      return { error: errorView(error) };
    }
    // One verdict first (passive authentication and the chip's proof that it is not a copy):
    // unverified card data is never used.
    const report = await verifyCard({ ...read, trust: options.trust });
    if (!report.genuine) {
      log(`[chip] card not genuine: ${report.reasons.join(', ')}`);
      return {
        error: {
          code: 'CARD_NOT_VERIFIED',
          message:
            'The card could not be verified (its data or its chip is not genuine); its data is not used',
          messageVi:
            'Không xác thực được thẻ (dữ liệu hoặc chip không phải bản gốc); dữ liệu không được sử dụng',
        },
      };
    }
    const data = toCardData({ dataGroups: read.dataGroups });
    const dg2 = read.dataGroups[2];
    const face = dg2 ? parseDg2(dg2).faces[0] : undefined;
    const readMs = performance.now() - started;
    const patient = compact<PatientView>({
      source: 'chip',
      fullName: data.fullName,
      maskedId: maskId(data.personalId),
      dateOfBirth: formatPartialDate(data.dateOfBirth, 'dd/MM/yyyy'),
      sex: data.sex,
      verified: true,
      face: face ? `data:${face.mimeType};base64,${toBase64(face.image)}` : undefined,
    });
    const { verdict, error, ms } = await check(insuranceQueryFrom(data), `chip ${patient.maskedId}`);
    return compact<CheckResponse>({
      patient,
      verdict,
      error,
      timings: { readMs: Math.round(readMs), checkMs: Math.round(ms) },
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, value: unknown): void => {
      const text = JSON.stringify(value);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(text);
    };
    if (req.method === 'GET') {
      const file = statics.get(url.pathname);
      if (file) {
        res.writeHead(200, {
          'content-type': file.type,
          'x-content-type-options': 'nosniff',
          ...(url.pathname === '/'
            ? {
                'content-security-policy':
                  "default-src 'self'; img-src 'self' data: blob:; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
              }
            : {}),
        });
        res.end(file.body);
        return;
      }
      if (url.pathname === '/api/info') return send(200, options.info);
      return send(404, { error: { code: 'NOT_FOUND', message: 'Not found', messageVi: 'Không tìm thấy' } });
    }
    if (req.method === 'POST' && (url.pathname === '/api/qr' || url.pathname === '/api/chip')) {
      const body = await readJson(req);
      return send(200, url.pathname === '/api/qr' ? await fromQr(body) : await fromChip(body));
    }
    send(405, {
      error: { code: 'METHOD', message: 'Method not allowed', messageVi: 'Phương thức không hỗ trợ' },
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      const status = error instanceof RequestError ? error.status : 500;
      const view = error instanceof RequestError ? error.view : errorView(error);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: view }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
