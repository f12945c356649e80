/**
 * One form POST to the gateway with a per-attempt timeout, bounded retries with exponential
 * backoff and jitter on network failures, timeouts and HTTP 5xx only (a business code in a
 * response body is an answer, never retried), the caller's AbortSignal, and a cap on the size of
 * the body read. Errors never quote the URL (its query string carries the token and the password
 * hash), the body or the form.
 */
import type { CancuocError } from '@cancuoc/core';
import { type InsuranceErrorCode, insuranceError } from '../errors.js';
import { safeCause } from './redact.js';

/** How requests are made. */
export interface HttpConfig {
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly maxResponseBytes: number;
  /** Values that must never appear in an error (tokens, password hash). */
  readonly secrets: () => readonly string[];
}

/** A response the caller still has to interpret. */
export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
}

type Failure = CancuocError<InsuranceErrorCode>;

/** The error for a cancelled request. */
export function abortedError(signal: AbortSignal): Failure {
  return insuranceError('ERR_INSURANCE_ABORTED', {}, { cause: signal.reason });
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Reads the body as text, refusing more than `max` bytes (a hostile or broken gateway). */
async function readText(response: Response, max: number): Promise<string> {
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > max) {
    await response.body?.cancel().catch(() => {});
    throw new RangeError('too large');
  }
  // A declared length within the limit: let the runtime read it in one go.
  if (declared !== null || !response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw new RangeError('too large');
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * POSTs `form` (`application/x-www-form-urlencoded`) to `url` and returns the status and body of
 * the first answer that is not a 5xx, retrying network failures, timeouts and 5xx answers up to
 * `config.retries` times.
 *
 * @throws CancuocError `ERR_INSURANCE_ABORTED`, `ERR_INSURANCE_TIMEOUT`, `ERR_INSURANCE_NETWORK`,
 *   `ERR_INSURANCE_SERVER` (5xx on every attempt), `ERR_INSURANCE_RESPONSE` (body over the limit).
 */
export async function postForm(
  config: HttpConfig,
  url: string,
  form: Readonly<Record<string, string>>,
  signal?: AbortSignal,
): Promise<HttpAnswer> {
  const attempts = config.retries + 1;
  let last: Failure | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) {
      // Exponential backoff with "equal jitter": half fixed, half random, capped at 5 s.
      const base = Math.min(5000, config.retryDelayMs * 2 ** (attempt - 1));
      await pause(base / 2 + (Math.random() * base) / 2, signal);
    }
    if (signal?.aborted) throw abortedError(signal);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, config.timeoutMs);
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await config.fetch(url, {
        method: 'POST',
        body: new URLSearchParams(form),
        signal: controller.signal,
      });
      if (response.status >= 500) {
        await response.body?.cancel().catch(() => {});
        last = insuranceError('ERR_INSURANCE_SERVER', {
          reason: `HTTP ${response.status}`,
          reasonVi: `HTTP ${response.status}`,
          status: response.status,
          attempts: attempt + 1,
        });
        continue;
      }
      let text: string;
      try {
        text = await readText(response, config.maxResponseBytes);
      } catch (error) {
        if (error instanceof RangeError) {
          throw insuranceError('ERR_INSURANCE_RESPONSE', {
            reason: `larger than ${config.maxResponseBytes} bytes`,
            reasonVi: `lớn hơn ${config.maxResponseBytes} byte`,
          });
        }
        throw error;
      }
      return { status: response.status, text };
    } catch (error) {
      if ((error as { code?: unknown })?.code === 'ERR_INSURANCE_RESPONSE') throw error;
      if (signal?.aborted) throw abortedError(signal);
      last = timedOut
        ? insuranceError('ERR_INSURANCE_TIMEOUT', { timeoutMs: config.timeoutMs, attempts: attempt + 1 })
        : insuranceError(
            'ERR_INSURANCE_NETWORK',
            { attempts: attempt + 1 },
            { cause: safeCause(error, config.secrets()) },
          );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
  throw last ?? insuranceError('ERR_INSURANCE_NETWORK', { attempts });
}
