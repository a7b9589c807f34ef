// WebSocket close codes the server uses. The stock y-websocket provider (3.x, shouldReconnect)
// stops reconnecting on 4400-4499 ("reconnecting cannot fix this", like HTTP 4xx) and retries with
// backoff on everything else, including 4500-4599 ("try again later"). Each code is chosen for the
// reaction it causes in that client.
import { SYNC_CLOSE } from '../../shared/contracts/syncCloseCodes';

export const CLOSE = {
  /** server shutting down or restarting: clients reconnect with backoff */
  goingAway: 1001,
  /** frame larger than the maximum message size (set by ws itself) */
  messageTooBig: 1009,
  /** a frame that cannot be decoded or has an unknown type: a broken or hostile client, do not retry */
  protocolError: 4400,
  /** no token, or a token no member of this plan holds */
  unauthorized: 4401,
  /** the member was revoked, or their invite was */
  forbidden: 4403,
  /** roleChanged (4511, retryable) and notPermitted (4423): the app acts on these */
  ...SYNC_CLOSE,
  /** more connections with one member's token than maxConnectionsPerMember: a person's devices
   * never need that many, so this is a script; retrying would not help until others close */
  tooManyConnections: 4409,
  /** no message within firstMessageTimeoutMs of connecting: the stock provider sends sync step 1
   * at once, so this is a socket held open for nothing; retryable in case it was a stalled client */
  idle: 4504,
  /** an update depends on structs the server lacks (it would sit pending in the plan for ever);
   * retryable: the reconnect's sync step 2 carries what was missing */
  outOfOrder: 4509,
  /** the update gate refused an update (nesting, size, client ids, subdocument): resending the
   * same update cannot succeed, so the provider must not retry */
  updateRefused: 4422,
  /** a presence entry, or one connection's presence, over its size limit; not retried, as the
   * client would send the same state again */
  presenceRefused: 4413,
  /** the member introduced more new client ids (devices, sessions) than a day allows; not retried
   * until the member reloads, since each retry would bring the same ids */
  clientIdBudget: 4429,
  /** the plan could not be loaded or stored right now; retry later (nothing is lost) */
  unavailable: 4503,
  /**
   * the plan's stored data is damaged (storage/integrity.ts): refused, never served smaller, until
   * an administrator runs `repair`; the provider keeps retrying with backoff and is back after it
   */
  damaged: 4510,
  /** the client reads too slowly to follow the plan; it catches up when it reconnects */
  slowClient: 4508,
  /** the connection exceeded its rate limit; it may reconnect after backoff */
  rateLimited: 4529,
} as const;
export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];
