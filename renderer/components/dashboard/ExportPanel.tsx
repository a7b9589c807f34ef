// Reports and data for donors and oversight bodies: the shared exporter (shared/exports) turns the
// current snapshot into a file, which the browser saves. The exporter is loaded on first use.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { problemsOf, type ExportProblem } from '../../../shared/exports/exportProblems';
import { usePlanStore } from '../../state/planStore';
import { todayIn } from '../../../shared/calendar';
import { LANGUAGES, type Language } from '../../../shared/frameworks/types';
import { DateField, useDateText } from '../common/DateInput';
import { useLanguage } from '../common/format';

const FORMATS = ['pdf', 'html', 'xlsx', 'csv', 'json', 'iati'] as const;
type Format = (typeof FORMATS)[number];

/** Set by File > Export… (desktop menu): the panel scrolls into view and takes the focus. */
const useExportRequest = create<{ pending: boolean }>()(() => ({ pending: false }));

/** Brings the panel into view with its first control focused, once it is on screen. */
export function showExportPanel(): void {
  useExportRequest.setState({ pending: true });
}

export function ExportPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [format, setFormat] = useState<Format>('pdf');
  const dates = useDateText();
  // typed in the UI language's order; read as ISO dates ('' none, null no real day)
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const from = dates.read(fromText);
  const to = dates.read(toText);
  // The report's language, independent of the UI's (a donor may read English, the team Russian).
  const [reportLanguage, setReportLanguage] = useState<Language>(language);
  const [sinceText, setSinceText] = useState('');
  const since = dates.read(sinceText);
  // a date being typed is no date yet: say so once the user leaves a field or asks for the report
  const [checked, setChecked] = useState(false);
  const check = () => setChecked(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formatRef = useRef<HTMLSelectElement>(null);
  const requested = useExportRequest((state) => state.pending);
  useEffect(() => {
    if (!requested) return;
    useExportRequest.setState({ pending: false });
    formatRef.current?.scrollIntoView({ block: 'center' });
    formatRef.current?.focus();
  }, [requested]);

  /** A refused request in the UI language (never the exporter's English or zod's words). */
  const problemText = (problem: ExportProblem): string => {
    const from = t('export.from');
    const to = t('export.to');
    if (problem.kind === 'bad_date') {
      return t('export.problems.bad_date', { field: problem.field === 'to' ? to : from });
    }
    if (problem.kind === 'period_order') return t('export.problems.period_order', { from, to });
    return t(`export.problems.${problem.kind}`);
  };

  const run = async () => {
    const snapshot = usePlanStore.getState().snapshot;
    if (!snapshot) return;
    // a date field that holds no real day says so itself (DateInput)
    if (from === null || to === null || since === null) return check();
    // One end of a period only is not a period.
    if (!from !== !to) {
      setError(problemText({ kind: 'period_incomplete' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { exportPlan } = await import('../../../shared/exports/exportPlan');
      const file = await exportPlan(snapshot, {
        format,
        language: reportLanguage,
        today: todayIn(),
        ...(from && to ? { period: { from, to } } : {}),
        ...(since ? { changesSince: since } : {}),
      });
      const url = URL.createObjectURL(
        new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      const problems = problemsOf(failure);
      setError(
        problems.length > 0
          ? problems.map(problemText).join(' ')
          : t('errors.generic', {
              message: failure instanceof Error ? failure.message : String(failure),
            }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card wide export-panel" aria-labelledby="export-head">
      <h2 id="export-head">{t('export.title')}</h2>
      <p className="muted">{t('export.hint')}</p>
      <form
        className="row-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label className="field">
          <span>{t('export.format')}</span>
          <select
            ref={formatRef}
            value={format}
            onChange={(event) => setFormat(event.target.value as Format)}
          >
            {FORMATS.map((value) => (
              <option key={value} value={value}>
                {t(`export.formats.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <DateField
          label={t('export.from')}
          value={fromText}
          invalid={checked && from === null}
          onBlur={check}
          onChange={setFromText}
        />
        <DateField
          label={t('export.to')}
          value={toText}
          invalid={checked && to === null}
          onBlur={check}
          onChange={setToText}
        />
        <DateField
          label={t('export.since')}
          value={sinceText}
          invalid={checked && since === null}
          onBlur={check}
          onChange={setSinceText}
        />
        <label className="field">
          <span>{t('export.language')}</span>
          <select
            value={reportLanguage}
            onChange={(event) => setReportLanguage(event.target.value as Language)}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`language.${code}`, { ns: 'plan' })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('export.working') : t('export.button')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
