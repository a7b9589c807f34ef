// Search, filters and sort for the actions table; every change goes to the URL (viewStore).
import { useTranslation } from 'react-i18next';
import { getBuiltInFramework, parseLinkKey, textIn } from '../../../shared/frameworks';
import type { Language } from '../../../shared/frameworks/types';
import { useFormat } from '../common/format';
import { ACTION_STAGE_LIST, ACTION_STATUS_LIST } from '../../../shared/plan/model';
import type { Organisation } from '../../../shared/plan/schema';
import { TRAFFIC_LIGHTS, type TrafficLight } from '../../../shared/plan/views';
import { clearFilters, setFilters, setView, useViewStore } from '../../state/viewStore';
import { hasFilters, SORT_KEYS, type SortKey } from '../../state/viewState';

interface Props {
  readonly orgs: readonly Organisation[];
  readonly shown: string;
  readonly total: string;
}

/** "SDG 8 8.7" for the link key "sdg8:8.7" (custom frameworks show their id). */
function linkLabel(key: string, language: Language): string {
  const link = parseLinkKey(key);
  if (!link) return key;
  const framework = getBuiltInFramework(link.frameworkId);
  return `${framework ? textIn(framework.shortName, language) : link.frameworkId} ${link.code}`;
}

export function FilterBar({ orgs, shown, total }: Props) {
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
      {filters.link && (
        <span className="chip">
          {t('filters.framework')}: {linkLabel(filters.link, format.language)}
          <button
            type="button"
            className="chip-remove"
            aria-label={t('filters.clear')}
            onClick={() => setFilters({ link: null })}
          >
            ×
          </button>
        </span>
      )}
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
}
