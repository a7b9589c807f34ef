// One client's sync session on one plan: checks each frame (size, rate, shape, role, the update
// gate's verdict, client-id budgets) and hands it to the room. Talks to the network only through
// SyncSocket, so tests drive it with a test double.
import { checkAuthority } from './authority';
import { CLOSE, type CloseCode } from './closeCodes';
import type { Limits } from '../ops/config';
import type { LogBudget } from './logBudget';
import type { Logger } from '../ops/log';
import type { Metrics } from '../ops/metrics';
import * as protocol from './protocol';
import { REJECTIONS, type Rejection } from './protocol';
import type { Room, RoomPeer } from './room';
import type { MemberRecord } from '../storage/store';
import type { SyncSocket } from './syncSocket';
import { TokenBucket } from './tokenBucket';
import { GATE_REFUSALS, unknownClientsIn, type GateRefusal } from './updateGate';

export type ConnectionLimits = Pick<
  Limits,
  | 'maxMessageBytes'
  | 'messagesPerSecond'
  | 'messageBurst'
  | 'bytesPerSecond'
  | 'maxBufferedBytes'
  | 'firstMessageTimeoutMs'
  | 'presenceUpdatesPerSecond'
  | 'maxNewClientIdsPerUpdate'
  | 'maxNewClientIdsPerMemberPerDay'
>;

/** The server-wide and per-address budget of new client ids a connection draws on. */
export interface ClientIdBudget {
  take(count: number): boolean;
}

export interface ConnectionOptions {
  readonly limits: ConnectionLimits;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly wantsAcks: boolean;
  /** absent: no budget beyond the member's daily one (unit tests) */
  readonly newClientIds?: ClientIdBudget;
  /** shared by every connection of the server; absent: every refusal is logged (unit tests) */
  readonly logBudget?: LogBudget;
  readonly now?: () => number;
}

/** Presence messages saved up per connection, in seconds of `presenceUpdatesPerSecond`. */
const PRESENCE_BURST_SECONDS = 5;

/** How a gate refusal closes the connection: only an update that lacked what came before it can
 * succeed on a reconnect (its sync step 2 brings the rest). */
const GATE_CLOSE: Record<GateRefusal, CloseCode> = {
  [GATE_REFUSALS.malformed]: CLOSE.protocolError,
  [GATE_REFUSALS.missingDependencies]: CLOSE.outOfOrder,
  [GATE_REFUSALS.tooDeep]: CLOSE.updateRefused,
  [GATE_REFUSALS.tooManyStructs]: CLOSE.updateRefused,
  [GATE_REFUSALS.deleteSetTooLarge]: CLOSE.updateRefused,
  [GATE_REFUSALS.tooManyClientIds]: CLOSE.updateRefused,
  [GATE_REFUSALS.subdocument]: CLOSE.updateRefused,
};

/** Told to a viewer whose client tried to edit (y-protocols auth, permission denied). */
export const VIEWER_REASON = 'viewers cannot edit this plan; your changes were not saved';

export class Connection implements RoomPeer {
  readonly memberId: string;
  readonly wantsAcks: boolean;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly presenceUpdates: TokenBucket;
  /** true from start() until the socket closes */
  private open = false;
  private toldViewer = false;
  /** closes a connection that sends nothing at all ([G9]) */
  private idleTimer: NodeJS.Timeout | null = null;

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
    this.presenceUpdates = new TokenBucket(
      limits.presenceUpdatesPerSecond,
      limits.presenceUpdatesPerSecond * PRESENCE_BURST_SECONDS,
    );
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
    this.idleTimer = setTimeout(
      () => this.reject(REJECTIONS.idle, CLOSE.idle, 'nothing sent; reconnect to sync'),
      this.options.limits.firstMessageTimeoutMs,
    );
    this.idleTimer.unref();
    this.room.join(this, this.canEdit);
  }

  /** One frame from the client. Never throws: a bad frame closes only this connection. */
  receive(frame: Uint8Array): void {
    if (!this.open) return;
    this.stopIdleTimer();
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
      if (error instanceof protocol.ProtocolError) {
        return this.reject(error.rejection, error.code, error.message.slice(0, 120));
      }
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
        // throws on garbage before we answer; a giant one would cost a pass per entry ([G5])
        if (
          unknownClientsIn(this.room.doc, message.stateVector) >
          this.options.limits.maxNewClientIdsPerUpdate
        ) {
          throw new protocol.ProtocolError(
            REJECTIONS.stateVectorTooLarge,
            'state vector names too many unknown clients',
          );
        }
        this.room.answerSyncStep1(this, message.stateVector);
        return;
      case 'syncStep2':
      case 'update':
        if (!this.canEdit) return this.refuseViewerEdit(message.update);
        return this.applyUpdate(message.update);
      case 'awareness':
        if (!this.presenceUpdates.take()) {
          throw new protocol.ProtocolError(
            REJECTIONS.rateLimited,
            'presence rate limit exceeded',
            CLOSE.rateLimited,
          );
        }
        this.room.applyAwareness(this, message.update);
        return;
      case 'queryAwareness':
        this.room.answerAwarenessQuery(this);
        return;
    }
  }

  /** Every check before Yjs sees the update ([G1]-[G4], [G8], [S25]); a refused one changes
   * nothing. */
  private applyUpdate(update: Uint8Array): void {
    const verdict = this.room.inspect(update);
    if (!verdict.ok) {
      throw new protocol.ProtocolError(
        verdict.refusal,
        `update refused: ${verdict.refusal}`,
        GATE_CLOSE[verdict.refusal],
      );
    }
    const authority = checkAuthority(this.room.doc, update, {
      isOwner: this.member.role === 'owner',
      organisation: this.member.organisation,
    });
    if (!authority.ok) {
      throw new protocol.ProtocolError(
        REJECTIONS.notPermitted,
        `not permitted: ${authority.detail}`,
        CLOSE.notPermitted,
      );
    }
    const newClientIds = this.room.ledger.unrecorded(verdict.newClientIds);
    if (newClientIds.length > 0) {
      const now = (this.options.now ?? Date.now)();
      const today = this.room.ledger.introducedToday(this.memberId, now);
      if (today + newClientIds.length > this.options.limits.maxNewClientIdsPerMemberPerDay) {
        throw new protocol.ProtocolError(
          REJECTIONS.clientIdBudget,
          'too many new sessions today',
          CLOSE.clientIdBudget,
        );
      }
      if (this.options.newClientIds && !this.options.newClientIds.take(newClientIds.length)) {
        throw new protocol.ProtocolError(
          REJECTIONS.clientIdRate,
          'too many new sessions; retry later',
          CLOSE.rateLimited,
        );
      }
    }
    try {
      this.room.applyUpdate(this, update, newClientIds);
    } catch (error) {
      // Passed the gate but Yjs refused it while applying: the room's memory may be inconsistent.
      this.room.fail(error);
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
    const write = (leftOut: number) =>
      this.options.log.info('connection closed for a bad frame', {
        planId: this.room.planId,
        memberId: this.memberId,
        rejection,
        ...(leftOut > 0 ? { leftOut } : {}),
      });
    if (this.options.logBudget) this.options.logBudget.line(write);
    else write(0);
    this.close(code, reason);
  }

  send(frame: Uint8Array, handover = false): void {
    if (!this.open) return;
    if (!handover && this.socket.bufferedAmount > this.options.limits.maxBufferedBytes) {
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

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** The socket closed (either side). Idempotent. */
  closed(): void {
    if (!this.open) return;
    this.open = false;
    this.stopIdleTimer();
    this.options.metrics.connections.add(-1);
    this.room.leave(this);
  }
}
