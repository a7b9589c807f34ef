// An action's title as people read it: an untitled action (empty in the data, views.isUntitled)
// shows the placeholder in this reader's language, never the creator's.
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../shared/plan/schema';
import { isUntitled } from '../../../shared/plan/views';

export function ActionTitle({ action }: { action: Pick<Action, 'title'> }) {
  const { t } = useTranslation();
  return isUntitled(action) ? (
    <span className="untitled">{t('untitledAction', { ns: 'plan' })}</span>
  ) : (
    <>{action.title}</>
  );
}

/** The same as text, for attributes and confirmations. */
export function useActionTitle(): (action: Pick<Action, 'title'>) => string {
  const { t } = useTranslation();
  return (action) => (isUntitled(action) ? t('untitledAction', { ns: 'plan' }) : action.title);
}
