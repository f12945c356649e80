import type { IncomingMessage, ServerResponse } from 'node:http';

/** A web-standard handler: answers a `Request`, or `undefined` when the path is not its own. */
export type WebHandler = (request: Request) => Promise<Response | undefined> | Response | undefined;

/** A Node listener that also works as Express/Connect middleware (`next` is called for other paths). */
export type NodeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * Trust `X-Forwarded-Proto` and `X-Forwarded-Host` from a reverse proxy (default false). Only
   * enable it behind a proxy that sets them, or clients could forge the origin.
   */
  readonly trustProxy?: boolean;
}

// RFC 9110 §7.2 Host = uri-host [ ":" port ]: a reg-name or an IP literal, nothing else (no
// userinfo, path, spaces). Anything else is answered 400 rather than parsed into some other URL.
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
// Methods a web `Request` cannot carry (Fetch standard: forbidden methods).
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

function first(value: string | string[] | undefined): string {
  return String(Array.isArray(value) ? value[0] : (value ?? ''))
    .split(',')[0]!
    .trim();
}

/** The URL the browser asked for, or `undefined` when the request line or Host is malformed. */
function urlOf(
  req: IncomingMessage & { originalUrl?: string },
  options: NodeListenerOptions,
): URL | undefined {
  const forwardedProto = options.trustProxy ? first(req.headers['x-forwarded-proto']).toLowerCase() : '';
  const forwardedHost = options.trustProxy ? first(req.headers['x-forwarded-host']) : '';
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const proto =
    forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : encrypted ? 'https' : 'http';
  const host = forwardedHost && HOST.test(forwardedHost) ? forwardedHost : (req.headers.host ?? '');
  if (!HOST.test(host)) return undefined;
  // Express rewrites req.url under a mount path; originalUrl keeps what the browser asked for.
  const target = req.originalUrl ?? req.url ?? '/';
  // Origin-form only (RFC 9112 §3.2.1). Concatenated, not resolved: `//evil/x` stays a path here.
  if (!target.startsWith('/')) return undefined;
  try {
    return new URL(`${proto}://${host}${target}`);
  } catch {
    return undefined;
  }
}

/**
 * A body stream that reads the Node request only when pulled: a handler that does not read the
 * body (a path it does not own) leaves it untouched for the next middleware.
 */
function lazyBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Buffer | string> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= req[Symbol.asyncIterator]();
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else
          controller.enqueue(
            typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value),
          );
      },
      async cancel() {
        await iterator?.return?.();
      },
    },
    // highWaterMark 0: nothing is read before someone asks.
    { highWaterMark: 0 },
  );
}

function requestOf(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: lazyBody(req), duplex: 'half' } : {}),
  } as RequestInit);
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.end(response.body ? new Uint8Array(await response.arrayBuffer()) : undefined);
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(text);
}

/**
 * Runs a web-standard handler (such as `createEidHandler(...).handle`) in `node:http`, or as
 * Express/Connect middleware. Paths the handler does not own go to `next`, or get a 404; their
 * request bodies are never read. Requests no web `Request` can represent (a malformed `Host`, a
 * `TRACE` or `CONNECT`) go to `next`, or get a 400/405.
 *
 * @example
 * ```ts
 * const eid = createEidHandler({ client, secret });
 * http.createServer(toNodeListener(eid.handle)).listen(3000); // node:http
 * app.use(toNodeListener(eid.handle));                       // Express
 * ```
 */
export function toNodeListener(handler: WebHandler, options: NodeListenerOptions = {}): NodeListener {
  return (req, res, next) => {
    const method = (req.method ?? 'GET').toUpperCase();
    if (FORBIDDEN_METHODS.has(method)) {
      if (next) return next();
      return plain(res, 405, 'Method Not Allowed\n', { allow: 'GET, HEAD, POST' });
    }
    const url = urlOf(req, options);
    if (!url) {
      if (next) return next();
      return plain(res, 400, 'Bad Request: malformed Host or request target\n');
    }
    void (async () => {
      const response = await handler(requestOf(req, url));
      if (response) return send(response, res);
      if (next) return next();
      res.statusCode = 404;
      res.end();
    })().catch((error: unknown) => {
      if (next) return next(error);
      if (!res.headersSent) plain(res, 500, 'Internal Server Error\n');
      else res.destroy();
    });
  };
}
