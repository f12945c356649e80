/**
 * One HTTP exchange with the accommodation API: injectable `fetch`, a time limit, the caller's
 * abort signal, a size cap on answers, and failures mapped to coded errors that say whether the
 * request may have reached the API. Nothing here puts a URL, header or body into an error: the
 * refresh and revoke endpoints carry tokens in their query strings.
 */
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
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let sent = false;
  const failure = (error: unknown) => {
    if (timedOut) {
      return stayError('ERR_STAY_TIMEOUT', {
        timeoutMs: config.timeoutMs,
        mayHaveArrived: true,
        retryable: true,
      });
    }
    if (signal?.aborted) return stayError('ERR_STAY_ABORTED', { mayHaveArrived: sent, retryable: true });
    return stayError('ERR_STAY_NETWORK', { mayHaveArrived: true, retryable: true, ...causeDetails(error) });
  };
  try {
    let response: Response;
    try {
      sent = true;
      response = await config.fetch(url, {
        method: request.method,
        headers: { accept: 'application/json', ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: controller.signal,
        redirect: 'error',
      });
    } catch (error) {
      throw failure(error);
    }
    let text: string;
    try {
      text = await readCapped(response);
    } catch (error) {
      if ((error as { tooLarge?: boolean }).tooLarge) {
        throw stayError('ERR_STAY_RESPONSE', {
          status: response.status,
          reason: 'answer too large',
          mayHaveArrived: response.status < 300,
          retryable: false,
        });
      }
      throw failure(error);
    }
    try {
      return {
        status: response.status,
        json: text === '' ? undefined : JSON.parse(text),
        isJson: text !== '',
      };
    } catch {
      return { status: response.status, json: undefined, isJson: false };
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

async function readCapped(response: Response): Promise<string> {
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_ANSWER_BYTES) {
    await response.body?.cancel().catch(() => {});
    throw Object.assign(new Error('too large'), { tooLarge: true });
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => {});
      throw Object.assign(new Error('too large'), { tooLarge: true });
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(all);
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
