/**
 * One form POST to the gateway with a per-attempt timeout, bounded retries with exponential
 * backoff and jitter on network failures, timeouts and HTTP 5xx only (a business code in a
 * response body is an answer, never retried), the caller's AbortSignal, and a cap on the size of
 * the body read. Errors never quote the URL (its query string carries the token and the password
 * hash), the body or the form.
 */
import { type CancuocError, fetchText, HttpExchangeError, type TextAnswer } from '@cancuoc/core';
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
    let answer: TextAnswer;
    try {
      answer = await fetchText(
        url,
        { method: 'POST', body: new URLSearchParams(form) },
        {
          fetch: config.fetch,
          timeoutMs: config.timeoutMs,
          maxBytes: config.maxResponseBytes,
          signal,
          skipBody: (status) => status >= 500,
        },
      );
    } catch (error) {
      if (!(error instanceof HttpExchangeError)) throw error;
      if (error.kind === 'aborted') throw abortedError(signal as AbortSignal);
      if (error.kind === 'too-large') {
        throw insuranceError('ERR_INSURANCE_RESPONSE', {
          reason: `larger than ${config.maxResponseBytes} bytes`,
          reasonVi: `lớn hơn ${config.maxResponseBytes} byte`,
        });
      }
      last =
        error.kind === 'timeout'
          ? insuranceError('ERR_INSURANCE_TIMEOUT', { timeoutMs: config.timeoutMs, attempts: attempt + 1 })
          : insuranceError(
              'ERR_INSURANCE_NETWORK',
              { attempts: attempt + 1 },
              { cause: safeCause(error.cause, config.secrets()) },
            );
      continue;
    }
    if (answer.status >= 500) {
      last = insuranceError('ERR_INSURANCE_SERVER', {
        reason: `HTTP ${answer.status}`,
        reasonVi: `HTTP ${answer.status}`,
        status: answer.status,
        attempts: attempt + 1,
      });
      continue;
    }
    return { status: answer.status, text: answer.text };
  }
  throw last ?? insuranceError('ERR_INSURANCE_NETWORK', { attempts });
}
