// The drafting screen: filters, the grouped virtual table, and the open action's detail panel.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addAction, importActions } from '../../commands/commands';
import { keyShortcut, perform } from '../../commands/registry';
import * as actions from '../../../shared/plan/actions';
import * as objectives from '../../../shared/plan/objectives';
import { frameworksOf } from '../../../shared/plan/views';
import { tableRows } from '../../selectors/actionRows';
import { liveCount } from '../../selectors/orgUsage';
import { selectCanEdit, usePlanStore } from '../../state/planStore';
import { useViewStore } from '../../state/viewStore';
import { todayIn } from '../../../shared/calendar';
import { useFormat } from '../common/format';
import { ActionDetail } from '../detail/ActionDetail';
import { openActionImport } from '../import/ActionImport';
import { useOperation } from '../shell/useOperation';
import { ActionTable } from '../table/ActionTable';
import { FilterBar } from './FilterBar';
import { useBuiltInFrameworks } from '../common/useBuiltInFrameworks';

export function ActionsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useOperation();
  const snapshot = usePlanStore((state) => state.snapshot)!;
  const canEdit = usePlanStore(selectCanEdit);
  const { filters, sort, descending, actionId } = useViewStore();
  const [newActionId, setNewActionId] = useState<string | null>(null);
  const onEditTitleStarted = useCallback(() => setNewActionId(null), []);
  const [newObjectiveId, setNewObjectiveId] = useState<string | null>(null);
  const onRenameStarted = useCallback(() => setNewObjectiveId(null), []);
  const today = todayIn();
  const untitled = t('untitledAction', { ns: 'plan' });
  const rows = useMemo(
    () => tableRows(snapshot, filters, sort, descending, today, untitled),
    [snapshot, filters, sort, descending, today, untitled],
  );
  const total = useMemo(() => liveCount(snapshot), [snapshot]);
  // The snapshot keeps customFrameworks identical across action edits, so this rarely reruns.
  const { customFrameworks } = snapshot;
  const builtIn = useBuiltInFrameworks();
  const frameworks = useMemo(
    () => frameworksOf({ customFrameworks }, builtIn),
    [customFrameworks, builtIn],
  );
  const shown = rows.length - rows.filter((row) => row.kind === 'objective').length;

  return (
    <div className={`actions-screen${actionId ? ' with-detail' : ''}`}>
      <div className="actions-main">
        <div className="screen-head">
          <FilterBar
            orgs={snapshot.orgs}
            frameworks={frameworks}
            shown={format.number(shown)}
            total={format.number(total)}
          />
          {canEdit && (
            <div className="head-buttons">
              <button
                type="button"
                className="primary"
                aria-keyshortcuts={keyShortcut(addAction)}
                title={t('table.addActionHint')}
                onClick={() => {
                  const firstObjective = snapshot.objectives.find(
                    (objective) => !objective.deletedAt,
                  );
                  perform(addAction, {
                    canEdit,
                    editing: false,
                    objectiveId: firstObjective?.id ?? null,
                    addAction: (objectiveId) => {
                      const id = run((plan) => actions.create(plan, { objectiveId }));
                      if (id) setNewActionId(id);
                    },
                  });
                }}
              >
                + {t(addAction.label)}
              </button>
              <button
                type="button"
                onClick={() => {
                  // The new objective's name opens for typing, its default name selected.
                  const id = run((plan) =>
                    objectives.create(plan, { title: t('table.newObjective') }),
                  );
                  if (id) setNewObjectiveId(id);
                }}
              >
                + {t('table.addObjective')}
              </button>
              <button
                type="button"
                aria-haspopup="dialog"
                onClick={() => perform(importActions, { canEdit, importActions: openActionImport })}
              >
                {t(importActions.label)}
              </button>
            </div>
          )}
        </div>
        {total === 0 ? (
          <p className="empty">{t(canEdit ? 'table.emptyPlan' : 'table.emptyPlanReadOnly')}</p>
        ) : shown === 0 ? (
          <p className="empty">{t('table.empty')}</p>
        ) : null}
        <ActionTable
          rows={rows}
          planOrder={sort === 'order' && !descending}
          orgs={snapshot.orgs}
          editTitleOf={newActionId}
          onEditTitleStarted={onEditTitleStarted}
          renameObjectiveOf={newObjectiveId}
          onRenameStarted={onRenameStarted}
        />
      </div>
      {actionId && <ActionDetail actionId={actionId} />}
    </div>
  );
}
