// The start screen's "Open a plan file": a file input and a drop area. The plan is merged into
// this computer's copy (or added), then opened; a bad file changes nothing (planFileExchange.ts).
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_FILE_EXTENSION } from '../../../shared/planFile';
import { openFileInPage } from './planFileActions';

export function OpenPlanFileCard() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const open = (file: File | undefined) => {
    if (!file || busy) return;
    setBusy(true);
    void openFileInPage(file).finally(() => setBusy(false));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    open(event.dataTransfer.files[0]);
  };

  return (
    <section
      className={`card open-plan-file${dragging ? ' dragging' : ''}`}
      aria-labelledby="open-file-head"
      aria-busy={busy}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 id="open-file-head">{t('planFile.openTitle')}</h2>
      <p className="muted">{t('planFile.openHint')}</p>
      <div className="drop-area">
        {/* A real file input inside its label: keyboard and screen readers get the native control. */}
        <label className="file-button">
          <span>{busy ? t('planFile.opening') : t('planFile.choose')}</span>
          <input
            type="file"
            accept={`${PLAN_FILE_EXTENSION},application/octet-stream`}
            disabled={busy}
            onChange={(event) => {
              open(event.target.files?.[0]);
              // The same file may be chosen again (after fixing a problem, or a newer copy).
              event.target.value = '';
            }}
          />
        </label>
        <span className="muted">{t('planFile.drop')}</span>
      </div>
    </section>
  );
}
