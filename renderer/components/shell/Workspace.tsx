// The open plan: top bar (plan, sections, sync, presence, undo/redo, preferences) and the chosen
// screen. Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo this user's own changes only.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onMenuCommand } from '../../session/desktopEvents';
import { findPlan } from '../../session/localPlans';
import { ActionImport, openActionImport } from '../import/ActionImport';
import { selectCanEdit, usePlanStore } from '../../state/planStore';
import { openPlanView, openScreen, useViewStore } from '../../state/viewStore';
import { SCREENS, type Screen } from '../../state/viewState';
import { ActionsScreen } from '../screens/ActionsScreen';
import { focusGrid } from '../table/ActionTable';
import { DashboardScreen } from '../dashboard/DashboardScreen';
import { FrameworksScreen } from '../screens/FrameworksScreen';
import { OrganisationsScreen } from '../screens/OrganisationsScreen';
import { PlanScreen } from '../screens/PlanScreen';
import { TimelineScreen } from '../screens/TimelineScreen';
import { TrashScreen } from '../screens/TrashScreen';
import { PlanFileCommands } from '../planFile/PlanFileCommands';
import { LoadingNotice } from './LoadingNotice';
import { MembershipNotice } from './MembershipNotice';
import { Notice } from './Notice';
import { useSession } from './planContext';
import { Preferences } from './Preferences';
import { PresenceBar } from './PresenceBar';
import { SyncIndicator } from './SyncIndicator';

const SCREEN_LIST = Object.keys(SCREENS) as Screen[];

export function Workspace() {
  const { t } = useTranslation();
  const session = useSession();
  const screen = useViewStore((state) => state.screen);
  // Until someone who may edit has written the plan's meta, a viewer reads the name it joined.
  const title = usePlanStore(
    (state) =>
      state.snapshot?.meta.title || (state.planId ? (findPlan(state.planId)?.title ?? '') : ''),
  );
  const canEdit = usePlanStore(selectCanEdit);
  const canUndo = usePlanStore((state) => state.canUndo);
  const canRedo = usePlanStore((state) => state.canRedo);
  const isViewer = usePlanStore((state) => state.role === 'viewer');
  const hasSnapshot = usePlanStore((state) => state.snapshot !== null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !canEdit) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) session.undo.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') session.undo.redo();
      else return;
      event.preventDefault();
    };
    // Edit > Undo / Redo in the desktop menu.
    const undo = () => canEdit && session.undo.undo();
    const redo = () => canEdit && session.undo.redo();
    // File > Import… opens the action import (never for viewers: it checks).
    const importActions = () => openActionImport();
    window.addEventListener('keydown', onKey);
    const stops = [
      onMenuCommand('undo', undo),
      onMenuCommand('redo', redo),
      onMenuCommand('importPlan', importActions),
    ];
    return () => {
      window.removeEventListener('keydown', onKey);
      stops.forEach((stop) => stop());
    };
  }, [session, canEdit]);

  useEffect(() => {
    document.title = title ? `${title} · Accord` : 'Accord';
  }, [title]);

  return (
    <div className="workspace">
      {/* The first Tab stop: straight to the grid, past the top bar and the section tabs. */}
      <a
        href="#actions"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          if (screen !== 'actions') openScreen('actions');
          if (!focusGrid()) requestAnimationFrame(() => focusGrid());
        }}
      >
        {t('nav.skipToActions')}
      </a>
      <header className="topbar">
        <button type="button" className="link-button brand" onClick={() => openPlanView(null)}>
          ← {t('nav.plans')}
        </button>
        <h1 className="plan-title">{title}</h1>
        <SyncIndicator />
        <PresenceBar />
        {/* The controls stay together at the right; in a narrow window they wrap below. */}
        <div className="topbar-actions">
          {!isViewer ? (
            <div className="undo-buttons">
              <button
                type="button"
                disabled={!canUndo || !canEdit}
                aria-keyshortcuts="Control+Z"
                onClick={() => session.undo.undo()}
              >
                ↶ {t('toolbar.undo')}
              </button>
              <button
                type="button"
                disabled={!canRedo || !canEdit}
                aria-keyshortcuts="Control+Shift+Z"
                onClick={() => session.undo.redo()}
              >
                ↷ {t('toolbar.redo')}
              </button>
            </div>
          ) : (
            <span className="badge readonly" data-testid="read-only">
              {t('toolbar.readOnly')}
            </span>
          )}
          <Preferences />
        </div>
      </header>
      <nav className="tabs" aria-label={t('nav.main')}>
        {SCREEN_LIST.map((id) => (
          <button
            key={id}
            type="button"
            className="tab"
            aria-current={screen === id ? 'page' : undefined}
            onClick={() => openScreen(id)}
          >
            {t(`nav.${id}`)}
          </button>
        ))}
      </nav>
      <Notice />
      <LoadingNotice />
      <MembershipNotice />
      <PlanFileCommands />
      <main className="screen">
        {!hasSnapshot && (
          <div className="centered" role="status">
            {t('errors.loading')}
          </div>
        )}
        {hasSnapshot && screen === 'actions' && <ActionsScreen />}
        {hasSnapshot && screen === 'dashboard' && <DashboardScreen />}
        {hasSnapshot && screen === 'timeline' && <TimelineScreen />}
        {hasSnapshot && screen === 'organisations' && <OrganisationsScreen />}
        {hasSnapshot && screen === 'frameworks' && <FrameworksScreen />}
        {hasSnapshot && screen === 'trash' && <TrashScreen />}
        {hasSnapshot && screen === 'plan' && <PlanScreen />}
      </main>
      {hasSnapshot && <ActionImport />}
    </div>
  );
}
