// Says, once a session, what the user must know about where this computer keeps their
// memberships: that it has no keychain (they will join again after a restart), or that a plan's
// membership is no longer here (join again). Set by the token keeper (session/memberTokens.ts).
import { useTranslation } from 'react-i18next';
import { useMembershipNotice } from '../../session/memberTokens';

export function MembershipNotice() {
  const { t } = useTranslation();
  const notice = useMembershipNotice((state) => state.notice);
  if (!notice) return null;
  return (
    <div className="notice" role="status" data-notice={`membership-${notice}`}>
      {t(`membership.${notice}`)}
      <button
        type="button"
        className="link-button"
        onClick={() => useMembershipNotice.setState({ notice: null })}
      >
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
