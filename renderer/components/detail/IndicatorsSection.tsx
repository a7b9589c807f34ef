// The action's results framework: indicators with baseline, target and dated values. Editors
// change an indicator's fields in place, record a value for a period and remove one (after a
// confirmation).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../shared/calendar';
import * as indicators from '../../../shared/plan/indicators';
import { INDICATOR_FREQUENCY_LIST } from '../../../shared/plan/model';
import type { Action, Indicator } from '../../../shared/plan/schema';
import { indicatorProgress } from '../../../shared/plan/views';
import { LightBadge } from '../common/badges';
import { CommitField } from '../common/CommitField';
import { useFormat } from '../common/format';
import { useOperation } from '../shell/useOperation';
import { fieldLimit } from '../common/fieldLimit';

export function IndicatorsSection({ action, canEdit }: { action: Action; canEdit: boolean }) {
  const { t } = useTranslation();
  const run = useOperation();
  const [name, setName] = useState('');
  return (
    <section className="detail-section" aria-labelledby="indicators-head">
      <h3 id="indicators-head">{t('detail.indicators')}</h3>
      {action.indicators.length === 0 && <p className="muted">{t('detail.none')}</p>}
      {action.indicators.map((indicator) => (
        <IndicatorCard key={indicator.id} action={action} indicator={indicator} canEdit={canEdit} />
      ))}
      {canEdit && (
        <form
          className="row-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (
              name.trim() &&
              run((plan) => indicators.add(plan, action.id, { name: name.trim() }))
            ) {
              setName('');
            }
          }}
        >
          <label className="field grow">
            <span>{t('detail.indicatorName')}</span>
            <input
              value={name}
              {...fieldLimit('name')}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <button type="submit" disabled={!name.trim()}>
            {t('detail.addIndicator')}
          </button>
        </form>
      )}
    </section>
  );
}

function IndicatorCard(props: { action: Action; indicator: Indicator; canEdit: boolean }) {
  const { action, indicator, canEdit } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const run = useOperation();
  const [period, setPeriod] = useState(todayIn().slice(0, 4));
  const [value, setValue] = useState('');
  const progress = indicatorProgress(indicator);
  const edit = (changes: Partial<indicators.IndicatorFields>) =>
    run((plan) => indicators.edit(plan, action.id, indicator.id, changes));
  const number = (text: string) => (text.trim() === '' ? null : Number(text));
  return (
    <div className="card indicator">
      <div className="field-grid">
        <CommitField
          label={t('detail.indicatorName')}
          limit="name"
          value={indicator.name}
          disabled={!canEdit}
          onCommit={(name) => edit({ name })}
        />
        <CommitField
          label={t('detail.unit')}
          limit="unit"
          value={indicator.unit}
          disabled={!canEdit}
          onCommit={(unit) => edit({ unit })}
        />
        <CommitField
          label={t('detail.baseline')}
          type="number"
          value={indicator.baseline === null ? '' : String(indicator.baseline)}
          disabled={!canEdit}
          onCommit={(text) => edit({ baseline: number(text) })}
        />
        <CommitField
          label={t('detail.target')}
          type="number"
          value={indicator.target === null ? '' : String(indicator.target)}
          disabled={!canEdit}
          onCommit={(text) => edit({ target: number(text) })}
        />
        <label className="field">
          <span>{t('detail.frequency')}</span>
          <select
            disabled={!canEdit}
            value={indicator.frequency}
            onChange={(event) => edit({ frequency: event.target.value as Indicator['frequency'] })}
          >
            {INDICATOR_FREQUENCY_LIST.map((frequency) => (
              <option key={frequency} value={frequency}>
                {t(`frequency.${frequency}`, { ns: 'plan' })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {progress.current !== null && (
        <p>
          {t('detail.current', { value: format.number(progress.current) })}{' '}
          <LightBadge light={progress.light} />
        </p>
      )}
      {indicator.values.length > 0 && (
        <table className="mini-table">
          <thead>
            <tr>
              <th scope="col">{t('detail.period')}</th>
              <th scope="col">{t('detail.value')}</th>
              <th scope="col">{t('detail.note')}</th>
              {canEdit && (
                <th scope="col">
                  <span className="sr-only">{t('detail.removeValueShort')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {indicator.values.map((entry) => (
              <tr key={entry.period}>
                <td>{entry.period}</td>
                <td>{format.number(entry.value)}</td>
                <td>{entry.note}</td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="link-button danger-text"
                      aria-label={t('detail.removeValue', { period: entry.period })}
                      onClick={() => {
                        if (!confirm(t('detail.confirmRemoveValue', { period: entry.period })))
                          return;
                        run((plan) =>
                          indicators.removeValue(plan, action.id, indicator.id, entry.period),
                        );
                      }}
                    >
                      {t('detail.removeValueShort')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <form
          className="row-form"
          onSubmit={(event) => {
            event.preventDefault();
            const recorded = run((plan) => {
              indicators.recordValue(plan, action.id, indicator.id, {
                period,
                value: Number(value),
              });
              return true;
            });
            if (recorded) setValue('');
          }}
        >
          <label className="field">
            <span>{t('detail.period')}</span>
            <input value={period} onChange={(event) => setPeriod(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('detail.value')}</span>
            <input type="number" value={value} onChange={(event) => setValue(event.target.value)} />
          </label>
          <button type="submit" disabled={value === ''}>
            {t('detail.recordValue')}
          </button>
          <button
            type="button"
            className="link-button danger-text"
            onClick={() => run((plan) => indicators.remove(plan, action.id, indicator.id))}
          >
            {t('detail.removeIndicator')}
          </button>
        </form>
      )}
    </div>
  );
}
