// Dated progress reports with evidence links; adding one also sets the action's status and
// progress when it is the latest (progressUpdates.add decides). Its author may remove a report
// (a mistaken entry; after a confirmation), as progressUpdates.remove allows no one else.
// A date after today is warned about at the input and not sent (progressUpdates refuses it).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUS_LIST, type ActionStatus } from '../../../shared/plan/model';
import * as progressUpdates from '../../../shared/plan/progressUpdates';
import type { Action } from '../../../shared/plan/schema';
import { StatusBadge } from '../common/badges';
import { todayIn } from '../../../shared/calendar';
import { DateField, useDateText } from '../common/DateInput';
import { useFormat } from '../common/format';
import { usePersonName } from '../common/personName';
import { useSession } from '../shell/planContext';
import { useOperation } from '../shell/useOperation';
import { fieldLimit } from '../common/fieldLimit';

export function UpdatesSection({ action, canEdit }: { action: Action; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useOperation();
  const nameOf = usePersonName();
  const session = useSession();
  const dates = useDateText();
  const today = todayIn();
  const [atText, setAtText] = useState(() => dates.show(today));
  // what was typed as a day ('' or null: none yet, said once the user tries to add)
  const at = dates.read(atText);
  const [checked, setChecked] = useState(false);
  const future = at !== null && at > today;
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [progress, setProgress] = useState(String(action.progress));
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  return (
    <section className="detail-section" aria-labelledby="updates-head">
      <h3 id="updates-head">{t('detail.updates')}</h3>
      {action.updates.length === 0 && <p className="muted">{t('detail.none')}</p>}
      <ol className="thread">
        {[...action.updates].reverse().map((update) => (
          <li key={update.id}>
            <div className="thread-meta">
              <strong>{format.date(update.at)}</strong> ·{' '}
              {nameOf({ id: update.authorId, name: update.authorName })} ·{' '}
              <StatusBadge status={update.status} /> {format.percent(update.progress)}
            </div>
            {update.note && <p className="pre">{update.note}</p>}
            {update.evidence.length > 0 && (
              <ul className="evidence">
                {update.evidence.map((link) => (
                  <li key={link}>
                    <a href={link} target="_blank" rel="noreferrer noopener">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {canEdit && update.authorId === session.plan.actor.id && (
              <button
                type="button"
                className="link-button danger-text"
                onClick={() => {
                  if (!confirm(t('detail.confirmRemoveUpdate', { date: format.date(update.at) })))
                    return;
                  run((plan) => progressUpdates.remove(plan, action.id, update.id));
                }}
              >
                {t('detail.removeUpdate')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {canEdit && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (!at) {
              setChecked(true);
              return;
            }
            const added = run((plan) =>
              progressUpdates.add(plan, action.id, {
                at,
                status,
                progress: Math.round(Math.min(100, Math.max(0, Number(progress) || 0))),
                note,
                evidence: evidence
                  .split('\n')
                  .map((line) => line.trim())
                  .filter(Boolean),
              }),
            );
            if (added) {
              setNote('');
              setEvidence('');
            }
          }}
        >
          <div className="field-grid">
            <DateField
              label={t('detail.updateDate')}
              value={atText}
              invalid={checked && !at}
              aria-invalid={future}
              aria-describedby={future ? 'update-date-future' : undefined}
              onChange={setAtText}
              onBlur={() => setChecked(true)}
            >
              {future && (
                <span id="update-date-future" className="hint error" role="alert">
                  {t('detail.futureUpdate')}
                </span>
              )}
            </DateField>
            <label className="field">
              <span>{t('detail.status')}</span>
              <select
                value={status}
                onChange={(event) => setStatus(event.target.value as ActionStatus)}
              >
                {ACTION_STATUS_LIST.map((value) => (
                  <option key={value} value={value}>
                    {t(`status.${value}`, { ns: 'plan' })}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('detail.progress')}</span>
              <input
                type="number"
                min={0}
                max={100}
                value={progress}
                onChange={(event) => setProgress(event.target.value)}
              />
            </label>
          </div>
          <label className="field block">
            <span>{t('detail.note')}</span>
            <textarea
              rows={2}
              value={note}
              {...fieldLimit('note')}
              onChange={(event) => setNote(event.target.value)}
            />
          </label>
          <label className="field block">
            <span>{t('detail.evidence')}</span>
            <textarea
              rows={2}
              value={evidence}
              // one link a line, each an http(s) address (progressUpdates refuses anything else)
              placeholder="https://"
              onChange={(event) => setEvidence(event.target.value)}
            />
          </label>
          <button type="submit" disabled={future}>
            {t('detail.addUpdate')}
          </button>
        </form>
      )}
    </section>
  );
}
