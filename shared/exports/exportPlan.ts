// The one entry point for exports: a plan snapshot and the reader's choices in, a file's bytes,
// type and suggested name out. Callers (server API, CLI, renderer) write or send the bytes.
// XLSX and PDF code is loaded on first use, so a caller that only needs CSV or JSON (or a web
// page that never exports) does not load exceljs or pdf-lib.
import { z } from 'zod';
import { LANGUAGES } from '../frameworks';
import { IsoDate, PlanSnapshot } from '../plan/schema';
import { exportCsv } from './exportCsv';
import { exportJson } from './exportJson';
import { describeExportProblem, exportProblems, type ExportProblem } from './exportProblems';
import { reportDocument } from './reportDocument';
import { reportScope } from './reportScope';

export const EXPORT_FORMATS = {
  /** the whole plan as data; imports back into a new plan */
  json: 'json',
  /** one row per action, for spreadsheets */
  csv: 'csv',
  /** a workbook: actions, progress updates, logframe, coverage, organisations, overdue */
  xlsx: 'xlsx',
  /** a self-contained, printable report with charts */
  html: 'html',
  /** the report as a PDF with embedded fonts */
  pdf: 'pdf',
  /** the results (indicators, baselines, targets, actuals) as an IATI 2.03 activity file */
  iati: 'iati',
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

const MIME_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  iati: 'application/xml',
};

/** The options, checked at the entrance: they come from HTTP queries, CLI flags and dialogs. */
export const ExportOptions = z
  .object({
    format: z.enum(Object.keys(EXPORT_FORMATS) as [ExportFormat, ...ExportFormat[]]),
    language: z.enum(LANGUAGES),
    /** the day the report speaks for: traffic lights and "overdue" are judged on it */
    today: IsoDate,
    /** reporting period: progress updates and indicator values in it (inclusive) */
    period: z.object({ from: IsoDate, to: IsoDate }).optional(),
    /** list only what changed since a date or since a saved version (an earlier snapshot) */
    changesSince: z
      .union([IsoDate, z.custom<PlanSnapshot>((v) => typeof v === 'object')])
      .optional(),
    /** add each action's internal id (for matching rows by machine); people read refs */
    includeIds: z.boolean().optional(),
    /** when the file is made (ISO timestamp); default: `today` at midnight UTC */
    generatedAt: z.iso.datetime().optional(),
  })
  .refine((o) => !o.period || o.period.from <= o.period.to, {
    message: 'the reporting period ends before it starts',
    path: ['period'],
  });
export type ExportOptions = z.input<typeof ExportOptions>;

export interface ExportedFile {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  /** a suggested name: plan title, date (and period), extension; safe on every OS */
  readonly fileName: string;
}

/** Thrown for options or a snapshot that cannot be exported; nothing is produced. */
export class ExportError extends Error {
  /** what was wrong with the options, for a message in the reader's language (empty: not them) */
  readonly problems: readonly ExportProblem[];
  constructor(message: string, problems: readonly ExportProblem[] = []) {
    super(message);
    this.name = 'ExportError';
    this.problems = problems;
  }
}

export async function exportPlan(
  snapshot: PlanSnapshot,
  options: ExportOptions,
): Promise<ExportedFile> {
  const parsed = ExportOptions.safeParse(options);
  if (!parsed.success) {
    const problems = exportProblems(parsed.error, options);
    const formats = Object.keys(EXPORT_FORMATS);
    throw new ExportError(
      problems.map((problem) => describeExportProblem(problem, formats)).join('; '),
      problems,
    );
  }
  const checked = parsed.data;
  if (typeof checked.changesSince === 'object') {
    const saved = PlanSnapshot.safeParse(checked.changesSince);
    if (!saved.success) throw new ExportError('the saved version to compare with is not a plan');
  }
  const generatedAt = checked.generatedAt ?? `${checked.today}T00:00:00.000Z`;
  const bytes = await produce(snapshot, { ...checked, generatedAt });
  return {
    bytes,
    mimeType: MIME_TYPES[checked.format],
    fileName: fileNameFor(snapshot, checked),
  };
}

type CheckedOptions = z.output<typeof ExportOptions> & { generatedAt: string };

async function produce(snapshot: PlanSnapshot, options: CheckedOptions): Promise<Uint8Array> {
  if (options.format === 'json') return exportJson(snapshot, options.generatedAt);
  const scope = reportScope(snapshot, {
    language: options.language,
    today: options.today,
    ...(options.period ? { period: options.period } : {}),
    ...(options.changesSince !== undefined ? { changesSince: options.changesSince } : {}),
    includeIds: options.includeIds ?? false,
  });
  switch (options.format) {
    case 'csv':
      return exportCsv(scope);
    case 'xlsx':
      return (await import('./exportXlsx')).exportXlsx(
        reportDocument(scope, options.generatedAt, 'workbook'),
      );
    case 'html':
      return (await import('./exportHtml')).exportHtml(
        reportDocument(scope, options.generatedAt, 'page'),
      );
    case 'pdf':
      return (await import('./exportPdf')).exportPdf(
        reportDocument(scope, options.generatedAt, 'page'),
      );
    case 'iati':
      return (await import('./exportIati')).exportIati(scope, options.generatedAt);
  }
}

const UNSAFE_IN_FILE_NAMES = /[^\p{L}\p{N}]+/gu;

// IATI files are XML; the double extension says which kind.
const EXTENSIONS: Record<ExportFormat, string> = {
  json: 'json',
  csv: 'csv',
  xlsx: 'xlsx',
  html: 'html',
  pdf: 'pdf',
  iati: 'iati.xml',
};

/**
 * `National-action-plan-ru-2025-06-15.pdf` (the report's language), or with the period:
 * `…-ru-2025-01-01_2025-06-30.xlsx`; IATI: `….iati.xml`; JSON, which is data in no language:
 * `National-action-plan-2025-06-15.json`.
 */
export function fileNameFor(
  snapshot: PlanSnapshot,
  options: Pick<CheckedOptions, 'format' | 'language' | 'today' | 'period'>,
): string {
  const title =
    snapshot.meta.title
      .replace(UNSAFE_IN_FILE_NAMES, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'plan';
  // JSON is the whole plan whatever the period, so its name carries only the day.
  const when =
    options.period && options.format !== 'json'
      ? `${options.period.from}_${options.period.to}`
      : options.today;
  const language = options.format === 'json' ? '' : `-${options.language}`;
  return `${title}${language}-${when}.${EXTENSIONS[options.format]}`;
}
