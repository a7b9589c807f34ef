// Search, filters and sort for the actions table; every change goes to the URL (viewStore).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  linkKey,
  textIn,
  type Framework,
  type FrameworkItem,
  type Language,
} from '../../../shared/frameworks';
import { useFormat } from '../common/format';
import { ACTION_STAGE_LIST, ACTION_STATUS_LIST } from '../../../shared/plan/model';
import type { Organisation } from '../../../shared/plan/schema';
import { TRAFFIC_LIGHTS, type TrafficLight } from '../../../shared/plan/views';
import { clearFilters, setFilters, setView, useViewStore } from '../../state/viewStore';
import { hasFilters, SORT_KEYS, type SortKey } from '../../state/viewState';

interface Props {
  readonly orgs: readonly Organisation[];
  /** built-in and plan-defined, for the framework item filter */
  readonly frameworks: readonly Framework[];
  readonly shown: string;
  readonly total: string;
}

/**
 * An item's title for a compact list, only where it exists in the reader's language (or was
 * entered by the plan's owners): codes alone stand in for English-only texts (UNGPs, ILO, OECD).
 */
function optionTitle(framework: Framework, item: FrameworkItem, language: Language): string {
  const title = framework.origin === 'plan' ? item.title.en : item.title[language];
  return title ? title.slice(0, 60) : '';
}

/** Memoised: a remote edit that changes no count or organisation does not re-render the bar. */
export const FilterBar = memo(function FilterBar({ orgs, frameworks, shown, total }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { filters, sort, descending } = useViewStore();
  const single = <T extends string>(values: readonly T[]): T | '' => values[0] ?? '';
  return (
    <search className="filter-bar" aria-label={t('filters.label')}>
      <label className="field grow">
        <span className="sr-only">{t('filters.search')}</span>
        <input
          type="search"
          placeholder={t('filters.searchPlaceholder')}
          aria-label={t('filters.search')}
          value={filters.text}
          onChange={(event) => setFilters({ text: event.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('filters.status')}</span>
        <select
          value={single(filters.statuses)}
          onChange={(event) =>
            setFilters({
              statuses: event.target.value
                ? [event.target.value as (typeof filters.statuses)[number]]
                : [],
            })
          }
        >
          <option value="">{t('filters.any')}</option>
          {ACTION_STATUS_LIST.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`, { ns: 'plan' })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('filters.stage')}</span>
        <select
          value={single(filters.stages)}
          onChange={(event) =>
            setFilters({
              stages: event.target.value
                ? [event.target.value as (typeof filters.stages)[number]]
                : [],
            })
          }
        >
          <option value="">{t('filters.any')}</option>
          {ACTION_STAGE_LIST.map((stage) => (
            <option key={stage} value={stage}>
              {t(`stage.${stage}`, { ns: 'plan' })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('filters.light')}</span>
        <select
          value={single(filters.lights)}
          onChange={(event) =>
            setFilters({ lights: event.target.value ? [event.target.value as TrafficLight] : [] })
          }
        >
          <option value="">{t('filters.any')}</option>
          {(Object.keys(TRAFFIC_LIGHTS) as TrafficLight[]).map((light) => (
            <option key={light} value={light}>
              {t(`light.${light}`, { ns: 'plan' })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('filters.organisation')}</span>
        <select
          value={filters.orgId ?? ''}
          onChange={(event) => setFilters({ orgId: event.target.value || null })}
        >
          <option value="">{t('filters.any')}</option>
          {orgs.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.overdueOnly}
          onChange={(event) => setFilters({ overdueOnly: event.target.checked })}
        />
        {t('filters.overdue')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.dueSoonOnly}
          onChange={(event) => setFilters({ dueSoonOnly: event.target.checked })}
        />
        {t('filters.dueSoon')}
      </label>
      <label className="field">
        <span>{t('filters.sort')}</span>
        <select value={sort} onChange={(event) => setView({ sort: event.target.value as SortKey })}>
          {(Object.keys(SORT_KEYS) as SortKey[]).map((key) => (
            <option key={key} value={key}>
              {t(`filters.sortKey.${key}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={descending}
          onChange={(event) => setView({ descending: event.target.checked })}
        />
        {t('filters.descending')}
      </label>
      <label className="field">
        <span>{t('filters.framework')}</span>
        <select
          value={filters.link ?? ''}
          onChange={(event) => setFilters({ link: event.target.value || null })}
        >
          <option value="">{t('filters.any')}</option>
          {frameworks.map((framework) => (
            <optgroup key={framework.id} label={textIn(framework.shortName, format.language)}>
              {framework.items
                .filter((item) => item.kind !== 'indicator')
                .map((item) => (
                  <option key={item.code} value={linkKey(framework.id, item.code)}>
                    {item.code} {optionTitle(framework, item, format.language)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      {hasFilters(filters) && (
        <button type="button" className="link-button" onClick={clearFilters}>
          {t('filters.clear')}
        </button>
      )}
      <span className="muted shown" aria-live="polite">
        {t('table.shown', { shown, total })}
      </span>
    </search>
  );
});
