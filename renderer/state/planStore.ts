// The zustand store: a read-only projection of the open plan's Y.Doc (the latest snapshot, sync
// state, presence, undo availability) plus nothing else. Only the session writes it; components
// read it through selectors and change the plan by calling shared operations, never this store.
import { create } from 'zustand';
import type { BoundedField } from '../../shared/plan/model';
import type { PlanErrorCode, PlanErrorDetail } from '../../shared/plan/plan';
import type { PlanSnapshot } from '../../shared/plan/schema';
import type { Role } from '../../shared/contracts/api';
import type { SyncState } from '../session/syncState';

export interface Peer {
  readonly clientId: number;
  readonly id: string;
  readonly name: string;
  readonly org: string;
  readonly color: string;
  readonly focus: { readonly actionId: string; readonly field: string } | null;
}

export interface PlanState {
  readonly planId: string | null;
  readonly snapshot: PlanSnapshot | null;
  readonly sync: SyncState;
  /** 'local' for a plan on this computer only */
  readonly role: Role | 'local';
  /** the organisation this user joined a server plan for (they endorse only for it); null for a
   * plan on this computer only */
  readonly organisation: string | null;
  readonly peers: readonly Peer[];
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** false while the snapshot shown is the cached picture and the live document still loads */
  readonly live: boolean;
  /** a first open: the picture is the server's, and the live document waits for the server's
   * copy (selectors/loadingStep.ts says which step it is at) */
  readonly waitingForServer: boolean;
  /** a message for the user, or null: an operation refused (by its code, shown in the UI
   * language, with the model's English detail), input shortened to fit, or the server's own
   * words */
  readonly notice: Notice | null;
}

export type Notice =
  | {
      readonly kind: 'refused';
      readonly code: PlanErrorCode;
      readonly detail: string;
      /** which field was refused, why and its limit: the notice names them in the UI language */
      readonly invalid?: PlanErrorDetail;
    }
  | {
      /** typed or pasted text did not fit: the input kept the field's limit (information) */
      readonly kind: 'shortened';
      readonly field: BoundedField;
      readonly limit: number;
    }
  | { readonly kind: 'server'; readonly text: string }
  /** an owner changed this user's role */
  | { readonly kind: 'role'; readonly role: Role }
  | { readonly kind: 'storage'; readonly text: string };

export const initialPlanState: PlanState = {
  planId: null,
  snapshot: null,
  sync: { kind: 'local', pending: 0 },
  role: 'local',
  organisation: null,
  peers: [],
  canUndo: false,
  canRedo: false,
  live: false,
  waitingForServer: false,
  notice: null,
};

export const usePlanStore = create<PlanState>()(() => initialPlanState);

/** True when this user may adopt an action or return it to draft (the server checks it too). */
export const selectCanAdopt = (state: PlanState): boolean =>
  (state.role === 'owner' || state.role === 'local') && state.live;

/** True when this user may change the plan. */
export const selectCanEdit = (state: PlanState): boolean => state.role !== 'viewer' && state.live;
