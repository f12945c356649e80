/**
 * `@cancuoc/eid/node`: runs the web-standard login handler in `node:http` and as Express/Connect
 * middleware. Node only.
 *
 * @packageDocumentation
 */

/** Adapter from web-standard handlers to Node listeners and Express middleware. */
export {
  type NodeListener,
  type NodeListenerOptions,
  toNodeListener,
  type WebHandler,
} from './to-node-listener.js';
