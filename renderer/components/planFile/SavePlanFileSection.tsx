// "Save plan file" on the Plan & members screen: the whole plan as an `.accord` file (a download,
// or the desktop's save dialog). Viewers may save too: it only reads the plan.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { savePlanFile } from '../../commands/commands';
import { perform } from '../../commands/registry';
import { usePlanStore } from '../../state/planStore';
import { useSession } from '../shell/planContext';
import { saveOpenPlan } from './planFileActions';

export function SavePlanFileSection() {
  const { t } = useTranslation();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const save = () => {
    const { planId, snapshot } = usePlanStore.getState();
    if (!planId) return;
    setBusy(true);
    void saveOpenPlan(session, planId, snapshot?.meta.title ?? '').finally(() => setBusy(false));
  };
  return (
    <section className="stack" aria-labelledby="plan-file-head">
      <h3 id="plan-file-head">{t('planFile.saveTitle')}</h3>
      <p className="muted">{t('planFile.saveHint')}</p>
      <div>
        <button
          type="button"
          disabled={busy}
          onClick={() => perform(savePlanFile, { savePlanFile: save })}
        >
          {busy ? t('planFile.saving') : t(savePlanFile.label)}
        </button>
      </div>
    </section>
  );
}
