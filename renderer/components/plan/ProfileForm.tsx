// The name this person shows to others (presence), saved with the local user.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localUser, saveLocalUser } from '../../session/localPlans';
import { useSession } from '../shell/planContext';

export function ProfileForm() {
  const { t } = useTranslation();
  const session = useSession();
  const [name, setName] = useState(() => localUser().name);
  return (
    <form
      className="row-form"
      onSubmit={(event) => {
        event.preventDefault();
        const user = saveLocalUser({ name: name.trim() });
        session.awareness.setLocalStateField('user', {
          id: user.id,
          name: user.name,
          org: user.org,
          color: user.color,
        });
      }}
    >
      <label className="field grow">
        <span>{t('planScreen.profile')}</span>
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit">{t('detail.save')}</button>
    </form>
  );
}
