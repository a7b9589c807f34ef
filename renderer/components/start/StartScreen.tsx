// The start screen: plans on this computer, create a local plan (no server needed), join a
// server plan with an invite link or code. A join link (#/join?plan=…&code=…) fills the form.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePendingInvite } from '../../session/desktopEvents';
import { localStore } from '../../session/localReplica';
import { forgetCachedSnapshot } from '../../session/snapshotCache';
import { listPlans, localUser, saveLocalUser, savePlan } from '../../session/localPlans';
import { forgetPlanAndToken, saveJoinedPlan } from '../../session/memberTokens';
import { joinPlan, parseInvite } from '../../session/serverApi';
import { serverErrorText } from '../common/serverError';
import { openPlanView } from '../../state/viewStore';
import { PlanJsonImport } from '../import/PlanJsonImport';
import { useFormat } from '../common/format';
import { Preferences } from '../shell/Preferences';
import { OpenPlanFileCard } from '../planFile/OpenPlanFileCard';
import { MAX_LENGTH } from '../../../shared/plan/model';

export function StartScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const [plans, setPlans] = useState(listPlans);
  const [title, setTitle] = useState('');
  const user = localUser();
  const [invite, setInvite] = useState(() =>
    location.hash.startsWith('#/join') ? location.href : '',
  );
  // A join link from the desktop shell (accord://join) fills the form.
  // Taken during render (React's pattern for state that follows a changing input), then cleared
  // from the desktop's store so the same link can come again.
  const pending = usePendingInvite((state) => state.link);
  const [seenPending, setSeenPending] = useState<string | null>(null);
  if (pending !== seenPending) {
    setSeenPending(pending);
    if (pending) setInvite(pending);
  }
  useEffect(() => {
    if (pending) usePendingInvite.setState({ link: null });
  }, [pending]);
  const [name, setName] = useState(user.name);
  const [org, setOrg] = useState(user.org);
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);

  const create = () => {
    const planId = crypto.randomUUID();
    savePlan({
      planId,
      title: title.trim(),
      server: null,
      lastSyncedAt: null,
      storedState: null,
      updatedAt: new Date().toISOString(),
    });
    openPlanView(planId);
  };

  const join = async () => {
    const link = parseInvite(invite, location.protocol.startsWith('http') ? location.origin : '');
    if (!link) return setJoinError(t('start.joinFailed', { reason: t('start.inviteLink') }));
    setJoining(true);
    setJoinError(null);
    try {
      saveLocalUser({ name: name.trim(), org: org.trim() });
      const joined = await joinPlan(link.serverUrl, {
        code: link.code,
        name: name.trim(),
        organisation: org.trim(),
      });
      await saveJoinedPlan(link.serverUrl, joined, joined.title);
      history.replaceState(null, '', location.pathname);
      openPlanView(joined.planId);
    } catch (error) {
      setJoinError(t('start.joinFailed', { reason: serverErrorText(error, t) }));
    } finally {
      setJoining(false);
    }
  };

  return (
    <div className="start">
      <header className="topbar">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <h1 className="plan-title">{t('app.name')}</h1>
        <span className="muted">{t('app.tagline')}</span>
        <div className="spacer" />
        <Preferences />
      </header>
      <main className="start-grid">
        <section className="card" aria-labelledby="plans-head">
          <h2 id="plans-head">{t('start.title')}</h2>
          {plans.length === 0 && <p className="muted">{t('start.empty')}</p>}
          <ul className="plan-list">
            {plans.map((plan) => (
              <li key={plan.planId} className="plan-item">
                <button
                  type="button"
                  className="plan-open"
                  onClick={() => openPlanView(plan.planId)}
                >
                  <strong>{plan.title}</strong>
                  <span className="muted">
                    {plan.server
                      ? `${t('start.server', { server: new URL(plan.server.url).host })} · ${t(`start.role.${plan.server.role}`)} · ${
                          plan.lastSyncedAt
                            ? t('start.lastSynced', { when: format.dateTime(plan.lastSyncedAt) })
                            : t('start.neverSynced')
                        }`
                      : t('start.localOnly')}
                  </span>
                </button>
                <button
                  type="button"
                  className="link-button danger-text"
                  onClick={() => {
                    if (!confirm(t('start.confirmRemove', { title: plan.title }))) return;
                    void forgetPlanAndToken(plan.planId).then(() => setPlans(listPlans()));
                    void localStore().then((store) => store.remove(plan.planId));
                    void forgetCachedSnapshot(plan.planId);
                  }}
                >
                  {t('start.remove')}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="create-head">
          <h2 id="create-head">{t('start.createTitle')}</h2>
          <p className="muted">{t('start.createHint')}</p>
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              if (title.trim()) create();
            }}
          >
            <label className="field block">
              <span>{t('start.planTitle')}</span>
              <input
                value={title}
                maxLength={MAX_LENGTH.title}
                onChange={(event) => setTitle(event.target.value)}
                required
              />
            </label>
            <button type="submit" className="primary" disabled={!title.trim()}>
              {t('start.create')}
            </button>
          </form>
        </section>
        <section className="card" aria-labelledby="join-head">
          <h2 id="join-head">{t('start.joinTitle')}</h2>
          <p className="muted">{t('start.joinHint')}</p>
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              void join();
            }}
          >
            <label className="field block">
              <span>{t('start.inviteLink')}</span>
              <input value={invite} onChange={(event) => setInvite(event.target.value)} required />
            </label>
            <label className="field block">
              <span>{t('start.yourName')}</span>
              <input value={name} onChange={(event) => setName(event.target.value)} required />
            </label>
            <label className="field block">
              <span>{t('start.yourOrg')}</span>
              <input value={org} onChange={(event) => setOrg(event.target.value)} required />
            </label>
            <button
              type="submit"
              className="primary"
              disabled={joining || !invite || !name.trim() || !org.trim()}
            >
              {joining ? t('start.joining') : t('start.join')}
            </button>
            {joinError && (
              <p className="error" role="alert">
                {joinError}
              </p>
            )}
          </form>
        </section>
        <OpenPlanFileCard />
        <PlanJsonImport />
      </main>
    </div>
  );
}
