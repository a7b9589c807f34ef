// The workshop dialog: start hosting the open plan, then the join link and its QR code (one per
// network this computer is on), the invite code, who joined, and Stop. A modal <dialog>: focus
// moves into it and stays there, Escape closes it (hosting carries on), focus returns after.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopFailure, WorkshopStatus } from '../../../shared/contracts/ipc';
import { findPlan, localUser, saveLocalUser } from '../../session/localPlans';
import { memberTokens } from '../../session/memberTokens';
import { attachToWorkshop, hostableServer, type WorkshopBridge } from './workshopBridge';

/** How often the dialog asks who joined: joins come in bursts when a room scans the QR code,
 * and a name appearing within two seconds feels live; the call is one small local query. */
const STATUS_POLL_MS = 2_000;

/** Big enough to scan from a few metres when projected, small enough for a laptop screen. */
const QR_CODE_SIZE_PX = 240;

interface Props {
  readonly bridge: WorkshopBridge;
  /** the plan on screen, or null on the start screen */
  readonly planId: string | null;
  readonly onClose: () => void;
}

export function HostWorkshopDialog({ bridge, planId, onClose }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  /** undefined until the first answer from the shell */
  const [status, setStatus] = useState<WorkshopStatus | null | undefined>(undefined);
  const [busy, setBusy] = useState<'starting' | 'stopping' | null>(null);
  const [failure, setFailure] = useState<WorkshopFailure | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    let open = true;
    const refresh = () =>
      bridge.workshopStatus().then(
        (next) => open && setStatus(next),
        () => undefined, // the next poll tries again
      );
    void refresh();
    const timer = setInterval(refresh, STATUS_POLL_MS);
    return () => {
      open = false;
      clearInterval(timer);
    };
  }, [bridge]);

  const start = async (plan: string, host: { name: string; organisation: string }) => {
    setBusy('starting');
    setFailure(null);
    saveLocalUser({ name: host.name, org: host.organisation });
    const entry = findPlan(plan);
    try {
      // Hosted here before: the host stays the same member (hostableServer allows no other).
      const hostToken = entry?.server
        ? await memberTokens().get({ serverUrl: entry.server.url, planId: plan })
        : null;
      const outcome = await bridge.startWorkshop({
        planId: plan,
        title: entry?.title ?? '',
        hostName: host.name,
        hostOrganisation: host.organisation,
        ...(hostToken ? { hostToken } : {}),
      });
      if (!outcome.ok) {
        setFailure(outcome.reason);
        return;
      }
      await attachToWorkshop(plan, outcome.host);
      setStatus(outcome.status);
    } catch {
      setFailure('failed');
    } finally {
      setBusy(null);
    }
  };

  const stop = async () => {
    setBusy('stopping');
    try {
      await bridge.stopWorkshop();
      setStatus(null);
    } finally {
      setBusy(null);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="picker workshop"
      aria-labelledby="workshop-title"
      aria-describedby="workshop-intro"
      onClose={onClose}
    >
      <header className="detail-head">
        <h2 id="workshop-title">{t('workshop.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('workshop.close')}
          onClick={() => dialog.current?.close()}
        >
          ✕
        </button>
      </header>
      <p id="workshop-intro" className="muted">
        {t('workshop.intro')}
      </p>
      {failure && (
        <p className="error" role="alert">
          {t(`workshop.failed.${failure}`)}
        </p>
      )}
      {status === undefined ? null : status ? (
        <RunningWorkshop status={status} stopping={busy === 'stopping'} onStop={stop} />
      ) : planId ? (
        <StartForm planId={planId} starting={busy === 'starting'} onStart={start} />
      ) : (
        <p>{t('workshop.noPlan')}</p>
      )}
    </dialog>
  );
}

function StartForm({
  planId,
  starting,
  onStart,
}: {
  planId: string;
  starting: boolean;
  onStart: (planId: string, host: { name: string; organisation: string }) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(() => localUser().name);
  const [organisation, setOrganisation] = useState(() => localUser().org);
  const { hostable, server } = hostableServer(planId);
  if (!hostable) return <p>{t('workshop.otherServer', { server: server ?? '' })}</p>;
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        onStart(planId, { name: name.trim(), organisation: organisation.trim() });
      }}
    >
      <label className="field">
        <span>{t('start.yourName')}</span>
        <input
          required
          autoFocus
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('start.yourOrg')}</span>
        <input
          maxLength={300}
          value={organisation}
          onChange={(event) => setOrganisation(event.target.value)}
        />
      </label>
      <div>
        <button type="submit" className="primary" disabled={starting || !name.trim()}>
          {starting ? t('workshop.starting') : t('workshop.start')}
        </button>
      </div>
    </form>
  );
}

function RunningWorkshop({
  status,
  stopping,
  onStop,
}: {
  status: WorkshopStatus;
  stopping: boolean;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(0);
  const link = status.links[chosen] ?? status.links[0];
  const loopbackOnly = status.links.every((candidate) => candidate.address === '127.0.0.1');
  return (
    <div className="stack">
      {loopbackOnly && (
        <p className="error" role="status">
          {t('workshop.loopbackOnly')}
        </p>
      )}
      {status.links.length > 1 && (
        <label className="field">
          <span>{t('workshop.network')}</span>
          <select value={chosen} onChange={(event) => setChosen(Number(event.target.value))}>
            {status.links.map((candidate, index) => (
              <option key={candidate.address} value={index}>
                {t('workshop.networkOption', {
                  address: candidate.address,
                  name: candidate.interfaceName,
                })}
              </option>
            ))}
          </select>
        </label>
      )}
      {link && (
        <>
          <label className="field">
            <span>{t('workshop.joinLink')}</span>
            <input
              readOnly
              autoFocus
              value={link.joinUrl}
              onFocus={(event) => event.target.select()}
            />
          </label>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`}
            alt={t('workshop.qrCode')}
            width={QR_CODE_SIZE_PX}
            height={QR_CODE_SIZE_PX}
          />
        </>
      )}
      <label className="field">
        <span>{t('workshop.inviteCode')}</span>
        <input readOnly value={status.inviteCode} onFocus={(event) => event.target.select()} />
      </label>
      {/* Live as a whole: the first name replaces "nobody yet", and is announced too. */}
      <section aria-labelledby="workshop-joined" aria-live="polite">
        <h3 id="workshop-joined">{t('workshop.joined', { count: status.participants.length })}</h3>
        {status.participants.length === 0 ? (
          <p className="muted">{t('workshop.nobodyYet')}</p>
        ) : (
          <ul>
            {status.participants.map((person) => (
              <li key={person.memberId}>
                {person.organisation ? `${person.name} · ${person.organisation}` : person.name}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="muted">{t('workshop.keepsRunning')}</p>
      <div>
        <button
          type="button"
          className="danger"
          aria-describedby="workshop-stop-hint"
          disabled={stopping}
          onClick={onStop}
        >
          {stopping ? t('workshop.stopping') : t('workshop.stop')}
        </button>
        <p id="workshop-stop-hint" className="muted">
          {t('workshop.stopHint')}
        </p>
      </div>
    </div>
  );
}
