// An objective's header row in the table: its title (renamed in place), how many actions are
// shown, and for editors buttons to add an action to it, rename it, move it up or down (as
// Alt+↑/↓ does when its row has the cursor; see reorder.ts) or remove it.
import { memo, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addAction, moveDown, moveUp } from '../../commands/commands';
import { perform } from '../../commands/registry';
import * as objectives from '../../../shared/plan/objectives';
import type { TableRow } from '../../selectors/actionRows';
import { useFormat } from '../common/format';
import type { Direction } from './reorder';
import { useOperation } from '../shell/useOperation';
import { fieldLimit } from '../common/fieldLimit';

interface Props {
  readonly row: Extract<TableRow, { kind: 'objective' }>;
  readonly top: number;
  readonly rowIndex: number;
  readonly active: boolean;
  readonly canEdit: boolean;
  readonly onAdd: (objectiveId: string | null) => void;
  readonly canMoveUp: boolean;
  readonly canMoveDown: boolean;
  readonly onMove: (direction: Direction) => void;
  /** puts the table's cursor on this row */
  readonly onFocus: () => void;
  /** a new objective: open its name for typing (the default name selected) */
  readonly startRenaming: boolean;
  readonly onRenameOpened: () => void;
}

const MOVES = [moveUp, moveDown];

export const ObjectiveRow = memo(function ObjectiveRow(props: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useOperation();
  const { objective, count } = props.row;
  const [renaming, setRenaming] = useState(false);
  const cell = useRef<HTMLDivElement>(null);
  /** The Move up / Move down commands of this row: the keyboard focus goes to the row (the cursor
   * follows it there), not the button, which may be disabled once the objective is first or last. */
  const moveContext = {
    editing: false,
    canMove: (direction: Direction) => (direction === -1 ? props.canMoveUp : props.canMoveDown),
    moveRow: (direction: Direction) => {
      cell.current?.focus();
      props.onMove(direction);
    },
  };
  const [title, setTitle] = useState('');
  // Set while the name is open; a rename ends once (the blur that follows Enter or Escape, when
  // the focus goes back to the row, neither writes nor ends it again).
  const open = useRef(false);
  const startRename = () => {
    if (!objective) return;
    open.current = true;
    setTitle(objective.title);
    setRenaming(true);
  };
  const { startRenaming, onRenameOpened } = props;
  // An effect event: it reads the objective of this render, which is the one asked for.
  const renameAsked = useEffectEvent(() => {
    onRenameOpened();
    startRename();
  });
  useEffect(() => {
    if (startRenaming) renameAsked();
  }, [startRenaming]);
  const endRename = (save: boolean) => {
    if (!open.current) return;
    open.current = false;
    setRenaming(false);
    if (save && objective && title.trim() && title !== objective.title) {
      run((plan) => objectives.rename(plan, objective.id, title.trim()));
    }
  };
  /** Ends the rename from the keyboard: the row keeps the focus and the cursor, so the next key
   * (N adds an action to this objective) reaches the table. */
  const endRenameHere = (save: boolean) => {
    endRename(save);
    props.onFocus();
    cell.current?.focus();
  };
  return (
    <div
      role="row"
      aria-rowindex={props.rowIndex + 2}
      className="grid-row objective-row"
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <div
        ref={cell}
        role="gridcell"
        aria-colspan={9}
        className={`cell objective-cell${props.active ? ' active' : ''}`}
        tabIndex={props.active ? 0 : -1}
        onClick={props.onFocus}
      >
        {renaming && objective ? (
          <input
            className="cell-input objective-input"
            aria-label={t('table.renameObjective')}
            autoFocus
            // The whole name is selected, so typing replaces it instead of adding to it.
            onFocus={(event) => event.currentTarget.select()}
            value={title}
            {...fieldLimit('title')}
            onChange={(event) => setTitle(event.target.value)}
            onBlur={() => endRename(true)}
            onKeyDown={(event) => {
              event.stopPropagation();
              if (event.key === 'Enter') endRenameHere(true);
              if (event.key === 'Escape') endRenameHere(false);
            }}
          />
        ) : (
          <span className="objective-title">
            {objective ? objective.title : t('table.noObjective')}
          </span>
        )}
        <span className="muted">{t('table.actionsCount', { n: format.number(count) })}</span>
        {props.canEdit && (
          <span className="objective-buttons">
            <button
              type="button"
              className="link-button"
              tabIndex={-1}
              onClick={(event) => {
                event.stopPropagation();
                perform(addAction, {
                  canEdit: props.canEdit,
                  editing: false,
                  objectiveId: objective?.id ?? null,
                  addAction: props.onAdd,
                });
              }}
            >
              + {t(addAction.label)}
            </button>
            {objective && (
              <>
                <button
                  type="button"
                  className="link-button"
                  tabIndex={-1}
                  onClick={(event) => {
                    event.stopPropagation();
                    startRename();
                  }}
                >
                  {t('table.renameObjective')}
                </button>
                {/* Shown when the plan has another objective to move past. */}
                {(props.canMoveUp || props.canMoveDown) && (
                  <>
                    {MOVES.map((command) => (
                      <button
                        key={command.id}
                        type="button"
                        className="link-button"
                        tabIndex={-1}
                        disabled={!command.when(moveContext)}
                        onClick={(event) => {
                          event.stopPropagation();
                          perform(command, moveContext);
                        }}
                      >
                        {t(command.label)}
                      </button>
                    ))}
                  </>
                )}
                <button
                  type="button"
                  className="link-button danger-text"
                  tabIndex={-1}
                  onClick={(event) => {
                    event.stopPropagation();
                    run((plan) => objectives.remove(plan, objective.id));
                  }}
                >
                  {t('table.removeObjective')}
                </button>
              </>
            )}
          </span>
        )}
      </div>
    </div>
  );
});
