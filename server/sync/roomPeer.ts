// What a room and its parts need to know about a connection; Connection implements it.
export interface RoomPeer {
  readonly memberId: string;
  /** asked for our "stored durably" acknowledgements (`ack=1`) */
  readonly wantsAcks: boolean;
  /** `handover`: a piece of the plan's state for this peer, exempt from the slow-reader check
   * (the handover is bounded by the plan's size, and was one frame before it came in pieces) */
  send(frame: Uint8Array, handover?: boolean): void;
  close(code: number, reason: string): void;
}
