/**
 * `@cancuoc/reader/bridge/agent`: the local agent that serves a card reader of this computer to a
 * web page over WebSocket on 127.0.0.1 (Node only; needs the optional peer package `ws`). The page
 * side is `createBridgeTransport` of `@cancuoc/reader/bridge`.
 *
 * @packageDocumentation
 */

/** Start the agent: loopback only, an origin allow-list, a pairing token, one page at a time. */
export {
  type BridgeAgent,
  type BridgeAgentEvent,
  type BridgeAgentOptions,
  type BridgeCard,
  type BridgeRefusal,
  DEFAULT_BRIDGE_PORT,
  startBridgeAgent,
} from './start-bridge-agent.js';
