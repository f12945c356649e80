import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

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

function requestOf(req: IncomingMessage & { originalUrl?: string }, options: NodeListenerOptions): Request {
  const forwardedProto = options.trustProxy
    ? String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  const forwardedHost = options.trustProxy
    ? String(req.headers['x-forwarded-host'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const proto = forwardedProto || (encrypted ? 'https' : 'http');
  const host = forwardedHost || req.headers.host || 'localhost';
  // Express rewrites req.url under a mount path; originalUrl keeps what the browser asked for.
  const url = new URL(req.originalUrl ?? req.url ?? '/', `${proto}://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
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

/**
 * Runs a web-standard handler (such as `createEidHandler(...).handle`) in `node:http`, or as
 * Express/Connect middleware. Paths the handler does not own go to `next`, or get a 404.
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
    void (async () => {
      const response = await handler(requestOf(req, options));
      if (response) return send(response, res);
      if (next) return next();
      res.statusCode = 404;
      res.end();
    })().catch((error: unknown) => {
      if (next) return next(error);
      res.statusCode = 500;
      res.end();
    });
  };
}
