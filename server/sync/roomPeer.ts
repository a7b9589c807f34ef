// What a room and its parts need to know about a connection; Connection implements it.
export interface RoomPeer {
  readonly memberId: string;
  /** asked for our "stored durably" acknowledgements (`ack=1`) */
  readonly wantsAcks: boolean;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}
