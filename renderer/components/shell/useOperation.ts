// Runs a shared operation on the open plan; a refusal (PlanError) becomes a notice for the user
// instead of an uncaught error, and the plan is unchanged (operations validate before writing).
import { useCallback } from 'react';
import { PlanError, type Plan } from '../../../shared/plan/plan';
import { selectCanEdit, usePlanStore } from '../../state/planStore';
import { useSession } from './planContext';

export function useOperation(): <T>(operation: (plan: Plan) => T) => T | undefined {
  const session = useSession();
  return useCallback(
    <T>(operation: (plan: Plan) => T): T | undefined => {
      // Viewers, and everyone while the live document still loads, change nothing.
      if (!selectCanEdit(usePlanStore.getState())) return undefined;
      try {
        return operation(session.plan);
      } catch (error) {
        usePlanStore.setState({
          notice:
            error instanceof PlanError
              ? { kind: 'refused', code: error.code, detail: error.message }
              : { kind: 'refused', code: 'invalid', detail: String(error) },
        });
        return undefined;
      }
    },
    [session],
  );
}
