// A message the app owes the user (an operation refused, access denied, typed or pasted text
// shortened to fit), until dismissed or, for a refusal or a shortening, until the next edit
// succeeds. A refusal is said in the UI language, naming the field
// and its limit when the model gave them; the model's English detail is in the tooltip.
import { useTranslation } from 'react-i18next';
import type { PlanErrorDetail } from '../../../shared/plan/plan';
import { usePlanStore } from '../../state/planStore';
import { useFormat } from '../common/format';

export function Notice() {
  const { t } = useTranslation();
  const format = useFormat();
  const notice = usePlanStore((state) => state.notice);
  if (!notice) return null;
  const refusal = (invalid: PlanErrorDetail) =>
    t(`errors.reason.${invalid.reason}`, {
      field: t(`errors.field.${invalid.field}`),
      limit: invalid.limit === undefined ? '' : format.number(invalid.limit),
    });
  // Shortened input was kept and saved: said as information (a status), not as an error.
  const information = notice.kind === 'shortened' || notice.kind === 'role';
  return (
    <div
      className={`notice${information ? ' notice-info' : ''}`}
      role={information ? 'status' : 'alert'}
      data-notice={notice.kind}
    >
      {notice.kind === 'shortened' ? (
        t('errors.shortened', {
          field: t(`errors.field.${notice.field}`),
          limit: format.number(notice.limit),
        })
      ) : notice.kind === 'refused' ? (
        <span title={notice.detail}>
          {notice.invalid ? refusal(notice.invalid) : t(`errors.code.${notice.code}`)}
        </span>
      ) : notice.kind === 'role' ? (
        t('errors.roleChanged', { role: t(`start.role.${notice.role}`) })
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
