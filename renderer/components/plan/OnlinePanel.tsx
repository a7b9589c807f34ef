// Who has the plan open now (presence).
import { useTranslation } from 'react-i18next';
import { usePlanStore } from '../../state/planStore';

export function OnlinePanel() {
  const { t } = useTranslation();
  const peers = usePlanStore((state) => state.peers);
  return (
    <>
      <h3>{t('planScreen.online')}</h3>
      <ul className="plain-list">
        {peers.length === 0 && <li className="muted">{t('detail.none')}</li>}
        {peers.map((peer) => (
          <li key={peer.clientId}>
            <span className="swatch" style={{ background: peer.color }} aria-hidden="true" />{' '}
            {peer.name}
            {peer.org ? ` · ${peer.org}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
