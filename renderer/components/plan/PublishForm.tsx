// A local plan published to a server with an owner invite (publishPlan), then opened there.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localUser, type LocalPlanEntry } from '../../session/localPlans';
import { publishPlan } from '../../session/publishPlan';
import { openPlanView } from '../../state/viewStore';
import { serverErrorText } from '../common/serverError';
import { useSession } from '../shell/planContext';

export function PublishForm({ entry }: { entry: LocalPlanEntry }) {
  const { t } = useTranslation();
  const session = useSession();
  const [user] = useState(localUser);
  const [invite, setInvite] = useState('');
  const [name, setName] = useState(user.name);
  const [organisation, setOrganisation] = useState(user.org);
  const publish = useMutation({
    mutationFn: () =>
      publishPlan(entry, session.state(), {
        invite,
        name: name.trim(),
        organisation: organisation.trim(),
      }),
    onSuccess: (planId) => openPlanView(planId),
  });
  // Still busy once published: the published plan is being opened.
  const busy = publish.isPending || publish.isSuccess;
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        publish.mutate();
      }}
    >
      <h3>{t('planScreen.publish')}</h3>
      <p className="muted">{t('planScreen.publishHint')}</p>
      <label className="field block">
        <span>{t('start.inviteLink')}</span>
        <input value={invite} onChange={(event) => setInvite(event.target.value)} required />
      </label>
      <div className="row-form">
        <label className="field">
          <span>{t('start.yourName')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} required />
        </label>
        <label className="field">
          <span>{t('start.yourOrg')}</span>
          <input
            value={organisation}
            onChange={(event) => setOrganisation(event.target.value)}
            required
          />
        </label>
        <button
          type="submit"
          className="primary"
          disabled={busy || !invite || !name.trim() || !organisation.trim()}
        >
          {busy ? t('planScreen.publishing') : t('planScreen.publishButton')}
        </button>
      </div>
      {publish.isError && (
        <p className="error" role="alert">
          {t('errors.generic', { message: serverErrorText(publish.error, t) })}
        </p>
      )}
    </form>
  );
}
