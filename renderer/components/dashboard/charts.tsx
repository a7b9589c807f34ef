// Small SVG charts: a ring of shares with a legend, and horizontal progress bars. Every chart
// carries its numbers as text too, so it reads without colour and to screen readers.
import { useFormat } from '../common/format';

export interface Slice {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** a CSS colour (a custom property), one per slice */
  readonly color: string;
}

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

export function Ring({
  slices,
  label,
  centre,
}: {
  slices: readonly Slice[];
  label: string;
  centre: string;
}) {
  const format = useFormat();
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  let offset = 0;
  return (
    <figure className="ring">
      <svg viewBox="0 0 140 140" role="img" aria-label={label}>
        <circle cx="70" cy="70" r={RADIUS} className="ring-track" />
        {total > 0 &&
          slices.map((slice) => {
            const length = (slice.value / total) * CIRCUMFERENCE;
            const circle = (
              <circle
                key={slice.key}
                cx="70"
                cy="70"
                r={RADIUS}
                fill="none"
                stroke={slice.color}
                strokeWidth="18"
                strokeDasharray={`${length} ${CIRCUMFERENCE - length}`}
                strokeDashoffset={-offset}
                transform="rotate(-90 70 70)"
              />
            );
            offset += length;
            return circle;
          })}
        <text x="70" y="76" textAnchor="middle" className="ring-centre">
          {centre}
        </text>
      </svg>
      <figcaption>
        <ul className="legend">
          {slices.map((slice) => (
            <li key={slice.key}>
              <span className="swatch" style={{ background: slice.color }} aria-hidden="true" />
              {slice.label} <strong>{format.number(slice.value)}</strong>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export interface Bar {
  readonly key: string;
  readonly label: string;
  /** 0-100 */
  readonly value: number;
  readonly note: string;
  readonly onClick?: () => void;
}

export function ProgressBars({ bars, label }: { bars: readonly Bar[]; label: string }) {
  const format = useFormat();
  return (
    <ul className="bars" aria-label={label}>
      {bars.map((bar) => (
        <li key={bar.key} className="bar-row">
          <span className="bar-label" title={bar.label}>
            {bar.onClick ? (
              <button type="button" className="link-button" onClick={bar.onClick}>
                {bar.label}
              </button>
            ) : (
              bar.label
            )}
          </span>
          <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect x="0" y="0" width="100" height="10" rx="2" className="bar-track" />
            <rect x="0" y="0" width={bar.value} height="10" rx="2" className="bar-fill" />
          </svg>
          <span className="bar-value">{format.percent(bar.value)}</span>
          <span className="bar-note muted">{bar.note}</span>
        </li>
      ))}
    </ul>
  );
}
