// Mounted once by the app: the desktop's File > Open plan file… and plan files opened from
// outside the app (both read by main and merged here, after the same checks as in a browser), and the message about the last plan file
// saved or opened, on the start screen and in a plan alike.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openPlanFile } from '../../commands/commands';
import { useCommands } from '../../commands/useCommands';
import { planFileBridge } from '../../session/planFileExchange';
import {
  desktopFileOpened,
  openFileFromDesktop,
  usePlanFileNotice,
  type PlanFileNotice,
} from './planFileActions';

const FILE_COMMANDS = [openPlanFile];

export function PlanFiles() {
  const [bridge] = useState(planFileBridge);
  useCommands(FILE_COMMANDS, {
    openPlanFile: () => {
      if (bridge) void openFileFromDesktop(bridge);
    },
  });
  useEffect(() => {
    if (!bridge) return;
    return bridge.onPlanFileOpened((file) => void desktopFileOpened(file));
  }, [bridge]);
  return <PlanFileMessage />;
}

function PlanFileMessage() {
  const { t } = useTranslation();
  const notice = usePlanFileNotice((state) => state.notice);
  const text = (notice: PlanFileNotice): string => {
    switch (notice.kind) {
      case 'added':
      case 'merged':
        return t(`planFile.${notice.kind}`, { title: notice.title });
      case 'saveFailed':
        return t('planFile.saveFailed', { message: notice.message });
      case 'problem':
        return t(`planFile.problems.${notice.problem}`);
      default:
        return t(`planFile.${notice.kind}`);
    }
  };
  // The region stays in the page so that screen readers announce what appears in it.
  return (
    <div className="plan-file-message" aria-live="polite">
      {notice && (
        <div
          className="notice"
          role={notice.kind === 'problem' || notice.kind === 'saveFailed' ? 'alert' : 'status'}
          data-plan-file-notice={notice.kind}
        >
          <span>{text(notice)}</span>
          <button
            type="button"
            className="link-button"
            onClick={() => usePlanFileNotice.setState({ notice: null })}
          >
            {t('errors.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
