// The sync endpoint: `/sync/:planId?token=…` upgrades to a WebSocket speaking the y-websocket
// protocol. Everything is decided at the HTTP upgrade, before any sync message: admission
// (admission.ts: floods and reconnect storms), per-address, per-member and per-plan limits, the
// member's token, and loading the plan.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { planIdOfSyncPath } from '../../shared/contracts/apiPaths';
import type { Limits } from '../ops/config';
import { Admission } from './admission';
import { CLOSE } from './closeCodes';
import { DAMAGED_REASON, DamagedPlanError } from '../storage/integrity';
import { Connection } from './connection';
import { LogBudget } from './logBudget';
import type { Logger } from '../ops/log';
import { memberForToken } from '../identity/members';
import type { Metrics } from '../ops/metrics';
import { REJECTIONS } from './protocol';
import type { Room } from './room';
import type { Rooms } from './rooms';
import type { MemberRecord, MembershipStore } from '../storage/store';

/** A dead peer (no pong) is dropped after one ping interval, like the reference server. */
const PING_INTERVAL_MS = 30_000;
/** Seconds a refused client is asked to wait (HTTP Retry-After) when the server is busy. */
const RETRY_AFTER_SECONDS = 2;

export interface SyncEndpointOptions {
  readonly store: MembershipStore;
  readonly rooms: Rooms;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly limits: Limits;
}

export class SyncEndpoint {
  private readonly wss: WebSocketServer;
  private readonly admission: Admission;
  /** refusals and bad frames are logged within a budget: a flood must not become a log flood */
  private readonly logBudget = new LogBudget();
  private readonly alive = new WeakSet<WebSocket>();
  private readonly pinger: NodeJS.Timeout;
  private accepting = true;

  constructor(private readonly options: SyncEndpointOptions) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.limits.maxMessageBytes,
      // Compression costs CPU per recipient on every broadcast; Yjs updates are already compact.
      perMessageDeflate: false,
    });
    this.admission = new Admission(options.limits);
    this.pinger = setInterval(() => this.ping(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  /** For the HTTP server's 'upgrade' event. Never throws. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    this.upgrade(request, socket, head).catch((error: unknown) => {
      this.options.log.error('upgrade failed', { error });
      this.refuseHttp(socket, 500, 'internal');
    });
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { limits, rooms } = this.options;
    const url = new URL(request.url ?? '/', 'http://localhost');
    // A bad plan id is refused here, before it reaches storage.
    const planId = planIdOfSyncPath(url.pathname);
    if (!planId) return this.refuseHttp(socket, 404, 'not_found');
    if (!this.accepting) return this.refuseHttp(socket, 503, 'shutting_down');
    // Admission control: a reconnect storm or a flood is spread out by asking the excess to retry
    // (the provider backs off exponentially with jitter), instead of loading everyone at once.
    const address = request.socket.remoteAddress ?? 'unknown';
    const arrived = this.admission.arrive(address);
    if (typeof arrived !== 'function') {
      return this.refuseHttp(socket, arrived.status, arrived.reason);
    }
    const leaveMember: (() => void)[] = [];
    const uncount = () => {
      arrived();
      for (const leave of leaveMember.splice(0)) leave();
    };
    socket.once('close', uncount);

    const token = url.searchParams.get('token');
    const member = token ? await memberForToken(this.options.store, planId, token) : undefined;
    if (!member) {
      return this.refuseSocket(
        request,
        socket,
        head,
        CLOSE.unauthorized,
        'invalid token',
        'unauthorized',
      );
    }
    if (member.revokedAt !== null) {
      return this.refuseSocket(
        request,
        socket,
        head,
        CLOSE.forbidden,
        'membership revoked',
        'revoked',
      );
    }
    const leave = this.admission.member(member.id);
    if (!leave) {
      return this.refuseSocket(
        request,
        socket,
        head,
        CLOSE.tooManyConnections,
        'too many connections with this token',
        'too_many_for_member',
      );
    }
    leaveMember.push(leave);
    if (rooms.users(planId) >= limits.maxConnectionsPerPlan) {
      return this.refuseHttp(socket, 503, 'plan_full');
    }
    let room: Room;
    try {
      room = await rooms.acquire(planId);
    } catch (error) {
      if (error instanceof DamagedPlanError) {
        return this.refuseSocket(request, socket, head, CLOSE.damaged, DAMAGED_REASON, 'damaged');
      }
      return this.refuseSocket(
        request,
        socket,
        head,
        CLOSE.unavailable,
        'plan could not be loaded; retrying',
        'load_failed',
      );
    }
    if (socket.destroyed || !this.accepting) {
      rooms.release(room);
      return;
    }
    // Revoked while the plan was loading?
    const current = await memberForToken(this.options.store, planId, token ?? '');
    if (!current || current.revokedAt !== null) {
      rooms.release(room);
      return this.refuseSocket(
        request,
        socket,
        head,
        CLOSE.forbidden,
        'membership revoked',
        'revoked',
      );
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      this.attach(ws, current, room, url.searchParams.get('ack') === '1', uncount, address);
    });
  }

  private attach(
    ws: WebSocket,
    member: MemberRecord,
    room: Room,
    wantsAcks: boolean,
    uncount: () => void,
    address: string,
  ): void {
    const { metrics, log, limits, rooms } = this.options;
    this.alive.add(ws);
    const connection = new Connection(
      {
        send: (frame) => ws.send(frame),
        close: (code, reason) => ws.close(code, reason),
        get bufferedAmount() {
          return ws.bufferedAmount;
        },
      },
      member,
      room,
      {
        limits,
        metrics,
        log,
        wantsAcks,
        newClientIds: this.admission.clientIdBudget(address),
        logBudget: this.logBudget,
      },
    );
    ws.on('pong', () => this.alive.add(ws));
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        metrics.rejected.add(1, { reason: REJECTIONS.malformed });
        connection.close(CLOSE.protocolError, 'text frames are not part of the protocol');
        return;
      }
      connection.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    ws.on('error', (error: Error & { code?: string }) => {
      // ws closes the socket itself (1009 for oversized frames, 1002 for broken framing)
      const reason =
        error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
          ? REJECTIONS.oversized
          : REJECTIONS.malformed;
      metrics.rejected.add(1, { reason });
      this.logBudget.line((leftOut) =>
        log.info('socket error', { planId: room.planId, memberId: member.id, reason, leftOut }),
      );
    });
    ws.on('close', () => {
      connection.closed();
      rooms.release(room);
      uncount();
    });
    if (room.isFailed) {
      ws.close(CLOSE.unavailable, 'plan storage failed; retrying');
      return;
    }
    connection.start();
    log.debug('connected', { planId: room.planId, memberId: member.id, role: member.role });
  }

  /** Refuses before the upgrade: cheap, for load shedding; the client retries with backoff. */
  private refuseHttp(socket: Duplex, status: number, reason: string): void {
    this.options.metrics.refused.add(1, { reason });
    // load shedding is counted, not logged: a storm would flood the log
    if (status !== 503 && status !== 429) {
      this.logBudget.line((leftOut) =>
        this.options.log.info('connection refused', { status, reason, leftOut }),
      );
    }
    if (socket.destroyed) return;
    const text = status === 503 || status === 429 ? `Retry-After: ${RETRY_AFTER_SECONDS}\r\n` : '';
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n${text}Content-Length: 0\r\n\r\n`,
    );
  }

  /**
   * Refuses after the upgrade with a WebSocket close code and reason: a browser cannot read an
   * HTTP error on a WebSocket, but it can read these, and the provider stops retrying on 44xx.
   */
  private refuseSocket(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    code: number,
    reason: string,
    label: string,
  ): void {
    this.options.metrics.refused.add(1, { reason: label });
    this.logBudget.line((leftOut) =>
      this.options.log.info('connection refused', {
        path: request.url,
        remoteAddress: request.socket.remoteAddress,
        code,
        reason: label,
        leftOut,
      }),
    );
    if (socket.destroyed) return;
    this.wss.handleUpgrade(request, socket, head, (ws) => ws.close(code, reason));
  }

  private ping(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }

  /** Stops admitting connections (shutdown). */
  stopAccepting(): void {
    this.accepting = false;
    clearInterval(this.pinger);
  }

  close(): void {
    this.stopAccepting();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
