// The columns of an action row, shared by the CSV file, the XLSX "Actions" sheet and the import's
// header recognition: one table, so an exported file always imports back.
import type { Action } from '../plan/schema';
import { actionHealth, indicatorProgress } from '../plan/views';
import type { ReportContext } from './reportContext';

/** How a cell is typed in XLSX (dates and numbers as real cells) and parsed on import. */
export const CELL_KINDS = {
  text: 'text',
  number: 'number',
  /** `YYYY-MM-DD` */
  date: 'date',
  /** ISO timestamp, shown as its date and time */
  timestamp: 'timestamp',
} as const;
export type CellKind = keyof typeof CELL_KINDS;

export type CellValue = string | number | null;

export interface ActionColumn {
  /** key in the report catalogue's `column` section */
  readonly key: string;
  readonly kind: CellKind;
  /** read back by the import (computed and bookkeeping columns are not) */
  readonly importable: boolean;
  /** typical width in characters, for XLSX */
  readonly width: number;
  readonly value: (action: Action, context: ReportContext) => CellValue;
}

/** Lists inside one cell (partners, links) are separated by this; the import splits on it. */
export const LIST_SEPARATOR = '; ';

function names(ids: readonly string[], context: ReportContext): string {
  return ids.map((id) => context.orgName(id)).join(LIST_SEPARATOR);
}

function indicatorSummary(action: Action): string {
  return action.indicators
    .map((indicator) => {
      const progress = indicatorProgress(indicator);
      const figures = [indicator.baseline, progress.current, indicator.target]
        .map((value) => (value === null ? '?' : String(value)))
        .join(' → ');
      return `${indicator.name} (${figures}${indicator.unit ? ` ${indicator.unit}` : ''})`;
    })
    .join(LIST_SEPARATOR);
}

export const ACTION_COLUMNS: readonly ActionColumn[] = [
  { key: 'ref', kind: 'text', importable: true, width: 8, value: (a) => a.ref },
  { key: 'title', kind: 'text', importable: true, width: 50, value: (a) => a.title },
  { key: 'description', kind: 'text', importable: true, width: 50, value: (a) => a.description },
  {
    key: 'objective',
    kind: 'text',
    importable: true,
    width: 30,
    value: (a, c) => (a.objectiveId === null ? '' : c.objectiveTitle(a.objectiveId)),
  },
  {
    key: 'lead',
    kind: 'text',
    importable: true,
    width: 30,
    value: (a, c) => (a.leadOrgId === null ? '' : c.orgName(a.leadOrgId)),
  },
  {
    key: 'partners',
    kind: 'text',
    importable: true,
    width: 30,
    value: (a, c) => names(a.partnerOrgIds, c),
  },
  { key: 'contact', kind: 'text', importable: true, width: 20, value: (a) => a.contact },
  { key: 'start', kind: 'date', importable: true, width: 12, value: (a) => a.start },
  { key: 'deadline', kind: 'date', importable: true, width: 12, value: (a) => a.deadline },
  {
    key: 'status',
    kind: 'text',
    importable: true,
    width: 16,
    value: (a, c) => c.t(`plan:status.${a.status}`),
  },
  { key: 'progress', kind: 'number', importable: true, width: 10, value: (a) => a.progress },
  {
    key: 'stage',
    kind: 'text',
    importable: true,
    width: 12,
    value: (a, c) => c.t(`plan:stage.${a.stage}`),
  },
  {
    key: 'priority',
    kind: 'text',
    importable: true,
    width: 10,
    value: (a, c) => (a.priority === null ? '' : c.t(`plan:priority.${a.priority}`)),
  },
  {
    key: 'light',
    kind: 'text',
    importable: false,
    width: 14,
    value: (a, c) => c.t(`plan:light.${actionHealth(a, c.today).light}`),
  },
  {
    key: 'overdue',
    kind: 'text',
    importable: false,
    width: 10,
    value: (a, c) => (actionHealth(a, c.today).overdue ? c.t('yes') : c.t('no')),
  },
  {
    key: 'links',
    kind: 'text',
    importable: true,
    width: 30,
    value: (a, c) => a.links.map((key) => c.linkLabel(key)).join(LIST_SEPARATOR),
  },
  {
    key: 'endorsedBy',
    kind: 'text',
    importable: false,
    width: 30,
    value: (a, c) =>
      names(
        a.endorsements.map((e) => e.orgId),
        c,
      ),
  },
  {
    key: 'indicators',
    kind: 'text',
    importable: false,
    width: 40,
    value: (a) => indicatorSummary(a),
  },
  {
    key: 'budgetAmount',
    kind: 'number',
    importable: true,
    width: 12,
    value: (a) => a.budget?.amount ?? null,
  },
  {
    key: 'budgetCurrency',
    kind: 'text',
    importable: true,
    width: 8,
    value: (a) => a.budget?.currency ?? '',
  },
  {
    key: 'budgetSource',
    kind: 'text',
    importable: true,
    width: 20,
    value: (a) => a.budget?.source ?? '',
  },
  {
    key: 'latestUpdateAt',
    kind: 'date',
    importable: false,
    width: 12,
    value: (a) => a.updates.at(-1)?.at ?? null,
  },
  {
    key: 'latestUpdateNote',
    kind: 'text',
    importable: false,
    width: 40,
    value: (a) => a.updates.at(-1)?.note ?? '',
  },
  {
    key: 'updateCount',
    kind: 'number',
    importable: false,
    width: 10,
    value: (a) => a.updates.length,
  },
  {
    key: 'commentCount',
    kind: 'number',
    importable: false,
    width: 10,
    value: (a) => a.comments.filter((comment) => comment.deletedAt === null).length,
  },
  { key: 'createdAt', kind: 'timestamp', importable: false, width: 18, value: (a) => a.createdAt },
  { key: 'updatedAt', kind: 'timestamp', importable: false, width: 18, value: (a) => a.updatedAt },
  { key: 'id', kind: 'text', importable: false, width: 38, value: (a) => a.id },
];
