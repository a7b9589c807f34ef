// Runs a shared operation on the open plan; a refusal (PlanError) becomes a notice for the user
// instead of an uncaught error, and the plan is unchanged (operations validate before writing).
// The next operation that succeeds clears a refusal's or a shortening's notice: it spoke of an
// edit now superseded.
import { useCallback } from 'react';
import { PlanError, type Plan } from '../../../shared/plan/plan';
import { selectCanEdit, usePlanStore, type Notice } from '../../state/planStore';
import { useSession } from './planContext';

/** The notice that says why `error` refused an operation. */
export function refusalNotice(error: unknown): Notice {
  if (!(error instanceof PlanError)) {
    return { kind: 'refused', code: 'invalid', detail: String(error) };
  }
  return error.detail
    ? { kind: 'refused', code: error.code, detail: error.message, invalid: error.detail }
    : { kind: 'refused', code: error.code, detail: error.message };
}

export function useOperation(): <T>(operation: (plan: Plan) => T) => T | undefined {
  const session = useSession();
  return useCallback(
    <T>(operation: (plan: Plan) => T): T | undefined => {
      // Viewers, and everyone while the live document still loads, change nothing.
      if (!selectCanEdit(usePlanStore.getState())) return undefined;
      let result: T;
      try {
        result = operation(session.plan);
      } catch (error) {
        usePlanStore.setState({ notice: refusalNotice(error) });
        return undefined;
      }
      const kind = usePlanStore.getState().notice?.kind;
      if (kind === 'refused' || kind === 'shortened') usePlanStore.setState({ notice: null });
      return result;
    },
    [session],
  );
}
