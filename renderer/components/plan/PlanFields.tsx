// The plan's own fields on the Plan screen: title, country, period and summary, and renumbering.
import { useTranslation } from 'react-i18next';
import * as actions from '../../../shared/plan/actions';
import * as meta from '../../../shared/plan/meta';
import { selectCanEdit, usePlanStore } from '../../state/planStore';
import { CommitField } from '../common/CommitField';
import { useOperation } from '../shell/useOperation';

export function PlanFields() {
  const { t } = useTranslation();
  const run = useOperation();
  const canEdit = usePlanStore(selectCanEdit);
  const planMeta = usePlanStore((state) => state.snapshot!.meta);
  return (
    <>
      <div className="field-grid plan-fields">
        <CommitField
          label={t('planScreen.planTitle')}
          limit="title"
          value={planMeta.title}
          disabled={!canEdit}
          onCommit={(title) => run((plan) => meta.setTitle(plan, title))}
        />
        <CommitField
          label={t('planScreen.country')}
          limit="country"
          value={planMeta.country}
          disabled={!canEdit}
          onCommit={(country) => run((plan) => meta.setCountry(plan, country))}
        />
        <CommitField
          label={t('planScreen.periodStart')}
          type="date"
          value={planMeta.period?.start ?? ''}
          disabled={!canEdit}
          onCommit={(start) =>
            run((plan) =>
              meta.setPeriod(
                plan,
                start && planMeta.period
                  ? { ...planMeta.period, start }
                  : start
                    ? { start, end: start }
                    : null,
              ),
            )
          }
        />
        <CommitField
          label={t('planScreen.periodEnd')}
          type="date"
          value={planMeta.period?.end ?? ''}
          disabled={!canEdit}
          onCommit={(end) =>
            run((plan) =>
              meta.setPeriod(
                plan,
                end && planMeta.period
                  ? { ...planMeta.period, end }
                  : end
                    ? { start: end, end }
                    : null,
              ),
            )
          }
        />
      </div>
      <CommitField
        label={t('planScreen.summary')}
        limit="summary"
        value={planMeta.summary}
        disabled={!canEdit}
        onCommit={(summary) => run((plan) => meta.setSummary(plan, summary))}
      />
      {canEdit && (
        <div className="row-form">
          <button type="button" onClick={() => run((plan) => actions.renumber(plan))}>
            {t('planScreen.renumber')}
          </button>
          <span className="muted">{t('planScreen.renumberHint')}</span>
        </div>
      )}
    </>
  );
}
