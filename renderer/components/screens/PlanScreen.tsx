// The plan itself: title, summary, country and period; for a server plan, who its members are,
// with roles, invites, the server's record of changes and its saved versions; and who is online now. Each part is a
// panel in components/plan/; server data comes through session/serverQueries.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findPlan } from '../../session/localPlans';
import { usePlanStore } from '../../state/planStore';
import { HistoryPanel } from '../plan/HistoryPanel';
import { InviteForm } from '../plan/InviteForm';
import { MembersPanel } from '../plan/MembersPanel';
import { OnlinePanel } from '../plan/OnlinePanel';
import { PlanFields } from '../plan/PlanFields';
import { ProfileForm } from '../plan/ProfileForm';
import { PublishForm } from '../plan/PublishForm';
import { VersionsPanel } from '../plan/VersionsPanel';
import { SavePlanFileSection } from '../planFile/SavePlanFileSection';

export function PlanScreen() {
  const { t } = useTranslation();
  const planId = usePlanStore((state) => state.planId)!;
  const role = usePlanStore((state) => state.role);
  // Read once: the screen shows one plan (App keys the loaded plan by its id).
  const [entry] = useState(() => findPlan(planId));
  const server = entry?.server;
  return (
    <section className="page">
      <h2>{t('planScreen.title')}</h2>
      <PlanFields />
      <ProfileForm />
      <MembersPanel server={server} planId={planId} />
      {server && role === 'owner' && <InviteForm server={server} planId={planId} />}
      {entry && !server && <PublishForm entry={entry} />}
      {server && <HistoryPanel server={server} planId={planId} />}
      {server && <VersionsPanel server={server} planId={planId} />}
      <SavePlanFileSection />
      <OnlinePanel />
    </section>
  );
}
