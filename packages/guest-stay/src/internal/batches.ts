/**
 * Sending a list of items to one endpoint of the accommodation API and getting one outcome per
 * item, in order.
 *
 * The API answers a batch with either `code: "200"` (every item stored) or `code: "400"` with a
 * message per failing item (`Bản khai báo N: …`). The guide does not say whether the other items
 * of a refused batch were stored; the simulator in `@cancuoc/testkit` stores none of them (all or
 * nothing). This client therefore re-sends, in a further request, the items the answer did not
 * name, until each item has its own outcome: if the real API had stored them after all, the
 * re-send is answered as a duplicate, which confirms the acceptance, so either reading is safe.
 * Items with the same document never go in one request (the API refuses the second), so a
 * duplicate answer can only mean a stay stored by an earlier request.
 */
import { isCancuocError } from '@cancuoc/core';
import { type GuestStayErrorCode, stayError } from '../errors.js';
import { parseBusinessErrors } from './api-messages.js';
import { bodyCode, bodyMessage, exchange, type HttpAnswer, type HttpConfig } from './http.js';
import type { TokenManager } from './token-manager.js';

/** The messages naming one item, or none when it was stored. */
export type ItemOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly messages: readonly string[] };

/** What one call needs. */
export interface BatchContext {
  readonly http: HttpConfig;
  readonly tokens: TokenManager;
  readonly signal?: AbortSignal | undefined;
  /** Document numbers of the items, to mask them in errors. */
  readonly secrets: readonly string[];
  readonly redact: (message: string) => string;
}

/**
 * Posts `items` to `path`, in as many requests as needed, and returns one outcome per item.
 * `groupKey` gives the document of an item: two items of one key never share a request.
 */
export async function sendInBatches(
  ctx: BatchContext,
  path: string,
  items: readonly unknown[],
  groupKey: (index: number) => string,
): Promise<ItemOutcome[]> {
  const outcomes: (ItemOutcome | undefined)[] = new Array(items.length).fill(undefined);
  let pending = items.map((_, i) => i);
  while (pending.length > 0) {
    const round: number[] = [];
    const later: number[] = [];
    const keys = new Set<string>();
    for (const i of pending) {
      const key = groupKey(i);
      if (keys.has(key)) later.push(i);
      else {
        keys.add(key);
        round.push(i);
      }
    }
    const answer = await post(
      ctx,
      path,
      round.map((i) => items[i]),
    );
    if (answer === 'ok') {
      for (const i of round) outcomes[i] = { ok: true };
      pending = later;
      continue;
    }
    const { byItem, unattributed } = parseBusinessErrors(answer, round.length);
    if (byItem.size === 0) {
      throw stayError('ERR_STAY_REFUSED', {
        apiMessage: ctx.redact(unattributed.join('; ') || answer),
        mayHaveArrived: false,
        retryable: false,
      });
    }
    const unnamed: number[] = [];
    round.forEach((itemIndex, position) => {
      const messages = byItem.get(position);
      if (messages) outcomes[itemIndex] = { ok: false, messages };
      else unnamed.push(itemIndex);
    });
    pending = [...unnamed, ...later];
  }
  return outcomes as ItemOutcome[];
}

/**
 * An access token for a submission. A failure while logging in or refreshing happened before any
 * notice was sent: it is re-raised with `mayHaveArrived: false` (and `phase: 'token'`), so that a
 * timeout of the token endpoint is not mistaken for a notice that may have arrived.
 */
async function tokenFor(ctx: BatchContext): Promise<string> {
  try {
    return await ctx.tokens.accessToken();
  } catch (error) {
    if (isCancuocError(error) && error.details.mayHaveArrived === true) {
      throw stayError(error.code as GuestStayErrorCode, {
        ...error.details,
        mayHaveArrived: false,
        phase: 'token',
      });
    }
    throw error;
  }
}

/** One authenticated POST: `'ok'`, or the business-error message. Other failures throw. */
async function post(ctx: BatchContext, path: string, body: readonly unknown[]): Promise<'ok' | string> {
  const text = JSON.stringify(body);
  let answer: HttpAnswer | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = await tokenFor(ctx);
    answer = await exchange(ctx.http, {
      method: 'POST',
      path,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: text,
      signal: ctx.signal,
    });
    const code = bodyCode(answer.json);
    // An expired or revoked token: nothing was stored; refresh (or log in) and send once more.
    if (answer.status === 401 || code === '401') {
      ctx.tokens.invalidate(token);
      continue;
    }
    break;
  }
  const { status, json, isJson } = answer!;
  const code = bodyCode(json);
  if (status === 401 || code === '401') {
    throw stayError('ERR_STAY_AUTH', { status, mayHaveArrived: false, retryable: false });
  }
  if (status === 403) throw stayError('ERR_STAY_AUTH', { status, mayHaveArrived: false, retryable: false });
  if (status >= 500) {
    // A gateway timeout (502/504) may hide a request the API processed.
    const mayHaveArrived = status === 502 || status === 504;
    throw stayError('ERR_STAY_SERVER', { status, mayHaveArrived, retryable: true });
  }
  if (status === 429) throw stayError('ERR_STAY_HTTP', { status, mayHaveArrived: false, retryable: true });
  if (!isJson || code === undefined) {
    // A 2xx answer nobody can read might follow a stored batch.
    const ok = status >= 200 && status < 300;
    if (!ok && status !== 400)
      throw stayError('ERR_STAY_HTTP', { status, mayHaveArrived: false, retryable: false });
    throw stayError('ERR_STAY_RESPONSE', {
      status,
      reason: isJson ? 'no code in the answer' : 'not JSON',
      mayHaveArrived: ok,
      retryable: ok,
    });
  }
  if (code === '200' && status >= 200 && status < 300) return 'ok';
  if (code === '400' && (status === 200 || status === 400)) {
    const message = bodyMessage(json);
    if (message === '') {
      throw stayError('ERR_STAY_RESPONSE', {
        status,
        reason: 'business error without a message',
        mayHaveArrived: false,
        retryable: false,
      });
    }
    return message;
  }
  if (code.startsWith('5'))
    throw stayError('ERR_STAY_SERVER', { status, mayHaveArrived: false, retryable: true });
  throw stayError('ERR_STAY_RESPONSE', {
    status,
    reason: `unexpected code ${code.slice(0, 8)}`,
    mayHaveArrived: status >= 200 && status < 300,
    retryable: false,
  });
}
