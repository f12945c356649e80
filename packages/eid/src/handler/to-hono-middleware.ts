/** The parts of a Hono context the middleware uses (typed structurally: no dependency on hono). */
export interface HonoLikeContext {
  readonly req: { readonly raw: Request };
}

/** A Hono middleware: `(c, next) => Promise<Response | void>`. */
export type HonoLikeMiddleware = (
  c: HonoLikeContext,
  next: () => Promise<void>,
) => Promise<Response | undefined>;

/** Options of {@link toHonoMiddleware}. */
export interface HonoMiddlewareOptions {
  /**
   * Take the scheme and host from `X-Forwarded-Proto` and `X-Forwarded-Host` (default false), as
   * `toNodeListener`'s `trustProxy` does. Only behind a proxy that sets them, or clients could
   * forge the origin. A handler with a configured `origin` does not need it.
   */
  readonly trustProxy?: boolean;
}

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The request as the browser addressed it, from a trusted proxy's forwarding headers. @internal */
export function forwardedRequest(request: Request): Request {
  const first = (name: string) => (request.headers.get(name) ?? '').split(',')[0]?.trim() ?? '';
  const proto = first('x-forwarded-proto').toLowerCase();
  const host = first('x-forwarded-host');
  if (!proto && !host) return request;
  const url = new URL(request.url);
  if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
  if (host && HOST.test(host)) url.host = host;
  if (url.href === request.url) return request;
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : request.body;
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    ...(body ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * Wraps a web-standard handler (such as `createEidHandler(...).handle`) as Hono middleware:
 * the handler's routes are answered, every other request goes on to `next()` untouched.
 *
 * @example
 * ```ts
 * const app = new Hono();
 * app.use(toHonoMiddleware(eid.handle, { trustProxy: true })); // behind a TLS-terminating proxy
 * app.get('/', async (c) => c.text((await eid.getSession(c.req.raw))?.identity.fullName ?? 'anonymous'));
 * ```
 */
export function toHonoMiddleware(
  handler: (request: Request) => Promise<Response | undefined> | Response | undefined,
  options: HonoMiddlewareOptions = {},
): HonoLikeMiddleware {
  return async (c, next) => {
    const response = await handler(options.trustProxy ? forwardedRequest(c.req.raw) : c.req.raw);
    if (response) return response;
    await next();
    return undefined;
  };
}
