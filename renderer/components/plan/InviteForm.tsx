// Owners create an invite link with a role and a validity (a server call, as a mutation).
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/contracts/api';
import type { ServerMembership } from '../../session/localPlans';
import { requireToken } from '../../session/memberTokens';
import { createInvite } from '../../session/serverApi';
import { serverErrorText } from '../common/serverError';

/** An invite's validity when the days field is empty or not a number. */
const DEFAULT_DAYS = 7;

export function InviteForm({ server, planId }: { server: ServerMembership; planId: string }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('editor');
  const [days, setDays] = useState(String(DEFAULT_DAYS));
  const invite = useMutation({
    mutationFn: async (input: { role: Role; days: number }) =>
      createInvite(server.url, planId, await requireToken(planId, server), input),
  });
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        invite.mutate({ role, days: Math.max(1, Number(days) || DEFAULT_DAYS) });
      }}
    >
      <h3>{t('planScreen.invite')}</h3>
      <div className="row-form">
        <label className="field">
          <span>{t('planScreen.inviteRole')}</span>
          <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {(['viewer', 'editor', 'owner'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`start.role.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('planScreen.inviteDays')}</span>
          <input
            type="number"
            min={1}
            value={days}
            onChange={(event) => setDays(event.target.value)}
          />
        </label>
        <button type="submit" className="primary">
          {t('planScreen.createInvite')}
        </button>
      </div>
      {invite.data && (
        <label className="field block">
          <span>{t('planScreen.inviteLink')}</span>
          <input readOnly value={invite.data.joinUrl} onFocus={(event) => event.target.select()} />
        </label>
      )}
      {invite.isError && (
        <p className="error" role="alert">
          {t('errors.generic', { message: serverErrorText(invite.error, t) })}
        </p>
      )}
    </form>
  );
}
