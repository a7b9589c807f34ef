// One client's sync session on one plan: checks each frame (size, rate, shape, role) and hands it to
// the room. Talks to the network only through SyncSocket, so tests drive it with a test double.
import * as Y from 'yjs';
import { CLOSE } from './closeCodes';
import type { Logger } from '../ops/log';
import type { Metrics } from '../ops/metrics';
import * as protocol from './protocol';
import { REJECTIONS, type Rejection } from './protocol';
import type { Room, RoomPeer } from './room';
import type { MemberRecord } from '../storage/store';
import type { SyncSocket } from './syncSocket';
import { TokenBucket } from './tokenBucket';

export interface ConnectionLimits {
  readonly maxMessageBytes: number;
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  readonly bytesPerSecond: number;
  readonly maxBufferedBytes: number;
}

export interface ConnectionOptions {
  readonly limits: ConnectionLimits;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly wantsAcks: boolean;
}

/** Told to a viewer whose client tried to edit (y-protocols auth, permission denied). */
export const VIEWER_REASON = 'viewers cannot edit this plan; your changes were not saved';

export class Connection implements RoomPeer {
  readonly memberId: string;
  readonly wantsAcks: boolean;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  /** true from start() until the socket closes */
  private open = false;
  private toldViewer = false;

  constructor(
    private readonly socket: SyncSocket,
    readonly member: MemberRecord,
    readonly room: Room,
    private readonly options: ConnectionOptions,
  ) {
    this.memberId = member.id;
    this.wantsAcks = options.wantsAcks;
    const { limits } = options;
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.maxMessageBytes * 2);
  }

  get canEdit(): boolean {
    return this.member.role !== 'viewer';
  }

  get isOpen(): boolean {
    return this.open;
  }

  start(): void {
    if (this.open) return;
    this.open = true;
    this.options.metrics.connections.add(1);
    this.room.join(this, this.canEdit);
  }

  /** One frame from the client. Never throws: a bad frame closes only this connection. */
  receive(frame: Uint8Array): void {
    if (!this.open) return;
    const { metrics } = this.options;
    metrics.messagesReceived.add(1);
    metrics.bytesReceived.add(frame.length);
    if (frame.length > this.options.limits.maxMessageBytes) {
      return this.reject(REJECTIONS.oversized, CLOSE.messageTooBig, 'message too big');
    }
    if (!this.messages.take() || !this.bytes.take(frame.length)) {
      return this.reject(REJECTIONS.rateLimited, CLOSE.rateLimited, 'rate limit exceeded');
    }
    let message: protocol.ClientMessage;
    try {
      message = protocol.decodeClientMessage(frame);
    } catch (error) {
      const rejection =
        error instanceof protocol.ProtocolError ? error.rejection : REJECTIONS.malformed;
      return this.reject(rejection, CLOSE.protocolError, 'malformed message');
    }
    try {
      this.handle(message);
    } catch (error) {
      this.options.log.warn('frame refused', {
        planId: this.room.planId,
        memberId: this.memberId,
        error,
      });
      this.reject(REJECTIONS.malformed, CLOSE.protocolError, 'malformed message');
    }
  }

  private handle(message: protocol.ClientMessage): void {
    switch (message.kind) {
      case 'syncStep1':
        Y.decodeStateVector(message.stateVector); // throws on garbage before we answer
        this.room.answerSyncStep1(this, message.stateVector);
        return;
      case 'syncStep2':
      case 'update':
        if (!this.canEdit) return this.refuseViewerEdit(message.update);
        // Decode fully first: Yjs could otherwise throw halfway through applying garbage.
        Y.decodeUpdate(message.update);
        try {
          this.room.applyUpdate(this, message.update);
        } catch (error) {
          // Decoded but Yjs refused it while applying: the room's memory may be inconsistent.
          this.room.fail(error);
        }
        return;
      case 'awareness':
        this.room.applyAwareness(this, message.update);
        return;
      case 'queryAwareness':
        this.room.answerAwarenessQuery(this);
        return;
    }
  }

  private refuseViewerEdit(update: Uint8Array): void {
    // A viewer's client answers sync messages with an empty update; that is not an edit.
    if (protocol.isEmptyUpdate(update)) return;
    this.options.metrics.rejected.add(1, { reason: REJECTIONS.viewerEdit });
    // Told once per connection: a client that keeps editing gets no echo flood.
    if (!this.toldViewer) {
      this.toldViewer = true;
      this.send(protocol.encodePermissionDenied(VIEWER_REASON));
    }
  }

  private reject(rejection: Rejection, code: number, reason: string): void {
    this.options.metrics.rejected.add(1, { reason: rejection });
    this.options.log.info('connection closed for a bad frame', {
      planId: this.room.planId,
      memberId: this.memberId,
      rejection,
    });
    this.close(code, reason);
  }

  send(frame: Uint8Array): void {
    if (!this.open) return;
    if (this.socket.bufferedAmount > this.options.limits.maxBufferedBytes) {
      this.options.metrics.rejected.add(1, { reason: REJECTIONS.slowClient });
      this.close(CLOSE.slowClient, 'too slow to keep up; reconnect to catch up');
      return;
    }
    this.options.metrics.bytesSent.add(frame.length);
    this.socket.send(frame);
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
    this.closed();
  }

  /** The socket closed (either side). Idempotent. */
  closed(): void {
    if (!this.open) return;
    this.open = false;
    this.options.metrics.connections.add(-1);
    this.room.leave(this);
  }
}
