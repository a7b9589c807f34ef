// A message the app owes the user (an operation refused, access denied), until dismissed. A
// refusal is said in the UI language; the model's English detail is in the tooltip.
import { useTranslation } from 'react-i18next';
import { usePlanStore } from '../../state/planStore';

export function Notice() {
  const { t } = useTranslation();
  const notice = usePlanStore((state) => state.notice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      {notice.kind === 'refused' ? (
        <span title={notice.detail}>{t(`errors.code.${notice.code}`)}</span>
      ) : notice.kind === 'storage' ? (
        t('errors.storage', { message: notice.text })
      ) : (
        t('errors.generic', { message: notice.text })
      )}
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
