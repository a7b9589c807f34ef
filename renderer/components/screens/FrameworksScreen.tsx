// Browse a framework's items with the actions linked to each; enter the national plan's items or
// a custom framework's (pasted as lines "code title", or read from a CSV file with code and title
// columns: shared/imports/importFrameworkItems, which also writes them, all or nothing), clearly
// marked as entered by the owners.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HRAP_FRAMEWORK_ID,
  itemTitle,
  linkKey,
  textIn,
  type Framework,
} from '../../../shared/frameworks';
import * as customFrameworks from '../../../shared/plan/customFrameworks';
import { coverage, frameworksOf } from '../../../shared/plan/views';
import { selectCanEdit, usePlanStore } from '../../state/planStore';
import { setView } from '../../state/viewStore';
import { NO_FILTERS } from '../../state/viewState';
import { useFormat } from '../common/format';
import { useBuiltInFrameworks } from '../common/useBuiltInFrameworks';
import { useOperation } from '../shell/useOperation';
import {
  applyFrameworkItems,
  previewFrameworkItems,
} from '../../../shared/imports/importFrameworkItems';
import { decodeText } from '../../../shared/imports/parseCsv';
import { itemProblemKind } from '../../selectors/frameworkItemProblems';
import { fieldLimit } from '../common/fieldLimit';
import { FileChooser } from '../common/FileChooser';

export function FrameworksScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const canEdit = usePlanStore(selectCanEdit);
  const snapshot = usePlanStore((state) => state.snapshot)!;
  const builtIn = useBuiltInFrameworks();
  const frameworks = useMemo(() => frameworksOf(snapshot, builtIn), [snapshot, builtIn]);
  const [selectedId, setSelectedId] = useState(frameworks[0]!.id);
  const framework = frameworks.find((candidate) => candidate.id === selectedId) ?? frameworks[0]!;
  const linked = useMemo(() => {
    const all = coverage(snapshot, {
      ...framework,
      coverageKinds: [...new Set(framework.items.map((item) => item.kind))],
    });
    return new Map(all.map((row) => [row.item.code, row.actionIds.length]));
  }, [snapshot, framework]);
  const editable = framework.origin === 'plan' || framework.id === HRAP_FRAMEWORK_ID;

  return (
    <div className="frameworks">
      <nav className="framework-list" aria-label={t('frameworks.title')}>
        {frameworks.map((candidate) => (
          <button
            key={candidate.id}
            type="button"
            className="tab vertical"
            aria-current={candidate.id === framework.id ? 'true' : undefined}
            onClick={() => setSelectedId(candidate.id)}
          >
            {textIn(candidate.shortName, format.language)}
          </button>
        ))}
        {canEdit && <NewFramework onCreated={setSelectedId} />}
      </nav>
      <section className="page framework-page">
        <h2>{textIn(framework.name, format.language)}</h2>
        {framework.unofficialNames?.includes(format.language) && (
          <p className="muted">{t('frameworks.unofficialName')}</p>
        )}
        <p className="muted">
          {framework.source.credit === undefined
            ? t('frameworks.source', { source: framework.source.title })
            : textIn(framework.source.credit, format.language)}
        </p>
        {(framework.origin === 'plan' || framework.id === HRAP_FRAMEWORK_ID) && (
          <p className="banner">{t('frameworks.entered')}</p>
        )}
        {framework.items.length === 0 && <p className="muted">{t('frameworks.empty')}</p>}
        <ul className="framework-items">
          {framework.items.map((item) => {
            const count = linked.get(item.code) ?? 0;
            return (
              <li
                key={item.code}
                className={`framework-item kind-${item.kind}${item.parent ? ' nested' : ''}`}
              >
                <strong>{item.code}</strong> <span>{itemTitle(item, format.language)}</span>
                <button
                  type="button"
                  className={`link-button count${count ? '' : ' zero'}`}
                  onClick={() =>
                    setView({
                      screen: 'actions',
                      actionId: null,
                      filters: { ...NO_FILTERS, link: linkKey(framework.id, item.code) },
                    })
                  }
                >
                  {t('frameworks.linkedActions', { n: format.number(count) })}
                </button>
              </li>
            );
          })}
        </ul>
        {canEdit && editable && <AddItems framework={framework} />}
      </section>
    </div>
  );
}

function AddItems({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useOperation();
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState(false);
  const preview = useMemo(() => previewFrameworkItems(text), [text]);
  const submit = () => {
    // A framework the plan does not have yet is created with its first items, or not at all.
    const done = run((plan) => {
      applyFrameworkItems(plan, framework.id, preview.items, {
        name: framework.name.en,
        shortName: framework.shortName.en,
      });
      return true;
    });
    if (done) setText('');
  };
  const readFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // A text file has no NUL bytes; a workbook or a PDF does.
    const binary = bytes.subarray(0, 4096).includes(0);
    setFileError(binary);
    if (!binary) setText(decodeText(bytes));
  };
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{t('frameworks.addItems')}</h3>
      <p className="muted">{t('frameworks.addItemsHint')}</p>
      <label className="field block">
        <span className="sr-only">{t('frameworks.addItems')}</span>
        <textarea rows={5} value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <FileChooser
        label={t('importItems.chooseFile')}
        accept=".csv,.txt,text/csv,text/plain"
        secondary
        onFile={(file) => void readFile(file)}
      />
      <p className="muted">{t('importItems.csvHint')}</p>
      {fileError && (
        <p className="error" role="alert">
          {t('importItems.unreadable')}
        </p>
      )}
      {text.trim() && (
        <div aria-live="polite">
          <p>{t('importItems.ready', { n: format.number(preview.items.length) })}</p>
          {preview.problems.length > 0 && (
            <>
              <p className="danger-text">
                {t('importItems.problems', { n: format.number(preview.problems.length) })}
              </p>
              <ul className="item-problems">
                {preview.problems.map((problem) => (
                  <li key={`${problem.line}:${problem.text}`}>
                    {t(`importItems.problem.${itemProblemKind(problem)}`, {
                      line: problem.line,
                      text: problem.text,
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <button type="submit" disabled={preview.items.length === 0 || preview.problems.length > 0}>
        {t('frameworks.addItemsButton')}
      </button>
    </form>
  );
}

function NewFramework({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const run = useOperation();
  const [name, setName] = useState('');
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        const id = run((plan) => customFrameworks.create(plan, { name: name.trim() }));
        if (id) {
          setName('');
          onCreated(id);
        }
      }}
    >
      <label className="field block">
        <span>{t('frameworks.frameworkName')}</span>
        <input
          value={name}
          {...fieldLimit('name')}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <button type="submit" disabled={!name.trim()}>
        {t('frameworks.newFramework')}
      </button>
    </form>
  );
}
