// Recent changes from the server's audit log (useHistory): who changed which actions and fields.
import { useTranslation } from 'react-i18next';
import type ui from '../../../shared/i18n/ui/en';
import type { ServerMembership } from '../../session/localPlans';
import { useHistory } from '../../session/serverQueries';
import { usePlanStore } from '../../state/planStore';
import { useFormat } from '../common/format';
import { ServerFailure } from '../common/ServerFailure';

/** The labels of an action's stored fields; bookkeeping fields (order, updatedAt, …) are not shown. */
const FIELD_LABELS: Readonly<Record<string, `detail.${keyof typeof ui.detail}`>> = {
  ref: 'detail.ref',
  title: 'detail.title',
  description: 'detail.description',
  objectiveId: 'detail.objective',
  leadOrgId: 'detail.lead',
  partnerOrgIds: 'detail.partners',
  contact: 'detail.contact',
  start: 'detail.start',
  deadline: 'detail.deadline',
  status: 'detail.status',
  progress: 'detail.progress',
  stage: 'detail.stage',
  endorsements: 'detail.endorsements',
  priority: 'detail.priority',
  links: 'detail.links',
  indicators: 'detail.indicators',
  budget: 'detail.budget',
  comments: 'detail.comments',
  updates: 'detail.updates',
  deletedAt: 'detail.remove',
};

/** The plan's other parts an entry may name (the audit's `parts`); actions are listed one by one. */
const PART_LABELS: Readonly<
  Record<string, `planScreen.historyParts.${keyof typeof ui.planScreen.historyParts}`>
> = {
  meta: 'planScreen.historyParts.meta',
  objectives: 'planScreen.historyParts.objectives',
  orgs: 'planScreen.historyParts.orgs',
  frameworks: 'planScreen.historyParts.frameworks',
};

export function HistoryPanel({ server, planId }: { server: ServerMembership; planId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('planScreen.history')}</h3>
      <HistoryList server={server} planId={planId} />
    </>
  );
}

function HistoryList({ server, planId }: { server: ServerMembership; planId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const planActions = usePlanStore((state) => state.snapshot!.actions);
  const history = useHistory(server, planId);
  if (history.isPending) return <p className="muted">{t('planScreen.loadingServer')}</p>;
  if (history.isError) {
    return (
      <ServerFailure
        text={(message) => t('planScreen.historyFailed', { message })}
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }
  const refOf = new Map(planActions.map((action) => [action.id, action.ref]));
  /** Each action by its ref with the fields changed, then the other parts named. */
  const describe = (
    touchedActions: Readonly<Record<string, readonly string[]>>,
    parts: readonly string[],
  ): string => {
    const actions = Object.entries(touchedActions).map(([id, fields]) => {
      const changed = fields.flatMap((field) => {
        const key = FIELD_LABELS[field];
        return key ? [t(key)] : [];
      });
      return `${refOf.get(id) ?? '?'}${changed.length ? ` (${changed.join(', ')})` : ''}`;
    });
    const others = parts.flatMap((part) => {
      const key = PART_LABELS[part];
      return key ? [t(key)] : [];
    });
    const named = [...actions, ...others];
    return named.length > 0 ? named.join('; ') : t('planScreen.historyPlan');
  };
  return (
    <ul className="plain-list history">
      {history.data.length === 0 && <li className="muted">{t('detail.none')}</li>}
      {history.data.map((entry) => (
        <li key={entry.seq} className="list-row">
          <span className="muted">{entry.at ? format.dateTime(entry.at) : ''}</span>
          <span>
            {entry.member
              ? `${entry.member.name} · ${entry.member.organisation}`
              : t('planScreen.historyUnknown')}
          </span>
          <span>{describe(entry.actions, entry.parts)}</span>
        </li>
      ))}
    </ul>
  );
}
