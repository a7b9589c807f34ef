// The open plan's File menu commands from the desktop shell: Save plan file… (the same save as
// the Plan & members screen's button) and Export… (the Dashboard's report and export panel,
// focused). Renders nothing.
import { exportPlan, savePlanFile } from '../../commands/commands';
import { useCommands } from '../../commands/useCommands';
import { usePlanStore } from '../../state/planStore';
import { openScreen } from '../../state/viewStore';
import { showExportPanel } from '../dashboard/ExportPanel';
import { useSession } from '../shell/planContext';
import { saveOpenPlan } from './planFileActions';

const PLAN_FILE_COMMANDS = [savePlanFile, exportPlan];

export function PlanFileCommands() {
  const session = useSession();
  useCommands(PLAN_FILE_COMMANDS, {
    savePlanFile: () => {
      const { planId, snapshot } = usePlanStore.getState();
      if (planId) void saveOpenPlan(session, planId, snapshot?.meta.title ?? '');
    },
    exportPlan: () => {
      openScreen('dashboard');
      showExportPanel();
    },
  });
  return null;
}
