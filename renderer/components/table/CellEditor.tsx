// The editor of one table cell: writes through shared operations, commits on Enter or when it
// loses focus (selects and dates at once), and gives focus back to the table on Escape.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as actions from '../../../shared/plan/actions';
import { ACTION_STATUS_LIST } from '../../../shared/plan/model';
import type { Action, Organisation } from '../../../shared/plan/schema';
import { BoundTextInput, type TypedAhead } from '../common/BoundTextInput';
import { useOperation } from '../shell/useOperation';
import type { ColumnId } from './columns';

interface Props {
  readonly action: Action;
  readonly column: ColumnId;
  readonly orgs: readonly Organisation[];
  /** keys typed for a new action before this editor existed: they replace its placeholder */
  readonly takeTypedAhead?: () => TypedAhead;
  readonly onDone: (move?: 'down') => void;
}

export function CellEditor({ action, column, orgs, takeTypedAhead, onDone }: Props) {
  const { t } = useTranslation();
  const run = useOperation();
  const finishKeys = (event: KeyboardEvent<HTMLElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') onDone();
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      onDone('down');
    }
  };

  switch (column) {
    case 'title':
      return (
        <BoundTextInput
          actionId={action.id}
          field="title"
          label={t('table.title')}
          autoFocus
          // A new action's placeholder title is selected, so typing replaces it.
          selectAll={action.title === t('table.newAction')}
          takeTypedAhead={takeTypedAhead}
          onFinish={() => onDone()}
          className="cell-input"
          onKeyDown={finishKeys}
          onBlur={() => onDone()}
        />
      );
    case 'ref':
      return (
        <CommitInput
          label={t('table.ref')}
          initial={action.ref}
          onCommit={(ref) => run((plan) => actions.edit(plan, action.id, { ref }))}
          onDone={onDone}
        />
      );
    case 'progress':
      return (
        <CommitInput
          label={t('table.progress')}
          initial={String(action.progress)}
          type="number"
          onCommit={(value) =>
            run((plan) =>
              actions.edit(plan, action.id, {
                progress: Math.round(Math.min(100, Math.max(0, Number(value) || 0))),
              }),
            )
          }
          onDone={onDone}
        />
      );
    case 'deadline':
      return (
        <CommitInput
          label={t('table.deadline')}
          initial={action.deadline ?? ''}
          type="date"
          onCommit={(value) =>
            run((plan) => actions.edit(plan, action.id, { deadline: value || null }))
          }
          onDone={onDone}
        />
      );
    case 'lead':
      return (
        <select
          className="cell-input"
          aria-label={t('table.lead')}
          autoFocus
          value={action.leadOrgId ?? ''}
          onKeyDown={finishKeys}
          onBlur={() => onDone()}
          onChange={(event) => {
            const leadOrgId = event.target.value || null;
            run((plan) => actions.edit(plan, action.id, { leadOrgId }));
            onDone();
          }}
        >
          <option value="">{t('table.none')}</option>
          {orgs.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      );
    case 'status':
      return (
        <select
          className="cell-input"
          aria-label={t('table.status')}
          autoFocus
          value={action.status}
          onKeyDown={finishKeys}
          onBlur={() => onDone()}
          onChange={(event) => {
            const status = event.target.value as Action['status'];
            run((plan) => actions.edit(plan, action.id, { status }));
            onDone();
          }}
        >
          {ACTION_STATUS_LIST.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`, { ns: 'plan' })}
            </option>
          ))}
        </select>
      );
    case 'stage':
      return (
        <select
          className="cell-input"
          aria-label={t('table.stage')}
          autoFocus
          value={action.stage}
          onKeyDown={finishKeys}
          onBlur={() => onDone()}
          onChange={(event) => {
            const agreed = event.target.value === 'agreed';
            run((plan) =>
              agreed ? actions.agree(plan, action.id) : actions.propose(plan, action.id),
            );
            onDone();
          }}
        >
          <option value="proposed">{t('stage.proposed', { ns: 'plan' })}</option>
          <option value="agreed">{t('stage.agreed', { ns: 'plan' })}</option>
        </select>
      );
    default:
      return null;
  }
}

function CommitInput(props: {
  label: string;
  initial: string;
  type?: string;
  onCommit: (value: string) => void;
  onDone: (move?: 'down') => void;
}) {
  const [value, setValue] = useState(props.initial);
  const commit = () => {
    if (value !== props.initial) props.onCommit(value);
  };
  return (
    <input
      className="cell-input"
      aria-label={props.label}
      type={props.type ?? 'text'}
      autoFocus
      value={value}
      min={props.type === 'number' ? 0 : undefined}
      max={props.type === 'number' ? 100 : undefined}
      onChange={(event) => {
        setValue(event.target.value);
        // A date picker's choice is a complete value: write it at once.
        if (props.type === 'date' && event.target.value !== props.initial) {
          props.onCommit(event.target.value);
        }
      }}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') props.onDone();
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
          props.onDone('down');
        }
      }}
      onBlur={() => {
        if (props.type !== 'date') commit();
        props.onDone();
      }}
    />
  );
}
