// An objective's header row in the table: its title, how many actions are shown, and (for
// editors) a button that adds an action to it.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableRow } from '../../selectors/actionRows';
import { useFormat } from '../common/format';

interface Props {
  readonly row: Extract<TableRow, { kind: 'objective' }>;
  readonly top: number;
  readonly rowIndex: number;
  readonly active: boolean;
  readonly canEdit: boolean;
  readonly onAdd: (objectiveId: string | null) => void;
  readonly onFocus: () => void;
}

export const ObjectiveRow = memo(function ObjectiveRow(props: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { objective, count } = props.row;
  return (
    <div
      role="row"
      aria-rowindex={props.rowIndex + 2}
      className="grid-row objective-row"
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <div
        role="gridcell"
        aria-colspan={9}
        className={`cell objective-cell${props.active ? ' active' : ''}`}
        tabIndex={props.active ? 0 : -1}
        onClick={props.onFocus}
      >
        <span className="objective-title">
          {objective ? objective.title : t('table.noObjective')}
        </span>
        <span className="muted">{t('table.actionsCount', { n: format.number(count) })}</span>
        {props.canEdit && (
          <button
            type="button"
            className="link-button"
            tabIndex={-1}
            onClick={(event) => {
              event.stopPropagation();
              props.onAdd(objective?.id ?? null);
            }}
          >
            + {t('table.addAction')}
          </button>
        )}
      </div>
    </div>
  );
});
