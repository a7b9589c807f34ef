// The open plan's session, handed to components so they can call shared operations with it.
import { createContext, useContext } from 'react';
import type { PlanSession } from '../../session/planSession';

export const PlanContext = createContext<PlanSession | null>(null);

export function useSession(): PlanSession {
  const session = useContext(PlanContext);
  if (!session) throw new Error('useSession outside an open plan');
  return session;
}
