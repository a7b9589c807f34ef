// The app: the start screen, or the plan named in the URL opened as a session.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listenToDesktop, menuCommands } from '../../session/desktopEvents';
import { findPlan, localUser } from '../../session/localPlans';
import type { LocalReplicaFactory } from '../../session/localReplica';
import { openSession, type PlanSession } from '../../session/planSession';
import { openPlanView, useViewStore } from '../../state/viewStore';
import { StartScreen } from '../start/StartScreen';
import { PlanContext } from './planContext';
import { Workspace } from './Workspace';

export function App({ replicaFactory }: { replicaFactory: LocalReplicaFactory }) {
  const planId = useViewStore((state) => state.planId);
  useEffect(() => {
    const toStart = () => openPlanView(null);
    const stop = listenToDesktop(toStart);
    menuCommands.addEventListener('newPlan', toStart);
    return () => {
      stop();
      menuCommands.removeEventListener('newPlan', toStart);
    };
  }, []);
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
  const [session, setSession] = useState<PlanSession | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    const entry = findPlan(planId);
    if (!entry) {
      setMissing(true);
      return;
    }
    const opened = openSession(entry, localUser(), replicaFactory);
    setSession(opened);
    return () => opened.close();
  }, [planId, replicaFactory]);

  if (missing) {
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
