// Import actions from a CSV or XLSX file: choose or drop the file, check which plan field each
// column fills, read the preview (one line per row, its problems in plain words), agree which new
// organisations and objectives to create, then confirm. Nothing is written before that; the
// import is then one transaction, so one undo step takes it back. A modal <dialog>: focus moves
// into it, Escape closes it, focus returns to where it was.
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportRefused } from '../../../shared/imports/applyActionImport';
import {
  IMPORT_FIELDS,
  recogniseHeader,
  type ColumnMapping,
  type ImportField,
} from '../../../shared/imports/columnMapping';
import type { ImportTable } from '../../../shared/imports/importTable';
import {
  previewActionImport,
  type ImportProblem,
} from '../../../shared/imports/previewActionImport';
import { nameKey } from '../../../shared/plan/names';
import {
  blocks,
  confirmActionImport,
  NO_DECLINES,
  remap,
  rowVerdict,
  tableFileProblem,
  type ImportChoices,
  type ImportSummary,
} from '../../selectors/actionImportChoice';
import { selectCanEdit, usePlanStore } from '../../state/planStore';
import type report from '../../../shared/i18n/report/en';
import { useFormat } from '../common/format';
import { FileChooser } from '../common/FileChooser';
import { useSession } from '../shell/planContext';

/** The export's column headers, which name the fields an import fills. */
type ColumnLabel = keyof typeof report.column;

/** Enough of a cell to recognise the column by, in the mapping table. */
const EXAMPLE_CHARS = 60;

const ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  readonly onClose: () => void;
}

export function ActionImportDialog({ onClose }: Props) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('report');
  const format = useFormat();
  const session = useSession();
  const snapshot = usePlanStore((state) => state.snapshot)!;
  const dialog = useRef<HTMLDialogElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const [file, setFile] = useState<{ name: string; table: ImportTable } | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [choices, setChoices] = useState<ImportChoices>(NO_DECLINES);
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.current?.open) dialog.current?.showModal();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    if (summary) doneButton.current?.focus();
  }, [summary]);

  const preview = useMemo(
    () => (file ? previewActionImport(snapshot, file.table, mapping) : null),
    [snapshot, file, mapping],
  );
  const verdicts = useMemo(
    () => preview?.rows.map((row) => rowVerdict(row, choices)) ?? [],
    [preview, choices],
  );
  const blocked = verdicts.filter((verdict) => verdict === 'blocked').length;
  const ready = verdicts.length - blocked;
  const unchanged = preview?.rows.filter((row) => row.kind === 'unchanged').length ?? 0;

  const read = async (chosen: File) => {
    setError(null);
    setSummary(null);
    setFile(null);
    setReading(true);
    try {
      // Loaded on first use: exceljs is large and only an XLSX import needs it.
      const tables = await import('../../../shared/imports/importTable');
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const problem = tableFileProblem(chosen.name, bytes, tables.MAX_IMPORT_BYTES);
      if (problem) {
        setError(
          t(`importActions.fileProblem.${problem}`, {
            limit: tables.MAX_IMPORT_BYTES / 1024 / 1024,
          }),
        );
        return;
      }
      let table: ImportTable;
      try {
        table = await tables.readImportTable(bytes, tables.tableKindOf(bytes, chosen.name));
      } catch {
        setError(t('importActions.fileProblem.unreadable'));
        return;
      }
      if (table.rows.length === 0) {
        setError(t('importActions.fileProblem.noRows'));
        return;
      }
      setFile({ name: chosen.name, table });
      setMapping(recogniseHeader(table.headers));
      setChoices(NO_DECLINES);
      setValidRowsOnly(false);
    } finally {
      setReading(false);
    }
  };

  const confirm = () => {
    if (!preview || !selectCanEdit(usePlanStore.getState())) return;
    setError(null);
    try {
      setSummary(confirmActionImport(session.plan, preview, choices, validRowsOnly));
    } catch (failure) {
      setError(
        failure instanceof ImportRefused
          ? t('importActions.refused')
          : t('errors.generic', {
              message: failure instanceof Error ? failure.message : String(failure),
            }),
      );
    }
  };

  const decline = (list: keyof ImportChoices, name: string, create: boolean) => {
    setChoices((current) => {
      const next = new Set(current[list]);
      if (create) next.delete(nameKey(name));
      else next.add(nameKey(name));
      return { ...current, [list]: next };
    });
  };

  // Every importable field is an export column (shared/exports/actionColumns), so it has a label.
  const fieldLabel = (field: ImportField): string => tr(`column.${field as ColumnLabel}`);

  const problemText = (problem: ImportProblem): string => {
    const text =
      problem.offer && blocks(problem, choices)
        ? t('importActions.declined', { value: problem.value })
        : tr(`importProblem.${problem.code}`, { value: problem.value });
    return problem.field ? `${fieldLabel(problem.field)}: ${text}` : text;
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !summary) void read(dropped);
  };

  const close = () => dialog.current?.close();

  return (
    <dialog
      ref={dialog}
      className={`picker import-dialog${dragging ? ' dragging' : ''}`}
      aria-labelledby="import-title"
      aria-describedby="import-intro"
      onClose={onClose}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="detail-head">
        <h2 id="import-title">{t('importActions.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('importActions.close')}
          onClick={close}
        >
          ✕
        </button>
      </header>
      <p id="import-intro" className="muted">
        {t('importActions.intro')}
      </p>

      {summary ? (
        <div className="import-done" role="status">
          <h3>{t('importActions.done')}</h3>
          <p>
            {t('importActions.summary', {
              imported: format.number(summary.created + summary.updated),
              created: format.number(summary.created),
              updated: format.number(summary.updated),
            })}{' '}
            {summary.organisationsCreated > 0 &&
              t('importActions.summaryOrganisations', {
                n: format.number(summary.organisationsCreated),
              })}{' '}
            {summary.objectivesCreated > 0 &&
              t('importActions.summaryObjectives', {
                n: format.number(summary.objectivesCreated),
              })}{' '}
            {summary.skipped > 0 &&
              t('importActions.summarySkipped', { n: format.number(summary.skipped) })}{' '}
            {summary.unchanged > 0 &&
              t('importActions.summaryUnchanged', { n: format.number(summary.unchanged) })}
          </p>
          <p className="muted">{t('importActions.undoHint')}</p>
          <div className="dialog-buttons">
            <button ref={doneButton} type="button" className="primary" onClick={close}>
              {t('importActions.finish')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <div className="drop-zone">
            {file && <p className="import-file">{t('importActions.file', { name: file.name })}</p>}
            <FileChooser
              label={file ? t('importActions.otherFile') : t('importActions.chooseFile')}
              accept={ACCEPT}
              disabled={reading}
              secondary={file !== null}
              onFile={(chosen) => void read(chosen)}
            />
            <p className="muted">{t('importActions.dropHint')}</p>
            {reading && <p role="status">{t('importActions.reading')}</p>}
          </div>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {file && preview && (
            <>
              <section aria-labelledby="import-mapping-head">
                <h3 id="import-mapping-head">{t('importActions.mapping')}</h3>
                <p className="muted">{t('importActions.mappingHint')}</p>
                {mapping.every((field) => field === null) && (
                  <p className="banner warn">{t('importActions.noneRecognised')}</p>
                )}
                <table className="mini-table import-mapping">
                  <thead>
                    <tr>
                      <th scope="col">{t('importActions.fileColumn')}</th>
                      <th scope="col">{t('importActions.example')}</th>
                      <th scope="col">{t('importActions.planField')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {file.table.headers.map((header, index) => {
                      const name = header || `#${index + 1}`;
                      const example =
                        file.table.rows.find((row) => (row.cells[index] ?? '').trim() !== '')
                          ?.cells[index] ?? '';
                      return (
                        <tr key={index}>
                          <th scope="row">{name}</th>
                          <td className="muted import-example">
                            {example.length > EXAMPLE_CHARS
                              ? `${example.slice(0, EXAMPLE_CHARS)}…`
                              : example}
                          </td>
                          <td>
                            <select
                              aria-label={t('importActions.fieldFor', { column: name })}
                              value={mapping[index] ?? ''}
                              onChange={(event) =>
                                setMapping(
                                  remap(
                                    mapping,
                                    index,
                                    (event.target.value || null) as ImportField | null,
                                  ),
                                )
                              }
                            >
                              <option value="">{t('importActions.ignore')}</option>
                              {IMPORT_FIELDS.map((field) => (
                                <option key={field} value={field}>
                                  {fieldLabel(field)}
                                </option>
                              ))}
                            </select>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </section>

              {(
                [
                  ['declinedOrganisations', preview.newOrganisations, 'newOrganisations'],
                  ['declinedObjectives', preview.newObjectives, 'newObjectives'],
                ] as const
              ).map(
                ([list, names, heading]) =>
                  names.length > 0 && (
                    <fieldset key={list} className="import-new">
                      <legend>{t(`importActions.${heading}`)}</legend>
                      <p className="muted">{t('importActions.newHint')}</p>
                      {names.map((name) => (
                        <label key={name} className="check">
                          <input
                            type="checkbox"
                            checked={!choices[list].has(nameKey(name))}
                            onChange={(event) => decline(list, name, event.target.checked)}
                          />
                          {t('importActions.create', { name })}
                        </label>
                      ))}
                    </fieldset>
                  ),
              )}

              <section aria-labelledby="import-rows-head">
                <h3 id="import-rows-head">{t('importActions.rows')}</h3>
                <p data-testid="import-counts">
                  {t('importActions.counts', {
                    total: format.number(verdicts.length),
                    ready: format.number(ready),
                    problems: format.number(blocked),
                  })}
                  {unchanged > 0 &&
                    ` · ${t('importActions.countsUnchanged', { n: format.number(unchanged) })}`}
                </p>
                <ol className="import-rows">
                  {preview.rows.map((row, index) => {
                    const verdict = verdicts[index]!;
                    return (
                      <li key={row.line} className={`import-row ${verdict}`}>
                        <span className="import-line">
                          {t('importActions.line', { line: row.line })}
                        </span>
                        <span className={`badge import-verdict ${verdict}`}>
                          {t(`importActions.verdict.${verdict}`)}
                        </span>
                        <span className="import-what">
                          <span>{row.values.title || t('importActions.untitled')}</span>
                          <span className="muted">
                            {row.kind === 'update'
                              ? t('importActions.updates', { ref: row.values.ref ?? '' })
                              : row.kind === 'unchanged'
                                ? t('importActions.unchanged', { ref: row.values.ref ?? '' })
                                : t('importActions.creates')}
                          </span>
                        </span>
                        {row.problems.length > 0 && (
                          <ul className="import-problems">
                            {row.problems.map((problem, at) => (
                              <li
                                key={at}
                                className={blocks(problem, choices) ? 'danger-text' : 'muted'}
                              >
                                {problemText(problem)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </li>
                    );
                  })}
                </ol>
              </section>

              {blocked > 0 && ready > 0 && (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={validRowsOnly}
                    onChange={(event) => setValidRowsOnly(event.target.checked)}
                  />
                  {t('importActions.validRowsOnly', { n: format.number(blocked) })}
                </label>
              )}
              {ready === 0 ? (
                <p className="muted">{t('importActions.nothingReady')}</p>
              ) : (
                blocked > 0 &&
                !validRowsOnly && <p className="muted">{t('importActions.mustChoose')}</p>
              )}
            </>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={close}>
              {t('importActions.cancel')}
            </button>
            {file && preview && (
              <button
                type="button"
                className="primary"
                disabled={ready === 0 || (blocked > 0 && !validRowsOnly)}
                onClick={confirm}
              >
                {t('importActions.confirm', { n: format.number(ready) })}
              </button>
            )}
          </div>
        </>
      )}
    </dialog>
  );
}
