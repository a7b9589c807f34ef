// WebSocket close codes the server uses. The stock y-websocket provider (3.x, shouldReconnect)
// stops reconnecting on 4400-4499 ("reconnecting cannot fix this", like HTTP 4xx) and retries with
// backoff on everything else, including 4500-4599 ("try again later"). Each code is chosen for the
// reaction it causes in that client.
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
  /** the plan could not be loaded or stored right now; retry later (nothing is lost) */
  unavailable: 4503,
  /** the client reads too slowly to follow the plan; it catches up when it reconnects */
  slowClient: 4508,
  /** the connection exceeded its rate limit; it may reconnect after backoff */
  rateLimited: 4529,
} as const;
export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];
