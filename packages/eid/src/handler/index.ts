/**
 * `@cancuoc/eid/handler`: a framework-neutral VNeID login handler on web-standard
 * `Request`/`Response` with a signed and encrypted session cookie (jose). Runtime-neutral.
 *
 * @packageDocumentation
 */

/** The generic login handler and its session types. */
export {
  createEidHandler,
  type EidHandler,
  type EidHandlerOptions,
  type EidSession,
  type EidSessionIdentity,
} from './create-eid-handler.js';
/** Hono middleware around the handler. */
export { type HonoLikeContext, type HonoLikeMiddleware, toHonoMiddleware } from './to-hono-middleware.js';
