// Who else is editing this field of this action right now (awareness focus).
import { usePlanStore } from '../../state/planStore';

export function FieldPresence({ actionId, field }: { actionId: string; field: string }) {
  const peers = usePlanStore((state) => state.peers);
  const here = peers.filter(
    (peer) => peer.focus?.actionId === actionId && peer.focus.field === field,
  );
  return (
    <>
      {here.map((peer) => (
        <span key={peer.clientId} className="peer-flag" style={{ background: peer.color }}>
          {peer.name}
        </span>
      ))}
    </>
  );
}
