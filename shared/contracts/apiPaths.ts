// Every path of the sync server, as patterns (`:name` marks a parameter, as Hono reads them). The
// route table (api.ts) pairs each with its method and schemas; this file holds the paths alone,
// with no validator, so the first screen's bundle can build a URL without loading zod.
import { isPlanId } from './planId';

export const API_PATHS = {
  join: '/api/join',
  plan: '/api/plans/:planId',
  members: '/api/plans/:planId/members',
  member: '/api/plans/:planId/members/:memberId',
  invites: '/api/plans/:planId/invites',
  invite: '/api/plans/:planId/invites/:inviteId',
  history: '/api/plans/:planId/history',
  checkpoints: '/api/plans/:planId/checkpoints',
  checkpoint: '/api/plans/:planId/checkpoints/:checkpointId',
  restoreCheckpoint: '/api/plans/:planId/checkpoints/:checkpointId/restore',
  snapshot: '/api/plans/:planId/snapshot',
  exports: '/api/plans/:planId/exports',
  healthz: '/healthz',
  readyz: '/readyz',
  metrics: '/metrics',
  /** the WebSocket upgrade (y-websocket protocol), not an HTTP route */
  sync: '/sync/:planId',
} as const;

/** The parameters a path pattern names, e.g. `{ planId: string }`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { readonly [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { readonly [K in Name]: string }
    : Record<never, never>;

/** A concrete path: each `:name` replaced by its parameter, URL-encoded. */
export function pathOf<P extends string>(pattern: P, params: PathParams<P>): string {
  const values = params as Readonly<Record<string, string>>;
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
}

/** The plan a sync path (`/sync/:planId`) names, or undefined when it names none (or a bad id). */
export function planIdOfSyncPath(pathname: string): string | undefined {
  const prefix = API_PATHS.sync.slice(0, API_PATHS.sync.indexOf(':'));
  if (!pathname.startsWith(prefix)) return undefined;
  const planId = pathname.slice(prefix.length);
  return isPlanId(planId) ? planId : undefined;
}
