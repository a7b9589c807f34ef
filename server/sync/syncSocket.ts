// The minimal socket the protocol code needs (tldraw's WebSocketMinimal): a `ws` WebSocket fits it,
// and so does a test double, so rooms and connections are tested without a network.
export interface SyncSocket {
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
  /** bytes queued but not yet written to the network */
  readonly bufferedAmount: number;
}
