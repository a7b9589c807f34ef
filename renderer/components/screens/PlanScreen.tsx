// The plan itself: title, summary, country and period; for a server plan, who its members are,
// with roles, and who is online now.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type ui from '../../../shared/i18n/ui/en';
import * as actions from '../../../shared/plan/actions';
import * as meta from '../../../shared/plan/meta';
import { findPlan, localUser, saveLocalUser, type LocalPlanEntry } from '../../session/localPlans';
import { publishPlan } from '../../session/publishPlan';
import { openPlanView } from '../../state/viewStore';
import type { HistoryEntry, Member, Role } from '../../../shared/contracts/api';
import { createInvite, listHistory, listMembers } from '../../session/serverApi';
import { serverErrorText } from '../common/serverError';
import { requireToken } from '../../session/memberTokens';
import type { ServerMembership } from '../../session/localPlans';
import { selectCanEdit, usePlanStore } from '../../state/planStore';
import { CommitField } from '../common/CommitField';
import { useFormat } from '../common/format';
import { useSession } from '../shell/planContext';
import { useOperation } from '../shell/useOperation';
import { SavePlanFileSection } from '../planFile/SavePlanFileSection';

export function PlanScreen() {
  const { t } = useTranslation();
  const run = useOperation();
  const session = useSession();
  const canEdit = usePlanStore(selectCanEdit);
  const planId = usePlanStore((state) => state.planId)!;
  const role = usePlanStore((state) => state.role);
  const peers = usePlanStore((state) => state.peers);
  const planMeta = usePlanStore((state) => state.snapshot!.meta);
  // Read once per plan: findPlan parses a fresh copy each call, and an effect keyed on a fresh
  // object would fetch members and history again after every render.
  const entry = useMemo(() => findPlan(planId), [planId]);
  const [members, setMembers] = useState<Member[]>([]);
  const [name, setName] = useState(localUser().name);

  useEffect(() => {
    const server = entry?.server;
    if (!server) return;
    requireToken(planId, server)
      .then((token) => listMembers(server.url, planId, token))
      .then(setMembers)
      .catch(() => setMembers([]));
  }, [entry?.server, planId]);

  return (
    <section className="page">
      <h2>{t('planScreen.title')}</h2>
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
      <form
        className="row-form"
        onSubmit={(event) => {
          event.preventDefault();
          const user = saveLocalUser({ name: name.trim() });
          session.awareness.setLocalStateField('user', {
            id: user.id,
            name: user.name,
            org: user.org,
            color: user.color,
          });
        }}
      >
        <label className="field grow">
          <span>{t('planScreen.profile')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit">{t('detail.save')}</button>
      </form>
      <h3>{t('planScreen.members')}</h3>
      <p className="muted">
        {entry?.server
          ? t('planScreen.serverPlan', {
              server: new URL(entry.server.url).host,
              role: t(`start.role.${role}`),
            })
          : t('planScreen.localPlan')}
      </p>
      {members.length > 0 && (
        <table className="mini-table">
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <td>
                  {member.name}
                  {member.id === entry?.server?.memberId ? ` (${t('planScreen.you')})` : ''}
                </td>
                <td>{member.organisation}</td>
                <td>{t(`start.role.${member.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entry?.server && role === 'owner' && <InviteForm server={entry.server} planId={planId} />}
      {entry && !entry.server && <PublishForm entry={entry} />}
      {entry?.server && <History server={entry.server} planId={planId} />}
      <SavePlanFileSection />
      <h3>{t('planScreen.online')}</h3>
      <ul className="plain-list">
        {peers.length === 0 && <li className="muted">{t('detail.none')}</li>}
        {peers.map((peer) => (
          <li key={peer.clientId}>
            <span className="swatch" style={{ background: peer.color }} aria-hidden="true" />{' '}
            {peer.name}
            {peer.org ? ` · ${peer.org}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function InviteForm({ server, planId }: { server: ServerMembership; planId: string }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('editor');
  const [days, setDays] = useState('7');
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        requireToken(planId, server)
          .then((token) =>
            createInvite(server.url, planId, token, {
              role,
              days: Math.max(1, Number(days) || 7),
            }),
          )
          .then((created) => setLink(created.joinUrl))
          .catch((failure: unknown) => setError(serverErrorText(failure, t)));
      }}
    >
      <h3>{t('planScreen.invite')}</h3>
      <div className="row-form">
        <label className="field">
          <span>{t('planScreen.inviteRole')}</span>
          <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {(['viewer', 'editor', 'owner'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`start.role.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('planScreen.inviteDays')}</span>
          <input
            type="number"
            min={1}
            value={days}
            onChange={(event) => setDays(event.target.value)}
          />
        </label>
        <button type="submit" className="primary">
          {t('planScreen.createInvite')}
        </button>
      </div>
      {link && (
        <label className="field block">
          <span>{t('planScreen.inviteLink')}</span>
          <input readOnly value={link} onFocus={(event) => event.target.select()} />
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
    </form>
  );
}

function PublishForm({ entry }: { entry: LocalPlanEntry }) {
  const { t } = useTranslation();
  const session = useSession();
  const user = localUser();
  const [invite, setInvite] = useState('');
  const [name, setName] = useState(user.name);
  const [organisation, setOrganisation] = useState(user.org);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        const state = session.state();
        publishPlan(entry, state, { invite, name: name.trim(), organisation: organisation.trim() })
          .then((planId) => openPlanView(planId))
          .catch((failure: unknown) => {
            setError(serverErrorText(failure, t));
            setBusy(false);
          });
      }}
    >
      <h3>{t('planScreen.publish')}</h3>
      <p className="muted">{t('planScreen.publishHint')}</p>
      <label className="field block">
        <span>{t('start.inviteLink')}</span>
        <input value={invite} onChange={(event) => setInvite(event.target.value)} required />
      </label>
      <div className="row-form">
        <label className="field">
          <span>{t('start.yourName')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} required />
        </label>
        <label className="field">
          <span>{t('start.yourOrg')}</span>
          <input
            value={organisation}
            onChange={(event) => setOrganisation(event.target.value)}
            required
          />
        </label>
        <button
          type="submit"
          className="primary"
          disabled={busy || !invite || !name.trim() || !organisation.trim()}
        >
          {busy ? t('planScreen.publishing') : t('planScreen.publishButton')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
    </form>
  );
}

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

function History({ server, planId }: { server: ServerMembership; planId: string }) {
  const { t } = useTranslation();
  const planActions = usePlanStore((state) => state.snapshot!.actions);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  useEffect(() => {
    requireToken(planId, server)
      .then((token) => listHistory(server.url, planId, token))
      .then(setEntries)
      .catch(() => setEntries([]));
  }, [server, planId]);
  const refOf = new Map(planActions.map((action) => [action.id, action.ref]));
  const format = useFormat();
  return (
    <>
      <h3>{t('planScreen.history')}</h3>
      <ul className="plain-list history">
        {entries.length === 0 && <li className="muted">{t('detail.none')}</li>}
        {entries.map((entry) => (
          <li key={entry.seq} className="list-row">
            <span className="muted">{entry.at ? format.dateTime(entry.at) : ''}</span>
            <span>
              {entry.member
                ? `${entry.member.name} · ${entry.member.organisation}`
                : t('planScreen.historyUnknown')}
            </span>
            <span>
              {Object.keys(entry.actions).length > 0
                ? Object.entries(entry.actions)
                    .map(([id, fields]) => {
                      const changed = fields.flatMap((field) => {
                        const key = FIELD_LABELS[field];
                        return key ? [t(key)] : [];
                      });
                      return `${refOf.get(id) ?? '?'}${changed.length ? ` (${changed.join(', ')})` : ''}`;
                    })
                    .join('; ')
                : t('planScreen.historyPlan')}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
