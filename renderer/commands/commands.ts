// The renderer's commands, in one place: the table's keys, the buttons that do the same, and the
// desktop menu's entries (shared/contracts/ipc.ts MENU_COMMANDS) all run these. Each command names the
// context it needs (what it decides on, what it calls); the component that dispatches it gives
// that context: the table (TABLE_COMMANDS, from its key handler), the workspace (undo, redo,
// import, save, export: keys on the window and the menu), the app (new plan, open a plan file,
// host a workshop: menu only). The table's cursor moves are its reducer's (table/tableCursor.ts).
import type { Direction } from '../components/table/reorder';
import type { MenuCommand } from '../../shared/contracts/ipc';
import type { Chord, Command } from './registry';

interface Editing {
  readonly canEdit: boolean;
}

type Label = Command<never>['label'];
/** A context that carries the command's effect under the command's own id. */
type Effect<Id extends string> = { readonly [key in Id]: () => void };

/** A command that changes the plan, so only for those who may edit it. */
function editorCommand<Id extends string>(
  id: Id,
  label: Label,
  menu: MenuCommand,
  keys: readonly Chord[] = [],
): Command<Editing & Effect<Id>> {
  return { id, label, keys, menu, when: (context) => context.canEdit, perform: (c) => c[id]() };
}

/** A command of the menu that anyone may run. */
function menuCommand<Id extends string>(
  id: Id,
  label: Label,
  menu: MenuCommand,
): Command<Effect<Id>> {
  return { id, label, keys: [], menu, when: () => true, perform: (c) => c[id]() };
}

/** Undo this user's last change (remote edits are never undone). */
export const undo = editorCommand('undo', 'toolbar.undo', 'undo', [{ key: 'z', mod: true }]);
export const redo = editorCommand('redo', 'toolbar.redo', 'redo', [
  { key: 'z', mod: true, shift: true },
  { key: 'y', mod: true, shift: 'any' },
]);
/** Opens the action import (Actions › Import actions…, File › Import…). */
export const importActions = editorCommand('importActions', 'importActions.button', 'importPlan');
/** Saves the open plan as a plan file; viewers may, as it only reads the plan. */
export const savePlanFile = menuCommand('savePlanFile', 'planFile.save', 'savePlanFile');
/** Opens the Dashboard's report and export panel. */
export const exportPlan = menuCommand('exportPlan', 'export.title', 'exportPlan');
/** File › New plan: back to the start screen, where plans are created. */
export const newPlan = menuCommand('newPlan', 'start.createTitle', 'newPlan');
/** File › Open plan file… (desktop: main shows the dialog and reads the file). */
export const openPlanFile = menuCommand('openPlanFile', 'planFile.openTitle', 'openPlanFile');
/** File › Host a workshop (desktop). */
export const hostWorkshop = menuCommand('hostWorkshop', 'workshop.title', 'hostWorkshop');

/** The detail panel's "Move to trash": the action goes to the trash, where it can be restored. */
export const removeAction: Command<
  Editing & {
    readonly actionId: string;
    readonly removed: boolean;
    readonly removeAction: (id: string) => void;
  }
> = {
  id: 'removeAction',
  label: 'detail.remove',
  keys: [],
  when: (context) => context.canEdit && !context.removed,
  perform: (context) => context.removeAction(context.actionId),
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
  removeAction,
  ...TABLE_COMMANDS,
];
