// The start screen's "Import a plan": a plan exported from Accord as JSON becomes a new local plan
// with the same content. A file whose plan this computer already has says so, and offers to open
// that plan or to import the file as a separate copy (its own id, "(copy)" in the title).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSnapshot } from '../../../shared/plan/schema';
import { findPlan, localUser } from '../../session/localPlans';
import { localStore } from '../../session/localReplica';
import {
  asCopy,
  planJsonProblem,
  readPlanFile,
  saveImportedPlan,
} from '../../session/planJsonImport';
import { openPlanView } from '../../state/viewStore';
import { FileChooser } from '../common/FileChooser';

export function PlanJsonImport() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** a plan read from a file whose id this computer already has */
  const [duplicate, setDuplicate] = useState<{ snapshot: PlanSnapshot; title: string } | null>(
    null,
  );

  const save = async (snapshot: PlanSnapshot) => {
    setBusy(true);
    try {
      const user = localUser();
      const planId = await saveImportedPlan(
        snapshot,
        { id: user.id, name: user.name },
        await localStore(),
      );
      openPlanView(planId);
    } catch (failure) {
      setError(
        t('importPlan.problem.failed', {
          message: failure instanceof Error ? failure.message : String(failure),
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  const read = async (file: File) => {
    setError(null);
    setDuplicate(null);
    let snapshot: PlanSnapshot;
    try {
      snapshot = await readPlanFile(new Uint8Array(await file.arrayBuffer()));
    } catch (failure) {
      const problem = planJsonProblem(failure);
      setError(
        problem
          ? t(`importPlan.problem.${problem}`)
          : t('errors.generic', {
              message: failure instanceof Error ? failure.message : String(failure),
            }),
      );
      return;
    }
    const existing = findPlan(snapshot.meta.id);
    if (existing) setDuplicate({ snapshot, title: existing.title || snapshot.meta.title });
    else await save(snapshot);
  };

  return (
    <section className="card" aria-labelledby="import-plan-head">
      <h2 id="import-plan-head">{t('importPlan.title')}</h2>
      <p className="muted">{t('importPlan.hint')}</p>
      <FileChooser
        label={t('importPlan.choose')}
        accept=".json,application/json"
        disabled={busy}
        onFile={(file) => void read(file)}
      />
      {busy && <p role="status">{t('importPlan.reading')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {duplicate && (
        <div className="banner" role="alert">
          <p>{t('importPlan.exists', { title: duplicate.title })}</p>
          <div className="row-form">
            <button
              type="button"
              className="primary"
              onClick={() => openPlanView(duplicate.snapshot.meta.id)}
            >
              {t('importPlan.openExisting')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void save(
                  asCopy(
                    duplicate.snapshot,
                    crypto.randomUUID(),
                    t('importPlan.copyTitle', { title: duplicate.snapshot.meta.title }),
                  ),
                )
              }
            >
              {t('importPlan.importCopy')}
            </button>
            <button type="button" onClick={() => setDuplicate(null)}>
              {t('importPlan.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
