// The action's own scalar fields: ref, objective, lead, contact, dates, status, progress, stage,
// priority. Each writes on change (selects, dates) or when the field is left (text, numbers).
import { useTranslation } from 'react-i18next';
import * as actions from '../../../shared/plan/actions';
import { ACTION_STATUS_LIST, PRIORITY_LIST, type Priority } from '../../../shared/plan/model';
import type { Action } from '../../../shared/plan/schema';
import { selectCanAdopt, usePlanStore } from '../../state/planStore';
import { CommitField } from '../common/CommitField';
import { useSession } from '../shell/planContext';
import { useOperation } from '../shell/useOperation';
import { FieldPresence } from './FieldPresence';

export function FieldsSection({ action, canEdit }: { action: Action; canEdit: boolean }) {
  const canAdopt = usePlanStore(selectCanAdopt);
  const { t } = useTranslation();
  const run = useOperation();
  const session = useSession();
  const presence = (field: string) => <FieldPresence actionId={action.id} field={field} />;
  const snapshot = usePlanStore((state) => state.snapshot)!;
  const objectives = snapshot.objectives.filter((objective) => !objective.deletedAt);
  const edit = (changes: actions.ActionChanges) =>
    run((plan) => actions.edit(plan, action.id, changes));
  return (
    // Focus anywhere in a named field tells the others which field this user is editing.
    <div
      className="field-grid"
      onFocus={(event) => {
        const field = (event.target as HTMLElement)
          .closest('[data-field-name]')
          ?.getAttribute('data-field-name');
        if (field) session.focus({ actionId: action.id, field });
      }}
      onBlur={() => session.focus(null)}
    >
      <CommitField
        label={t('detail.ref')}
        name="ref"
        limit="ref"
        adornment={presence('ref')}
        value={action.ref}
        disabled={!canEdit}
        onCommit={(ref) => edit({ ref })}
      />
      <label className="field" data-field-name="objective">
        <span>
          {t('detail.objective')} {presence('objective')}
        </span>
        <select
          disabled={!canEdit}
          value={action.objectiveId ?? ''}
          onChange={(event) =>
            run((plan) =>
              actions.move(plan, action.id, {
                objectiveId: event.target.value || null,
                index: Number.MAX_SAFE_INTEGER,
              }),
            )
          }
        >
          <option value="">{t('table.noObjective')}</option>
          {objectives.map((objective) => (
            <option key={objective.id} value={objective.id}>
              {objective.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field" data-field-name="lead">
        <span>
          {t('detail.lead')} {presence('lead')}
        </span>
        <select
          disabled={!canEdit}
          value={action.leadOrgId ?? ''}
          onChange={(event) => edit({ leadOrgId: event.target.value || null })}
        >
          <option value="">{t('table.none')}</option>
          {snapshot.orgs.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </label>
      <CommitField
        label={t('detail.contact')}
        name="contact"
        limit="contact"
        adornment={presence('contact')}
        value={action.contact}
        disabled={!canEdit}
        onCommit={(contact) => edit({ contact })}
      />
      <CommitField
        label={t('detail.start')}
        name="start"
        adornment={presence('start')}
        type="date"
        value={action.start ?? ''}
        disabled={!canEdit}
        onCommit={(start) => edit({ start: start || null })}
      />
      <CommitField
        label={t('detail.deadline')}
        name="deadline"
        adornment={presence('deadline')}
        type="date"
        value={action.deadline ?? ''}
        disabled={!canEdit}
        onCommit={(deadline) => edit({ deadline: deadline || null })}
      />
      <label className="field" data-field-name="status">
        <span>
          {t('detail.status')} {presence('status')}
        </span>
        <select
          disabled={!canEdit}
          value={action.status}
          onChange={(event) => edit({ status: event.target.value as Action['status'] })}
        >
          {ACTION_STATUS_LIST.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`, { ns: 'plan' })}
            </option>
          ))}
        </select>
      </label>
      <CommitField
        label={t('detail.progress')}
        name="progress"
        adornment={presence('progress')}
        type="number"
        value={String(action.progress)}
        disabled={!canEdit}
        onCommit={(value) =>
          edit({ progress: Math.round(Math.min(100, Math.max(0, Number(value) || 0))) })
        }
      />
      <label className="field" data-field-name="stage">
        <span>
          {t('detail.stage')} {presence('stage')}
        </span>
        <select
          disabled={!canEdit || !canAdopt}
          title={canEdit && !canAdopt ? t('planScreen.ownerOnly') : undefined}
          value={action.stage}
          onChange={(event) =>
            run((plan) =>
              event.target.value === 'agreed'
                ? actions.agree(plan, action.id)
                : actions.propose(plan, action.id),
            )
          }
        >
          <option value="proposed">{t('stage.proposed', { ns: 'plan' })}</option>
          <option value="agreed">{t('stage.agreed', { ns: 'plan' })}</option>
        </select>
      </label>
      <label className="field" data-field-name="priority">
        <span>
          {t('detail.priority')} {presence('priority')}
        </span>
        <select
          disabled={!canEdit}
          value={action.priority ?? ''}
          onChange={(event) => edit({ priority: (event.target.value || null) as Priority | null })}
        >
          <option value="">{t('detail.noPriority')}</option>
          {PRIORITY_LIST.map((priority) => (
            <option key={priority} value={priority}>
              {t(`priority.${priority}`, { ns: 'plan' })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
