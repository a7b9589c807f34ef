// A message the app owes the user (an operation refused, access denied), until dismissed.
import { useTranslation } from 'react-i18next';
import { usePlanStore } from '../../state/planStore';

export function Notice() {
  const { t } = useTranslation();
  const notice = usePlanStore((state) => state.notice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      {t('errors.generic', { message: notice })}
      <button
        type="button"
        className="link-button"
        onClick={() => usePlanStore.setState({ notice: null })}
      >
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
