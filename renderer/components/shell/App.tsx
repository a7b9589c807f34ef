// The app: the start screen, or the plan named in the URL opened as a session.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newPlan } from '../../commands/commands';
import { useCommands } from '../../commands/useCommands';
import { listenToDesktop } from '../../session/desktopEvents';
import { findPlan, localUser } from '../../session/localPlans';
import type { LocalReplicaFactory } from '../../session/localReplica';
import { openSession, type PlanSession } from '../../session/planSession';
import { openPlanView, useViewStore } from '../../state/viewStore';
import { StartScreen } from '../start/StartScreen';
import { PlanContext } from './planContext';
import { Workspace } from './Workspace';

const APP_COMMANDS = [newPlan];
const toStart = () => openPlanView(null);

export function App({ replicaFactory }: { replicaFactory: LocalReplicaFactory }) {
  const planId = useViewStore((state) => state.planId);
  // A join link from the desktop shell goes to the start screen's join form.
  useEffect(() => listenToDesktop(toStart), []);
  useCommands(APP_COMMANDS, { newPlan: toStart });
  return planId ? (
    <PlanLoader key={planId} planId={planId} replicaFactory={replicaFactory} />
  ) : (
    <StartScreen />
  );
}

function PlanLoader({
  planId,
  replicaFactory,
}: {
  planId: string;
  replicaFactory: LocalReplicaFactory;
}) {
  const { t } = useTranslation();
  // Keyed by the plan id (App), so the plan list is read once per plan opened.
  const [entry] = useState(() => findPlan(planId));
  const [session, setSession] = useState<PlanSession | null>(null);
  useEffect(() => {
    if (!entry) return;
    const opened = openSession(entry, localUser(), replicaFactory);
    // The session is a resource this effect opens and closes (replica, socket); only its handle
    // goes to render, once, so the extra render is the point rather than a cascade.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(opened);
    return () => opened.close();
  }, [entry, replicaFactory]);

  if (!entry) {
    return (
      <div className="centered">
        <p>{t('errors.notFound')}</p>
        <button type="button" onClick={() => openPlanView(null)}>
          {t('nav.plans')}
        </button>
      </div>
    );
  }
  if (!session) return null;
  return (
    <PlanContext.Provider value={session}>
      <Workspace />
    </PlanContext.Provider>
  );
}
