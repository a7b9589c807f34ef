// One action in the table. Memoised on the action object: the snapshotter keeps unchanged actions
// identical, so a remote edit re-renders only the row it touched.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, Organisation } from '../../../shared/plan/schema';
import { actionHealth } from '../../../shared/plan/views';
import { useFormat } from '../common/format';
import { StatusBadge, LightBadge, ProgressBar } from '../common/badges';
import { selectCanAdopt, usePlanStore, type Peer } from '../../state/planStore';
import { CellEditor, type EditMove } from './CellEditor';
import type { TypedAhead } from '../common/BoundTextInput';
import { COLUMNS, type ColumnId } from './columns';
import { ActionTitle } from '../common/ActionTitle';

interface Props {
  readonly action: Action;
  readonly rowIndex: number;
  readonly top: number;
  readonly orgs: readonly Organisation[];
  readonly orgNames: ReadonlyMap<string, string>;
  readonly today: string;
  /** the active column when this row holds the table's cursor, else -1 */
  readonly activeColumn: number;
  readonly editing: boolean;
  /** what was typed for a new action before its editor existed (see ActionTable) */
  readonly takeTypedAhead: () => TypedAhead;
  readonly canEdit: boolean;
  readonly peers: readonly Peer[];
  readonly selected: boolean;
  readonly onCell: (rowIndex: number, column: number, edit: boolean) => void;
  readonly onEditDone: (move?: EditMove) => void;
  readonly onOpen: (actionId: string) => void;
}

export const ActionRow = memo(function ActionRow(props: Props) {
  const { action, activeColumn, editing, peers } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const health = actionHealth(action, props.today);

  const content = (column: ColumnId) => {
    switch (column) {
      case 'open':
        return (
          <button
            type="button"
            className="icon-button"
            tabIndex={-1}
            aria-label={t('table.open', { ref: action.ref })}
            onClick={() => props.onOpen(action.id)}
          >
            ›
          </button>
        );
      case 'ref':
        return <span className="ref">{action.ref}</span>;
      case 'title':
        return (
          <span className="title-text">
            <ActionTitle action={action} />
            {peers.map((peer) => (
              <span
                key={peer.clientId}
                className="peer-flag"
                style={{ background: peer.color }}
                title={t('toolbar.editing', { name: peer.name })}
              >
                {peer.name.slice(0, 12)}
              </span>
            ))}
          </span>
        );
      case 'lead':
        return action.leadOrgId ? (props.orgNames.get(action.leadOrgId) ?? '') : t('table.none');
      case 'deadline':
        return (
          <span className={health.overdue ? 'overdue' : undefined}>
            {action.deadline ? format.date(action.deadline) : t('table.none')}
          </span>
        );
      case 'status':
        return <StatusBadge status={action.status} />;
      case 'progress':
        return <ProgressBar value={action.progress} />;
      case 'stage':
        return (
          <span className={`stage stage-${action.stage}`}>
            {t(`stage.${action.stage}`, { ns: 'plan' })}
          </span>
        );
      case 'health':
        return <LightBadge light={health.light} />;
    }
  };

  const canAdopt = usePlanStore(selectCanAdopt);
  return (
    <div
      role="row"
      aria-rowindex={props.rowIndex + 2}
      aria-selected={props.selected}
      className={`grid-row action-row${props.selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${props.top}px)` }}
      data-action-id={action.id}
    >
      {COLUMNS.map((column, columnIndex) => {
        const active = columnIndex === activeColumn;
        // Only owners adopt: the stage cell opens no editor for anyone else (the server refuses).
        const isEditing =
          active &&
          editing &&
          column.editable &&
          props.canEdit &&
          (column.id !== 'stage' || canAdopt);
        return (
          <div
            key={column.id}
            role="gridcell"
            className={`cell cell-${column.id}${active ? ' active' : ''}`}
            data-column={column.id}
            tabIndex={active && !isEditing ? 0 : -1}
            onClick={() => props.onCell(props.rowIndex, columnIndex, column.editable)}
          >
            {isEditing ? (
              <CellEditor
                action={action}
                column={column.id}
                orgs={props.orgs}
                takeTypedAhead={props.takeTypedAhead}
                onDone={props.onEditDone}
              />
            ) : (
              content(column.id)
            )}
          </div>
        );
      })}
    </div>
  );
});
