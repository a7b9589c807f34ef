// The open action with every field the plan keeps for it, in sections. Title and description are
// bound to their Y.Text (character-level co-editing); everything else writes through shared
// operations.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { removeAction } from '../../commands/commands';
import { perform } from '../../commands/registry';
import * as actions from '../../../shared/plan/actions';
import { actionHealth } from '../../../shared/plan/views';
import { selectCanEdit, usePlanStore } from '../../state/planStore';
import { openAction } from '../../state/viewStore';
import { LightBadge } from '../common/badges';
import { BoundTextInput } from '../common/BoundTextInput';
import { todayIn } from '../../../shared/calendar';
import { useFormat } from '../common/format';
import { useOperation } from '../shell/useOperation';
import { BudgetSection } from './BudgetSection';
import { CommentsSection } from './CommentsSection';
import { EndorsementsSection } from './EndorsementsSection';
import { FieldsSection } from './FieldsSection';
import { IndicatorsSection } from './IndicatorsSection';
import { LinksSection } from './LinksSection';
import { PartnersSection } from './PartnersSection';
import { UpdatesSection } from './UpdatesSection';
import { FieldPresence } from './FieldPresence';

export function ActionDetail({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useOperation();
  const canEdit = usePlanStore(selectCanEdit);
  const action = usePlanStore((state) =>
    state.snapshot?.actions.find((candidate) => candidate.id === actionId),
  );
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [actionId]);

  if (!action) return null;
  const health = actionHealth(action, todayIn());
  /** Closes the panel; the focus goes back to the table's cursor, on the row it came from. */
  const close = () => {
    openAction(null);
    document.querySelector<HTMLElement>('.grid .cell.active')?.focus();
  };
  const removeContext = {
    canEdit,
    actionId: action.id,
    removed: Boolean(action.deletedAt),
    removeAction: (id: string) => {
      run((plan) => actions.remove(plan, id));
      openAction(null);
    },
  };
  return (
    <aside
      ref={panel}
      className="detail"
      aria-label={t('detail.label')}
      onKeyDown={(event) => {
        // Escape closes the panel from anywhere in it, fields included (they write as they are
        // typed or on blur), unless a field used it to take back its edit or a dialog is open.
        const target = event.target as HTMLElement;
        if (event.key !== 'Escape' || event.defaultPrevented || target.closest('dialog')) return;
        event.preventDefault();
        close();
      }}
    >
      <header className="detail-head">
        <h2 tabIndex={-1}>
          <span className="ref">{action.ref}</span> <LightBadge light={health.light} />
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('detail.close')}
          onClick={close}
        >
          ✕
        </button>
      </header>
      {action.deletedAt && (
        <div className="banner warn" role="status">
          {t('detail.removed')}{' '}
          {canEdit && (
            <button type="button" onClick={() => run((plan) => actions.restore(plan, action.id))}>
              {t('detail.restore')}
            </button>
          )}
        </div>
      )}
      <label className="field block">
        <span>
          {t('detail.title')} <FieldPresence actionId={action.id} field="title" />
        </span>
        <BoundTextInput
          actionId={action.id}
          field="title"
          label={t('detail.title')}
          placeholder={t('untitledAction', { ns: 'plan' })}
          readOnly={!canEdit}
          className="title-input"
        />
      </label>
      <label className="field block">
        <span>
          {t('detail.description')} <FieldPresence actionId={action.id} field="description" />
        </span>
        <BoundTextInput
          actionId={action.id}
          field="description"
          label={t('detail.description')}
          multiline
          readOnly={!canEdit}
        />
      </label>
      <FieldsSection action={action} canEdit={canEdit} />
      <PartnersSection action={action} canEdit={canEdit} />
      <LinksSection action={action} canEdit={canEdit} />
      <EndorsementsSection action={action} canEdit={canEdit} />
      <IndicatorsSection action={action} canEdit={canEdit} />
      <BudgetSection action={action} canEdit={canEdit} />
      <UpdatesSection action={action} canEdit={canEdit} />
      <CommentsSection action={action} canEdit={canEdit} />
      <footer className="detail-foot">
        <p className="muted">
          {t('detail.created', { when: format.date(action.createdAt) })} ·{' '}
          {t('detail.updated', { when: format.date(action.updatedAt) })}
        </p>
        {removeAction.when(removeContext) && (
          <button
            type="button"
            className="danger"
            onClick={() => perform(removeAction, removeContext)}
          >
            {t(removeAction.label)}
          </button>
        )}
      </footer>
    </aside>
  );
}
