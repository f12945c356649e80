/** The parts of a Hono context the middleware uses (typed structurally: no dependency on hono). */
export interface HonoLikeContext {
  readonly req: { readonly raw: Request };
}

/** A Hono middleware: `(c, next) => Promise<Response | void>`. */
export type HonoLikeMiddleware = (
  c: HonoLikeContext,
  next: () => Promise<void>,
) => Promise<Response | undefined>;

/**
 * Wraps a web-standard handler (such as `createEidHandler(...).handle`) as Hono middleware:
 * the handler's routes are answered, every other request goes on to `next()`.
 *
 * @example
 * ```ts
 * const app = new Hono();
 * app.use(toHonoMiddleware(eid.handle));
 * app.get('/', async (c) => c.text((await eid.getSession(c.req.raw))?.identity.fullName ?? 'anonymous'));
 * ```
 */
export function toHonoMiddleware(
  handler: (request: Request) => Promise<Response | undefined> | Response | undefined,
): HonoLikeMiddleware {
  return async (c, next) => {
    const response = await handler(c.req.raw);
    if (response) return response;
    await next();
    return undefined;
  };
}
