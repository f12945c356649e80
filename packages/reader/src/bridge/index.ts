/**
 * `@cancuoc/reader/bridge`: a `Transport` for web pages that talks to the local card reader
 * agent (`@cancuoc/reader/bridge/agent`) over WebSocket, so `readCard` runs in the page while the
 * USB reader stays with the computer's PC/SC stack (WebUSB refuses the smart-card class).
 * Runtime-neutral: it needs only the standard `WebSocket`.
 *
 * @packageDocumentation
 */

/** The wire protocol between the page and the agent: versioned JSON messages. */
export {
  BRIDGE_CLOSE_CODES,
  BRIDGE_PROTOCOL_VERSION,
  type BridgeAgentMessage,
  type BridgeClientMessage,
  type BridgeFailure,
  DEFAULT_BRIDGE_MAX_MESSAGE_BYTES,
  encodeBridgeMessage,
  parseBridgeAgentMessage,
  parseBridgeClientMessage,
} from './bridge-protocol.js';
/** Connect a page to the local agent and get a transport for `readCard`. */
export {
  type BridgeSocket,
  type BridgeSocketConstructor,
  type BridgeTransport,
  type BridgeTransportOptions,
  createBridgeTransport,
} from './create-bridge-transport.js';
