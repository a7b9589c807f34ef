// One running workshop: the embedded sync server (server/embed.ts: the same server as `npm run
// serve`) listening on the local network, the host's plan on it with everything the host has,
// the host as its owner, and one multi-use editor invite for the room.
//
// Runs in the main process rather than a utilityProcess: the server already keeps its slow work
// off the event loop (SQLite commits and compaction on worker threads), a workshop is at most a
// few hundred people, and in-process the host can create the plan, the owner and the invite
// directly, with no second protocol to keep in step. Plain Node: tests run it as is.
import { startEmbeddedServer, type HostedPlan, type Logger } from '../../server/embed';

/** Every interface: participants reach the host on whichever network they share with it. */
export const ALL_INTERFACES = '0.0.0.0';

/**
 * A workshop invite stops working after this long even if the host forgets to stop hosting: a
 * link photographed off a projector should not open the plan next week.
 */
export const WORKSHOP_INVITE_TTL_MS = 24 * 60 * 60 * 1000;

/** Shown to the owner in the plan's invite list, so they know where these members came from. */
export const WORKSHOP_INVITE_LABEL = 'workshop';

/** The plan (its id on this computer: the hosted plan keeps it, so the local copy keeps
 * syncing), everything the host has of it, and the host's name and earlier token. */
export interface WorkshopOptions extends HostedPlan {
  /** where the server keeps its database (under the app's userData) */
  readonly dataDir: string;
  /** the renderer's web build, served to participants' browsers */
  readonly webRoot: string;
  /** the address to listen on: ALL_INTERFACES for a workshop, 127.0.0.1 in tests */
  readonly listenAddress: string;
  /** 0 picks a free port */
  readonly port: number;
  readonly log: Logger;
  readonly now?: () => number;
}

export interface Participant {
  readonly memberId: string;
  readonly name: string;
  readonly organisation: string;
  /** epoch ms */
  readonly joinedAt: number;
}

export interface WorkshopHost {
  readonly planId: string;
  readonly port: number;
  /** the multi-use editor invite's code (shown once, in the dialog and the link) */
  readonly inviteCode: string;
  /** the host's own membership: an owner token for the app's connection to this server */
  readonly hostMember: { readonly memberId: string; readonly token: string };
  /** people who joined with this workshop's invite, in the order they joined */
  participants(): Promise<Participant[]>;
  /** Revokes the invite (members keep their access to the plan), closes every socket, flushes
   * storage. Idempotent. */
  stop(): Promise<void>;
}

export async function startWorkshop(options: WorkshopOptions): Promise<WorkshopHost> {
  const now = options.now ?? Date.now;
  const server = await startEmbeddedServer({
    host: options.listenAddress,
    port: options.port,
    dataDir: options.dataDir,
    webRoot: options.webRoot,
    log: options.log,
  });
  try {
    const at = now();
    const member = await server.hostPlan(options, at);
    const { inviteId, code } = await server.createInvite(
      options.planId,
      {
        role: 'editor',
        maxUses: null,
        expiresAt: at + WORKSHOP_INVITE_TTL_MS,
        label: WORKSHOP_INVITE_LABEL,
        createdBy: member.memberId,
      },
      at,
    );
    let stopped: Promise<void> | null = null;
    return {
      planId: options.planId,
      port: server.port,
      inviteCode: code,
      hostMember: member,
      participants: async () =>
        (await server.membersJoinedWith(options.planId, inviteId)).map((m) => ({
          memberId: m.id,
          name: m.name,
          organisation: m.organisation,
          joinedAt: m.createdAt,
        })),
      stop: () =>
        (stopped ??= (async () => {
          try {
            // Members keep their access (their work is theirs); only new joins are refused.
            await server.closeInvite(options.planId, inviteId, now());
          } finally {
            await server.close();
          }
        })()),
    };
  } catch (error) {
    await server.close().catch(() => undefined);
    throw error;
  }
}
