// The open plan's File menu commands from the desktop shell: Save plan file… (the same save as
// the Plan & members screen's button) and Export… (the Dashboard's report and export panel,
// focused). Renders nothing.
import { useEffect } from 'react';
import { onMenuCommand } from '../../session/desktopEvents';
import { usePlanStore } from '../../state/planStore';
import { openScreen } from '../../state/viewStore';
import { showExportPanel } from '../dashboard/ExportPanel';
import { useSession } from '../shell/planContext';
import { saveOpenPlan } from './planFileActions';

export function PlanFileCommands() {
  const session = useSession();
  useEffect(() => {
    const save = () => {
      const { planId, snapshot } = usePlanStore.getState();
      if (planId) void saveOpenPlan(session, planId, snapshot?.meta.title ?? '');
    };
    const exportPlan = () => {
      openScreen('dashboard');
      showExportPanel();
    };
    const stops = [onMenuCommand('savePlanFile', save), onMenuCommand('exportPlan', exportPlan)];
    return () => stops.forEach((stop) => stop());
  }, [session]);
  return null;
}
