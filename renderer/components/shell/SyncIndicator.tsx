// The sync state, always visible and honest: saved only on the server's acknowledgement.
import { useTranslation } from 'react-i18next';
import { usePlanStore } from '../../state/planStore';
import { useFormat } from '../common/format';

export function SyncIndicator() {
  const { t } = useTranslation();
  const format = useFormat();
  const sync = usePlanStore((state) => state.sync);
  const count = format.number(sync.pending);
  const text =
    sync.kind === 'offline'
      ? sync.pending > 0
        ? t('sync.offlinePending', { n: count })
        : t('sync.offline')
      : sync.kind === 'unreachable'
        ? sync.pending > 0
          ? t('sync.unreachablePending', { n: count })
          : t('sync.unreachable')
        : sync.kind === 'unsaved'
          ? t('sync.unsaved', { n: count })
          : t(`sync.${sync.kind}`);
  return (
    <div
      className={`sync sync-${sync.kind}`}
      role="status"
      aria-live="polite"
      data-sync={sync.kind}
    >
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </div>
  );
}
