// Removed actions, newest first: restore them, or (editors) delete them for ever. Then removed
// objectives, newest first, which editors restore (there is no deleting an objective for ever).
import { useTranslation } from 'react-i18next';
import * as actions from '../../../shared/plan/actions';
import * as objectives from '../../../shared/plan/objectives';
import { removedObjectives, trash } from '../../../shared/plan/views';
import { selectCanEdit, usePlanStore } from '../../state/planStore';
import { useFormat } from '../common/format';
import { useOperation } from '../shell/useOperation';
import { ActionTitle, useActionTitle } from '../common/ActionTitle';

export function TrashScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const titleOf = useActionTitle();
  const run = useOperation();
  const canEdit = usePlanStore(selectCanEdit);
  const snapshot = usePlanStore((state) => state.snapshot)!;
  const removed = trash(snapshot);
  const removedGroups = removedObjectives(snapshot);
  return (
    <section className="page">
      <h2>{t('trash.title')}</h2>
      {removed.length === 0 && removedGroups.length === 0 && (
        <p className="muted">{t('trash.empty')}</p>
      )}
      <ul className="plain-list">
        {removed.map((action) => (
          <li key={action.id} className="list-row">
            <span>
              <span className="ref">{action.ref}</span> <ActionTitle action={action} />
            </span>
            <span className="muted">
              {t('trash.removedAt', { when: format.date(action.deletedAt) })}
            </span>
            {canEdit && (
              <>
                <button
                  type="button"
                  onClick={() => run((plan) => actions.restore(plan, action.id))}
                >
                  {t('trash.restore')}
                </button>
                <button
                  type="button"
                  className="link-button danger-text"
                  onClick={() => {
                    // the one edit nobody can take back: not undo, not restore, not another copy
                    if (!confirm(t('trash.confirmPurge', { title: titleOf(action) }))) return;
                    run((plan) => actions.purge(plan, action.id));
                  }}
                >
                  {t('trash.purge')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {removedGroups.length > 0 && (
        <>
          <h3 id="trash-objectives">{t('trash.objectives')}</h3>
          <ul className="plain-list" aria-labelledby="trash-objectives">
            {removedGroups.map((objective) => (
              <li key={objective.id} className="list-row">
                <span>{objective.title}</span>
                <span className="muted">
                  {t('trash.removedAt', { when: format.date(objective.deletedAt) })}
                </span>
                {canEdit && (
                  <button
                    type="button"
                    aria-label={t('trash.restoreObjective', { title: objective.title })}
                    onClick={() => run((plan) => objectives.restore(plan, objective.id))}
                  >
                    {t('trash.restore')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
