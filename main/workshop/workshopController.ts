// At most one workshop at a time, for the IPC handlers: start (from the plan the host has open),
// what to show (links per LAN address with their QR codes, the invite code, who joined), stop.
import { DEFAULT_PORT, type Logger } from '../../server/embed';
import type { PlanPersistence } from '../../shared/contracts/persistence';
import type {
  StartWorkshopRequest,
  WorkshopLink,
  WorkshopStarted,
  WorkshopStatus,
} from '../../shared/contracts/ipc';
import { workshopJoinLink, workshopServerUrl } from './joinLink';
import { lanAddresses, type NetworkInterfaces } from './lanAddresses';
import { qrCodeSvg } from './qrCode';
import { ALL_INTERFACES, startWorkshop, type WorkshopHost } from './workshopHost';

/**
 * Tried first so a workshop is at the same address each time it is hosted: participants' apps
 * remember the server of a plan they joined and reconnect there when the host hosts again.
 */
export const PREFERRED_WORKSHOP_PORT = DEFAULT_PORT;

/** The host's own app talks to its server over loopback: it keeps working if Wi-Fi changes. */
const LOOPBACK = '127.0.0.1';

export interface WorkshopControllerDeps {
  /** the local durable store: the plan's state is read from it */
  readonly store: PlanPersistence;
  readonly dataDir: string;
  readonly webRoot: string;
  readonly interfaces: () => NetworkInterfaces;
  readonly log: Logger;
  /** defaults: every interface, the preferred port (a free one if it is taken) */
  readonly listenAddress?: string;
  readonly port?: number;
}

export interface WorkshopController {
  start(request: StartWorkshopRequest): Promise<WorkshopStarted>;
  status(): Promise<WorkshopStatus | null>;
  stop(): Promise<void>;
}

export function createWorkshopController(deps: WorkshopControllerDeps): WorkshopController {
  let running: { host: WorkshopHost; links: WorkshopLink[] } | null = null;
  // Serialises start and stop, so a double click cannot start two servers.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const stopRunning = async () => {
    const current = running;
    running = null;
    await current?.host.stop();
  };

  const status = async (): Promise<WorkshopStatus | null> => {
    if (!running) return null;
    const { host, links } = running;
    const participants = await host.participants();
    return {
      planId: host.planId,
      inviteCode: host.inviteCode,
      links,
      participants: participants.map((p) => ({
        memberId: p.memberId,
        name: p.name,
        organisation: p.organisation,
        joinedAt: new Date(p.joinedAt).toISOString(),
      })),
    };
  };

  const started = async (host: WorkshopHost): Promise<WorkshopStarted> => ({
    status: (await status()) as WorkshopStatus,
    host: {
      serverUrl: workshopServerUrl(LOOPBACK, host.port),
      memberId: host.hostMember.memberId,
      token: host.hostMember.token,
    },
  });

  return {
    start: (request) =>
      serially(async () => {
        if (running?.host.planId === request.planId) return started(running.host);
        await stopRunning();
        const state = await deps.store.load(request.planId);
        const options = {
          planId: request.planId,
          title: request.title,
          state,
          host: {
            name: request.hostName,
            organisation: request.hostOrganisation,
            ...(request.hostToken ? { token: request.hostToken } : {}),
          },
          dataDir: deps.dataDir,
          webRoot: deps.webRoot,
          listenAddress: deps.listenAddress ?? ALL_INTERFACES,
          log: deps.log,
        };
        const host = await startWorkshop({
          ...options,
          port: deps.port ?? PREFERRED_WORKSHOP_PORT,
        })
          .catch((error: unknown) => {
            // Someone else (another Accord, `npm run serve`) has the port: any free one will do.
            if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || deps.port === 0) {
              throw error;
            }
            return startWorkshop({ ...options, port: 0 });
          })
          .catch((error: unknown) => {
            deps.log.error('workshop did not start', { error });
            throw error;
          });
        running = { host, links: await linksFor(deps.interfaces(), host) };
        return started(host);
      }),
    status,
    stop: () => serially(stopRunning),
  };
}

/** A link and QR code per LAN address; the loopback alone when there is no network at all. */
async function linksFor(
  interfaces: NetworkInterfaces,
  host: WorkshopHost,
): Promise<WorkshopLink[]> {
  const candidates = lanAddresses(interfaces);
  const addresses = candidates.length
    ? candidates
    : [{ interfaceName: 'loopback', address: LOOPBACK }];
  return Promise.all(
    addresses.map(async ({ interfaceName, address }) => {
      const joinUrl = workshopJoinLink(address, host.port, host.planId, host.inviteCode);
      return { interfaceName, address, joinUrl, qrSvg: await qrCodeSvg(joinUrl) };
    }),
  );
}
