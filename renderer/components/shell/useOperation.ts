// Runs a shared operation on the open plan; a refusal (PlanError) becomes a notice for the user
// instead of an uncaught error, and the plan is unchanged (operations validate before writing).
// The next operation that succeeds clears a refusal's or a shortening's notice: it spoke of an
// edit now superseded.
// Each operation starts a new undo step, so one Undo takes back one thing the user did (an action
// added, a field committed, a row moved), however quickly they worked. The keystrokes of a bound
// text field pass `sameStep`: they join the step before them while typing is continuous (the
// undo manager's capture timeout), so a new action and its title typed at once undo together.
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

export interface OperationOptions {
  /** join the current undo step instead of starting a new one (keystrokes of a text field) */
  readonly sameStep?: boolean;
}

export type RunOperation = <T>(
  operation: (plan: Plan) => T,
  options?: OperationOptions,
) => T | undefined;

export function useOperation(): RunOperation {
  const session = useSession();
  return useCallback(
    <T>(operation: (plan: Plan) => T, options?: OperationOptions): T | undefined => {
      // Viewers, and everyone while the live document still loads, change nothing.
      if (!selectCanEdit(usePlanStore.getState())) return undefined;
      if (!options?.sameStep) session.undo.stopCapturing();
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
