// The report document as one self-contained HTML page: no script, no external file (a Content
// Security Policy forbids both), styles for screen and print, inline SVG charts, and every value
// escaped through the `html` tag. It draws each column by its type; what a table holds is the
// report document's business (reportDocument.ts).
import { LIGHT_COLORS } from './reportFigures';
import type { Block, Cell, Column, ReportDocument, Section, Table } from './reportDocument';
import { html, SafeHtml } from './safeHtml';
import { svgBarChart } from './svgChart';

const STYLE = `
  body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #212121; margin: 2em auto; max-width: 1100px; padding: 0 1em; font-size: 14px; }
  h1 { font-size: 1.8em; margin-bottom: .2em; } h2 { font-size: 1.3em; border-bottom: 2px solid #cfd8dc; padding-bottom: .2em; margin-top: 1.6em; }
  h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
  .meta { color: #546e7a; margin: .1em 0; }
  .figures { display: flex; flex-wrap: wrap; gap: 1em; margin: 1em 0; }
  .figure { border: 1px solid #cfd8dc; border-radius: 6px; padding: .6em 1em; min-width: 8em; }
  .figure b { display: block; font-size: 1.6em; }
  .charts { display: flex; flex-wrap: wrap; gap: 1.5em; }
  figure.chart { margin: 0; flex: 1 1 420px; max-width: 570px; } figure.chart svg { width: 100%; height: auto; } figcaption { font-weight: bold; margin-bottom: .3em; }
  table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
  th, td { border: 1px solid #cfd8dc; padding: .3em .5em; text-align: left; vertical-align: top; }
  th { background: #eceff1; } td.num { text-align: right; white-space: nowrap; }
  .light { -webkit-print-color-adjust: exact; print-color-adjust: exact; display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .35em; vertical-align: -.05em; }
  .none { color: #757575; font-style: italic; }
  td.nowrap { white-space: nowrap; }
  .detail { display: block; color: #546e7a; font-size: .9em; margin-top: .2em; }
  th.group { background: #f5f7f8; font-weight: bold; }
  td.links a { word-break: break-all; }
  @media print { body { margin: 0; max-width: none; font-size: 11px; } figure.chart { flex-basis: 45%; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } thead { display: table-header-group; } }
`;

export function exportHtml(document: ReportDocument): Uint8Array {
  return new TextEncoder().encode(reportHtml(document).text);
}

export function reportHtml(document: ReportDocument): SafeHtml {
  const { title, subtitle } = document;
  return html`<!doctype html>
    <html lang="${document.language}">
      <head>
        <meta charset="utf-8" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — ${subtitle}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1>${title}</h1>
          <p class="meta"><b>${subtitle}</b></p>
          ${document.lines.map((line) => html`<p class="meta">${line}</p>`)}
        </header>
        ${document.sections.map((section, index) =>
          sectionHtml(section, index === 0 ? document.summary : ''),
        )}
      </body>
    </html> `;
}

/** A section; the first one (the summary) opens with the plan's own summary. */
function sectionHtml(section: Section, summary: string): SafeHtml {
  return html`<section>
    <h2>${section.heading}</h2>
    ${summary ? html`<p>${summary}</p>` : ''} ${section.blocks.map(blockHtml)}
  </section>`;
}

function blockHtml(block: Block): SafeHtml {
  switch (block.kind) {
    case 'paragraph':
      return block.muted ? html`<p class="meta">${block.text}</p>` : html`<p>${block.text}</p>`;
    case 'subheading':
      return html`<h3>${block.text}</h3>`;
    case 'figures':
      return html`<div class="figures">
        ${block.figures.map(
          (figure) => html`<div class="figure"><b>${figure.value}</b>${figure.label}</div>`,
        )}
      </div>`;
    case 'charts':
      return html`<div class="charts">${block.charts.map(svgBarChart)}</div>`;
    case 'table':
      return tableHtml(block.table);
  }
}

/** The class of a column's cells: figures right-aligned, closed sets and codes on one line. */
const CELL_CLASSES: Record<Column['type'], string> = {
  text: '',
  code: 'nowrap',
  date: 'nowrap',
  timestamp: 'nowrap',
  status: 'nowrap',
  light: 'nowrap',
  percent: 'num',
  number: 'num',
  links: 'links',
};

/** Rows after a group row go into a body of their own, so print keeps them apart. */
function tableHtml(table: Table): SafeHtml {
  const bodies: SafeHtml[][] = [[]];
  for (const row of table.rows) {
    if ('group' in row) {
      if (bodies.at(-1)!.length > 0) bodies.push([]);
      bodies.at(-1)!.push(
        html`<tr>
          <th class="group" colspan="${table.columns.length}">${row.group}</th>
        </tr>`,
      );
      continue;
    }
    bodies.at(-1)!.push(
      html`<tr>
        ${row.map((cell, index) => cellHtml(cell, table.columns[index]!))}
      </tr>`,
    );
  }
  return html`<table>
    <thead>
      <tr>
        ${table.columns.map((column) => html`<th>${column.header}</th>`)}
      </tr>
    </thead>
    ${bodies.map(
      (rows) =>
        html`<tbody>
          ${rows}
        </tbody>`,
    )}
  </table>`;
}

function cellHtml(cell: Cell, column: Column): SafeHtml {
  const className = CELL_CLASSES[column.type];
  return html`<td${className ? html` class="${className}"` : ''}>${cellContent(cell, column)}</td>`;
}

function cellContent(cell: Cell, column: Column): SafeHtml | string {
  if (column.type === 'links')
    return html`${(cell.items ?? []).map((item) =>
      item.href === null
        ? html`<div>${item.text}</div>`
        : html`<div><a href="${item.href}" rel="noopener noreferrer">${item.text}</a></div>`,
    )}`;
  const light = cell.light
    ? html`<span class="light" style="background:${LIGHT_COLORS[cell.light]}"></span>`
    : '';
  const text = cell.muted ? html`<span class="none">${cell.text}</span>` : cell.text;
  const detail = cell.detail ? html`<span class="detail">${cell.detail}</span>` : '';
  return html`${light}${text}${detail}`;
}
