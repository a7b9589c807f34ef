// While an opening plan is shown read-only, says why and how far it is: a first open of a large
// server plan waits seconds for the server's copy, and a silent read-only screen looks broken.
import { useTranslation } from 'react-i18next';
import { loadingStep, SERVER_STEPS } from '../../selectors/loadingStep';
import { usePlanStore } from '../../state/planStore';

export function LoadingNotice() {
  const { t } = useTranslation();
  const step = usePlanStore((state) =>
    loadingStep({
      shown: state.snapshot !== null,
      live: state.live,
      waitingForServer: state.waitingForServer,
      sync: state.sync.kind,
    }),
  );
  if (!step) return null;
  return (
    <div className="notice notice-info" role="status" data-loading={step}>
      {step === 'computer'
        ? t('loading.computer')
        : t('loading.server', {
            step: t(`loading.step.${step}`),
            n: SERVER_STEPS.indexOf(step) + 1,
            of: SERVER_STEPS.length,
          })}
    </div>
  );
}
