/**
 * One HTTP exchange under a time limit, shared by the SDK's clients of remote services (the BHXH
 * gateway, the police accommodation API): injectable `fetch`, the caller's `AbortSignal`, a clock
 * that covers the body as well as the headers, and a cap on how many bytes of an answer are read.
 * Failures come back as an {@link HttpExchangeError} whose `kind` tells the client what happened;
 * each client turns it into its own coded, bilingual error. Nothing here puts the URL, a header or
 * a body into an error: query strings of these services carry tokens and password hashes.
 */

/** Why an exchange failed. */
export type HttpExchangeFailure = 'timeout' | 'aborted' | 'network' | 'too-large';

/**
 * An exchange that did not give a readable answer. `kind` says why; `status` is the HTTP status
 * when the answer's headers had arrived (`too-large`, or a failure while reading the body).
 */
export class HttpExchangeError extends Error {
  readonly kind: HttpExchangeFailure;
  readonly status: number | undefined;

  constructor(kind: HttpExchangeFailure, status: number | undefined, cause?: unknown) {
    super(`HTTP exchange failed: ${kind}`, cause === undefined ? undefined : { cause });
    this.name = 'HttpExchangeError';
    this.kind = kind;
    this.status = status;
  }
}

/** Options of {@link fetchText}. */
export interface FetchTextOptions {
  /** `fetch` to use (default `globalThis.fetch`). */
  readonly fetch?: typeof globalThis.fetch;
  /** Time for the whole exchange, headers and body, in milliseconds. */
  readonly timeoutMs: number;
  /** The most bytes of an answer's body read before giving up with `too-large`. */
  readonly maxBytes: number;
  /** The caller's signal: aborting it ends the exchange with `aborted`. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Statuses whose body is not wanted (say 5xx, about to be retried): it is discarded unread and
   * `text` is empty.
   */
  readonly skipBody?: (status: number) => boolean;
}

/** A readable answer. */
export interface TextAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The body decoded as UTF-8 (malformed sequences become U+FFFD). */
  readonly text: string;
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new HttpExchangeError('too-large', response.status);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new HttpExchangeError('too-large', response.status);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Sends one request and reads its answer as text, within `timeoutMs` and `maxBytes`.
 *
 * @throws HttpExchangeError with `kind` `aborted` (the caller's signal), `timeout`, `network`
 *   (no answer, or the connection broke while reading) or `too-large`.
 * @example
 * ```ts
 * try {
 *   const { status, text } = await fetchText('https://example.test/api', { method: 'GET' }, { timeoutMs: 10_000, maxBytes: 1 << 20 });
 * } catch (e) {
 *   if (e instanceof HttpExchangeError && e.kind === 'timeout') console.warn('the service may have received it');
 * }
 * ```
 */
export async function fetchText(
  url: string | URL,
  init: RequestInit,
  options: FetchTextOptions,
): Promise<TextAnswer> {
  const { signal } = options;
  if (signal?.aborted) throw new HttpExchangeError('aborted', undefined, signal.reason);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let status: number | undefined;
  try {
    const response = await (options.fetch ?? globalThis.fetch)(url, { ...init, signal: controller.signal });
    status = response.status;
    if (options.skipBody?.(status)) {
      await response.body?.cancel().catch(() => {});
      return { status, headers: response.headers, text: '' };
    }
    return { status, headers: response.headers, text: await readCapped(response, options.maxBytes) };
  } catch (error) {
    if (error instanceof HttpExchangeError) throw error;
    if (timedOut) throw new HttpExchangeError('timeout', status, error);
    if (signal?.aborted) throw new HttpExchangeError('aborted', status, signal.reason);
    throw new HttpExchangeError('network', status, error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
