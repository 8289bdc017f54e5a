/** @callisto/softphone: the Callisto browser softphone (signalling over WebSocket + WebRTC media). */
export { Softphone } from './softphone.js';
export { openWebSocket, reconnectDelay } from './signalling.js';
export {
  SoftphoneError,
  type ConnectionInfo,
  type ConnectionState,
  type DialOptions,
  type EndedEvent,
  type EndedReason,
  type SoftphoneErrorEvent,
  type SoftphoneEvents,
  type SoftphoneOptions,
} from './types.js';
export type { CallStats, GetUserMedia, PeerConnectionFactory } from './media.js';
export * from './protocol.js';
