// The action's budget: amount, currency and source of funds, written together.
import { useTranslation } from 'react-i18next';
import * as actions from '../../../shared/plan/actions';
import type { Action, Budget } from '../../../shared/plan/schema';
import { CommitField } from '../common/CommitField';
import { useOperation } from '../shell/useOperation';

const EMPTY: Budget = { amount: null, currency: '', source: '' };

export function BudgetSection({ action, canEdit }: { action: Action; canEdit: boolean }) {
  const { t } = useTranslation();
  const run = useOperation();
  const budget = action.budget ?? EMPTY;
  const save = (changes: Partial<Budget>) =>
    run((plan) => actions.edit(plan, action.id, { budget: { ...budget, ...changes } }));
  return (
    <section className="detail-section" aria-labelledby="budget-head">
      <h3 id="budget-head">{t('detail.budget')}</h3>
      <div className="field-grid">
        <CommitField
          label={t('detail.amount')}
          type="number"
          value={budget.amount === null ? '' : String(budget.amount)}
          disabled={!canEdit}
          onCommit={(value) => save({ amount: value === '' ? null : Math.max(0, Number(value)) })}
        />
        <CommitField
          label={t('detail.currency')}
          limit="currency"
          value={budget.currency}
          disabled={!canEdit}
          onCommit={(currency) => save({ currency: currency.toUpperCase().slice(0, 10) })}
        />
        <CommitField
          label={t('detail.source')}
          limit="budgetSource"
          value={budget.source}
          disabled={!canEdit}
          onCommit={(source) => save({ source })}
        />
      </div>
    </section>
  );
}
