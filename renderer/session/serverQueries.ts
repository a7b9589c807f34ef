// Server data the screens read, through one query layer (@tanstack/react-query): one cache per
// app, each call cancelled (its AbortSignal passed to serverApi's fetch) when nobody needs the
// answer any more, and failures kept as errors for the screen to show with a retry.
import { QueryClient, useQuery } from '@tanstack/react-query';
import type { ServerMembership } from './localPlans';
import { requireToken } from './memberTokens';
import { listCheckpoints, listHistory, listMembers } from './serverApi';

/** Answers stay fresh this long: the plan screen reopened at once does not ask again. */
const FRESH_MS = 30_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: FRESH_MS,
        // One more try, then the error shows with its retry button.
        retry: 1,
        // A LAN server answers with the browser "offline" (no internet) too: always ask, and
        // say "could not be reached" when it does not answer.
        networkMode: 'always',
        refetchOnWindowFocus: false,
      },
    },
  });
}

export const serverQueryKeys = {
  members: (server: ServerMembership, planId: string) => ['members', server.url, planId] as const,
  history: (server: ServerMembership, planId: string) => ['history', server.url, planId] as const,
  checkpoints: (server: ServerMembership, planId: string) =>
    ['checkpoints', server.url, planId] as const,
};

/** The plan's members with their roles (any member may read them). */
export function useMembers(server: ServerMembership, planId: string) {
  return useQuery({
    queryKey: serverQueryKeys.members(server, planId),
    queryFn: async ({ signal }) =>
      listMembers(server.url, planId, await requireToken(planId, server), signal),
  });
}

/** Who changed what, newest first (the server's audit log). */
export function useHistory(server: ServerMembership, planId: string) {
  return useQuery({
    queryKey: serverQueryKeys.history(server, planId),
    queryFn: async ({ signal }) =>
      listHistory(server.url, planId, await requireToken(planId, server), signal),
  });
}

/** The plan's saved versions (dated checkpoints), newest first. */
export function useCheckpoints(server: ServerMembership, planId: string) {
  return useQuery({
    queryKey: serverQueryKeys.checkpoints(server, planId),
    queryFn: async ({ signal }) =>
      listCheckpoints(server.url, planId, await requireToken(planId, server), signal),
  });
}
