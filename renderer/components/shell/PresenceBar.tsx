// Who else has this plan open right now: a coloured initial per person, name and organisation on
// hover and for screen readers.
import { useTranslation } from 'react-i18next';
import { usePlanStore } from '../../state/planStore';

export function PresenceBar() {
  const { t } = useTranslation();
  const peers = usePlanStore((state) => state.peers);
  if (peers.length === 0) return null;
  return (
    <ul className="presence" aria-label={t('toolbar.online', { n: peers.length })}>
      {peers.slice(0, 8).map((peer) => (
        <li
          key={peer.clientId}
          className="avatar"
          style={{ background: peer.color }}
          title={peer.org ? `${peer.name} · ${peer.org}` : peer.name}
        >
          <span aria-hidden="true">{(peer.name || '?').slice(0, 1).toUpperCase()}</span>
          <span className="sr-only">{peer.org ? `${peer.name}, ${peer.org}` : peer.name}</span>
        </li>
      ))}
      {peers.length > 8 && <li className="avatar more">+{peers.length - 8}</li>}
    </ul>
  );
}
