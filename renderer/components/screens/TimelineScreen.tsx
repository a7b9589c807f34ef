// Actions on a time axis from start to deadline, grouped by objective, with today's line; each
// bar in its traffic light (overdue ones red), named in its tooltip. Rows are virtualised like the table, so large plans stay smooth.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { timeline } from '../../selectors/timelineRows';
import { usePlanStore } from '../../state/planStore';
import { openAction, setView } from '../../state/viewStore';
import { dayNumber, todayIn } from '../../../shared/calendar';
import { useFormat } from '../common/format';
import { ActionTitle } from '../common/ActionTitle';

const ROW = 30;

export function TimelineScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const snapshot = usePlanStore((state) => state.snapshot)!;
  const today = todayIn();
  const scrollRef = useRef<HTMLDivElement>(null);

  const { rows, from, to, undated } = useMemo(() => timeline(snapshot, today), [snapshot, today]);

  // The build runs no React Compiler, whose memoisation this warns TanStack Virtual defeats.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 10,
  });
  const first = dayNumber(from);
  const span = Math.max(1, dayNumber(to) - first);
  const x = (date: string) => ((dayNumber(date) - first) / span) * 100;
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)) + 1; `${year}-01-01` < to; year++) years.push(year);

  return (
    <div className="timeline">
      <p className="muted">
        {t('timeline.legend')} {undated > 0 && t('timeline.undated', { n: format.number(undated) })}
      </p>
      <div className="timeline-axis" aria-hidden="true">
        <span className="today-label" style={{ left: `calc(35% + ${x(today) * 0.65}%)` }}>
          {t('timeline.today')}
        </span>
        {years.map((year) => (
          <span key={year} style={{ left: `calc(35% + ${x(`${year}-01-01`) * 0.65}%)` }}>
            {year}
          </span>
        ))}
      </div>
      <div ref={scrollRef} className="timeline-body">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          <div className="today-line" style={{ left: `calc(35% + ${x(today) * 0.65}%)` }} />
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const style = { transform: `translateY(${item.start}px)` };
            if (row.kind === 'objective') {
              return (
                <div key={row.key} className="timeline-row timeline-group" style={style}>
                  {row.objective?.title ?? t('table.noObjective')}
                </div>
              );
            }
            const { action, light } = row;
            const start = action.start ?? action.deadline!;
            const end = action.deadline ?? action.start!;
            return (
              <div key={row.key} className="timeline-row" style={style}>
                <button
                  type="button"
                  className="timeline-label link-button"
                  onClick={() => {
                    setView({ screen: 'actions' });
                    openAction(action.id);
                  }}
                >
                  <span className="ref">{action.ref}</span> <ActionTitle action={action} />
                </button>
                <div className="timeline-track">
                  <span
                    className={`timeline-bar bar-${light}`}
                    style={{ left: `${x(start)}%`, width: `${Math.max(0.6, x(end) - x(start))}%` }}
                    title={`${format.date(action.start)} – ${format.date(action.deadline)} · ${t(`light.${light}`, { ns: 'plan' })}`}
                  >
                    <span className="timeline-fill" style={{ width: `${action.progress}%` }} />
                  </span>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
