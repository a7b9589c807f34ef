// Framework links of an action (SDG 8 targets, the 17 SDGs, national plan items, UNGPs, ILO, OECD, custom),
// shown with their titles in the reader's language, added through the searchable picker.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findItem, itemTitle, parseLinkKey, textIn } from '../../../shared/frameworks';
import * as links from '../../../shared/plan/links';
import type { Action } from '../../../shared/plan/schema';
import { frameworksOf } from '../../../shared/plan/views';
import { usePlanStore } from '../../state/planStore';
import { useLanguage } from '../common/format';
import { useBuiltInFrameworks } from '../common/useBuiltInFrameworks';
import { useOperation } from '../shell/useOperation';
import { LinkPicker } from './LinkPicker';

export function LinksSection({ action, canEdit }: { action: Action; canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const run = useOperation();
  const snapshot = usePlanStore((state) => state.snapshot)!;
  const builtIn = useBuiltInFrameworks();
  const frameworks = useMemo(() => frameworksOf(snapshot, builtIn), [snapshot, builtIn]);
  const [picking, setPicking] = useState(false);
  return (
    <section className="detail-section" aria-labelledby="links-head">
      <h3 id="links-head">{t('detail.links')}</h3>
      <ul className="link-list">
        {action.links.length === 0 && <li className="muted">{t('detail.none')}</li>}
        {action.links.map((key) => {
          const link = parseLinkKey(key)!;
          const framework = frameworks.find((candidate) => candidate.id === link.frameworkId);
          const item = framework ? findItem(framework, link.code) : undefined;
          return (
            <li key={key}>
              <span className="framework-tag">
                {framework ? textIn(framework.shortName, language) : link.frameworkId}
              </span>{' '}
              <strong>{link.code}</strong> {item ? itemTitle(item, language) : ''}
              {canEdit && (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('detail.removeLink', { code: link.code })}
                  onClick={() =>
                    run((plan) => links.unlink(plan, action.id, link.frameworkId, link.code))
                  }
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {canEdit && (
        <button type="button" onClick={() => setPicking(true)}>
          + {t('detail.addLink')}
        </button>
      )}
      {picking && (
        <LinkPicker action={action} frameworks={frameworks} onClose={() => setPicking(false)} />
      )}
    </section>
  );
}
