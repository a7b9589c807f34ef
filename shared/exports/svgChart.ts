// Horizontal bar charts as inline SVG: no script, no external file, prints crisply. Labels are
// escaped by the `html` tag like every other value.
import type { Chart } from './reportFigures';
import { html, type SafeHtml } from './safeHtml';

const WIDTH = 570;
const LABEL_WIDTH = 200;
const TEXT_WIDTH = 170;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 14;
/** Characters of a label that fit LABEL_WIDTH at 12px in the widest of our scripts. */
const MAX_LABEL = 27;

function shorten(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

export function svgBarChart(chart: Chart): SafeHtml {
  const height = Math.max(1, chart.bars.length) * ROW_HEIGHT + 8;
  const barSpace = WIDTH - LABEL_WIDTH - TEXT_WIDTH;
  const rows = chart.bars.map((bar, index) => {
    const y = index * ROW_HEIGHT + 4;
    const width = bar.max > 0 ? Math.round((bar.value / bar.max) * barSpace) : 0;
    return html`<g>
      <title>${bar.label}: ${bar.text}</title>
      <text x="0" y="${y + BAR_HEIGHT - 2}" font-size="12">${shorten(bar.label)}</text>
      <rect x="${LABEL_WIDTH}" y="${y}" width="${barSpace}" height="${BAR_HEIGHT}" fill="#eceff1" />
      <rect
        x="${LABEL_WIDTH}"
        y="${y}"
        width="${width}"
        height="${BAR_HEIGHT}"
        fill="${bar.color}"
      />
      <text x="${LABEL_WIDTH + barSpace + 6}" y="${y + BAR_HEIGHT - 2}" font-size="12"
        >${bar.text}</text
      >
    </g>`;
  });
  return html`<figure class="chart">
    <figcaption>${chart.title}</figcaption>
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      viewBox="0 0 ${WIDTH} ${height}"
      width="${WIDTH}"
      height="${height}"
      font-family="sans-serif"
    >
      <title>${chart.title}</title>
      ${rows}
    </svg>
  </figure>`;
}
