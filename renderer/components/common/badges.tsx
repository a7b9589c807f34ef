// Small visual vocabulary shared by the table, detail and dashboard: status, traffic light,
// progress. Colour is never the only signal: each carries its word.
import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '../../../shared/plan/model';
import type { TrafficLight } from '../../../shared/plan/views';
import { useFormat } from './format';

export function StatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`, { ns: 'plan' })}</span>;
}

export function LightBadge({ light }: { light: TrafficLight }) {
  const { t } = useTranslation();
  return (
    <span className={`light light-${light}`}>
      <span className="light-dot" aria-hidden="true" />
      {t(`light.${light}`, { ns: 'plan' })}
    </span>
  );
}

export function ProgressBar({ value }: { value: number }) {
  const format = useFormat();
  return (
    <span className="progress">
      <span className="progress-track" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${value}%` }} />
      </span>
      <span className="progress-label">{format.percent(value)}</span>
    </span>
  );
}
