// A searchable dialog over every framework's items: type to narrow (code or title, in the
// reader's language and English), featured items first, toggle links with a click or Enter.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkKey, textIn, type Framework } from '../../../shared/frameworks';
import * as links from '../../../shared/plan/links';
import type { Action } from '../../../shared/plan/schema';
import { useLanguage } from '../common/format';
import { searchItems } from '../../selectors/frameworkSearch';
import { useOperation } from '../shell/useOperation';

interface Props {
  readonly action: Action;
  readonly frameworks: readonly Framework[];
  readonly onClose: () => void;
}

export function LinkPicker({ action, frameworks, onClose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const run = useOperation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [frameworkId, setFrameworkId] = useState('');

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const results = useMemo(
    () => searchItems(frameworks, query, language, frameworkId || null),
    [frameworks, frameworkId, query, language],
  );

  return (
    <dialog ref={dialog} className="picker" aria-labelledby="picker-title" onClose={onClose}>
      <header className="detail-head">
        <h2 id="picker-title">{t('picker.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('picker.close')}
          onClick={onClose}
        >
          ✕
        </button>
      </header>
      <div className="row-form">
        <label className="field grow">
          <span>{t('picker.search')}</span>
          <input
            type="search"
            autoFocus
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('picker.framework')}</span>
          <select value={frameworkId} onChange={(event) => setFrameworkId(event.target.value)}>
            <option value="">{t('picker.all')}</option>
            {frameworks.map((framework) => (
              <option key={framework.id} value={framework.id}>
                {textIn(framework.shortName, language)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul className="picker-list" role="list">
        {results.length === 0 && <li className="muted">{t('picker.noResults')}</li>}
        {results.map(({ framework, code, title, kind, featured }) => {
          const key = linkKey(framework.id, code);
          const linked = action.links.includes(key);
          return (
            <li key={key} className={`picker-item kind-${kind}`}>
              <button
                type="button"
                aria-pressed={linked}
                onClick={() =>
                  run((plan) =>
                    linked
                      ? links.unlink(plan, action.id, framework.id, code)
                      : links.link(plan, action.id, framework.id, code),
                  )
                }
              >
                <span className="framework-tag">{textIn(framework.shortName, language)}</span>
                <strong>{code}</strong> <span className="picker-title">{title}</span>
                {framework.origin === 'plan' && <em className="muted"> · {t('picker.entered')}</em>}
                {featured && <em className="muted"> · {t('picker.featured')}</em>}
                <span className="picker-state">
                  {linked ? `✓ ${t('picker.linked')}` : t('picker.link')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </dialog>
  );
}
