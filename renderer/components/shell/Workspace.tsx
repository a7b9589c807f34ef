// The open plan: top bar (plan, sections, sync, presence, undo/redo, preferences) and the chosen
// screen. Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y), the buttons and Edit > Undo / Redo undo and redo
// this user's own changes only (renderer/commands); File > Import… opens the action import.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { importActions, redo, undo } from '../../commands/commands';
import { keyShortcut, perform } from '../../commands/registry';
import { useCommands } from '../../commands/useCommands';
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
const WORKSPACE_COMMANDS = [undo, redo, importActions];

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

  const commandContext = {
    canEdit,
    undo: () => session.undo.undo(),
    redo: () => session.undo.redo(),
    importActions: openActionImport,
  };
  useCommands(WORKSPACE_COMMANDS, commandContext);

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
                disabled={!canUndo || !undo.when(commandContext)}
                aria-keyshortcuts={keyShortcut(undo)}
                onClick={() => perform(undo, commandContext)}
              >
                ↶ {t(undo.label)}
              </button>
              <button
                type="button"
                disabled={!canRedo || !redo.when(commandContext)}
                aria-keyshortcuts={keyShortcut(redo)}
                onClick={() => perform(redo, commandContext)}
              >
                ↷ {t(redo.label)}
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
