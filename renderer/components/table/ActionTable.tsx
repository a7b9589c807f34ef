// The actions table: a virtual grid (only visible rows exist in the DOM) of objective headers and
// action rows, with a spreadsheet cursor: arrows move, Enter edits, Escape stops, O opens the
// detail panel, N adds an action under the current objective and starts typing its title (Escape
// before anything is typed takes the new action back), Tab and Shift+Tab go along the row. The
// cursor's moves are its reducer's (tableCursor.ts); the other keys run the table's commands
// (renderer/commands), which the rows' buttons run too.
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { TABLE_COMMANDS, type TableContext } from '../../commands/commands';
import { commandOfKey } from '../../commands/registry';
import * as actions from '../../../shared/plan/actions';
import type { Organisation } from '../../../shared/plan/schema';
import type { TableRow } from '../../selectors/actionRows';
import { selectCanEdit, usePlanStore, type Peer } from '../../state/planStore';
import { openAction, useViewStore } from '../../state/viewStore';
import { todayIn } from '../../../shared/calendar';
import { useSession } from '../shell/planContext';
import { useOperation } from '../shell/useOperation';
import { ActionRow } from './ActionRow';
import type { EditMove } from './CellEditor';
import {
  COLUMNS,
  GRID_TEMPLATE,
  NARROW_GRID_TEMPLATE,
  nextEditableColumn,
  ROW_HEIGHT,
  WIDE_ONLY,
  type ColumnId,
} from './columns';
import { ObjectiveRow } from './ObjectiveRow';
import { moveRow, rowAfterMove, type Direction } from './reorder';
import { cursorMoveOfKey, followRow, moveCursor, type CursorMove } from './tableCursor';
import { isUntitled } from '../../../shared/plan/views';

const NO_PEERS: readonly Peer[] = [];
const NO_COLUMNS: readonly ColumnId[] = [];
const TITLE_COLUMN = COLUMNS.findIndex((column) => column.id === 'title');

/**
 * Puts the focus on the table: the cursor's cell, or the body of an empty table (where N still
 * adds an action). False when no table is on screen.
 */
export function focusGrid(): boolean {
  const target =
    document.querySelector<HTMLElement>('.grid .cell.active') ??
    document.querySelector<HTMLElement>('.grid-body[tabindex="0"]');
  target?.focus();
  return target !== null;
}

interface Props {
  readonly rows: readonly TableRow[];
  /** rows are in the plan's own order (no sort), so moving an action up or down makes sense */
  readonly planOrder: boolean;
  readonly orgs: readonly Organisation[];
  /** an action just added elsewhere (the toolbar) whose title should be edited at once */
  readonly editTitleOf: string | null;
  readonly onEditTitleStarted: () => void;
  /** an objective just added (the toolbar) whose name should be opened for typing at once */
  readonly renameObjectiveOf: string | null;
  readonly onRenameStarted: () => void;
}

export function ActionTable({
  rows,
  planOrder,
  orgs,
  editTitleOf,
  onEditTitleStarted,
  renameObjectiveOf,
  onRenameStarted,
}: Props) {
  const { t } = useTranslation();
  const run = useOperation();
  const session = useSession();
  const canEdit = usePlanStore(selectCanEdit);
  const peers = usePlanStore((state) => state.peers);
  const selectedId = useViewStore((state) => state.actionId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState({ row: 0, column: TITLE_COLUMN });
  const [editing, setEditing] = useState(false);
  // The cursor belongs to a row, not to a position: when a remote edit adds or moves rows above
  // it, it follows its row in the same render, so a title being typed stays in its own action
  // (React's "adjust state while rendering": the editor is never moved to another row). A cursor
  // set together with the rows (a row moved with Alt+Up) already points into the new rows.
  const [seen, setSeen] = useState({ rows, cursor });
  // A cursor asked for by row key (a new action's title) is put on that row's index in the rows
  // of this render, which may already hold another person's action that arrived since.
  const [cursorTo, setCursorTo] = useState<{ key: string; column: number } | null>(null);
  const requestedRow = cursorTo ? rows.findIndex((row) => row.key === cursorTo.key) : -1;
  if (cursorTo && requestedRow !== -1) {
    setCursorTo(null);
    setCursor({ row: requestedRow, column: cursorTo.column });
  } else if (seen.rows !== rows || seen.cursor !== cursor) {
    const followed = seen.cursor === cursor ? followRow(cursor, seen.rows, rows) : cursor;
    setSeen({ rows, cursor: followed });
    if (followed !== cursor) setCursor(followed);
  }
  // The cursor as of the last render, for callbacks that must not change with it (the rows are
  // memoised on them).
  const cursorNow = useRef(cursor);
  const rowCount = useRef(rows.length);
  useEffect(() => {
    cursorNow.current = cursor;
    rowCount.current = rows.length;
  });
  const [editAfterCreate, setEditAfterCreate] = useState<string | null>(null);
  // Keys typed after N but before the new row's editor exists (a frame or two): they become the
  // start of the title instead of being lost, and an Enter or Escape among them ends the edit.
  const pendingCreate = useRef<string | null>(null);
  const typedAhead = useRef('');
  const finishedAhead = useRef(false);
  const cancelledAhead = useRef(false);
  /** Hands what was typed ahead to the new row's editor as it appears (and stops buffering). */
  const takeTypedAhead = useCallback(() => {
    const ahead = {
      text: typedAhead.current,
      finished: finishedAhead.current,
      cancelled: cancelledAhead.current,
    };
    pendingCreate.current = null;
    typedAhead.current = '';
    finishedAhead.current = false;
    cancelledAhead.current = false;
    return ahead;
  }, []);
  // The action just added whose title is being typed, and the undo step that created it: Escape
  // before any title was typed takes that step back (nothing is left to undo or redo).
  const newAction = useRef<{ id: string; step: unknown } | null>(null);
  const today = todayIn();

  const orgNames = useMemo(() => new Map(orgs.map((org) => [org.id, org.name])), [orgs]);
  const peersByAction = useMemo(() => {
    const map = new Map<string, Peer[]>();
    for (const peer of peers) {
      if (peer.focus) map.set(peer.focus.actionId, [...(map.get(peer.focus.actionId) ?? []), peer]);
    }
    return map;
  }, [peers]);

  // The build runs no React Compiler, whose memoisation this warns TanStack Virtual defeats.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // Asks for the focus on the cursor's cell once the render that moves it is on screen: at once
  // (an ended edit's editor is gone, and the next key must reach the table, not the page), or a
  // frame later when the row is still being scrolled into view.
  const [focusRequest, setFocusRequest] = useState(0);
  const focusCursor = useCallback(() => setFocusRequest((n) => n + 1), []);
  useLayoutEffect(() => {
    if (focusRequest === 0) return;
    const focusActive = () => {
      const cell = scrollRef.current?.querySelector<HTMLElement>('.cell.active');
      // An edit started since (a key pressed within the frame): its editor keeps the focus.
      if (cell && !cell.contains(document.activeElement)) cell.focus();
      return cell !== null && cell !== undefined;
    };
    if (focusActive()) return;
    const frame = requestAnimationFrame(focusActive);
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  // A plan just opened (created, joined, picked from the list) leaves the focus nowhere: it goes
  // to the table, so the keyboard works at once (N adds an action).
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) focusGrid();
  }, []);

  const cursorTable = {
    rowCount: rows.length,
    hidden: selectedId ? WIDE_ONLY : NO_COLUMNS,
  };
  /** Moves the cursor (tableCursor) and the focus with it; false when the move leaves the table. */
  const moveTo = (move: CursorMove): boolean => {
    const next = moveCursor(cursor, move, cursorTable);
    if (next === 'leave') return false;
    setCursor(next);
    setEditing(false);
    virtualizer.scrollToIndex(next.row, { align: 'auto' });
    focusCursor();
    return true;
  };

  // A newly added action: put the cursor on its title and start editing once its row exists.
  useEffect(() => {
    const target = editAfterCreate ?? editTitleOf;
    if (!target) return;
    const index = rows.findIndex((row) => row.key === target);
    if (index === -1) return;
    setEditAfterCreate(null);
    if (target === editTitleOf) onEditTitleStarted();
    const stack = session.undo.undoStack;
    newAction.current = { id: target, step: stack[stack.length - 1] };
    setCursorTo({ key: target, column: TITLE_COLUMN });
    setEditing(true);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [rows, editAfterCreate, editTitleOf, onEditTitleStarted, virtualizer, session]);

  // A newly added objective: put the cursor on its row and open its name once the row exists.
  const [renaming, setRenaming] = useState<string | null>(null);
  useEffect(() => {
    if (!renameObjectiveOf) return;
    const index = rows.findIndex((row) => row.key === `objective-${renameObjectiveOf}`);
    if (index === -1) return;
    onRenameStarted();
    setRenaming(renameObjectiveOf);
    setCursor((current) => ({ row: index, column: current.column }));
    setEditing(false);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [rows, renameObjectiveOf, onRenameStarted, virtualizer]);
  const onRenameOpened = useCallback(() => setRenaming(null), []);

  /** The objective of the row under the cursor: a header's own, or an action's. */
  const objectiveAt = (rowIndex: number): string | null => {
    const row = rows[Math.min(rowIndex, rows.length - 1)];
    if (!row) return null;
    return row.kind === 'objective' ? (row.objective?.id ?? null) : row.action.objectiveId;
  };

  const addAction = (objectiveId: string | null) => {
    const id = run((plan) => actions.create(plan, { objectiveId }));
    if (id) {
      pendingCreate.current = id;
      setEditAfterCreate(id);
    }
  };

  /**
   * Whether the row at `rowIndex` can move one place that way. Actions move only while the rows
   * are in the plan's own order (no sort); objectives are always shown in the plan's order.
   */
  const canMove = (rowIndex: number, direction: Direction): boolean =>
    canEdit &&
    (planOrder || rows[rowIndex]?.kind === 'objective') &&
    rowAfterMove(rows, rowIndex, direction) !== null;

  /** Moves the row at `rowIndex` one place; the cursor follows it. */
  const moveRowAt = (rowIndex: number, direction: Direction) => {
    if (!canMove(rowIndex, direction)) return;
    const target = run((plan) => moveRow(plan, rows, rowIndex, direction));
    if (typeof target === 'number') moveTo({ kind: 'to', row: target, column: cursor.column });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (pendingCreate.current && !event.ctrlKey && !event.metaKey) {
      if (event.key.length === 1) typedAhead.current += event.key;
      else if (event.key === 'Enter' || event.key === 'Escape') {
        finishedAhead.current = true;
        cancelledAhead.current = event.key === 'Escape';
      } else if (event.key === 'Backspace') typedAhead.current = typedAhead.current.slice(0, -1);
      event.preventDefault();
      return;
    }
    const row = rows[cursor.row];
    const commandContext: TableContext = {
      canEdit,
      editing,
      actionId: row?.kind === 'action' ? row.action.id : null,
      objectiveId: objectiveAt(cursor.row),
      cellEditable: COLUMNS[cursor.column]!.editable,
      canMove: (direction) => canMove(cursor.row, direction),
      startEditing: () => setEditing(true),
      openAction,
      addAction,
      moveRow: (direction) => moveRowAt(cursor.row, direction),
    };
    const command = commandOfKey(TABLE_COMMANDS, event, commandContext);
    if (command) {
      command.perform(commandContext);
      event.preventDefault();
      return;
    }
    if (editing || event.altKey || event.ctrlKey || event.metaKey) return;
    const move = cursorMoveOfKey(event.key, event.shiftKey);
    if (move) {
      // Tab goes along an action's row, as while editing; an objective's row is one cell. Past
      // the row's last (or first) cell, Tab leaves the table.
      if ((move.kind === 'next' || move.kind === 'previous') && row?.kind !== 'action') return;
      if (moveTo(move)) event.preventDefault();
    }
  };

  const onCell = useCallback(
    (rowIndex: number, column: number, edit: boolean) => {
      setCursor({ row: rowIndex, column });
      setEditing(edit && canEdit);
    },
    [canEdit],
  );
  /** Whether the action is still untitled (nothing typed, or all of it taken back). */
  const untitled = useCallback(
    (id: string): boolean => {
      try {
        return isUntitled({ title: String(actions.action(session.plan, id).get('title')) });
      } catch {
        return false;
      }
    },
    [session],
  );

  const onEditDone = useCallback(
    (move?: EditMove) => {
      const created = newAction.current;
      if (move !== 'next' && move !== 'previous') newAction.current = null;
      if (
        move === 'cancel' &&
        created &&
        untitled(created.id) &&
        session.discardStep(created.step)
      ) {
        // N then Escape: the new action is gone as if never added; the cursor goes to the row
        // above it (where N was pressed, usually).
        setEditing(false);
        setCursor((current) =>
          moveCursor(current, { kind: 'discarded' }, { rowCount: rowCount.current, hidden: [] }),
        );
        focusCursor();
        return;
      }
      if (move === 'next' || move === 'previous') {
        // Tab and Shift+Tab edit the next or previous editable cell of the row; past the last
        // one the edit ends and the cursor stays (focus never leaves the table).
        const current = cursorNow.current;
        const hidden = selectedId ? WIDE_ONLY : NO_COLUMNS;
        const column = nextEditableColumn(current.column, move === 'next' ? 1 : -1, hidden);
        if (column !== -1) {
          setCursor({ row: current.row, column });
          return;
        }
      }
      setEditing(false);
      // Enter goes down a row when there is one; on the last row the cursor stays on it, so the
      // next N or arrow key still reaches the table.
      if (move === 'down') {
        setCursor((current) =>
          moveCursor(current, { kind: 'edited' }, { rowCount: rowCount.current, hidden: [] }),
        );
      }
      focusCursor();
    },
    [focusCursor, selectedId, session, untitled],
  );

  // Undo and redo (Ctrl+Z, Ctrl+Y, the buttons, the desktop menu) can remove the row under the
  // cursor: the focus, if it was in the table (or nowhere), stays in it, on the same cell or on
  // the nearest row still there, so the next key still reaches the table.
  const gridRef = useRef<HTMLDivElement>(null);
  const [undoneAt, setUndoneAt] = useState(0);
  useEffect(() => {
    const onPopped = () => {
      const focused = document.activeElement;
      if (focused && focused !== document.body && !gridRef.current?.contains(focused)) return;
      setUndoneAt((n) => n + 1);
    };
    session.undo.on('stack-item-popped', onPopped);
    return () => session.undo.off('stack-item-popped', onPopped);
  }, [session]);
  useEffect(() => {
    if (undoneAt === 0) return;
    setEditing(false);
    focusCursor();
  }, [undoneAt, focusCursor]);
  // Rows gone from the end (undone, deleted, filtered away) leave the cursor on the last one.
  const lastRow = Math.max(0, rows.length - 1);
  useEffect(() => {
    setCursor((current) =>
      moveCursor(current, { kind: 'clamp' }, { rowCount: lastRow + 1, hidden: [] }),
    );
  }, [lastRow]);

  return (
    <div className="table-wrap">
      <div
        ref={gridRef}
        className="grid"
        style={{
          ['--grid-template' as string]: GRID_TEMPLATE,
          ['--grid-template-narrow' as string]: NARROW_GRID_TEMPLATE,
        }}
        role="grid"
        aria-label={t('table.label')}
        aria-rowcount={rows.length + 1}
        aria-colcount={COLUMNS.length}
        aria-describedby="table-keys"
        onKeyDown={onKeyDown}
      >
        <div
          role="row"
          className="grid-row grid-head"
          style={{ gridTemplateColumns: GRID_TEMPLATE }}
        >
          {COLUMNS.map((column) => (
            <div key={column.id} role="columnheader" className={`cell cell-${column.id}`}>
              {column.id === 'open' ? (
                <span className="sr-only">{t('table.openColumn')}</span>
              ) : (
                t(`table.${column.id}`)
              )}
            </div>
          ))}
        </div>
        {/* The scrolling body is the rows' group (a grid owns only rows and row groups); the
            sizer inside it only gives the virtual rows their height. */}
        <div
          ref={scrollRef}
          className="grid-body"
          role="rowgroup"
          tabIndex={rows.length === 0 ? 0 : -1}
        >
          <div
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
            role="presentation"
          >
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              if (row.kind === 'objective') {
                return (
                  <ObjectiveRow
                    key={row.key}
                    row={row}
                    top={item.start}
                    rowIndex={item.index}
                    active={cursor.row === item.index}
                    canEdit={canEdit}
                    onAdd={addAction}
                    canMoveUp={canMove(item.index, -1)}
                    canMoveDown={canMove(item.index, 1)}
                    onMove={(direction) => moveRowAt(item.index, direction)}
                    onFocus={() => setCursor({ row: item.index, column: cursor.column })}
                    startRenaming={row.objective !== null && row.objective.id === renaming}
                    onRenameOpened={onRenameOpened}
                  />
                );
              }
              const active = cursor.row === item.index;
              return (
                <ActionRow
                  key={row.key}
                  action={row.action}
                  rowIndex={item.index}
                  top={item.start}
                  orgs={orgs}
                  orgNames={orgNames}
                  today={today}
                  activeColumn={active ? cursor.column : -1}
                  editing={active && editing}
                  takeTypedAhead={takeTypedAhead}
                  canEdit={canEdit}
                  peers={peersByAction.get(row.action.id) ?? NO_PEERS}
                  selected={selectedId === row.action.id}
                  onCell={onCell}
                  onEditDone={onEditDone}
                  onOpen={openAction}
                />
              );
            })}
          </div>
        </div>
      </div>
      {/* A viewer is told only the keys that work for it: no editing, adding or reordering. */}
      <p id="table-keys" className="hint">
        {t(canEdit ? 'table.keyboardHelp' : 'table.keyboardHelpReadOnly')}
      </p>
    </div>
  );
}
