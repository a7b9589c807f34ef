// What donors and ministries look at: counts, traffic lights, overdue and due soon, progress by
// objective and lead organisation, and which SDG 8 targets and national plan items have no action.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  builtInFrameworks,
  getBuiltInFramework,
  HRAP_FRAMEWORK_ID,
  itemTitle,
  linkKey,
} from '../../../shared/frameworks';
import { ACTION_STATUS_LIST } from '../../../shared/plan/model';
import type { Action } from '../../../shared/plan/schema';
import {
  countByLight,
  countByStage,
  countByStatus,
  coverage,
  dueSoon,
  frameworksOf,
  liveActions,
  overdue,
  summaryByLeadOrganisation,
  summaryByObjective,
  type TrafficLight,
} from '../../../shared/plan/views';
import { usePlanStore } from '../../state/planStore';
import { openAction, setView } from '../../state/viewStore';
import { NO_FILTERS, type SortKey } from '../../state/viewState';
import { todayIn } from '../../../shared/calendar';
import { useFormat } from '../common/format';
import { ProgressBars, Ring } from './charts';
import { ExportPanel } from './ExportPanel';
import { ActionTitle } from '../common/ActionTitle';

const STATUS_COLORS: Record<string, string> = {
  planned: 'var(--c-planned)',
  in_progress: 'var(--c-progress)',
  completed: 'var(--c-done)',
  delayed: 'var(--c-delayed)',
  cancelled: 'var(--c-cancelled)',
};
const LIGHT_COLORS: Record<TrafficLight, string> = {
  green: 'var(--c-green)',
  amber: 'var(--c-amber)',
  red: 'var(--c-red)',
  none: 'var(--c-none)',
};

export function DashboardScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const snapshot = usePlanStore((state) => state.snapshot)!;
  const today = todayIn();
  const data = useMemo(() => {
    const live = liveActions(snapshot);
    const frameworks = frameworksOf(snapshot, builtInFrameworks);
    const hrap = frameworks.find((framework) => framework.id === HRAP_FRAMEWORK_ID);
    return {
      live,
      byStatus: countByStatus(live),
      byStage: countByStage(live),
      byLight: countByLight(live, today),
      overdue: overdue(snapshot, today),
      dueSoon: dueSoon(snapshot, today, 30),
      byObjective: summaryByObjective(snapshot, today),
      byLead: summaryByLeadOrganisation(snapshot, today),
      sdg: coverage(snapshot, getBuiltInFramework('sdg8')!),
      hrap: hrap && hrap.items.length > 0 ? coverage(snapshot, hrap) : [],
    };
  }, [snapshot, today]);

  const objectiveTitle = (id: string | null) =>
    snapshot.objectives.find((objective) => objective.id === id)?.title ?? t('table.noObjective');
  const orgName = (id: string | null) =>
    snapshot.orgs.find((org) => org.id === id)?.name ?? t('table.none');
  const showActions = (filters: Partial<typeof NO_FILTERS>, sort: SortKey = 'order') =>
    setView({
      screen: 'actions',
      filters: { ...NO_FILTERS, ...filters },
      sort,
      descending: false,
      actionId: null,
    });
  const covered = data.sdg.filter((row) => row.actionIds.length > 0).length;

  return (
    <div className="dashboard">
      <section className="kpis" aria-label={t('dashboard.title')}>
        <Kpi
          label={t('dashboard.total')}
          value={format.number(data.live.length)}
          onClick={() => showActions({})}
        />
        <Kpi
          label={t('dashboard.agreed')}
          value={format.number(data.byStage.agreed)}
          onClick={() => showActions({ stages: ['agreed'] })}
        />
        <Kpi
          label={t('dashboard.proposed')}
          value={format.number(data.byStage.proposed)}
          onClick={() => showActions({ stages: ['proposed'] })}
        />
        <Kpi
          label={t('dashboard.completed')}
          value={format.number(data.byStatus.completed)}
          onClick={() => showActions({ statuses: ['completed'] })}
        />
        <Kpi
          label={t('dashboard.overdueCount')}
          value={format.number(data.overdue.length)}
          tone="bad"
          onClick={() => showActions({ overdueOnly: true })}
        />
      </section>
      <div className="dash-grid">
        <section className="card">
          <h2>{t('dashboard.byStatus')}</h2>
          <Ring
            label={t('dashboard.byStatus')}
            centre={format.number(data.live.length)}
            slices={ACTION_STATUS_LIST.map((status) => ({
              key: status,
              label: t(`status.${status}`, { ns: 'plan' }),
              value: data.byStatus[status],
              color: STATUS_COLORS[status]!,
            }))}
          />
        </section>
        <section className="card">
          <h2>{t('dashboard.byLight')}</h2>
          <Ring
            label={t('dashboard.byLight')}
            centre={format.number(data.live.length)}
            slices={(['green', 'amber', 'red', 'none'] as const).map((light) => ({
              key: light,
              label: t(`light.${light}`, { ns: 'plan' }),
              value: data.byLight[light],
              color: LIGHT_COLORS[light],
            }))}
          />
        </section>
        <section className="card">
          <h2>{t('dashboard.overdue')}</h2>
          <ActionList
            actions={data.overdue}
            empty={t('dashboard.nothing')}
            tone="bad"
            showAll={() => showActions({ overdueOnly: true }, 'deadline')}
          />
        </section>
        <section className="card">
          <h2>{t('dashboard.dueSoon')}</h2>
          <ActionList
            actions={data.dueSoon}
            empty={t('dashboard.nothing')}
            showAll={() => showActions({ dueSoonOnly: true }, 'deadline')}
          />
        </section>
        <section className="card wide">
          <h2>{t('dashboard.byObjective')}</h2>
          <ProgressBars
            label={t('dashboard.byObjective')}
            bars={data.byObjective.map((row) => ({
              key: row.id ?? 'none',
              label: objectiveTitle(row.id),
              value: row.meanProgress,
              note: `${t('dashboard.total')}: ${format.number(row.total)} · ${t('dashboard.overdueCount')}: ${format.number(row.overdue)}`,
            }))}
          />
        </section>
        <section className="card wide">
          <h2>{t('dashboard.byLead')}</h2>
          <ProgressBars
            label={t('dashboard.byLead')}
            bars={data.byLead.slice(0, 15).map((row) => ({
              key: row.id ?? 'none',
              label: orgName(row.id),
              value: row.meanProgress,
              note: `${t('dashboard.total')}: ${format.number(row.total)} · ${t('dashboard.overdueCount')}: ${format.number(row.overdue)}`,
              onClick: row.id ? () => showActions({ orgId: row.id }) : undefined,
            }))}
          />
        </section>
        <section className="card wide">
          <h2>{t('dashboard.coverage')}</h2>
          <p className="muted">
            {t('dashboard.coverageHint', {
              covered: format.number(covered),
              total: format.number(data.sdg.length),
            })}
          </p>
          <ul className="coverage">
            {data.sdg.map((row) => (
              <li key={row.item.code}>
                <button
                  type="button"
                  className={`coverage-cell${row.actionIds.length > 0 ? ' covered' : ''}`}
                  title={itemTitle(row.item, format.language)}
                  onClick={() => showActions({ link: linkKey('sdg8', row.item.code) })}
                >
                  <strong>{row.item.code}</strong>
                  <span>{format.number(row.actionIds.length)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <ExportPanel />
        <section className="card wide">
          <h2>{t('dashboard.chapterCoverage')}</h2>
          {data.hrap.length === 0 ? (
            <p className="muted">{t('dashboard.noChapters')}</p>
          ) : (
            <ul className="coverage">
              {data.hrap.map((row) => (
                <li key={row.item.code}>
                  <button
                    type="button"
                    className={`coverage-cell${row.actionIds.length > 0 ? ' covered' : ''}`}
                    title={itemTitle(row.item, format.language)}
                    onClick={() => showActions({ link: linkKey(HRAP_FRAMEWORK_ID, row.item.code) })}
                  >
                    <strong>{row.item.code}</strong>
                    <span>{format.number(row.actionIds.length)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function Kpi(props: { label: string; value: string; tone?: 'bad'; onClick: () => void }) {
  return (
    <button
      type="button"
      className={`kpi${props.tone ? ` kpi-${props.tone}` : ''}`}
      onClick={props.onClick}
    >
      <span className="kpi-value">{props.value}</span>
      <span className="kpi-label">{props.label}</span>
    </button>
  );
}

/** How many actions a dashboard list shows before "show all", which opens the table. */
const LIST_LENGTH = 8;

function ActionList(props: {
  actions: readonly Action[];
  empty: string;
  tone?: 'bad';
  /** opens the Actions table filtered to every action of the list */
  showAll: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (props.actions.length === 0) return <p className="muted">{props.empty}</p>;
  return (
    <>
      <ul className="action-list">
        {props.actions.slice(0, LIST_LENGTH).map((action) => (
          <li key={action.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setView({ screen: 'actions' });
                openAction(action.id);
              }}
            >
              <span className="ref">{action.ref}</span> <ActionTitle action={action} />
            </button>
            <span className={props.tone === 'bad' ? 'overdue' : 'muted'}>
              {format.date(action.deadline)}
            </span>
          </li>
        ))}
      </ul>
      {props.actions.length > LIST_LENGTH && (
        <button type="button" className="link-button show-all" onClick={props.showAll}>
          {t('dashboard.showAll', { total: format.number(props.actions.length) })}
        </button>
      )}
    </>
  );
}
