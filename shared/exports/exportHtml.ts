// The report as one self-contained HTML page: no script, no external file (a Content Security
// Policy forbids both), styles for screen and print, inline SVG charts, and every value escaped
// through the `html` tag.
import { itemTitle, textIn } from '../frameworks';
import type { Action, ProgressUpdate } from '../plan/schema';
import { actionsByObjective, coverage, overdue } from '../plan/views';
import {
  coverageChart,
  enteredByOwners,
  evidenceHref,
  indicatorRows,
  LIGHT_COLORS,
  lightChart,
  lightOf,
  objectiveChart,
  organisationRows,
  progressUpdateGroups,
  reportedFrameworks,
  shortened,
  statusChart,
  summaryFigures,
} from './reportFigures';
import { describeChange, type ReportScope } from './reportScope';
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
  .latest { display: block; color: #546e7a; font-size: .9em; margin-top: .2em; }
  table.updates td.date { white-space: nowrap; } table.updates th.action { background: #f5f7f8; font-weight: bold; }
  table.updates td.evidence a { word-break: break-all; }
  @media print { body { margin: 0; max-width: none; font-size: 11px; } figure.chart { flex-basis: 45%; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } thead { display: table-header-group; } }
`;

export function exportHtml(scope: ReportScope, generatedAt: string): Uint8Array {
  return new TextEncoder().encode(reportHtml(scope, generatedAt).text);
}

export function reportHtml(scope: ReportScope, generatedAt: string): SafeHtml {
  const { context, snapshot } = scope;
  const title = snapshot.meta.title;
  return html`<!doctype html>
    <html lang="${context.language}">
      <head>
        <meta charset="utf-8" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — ${context.t('title')}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1>${title}</h1>
          <p class="meta"><b>${context.t('title')}</b></p>
          ${periodLines(scope, generatedAt).map((line) => html`<p class="meta">${line}</p>`)}
        </header>
        <section>
          <h2>${context.t('section.summary')}</h2>
          ${snapshot.meta.summary ? html`<p>${snapshot.meta.summary}</p>` : ''}
          <div class="figures">
            ${summaryFigures(scope).map(
              (figure) => html`<div class="figure"><b>${figure.value}</b>${figure.label}</div>`,
            )}
          </div>
          <div class="charts">
            ${svgBarChart(statusChart(scope))} ${svgBarChart(lightChart(scope))}
            ${svgBarChart(objectiveChart(scope))} ${svgBarChart(coverageChart(scope))}
          </div>
        </section>
        ${scope.changes ? changesSection(scope) : ''} ${actionsSection(scope)}
        ${updatesSection(scope)} ${overdueSection(scope)} ${indicatorsSection(scope)}
        ${organisationsSection(scope)} ${coverageSection(scope)}
      </body>
    </html> `;
}

/** The title block's lines: reporting period, plan period, changes since, date generated. */
export function periodLines(scope: ReportScope, generatedAt: string): string[] {
  const { context, snapshot } = scope;
  const lines: string[] = [];
  lines.push(
    scope.period
      ? context.t('reportingPeriod', {
          from: context.date(scope.period.from),
          to: context.date(scope.period.to),
        })
      : context.t('wholePlan'),
  );
  if (snapshot.meta.period)
    lines.push(
      context.t('planPeriod', {
        from: context.date(snapshot.meta.period.start),
        to: context.date(snapshot.meta.period.end),
      }),
    );
  if (scope.changes)
    lines.push(
      scope.changes.since
        ? context.t('changesSince', { date: context.date(scope.changes.since) })
        : context.t('changesSinceVersion'),
    );
  lines.push(context.t('generatedOn', { date: context.date(generatedAt.slice(0, 10)) }));
  return lines;
}

function lightCell(action: Action, scope: ReportScope): SafeHtml {
  const light = lightOf(action, scope);
  return html`<span class="light" style="background:${LIGHT_COLORS[light]}"></span
    >${scope.context.t(`plan:light.${light}`)}`;
}

function actionTable(
  actions: readonly Action[],
  scope: ReportScope,
  withChange: boolean,
): SafeHtml {
  const { context } = scope;
  return html`<table>
    <thead>
      <tr>
        <th>${context.t('column.ref')}</th>
        <th>${context.t('column.title')}</th>
        <th>${context.t('column.lead')}</th>
        <th>${context.t('column.deadline')}</th>
        <th>${context.t('column.status')}</th>
        <th>${context.t('column.progress')}</th>
        <th>${context.t('column.light')}</th>
        ${withChange ? html`<th>${context.t('column.change')}</th>` : ''}
      </tr>
    </thead>
    <tbody>
      ${actions.map((action) => {
        const change = withChange ? scope.changeOf(action.id) : null;
        return html`<tr>
          <td>${action.ref}</td>
          <td>${context.actionTitle(action)}${latestNote(action, scope)}</td>
          <td>
            ${action.leadOrgId === null ? context.t('none') : context.orgName(action.leadOrgId)}
          </td>
          <td class="nowrap">${context.date(action.deadline)}</td>
          <td class="nowrap">${context.t(`plan:status.${action.status}`)}</td>
          <td class="num">${action.progress} %</td>
          <td class="nowrap">${lightCell(action, scope)}</td>
          ${withChange ? html`<td>${change ? describeChange(change, context) : ''}</td>` : ''}
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function changesSection(scope: ReportScope): SafeHtml {
  const { context } = scope;
  return html`<section>
    <h2>${context.t('section.changes')}</h2>
    ${scope.actions.length === 0 ? html`<p class="none">${context.t('change.none')}</p>` : actionTable(scope.actions, scope, true)}
  </section>`;
}

function actionsSection(scope: ReportScope): SafeHtml {
  const { context } = scope;
  const groups = actionsByObjective(scope.snapshot);
  return html`<section>
    <h2>${context.t('section.actionsByObjective')}</h2>
    ${groups.length === 0 || groups.every((group) => group.actions.length === 0) ? html`<p class="none">${context.t('noActions')}</p>` : ''}
    ${groups
      .filter((group) => group.actions.length > 0)
      .map(
        (group) =>
          html`<h3>${group.objective ? group.objective.title : context.t('noObjective')}</h3>
            ${actionTable(group.actions, scope, false)}`,
      )}
  </section>`;
}

function overdueSection(scope: ReportScope): SafeHtml {
  const { context } = scope;
  const late = overdue(scope.snapshot, context.today);
  return html`<section>
    <h2>${context.t('section.overdue')}</h2>
    ${late.length === 0 ? html`<p class="none">${context.t('noOverdue')}</p>` : actionTable(late, scope, false)}
  </section>`;
}

function indicatorsSection(scope: ReportScope): SafeHtml {
  const { context } = scope;
  const rows = indicatorRows(scope);
  if (rows.length === 0) return html``;
  const show = (value: number | null) =>
    value === null ? context.t('none') : context.number(value);
  return html`<section>
    <h2>${context.t('section.indicators')}</h2>
    <table>
      <thead>
        <tr>
          <th>${context.t('column.ref')}</th>
          <th>${context.t('indicator.name')}</th>
          <th>${context.t('indicator.unit')}</th>
          <th>${context.t('indicator.baseline')}</th>
          <th>${context.t('indicator.values')}</th>
          <th>${context.t('indicator.target')}</th>
          <th>${context.t('indicator.progressToTarget')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ({ action, indicator, percent, light }) =>
            html`<tr>
              <td>${action.ref}</td>
              <td>${indicator.name}</td>
              <td>${indicator.unit}</td>
              <td class="num">${show(indicator.baseline)}</td>
              <td>
                ${indicator.values.map((value) => `${value.period}: ${context.number(value.value)}`).join(', ')}
              </td>
              <td class="num">${show(indicator.target)}</td>
              <td>
                <span class="light" style="background:${LIGHT_COLORS[light]}"></span
                >${percent === null ? context.t('none') : `${context.number(percent)} %`}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

function organisationsSection(scope: ReportScope): SafeHtml {
  const { context } = scope;
  const rows = organisationRows(scope);
  if (rows.length === 0) return html``;
  return html`<section>
    <h2>${context.t('section.organisations')}</h2>
    <table>
      <thead>
        <tr>
          <th>${context.t('organisation.name')}</th>
          <th>${context.t('organisation.kind')}</th>
          <th>${context.t('organisation.actions')}</th>
          <th>${context.t('organisation.completed')}</th>
          <th>${context.t('organisation.meanProgress')}</th>
          <th>${context.t('organisation.overdue')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              <td>${row.name}</td>
              <td>${row.kind}</td>
              <td class="num">${row.total}</td>
              <td class="num">${row.completed}</td>
              <td class="num">${row.meanProgress} %</td>
              <td class="num">${row.overdue}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

function coverageSection(scope: ReportScope): SafeHtml {
  const { context } = scope;
  const refs = new Map(scope.snapshot.actions.map((action) => [action.id, action.ref]));
  return html`<section>
    <h2>${context.t('section.coverage')}</h2>
    ${reportedFrameworks(scope).map((framework) => {
      const rows = coverage(scope.snapshot, framework);
      return html`<h3>${textIn(framework.name, context.language)}</h3>
        ${enteredByOwners(scope, framework) ? html`<p class="meta">${context.t('coverage.enteredByOwners')}</p>` : ''}
        ${framework.origin === 'plan' || framework.source.title === '' ? '' : html`<p class="meta">${framework.source.title}</p>`}
        <table>
          <thead>
            <tr>
              <th>${context.t('coverage.code')}</th>
              <th>${context.t('coverage.item')}</th>
              <th>${context.t('coverage.actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  <td>${row.item.code}</td>
                  <td>${itemTitle(row.item, context.language)}</td>
                  <td>
                    ${row.actionIds.length === 0 ? html`<span class="none">${context.t('coverage.notCovered')}</span>` : row.actionIds.map((id) => refs.get(id) ?? id).join(', ')}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`;
    })}
  </section>`;
}

/** Characters of the latest update's note shown under an action's title. */
const LATEST_NOTE_LENGTH = 90;

/** The newest progress update the report covers, as a short line under the action's title. */
function latestNote(action: Action, scope: ReportScope): SafeHtml | '' {
  const latest = scope.updatesOf(action)[0];
  if (!latest || latest.note.trim() === '') return '';
  return html`<span class="latest"
    >${scope.context.t('update.latest', {
      date: scope.context.date(latest.at),
      note: shortened(latest.note, LATEST_NOTE_LENGTH),
    })}</span
  >`;
}

function evidenceLinks(update: ProgressUpdate): SafeHtml[] {
  return update.evidence.map((evidence) => {
    const href = evidenceHref(evidence);
    return href === null
      ? html`<div>${evidence}</div>`
      : html`<div><a href="${href}" rel="noopener noreferrer">${evidence}</a></div>`;
  });
}

function updatesSection(scope: ReportScope): SafeHtml {
  const { context } = scope;
  const groups = progressUpdateGroups(scope);
  return html`<section>
    <h2>${context.t('section.updates')}</h2>
    ${
      groups.length === 0
        ? html`<p class="none">${context.t('update.none')}</p>`
        : html`<p class="meta">
            ${context.t(scope.changes ? 'update.listedSince' : 'update.listed')}
          </p>`
    }
    ${groups.map(
      (group) =>
        html`<h3>${group.title}</h3>
          <table class="updates">
            <thead>
              <tr>
                <th>${context.t('update.date')}</th>
                <th>${context.t('column.status')}</th>
                <th>${context.t('column.progress')}</th>
                <th>${context.t('update.note')}</th>
                <th>${context.t('update.evidence')}</th>
              </tr>
            </thead>
            ${group.actions.map(
              ({ action, updates }) =>
                html`<tbody>
                  <tr>
                    <th class="action" colspan="5">${action.ref} ${context.actionTitle(action)}</th>
                  </tr>
                  ${updates.map(
                    (update) =>
                      html`<tr>
                        <td class="date">${context.date(update.at)}</td>
                        <td class="nowrap">${context.t(`plan:status.${update.status}`)}</td>
                        <td class="num">${update.progress} %</td>
                        <td>${update.note}</td>
                        <td class="evidence">${evidenceLinks(update)}</td>
                      </tr>`,
                  )}
                </tbody>`,
            )}
          </table>`,
    )}
  </section>`;
}
