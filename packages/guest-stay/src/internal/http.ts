/**
 * One HTTP exchange with the accommodation API: injectable `fetch`, a time limit, the caller's
 * abort signal, a size cap on answers, and failures mapped to coded errors that say whether the
 * request may have reached the API. Nothing here puts a URL, header or body into an error: the
 * refresh and revoke endpoints carry tokens in their query strings.
 */
import { fetchText, HttpExchangeError, type TextAnswer } from '@cancuoc/core';
import { stayError } from '../errors.js';

/** What every exchange needs. */
export interface HttpConfig {
  readonly baseUrl: string;
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs: number;
}

/** One request. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal | undefined;
}

/** An answer whose body was read and parsed as JSON (`json` is undefined when it was not JSON). */
export interface HttpAnswer {
  readonly status: number;
  readonly json: unknown;
  readonly isJson: boolean;
}

// Catalogue answers (a province's wards) are the largest: far below this.
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

function causeDetails(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof Error) out.causeName = error.name;
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof code === 'string') out.causeCode = code.slice(0, 40);
  return out;
}

/** Sends one request and reads its answer. */
export async function exchange(config: HttpConfig, request: HttpRequest): Promise<HttpAnswer> {
  const { signal } = request;
  if (signal?.aborted) {
    throw stayError('ERR_STAY_ABORTED', { mayHaveArrived: false, retryable: true });
  }
  const url = new URL(request.path, config.baseUrl);
  for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, v);
  let answer: TextAnswer;
  try {
    answer = await fetchText(
      url,
      {
        method: request.method,
        headers: { accept: 'application/json', ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
        redirect: 'error',
      },
      { fetch: config.fetch, timeoutMs: config.timeoutMs, maxBytes: MAX_ANSWER_BYTES, signal },
    );
  } catch (error) {
    if (!(error instanceof HttpExchangeError)) throw error;
    // Once the request has left, a timeout, an abort or a broken connection leaves the API
    // having received it or not: the caller (the outbox) reconciles.
    switch (error.kind) {
      case 'timeout':
        throw stayError('ERR_STAY_TIMEOUT', {
          timeoutMs: config.timeoutMs,
          mayHaveArrived: true,
          retryable: true,
        });
      case 'aborted':
        throw stayError('ERR_STAY_ABORTED', { mayHaveArrived: true, retryable: true });
      case 'too-large':
        throw stayError('ERR_STAY_RESPONSE', {
          status: error.status,
          reason: 'answer too large',
          mayHaveArrived: (error.status ?? 500) < 300,
          retryable: false,
        });
      default:
        throw stayError('ERR_STAY_NETWORK', {
          mayHaveArrived: true,
          retryable: true,
          ...causeDetails(error.cause),
        });
    }
  }
  const { status, text } = answer;
  try {
    return { status, json: text === '' ? undefined : JSON.parse(text), isJson: text !== '' };
  } catch {
    return { status, json: undefined, isJson: false };
  }
}

/** The body's `code` as a string (`"200"`, `"400"`), when the body is an object that has one. */
export function bodyCode(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const code = (json as { code?: unknown }).code;
  return typeof code === 'string' ? code : typeof code === 'number' ? String(code) : undefined;
}

/** The body's `message` as text, joined when it is an array (capped). */
export function bodyMessage(json: unknown): string {
  if (typeof json !== 'object' || json === null) return '';
  const { message, data } = json as { message?: unknown; data?: unknown };
  const parts: string[] = [];
  if (typeof message === 'string') parts.push(message);
  else if (Array.isArray(message)) parts.push(...message.filter((m): m is string => typeof m === 'string'));
  // Some gateways put the per-item messages in `data` as an array of strings.
  if (Array.isArray(data)) parts.push(...data.filter((m): m is string => typeof m === 'string'));
  return parts.join(',\n').slice(0, 100_000);
}
