// The renderer's commands, in one place: the table's keys, the buttons that do the same, and the
// desktop menu's entries (shared/ipc.ts MENU_COMMANDS) all run these. Each command names the
// context it needs (what it decides on, what it calls); the component that dispatches it gives
// that context: the table (TABLE_COMMANDS, from its key handler), the workspace (undo, redo,
// import, save, export: keys on the window and the menu), the app (new plan, open a plan file,
// host a workshop: menu only). The table's cursor moves are its reducer's (table/tableCursor.ts).
import type { Direction } from '../components/table/reorder';
import type { Command } from './registry';

interface Editing {
  readonly canEdit: boolean;
}

/** Undo this user's last change (remote edits are never undone). */
export const undo: Command<Editing & { readonly undo: () => void }> = {
  id: 'undo',
  label: 'toolbar.undo',
  keys: [{ key: 'z', mod: true }],
  menu: 'undo',
  when: (context) => context.canEdit,
  perform: (context) => context.undo(),
};

export const redo: Command<Editing & { readonly redo: () => void }> = {
  id: 'redo',
  label: 'toolbar.redo',
  keys: [
    { key: 'z', mod: true, shift: true },
    { key: 'y', mod: true, shift: 'any' },
  ],
  menu: 'redo',
  when: (context) => context.canEdit,
  perform: (context) => context.redo(),
};

/** Opens the action import (Actions › Import actions…, File › Import…); never for viewers. */
export const importActions: Command<Editing & { readonly importActions: () => void }> = {
  id: 'importActions',
  label: 'importActions.button',
  keys: [],
  menu: 'importPlan',
  when: (context) => context.canEdit,
  perform: (context) => context.importActions(),
};

/** Saves the open plan as a plan file; viewers may, as it only reads the plan. */
export const savePlanFile: Command<{ readonly savePlanFile: () => void }> = {
  id: 'savePlanFile',
  label: 'planFile.save',
  keys: [],
  menu: 'savePlanFile',
  when: () => true,
  perform: (context) => context.savePlanFile(),
};

/** Opens the Dashboard's report and export panel. */
export const exportPlan: Command<{ readonly exportPlan: () => void }> = {
  id: 'exportPlan',
  label: 'export.title',
  keys: [],
  menu: 'exportPlan',
  when: () => true,
  perform: (context) => context.exportPlan(),
};

/** File › New plan: back to the start screen, where plans are created. */
export const newPlan: Command<{ readonly toStart: () => void }> = {
  id: 'newPlan',
  label: 'start.createTitle',
  keys: [],
  menu: 'newPlan',
  when: () => true,
  perform: (context) => context.toStart(),
};

/** File › Open plan file… (desktop: main shows the dialog and reads the file). */
export const openPlanFile: Command<{ readonly openPlanFile: () => void }> = {
  id: 'openPlanFile',
  label: 'planFile.openTitle',
  keys: [],
  menu: 'openPlanFile',
  when: () => true,
  perform: (context) => context.openPlanFile(),
};

/** File › Host a workshop (desktop). */
export const hostWorkshop: Command<{ readonly hostWorkshop: () => void }> = {
  id: 'hostWorkshop',
  label: 'workshop.title',
  keys: [],
  menu: 'hostWorkshop',
  when: () => true,
  perform: (context) => context.hostWorkshop(),
};

/** The table while no cell is being edited: its keys run nothing while an editor is open. */
interface TableKeys {
  readonly editing: boolean;
}

interface CursorAction extends TableKeys {
  /** the action under the table's cursor (null on an objective's row or in an empty table) */
  readonly actionId: string | null;
}

/** Enter or F2 on an editable cell of an action: edit it (else they open the details). */
export const editCell: Command<
  CursorAction & Editing & { readonly cellEditable: boolean; readonly startEditing: () => void }
> = {
  id: 'editCell',
  label: 'commands.editCell',
  keys: [
    { key: 'Enter', shift: 'any' },
    { key: 'F2', shift: 'any' },
  ],
  when: (context) =>
    !context.editing && context.actionId !== null && context.cellEditable && context.canEdit,
  perform: (context) => context.startEditing(),
};

/** O (and Enter or F2 where the cell cannot be edited here): the action's detail panel. */
export const openDetails: Command<CursorAction & { readonly openAction: (id: string) => void }> = {
  id: 'openDetails',
  label: 'commands.openDetails',
  keys: [
    { key: 'o', shift: 'any' },
    { key: 'Enter', shift: 'any' },
    { key: 'F2', shift: 'any' },
  ],
  when: (context) => !context.editing && context.actionId !== null,
  perform: (context) => {
    if (context.actionId !== null) context.openAction(context.actionId);
  },
};

/**
 * N in the table, "+ Add action" on an objective's row and in the toolbar: a new untitled action
 * in the objective (the cursor's, the row's, the plan's first), its title opened for typing.
 */
export const addAction: Command<
  TableKeys &
    Editing & {
      readonly objectiveId: string | null;
      readonly addAction: (objectiveId: string | null) => void;
    }
> = {
  id: 'addAction',
  label: 'table.addAction',
  keys: [{ key: 'n', shift: 'any' }],
  when: (context) => !context.editing && context.canEdit,
  perform: (context) => context.addAction(context.objectiveId),
};

type MoveContext = TableKeys & {
  /** whether the row (the cursor's, or the button's) can move one place that way */
  readonly canMove: (direction: Direction) => boolean;
  readonly moveRow: (direction: Direction) => void;
};

function moveCommand(id: string, direction: Direction): Command<MoveContext> {
  return {
    id,
    label: direction === -1 ? 'table.moveObjectiveUp' : 'table.moveObjectiveDown',
    keys: [{ key: direction === -1 ? 'ArrowUp' : 'ArrowDown', alt: true, shift: 'any' }],
    when: (context) => !context.editing && context.canMove(direction),
    perform: (context) => context.moveRow(direction),
  };
}

/** Alt+↑ / Alt+↓ and an objective's Move up / Move down: an action within its objective, an
 * objective (with its actions) past its neighbour. */
export const moveUp = moveCommand('moveUp', -1);
export const moveDown = moveCommand('moveDown', 1);

/** What the table gives its commands when a key is pressed in it. */
export type TableContext = Parameters<typeof editCell.when>[0] &
  Parameters<typeof openDetails.when>[0] &
  Parameters<typeof addAction.when>[0] &
  MoveContext;

/** The table's commands, in the order a key looks them up (Enter edits before it opens). */
export const TABLE_COMMANDS: readonly Command<TableContext>[] = [
  editCell,
  openDetails,
  addAction,
  moveUp,
  moveDown,
];

/** Every command, for the registry's own checks (ids, labels, menu entries). */
export const ALL_COMMANDS: readonly Command<never>[] = [
  undo,
  redo,
  importActions,
  savePlanFile,
  exportPlan,
  newPlan,
  openPlanFile,
  hostWorkshop,
  ...TABLE_COMMANDS,
];
