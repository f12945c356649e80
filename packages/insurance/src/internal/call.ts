/**
 * One authenticated call to a gateway function: the session token, ID token, username and
 * password hash go in the query string (`?token=&id_token=&username=&password=`, the gateway's
 * design: reference notes integrations.md §2.2), the form in the body. A 401 (HTTP status or
 * `maKetQua`) drops the token, renews it once (shared with every other waiting call) and retries
 * once.
 */
import { insuranceError } from '../errors.js';
import { type HttpConfig, postForm } from './http.js';
import { type JsonObject, parseJsonObject } from './json.js';
import type { Session, SessionToken } from './session.js';

/** What a call needs from its client. */
export interface GatewayContext {
  readonly baseUrl: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly http: HttpConfig;
  readonly session: Session;
}

function isUnauthorized(body: JsonObject): boolean {
  const code = body.maKetQua;
  return code === '401' || code === 401;
}

// The query string of a session, built once per token.
const queries = new WeakMap<SessionToken, string>();

function queryOf(context: GatewayContext, token: SessionToken): string {
  let query = queries.get(token);
  if (query === undefined) {
    query = new URLSearchParams({
      token: token.accessToken,
      id_token: token.idToken,
      username: context.username,
      password: context.passwordHash,
    }).toString();
    queries.set(token, query);
  }
  return query;
}

/** POSTs `form` to `path` with the session and returns the JSON object answered. */
export async function callGateway(
  context: GatewayContext,
  path: string,
  form: Readonly<Record<string, string>>,
  signal: AbortSignal | undefined,
): Promise<JsonObject> {
  let token = await context.session.get(signal);
  for (let attempt = 0; ; attempt++) {
    const answer = await postForm(
      context.http,
      `${context.baseUrl}${path}?${queryOf(context, token)}`,
      form,
      signal,
    );
    let body: JsonObject | undefined;
    if (answer.status !== 401) {
      if (answer.status < 200 || answer.status > 299) {
        throw insuranceError('ERR_INSURANCE_HTTP', { status: answer.status });
      }
      body = parseJsonObject(answer.text);
    }
    if (body === undefined || isUnauthorized(body)) {
      if (attempt > 0) {
        throw insuranceError('ERR_INSURANCE_AUTH', {
          gatewayCode: body === undefined ? 'HTTP 401' : '401',
        });
      }
      context.session.invalidate(token);
      token = await context.session.get(signal);
      continue;
    }
    return body;
  }
}
