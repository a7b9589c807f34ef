// What is wrong with an export request, as plain facts instead of zod's messages: the CLI says
// them in plain English (describeExportProblem), the renderer in the UI language (i18n
// `export.problems.*`). Both ExportOptions (exportPlan) and the HTTP/CLI ExportQuery map here.
import type { z } from 'zod';

/** The kinds of bad export request. */
export const EXPORT_PROBLEM_KINDS = {
  /** a format that is not one of EXPORT_FORMATS */
  unknown_format: 'unknown_format',
  /** a language other than en, ru, tk */
  unknown_language: 'unknown_language',
  /** a date that is not a real day written YYYY-MM-DD */
  bad_date: 'bad_date',
  /** the period ends before it starts */
  period_order: 'period_order',
  /** only one end of the period was given */
  period_incomplete: 'period_incomplete',
  /** `since` is neither a date nor `checkpoint:<number>` */
  bad_since: 'bad_since',
  /** anything else (a damaged saved version, an unexpected option) */
  other: 'other',
} as const;
export type ExportProblemKind = keyof typeof EXPORT_PROBLEM_KINDS;

/** Which option a problem is about, by the names the CLI and HTTP query use. */
export type ExportField = 'format' | 'lang' | 'from' | 'to' | 'since' | 'today';

export interface ExportProblem {
  readonly kind: ExportProblemKind;
  readonly field?: ExportField;
  /** the value given, as text (absent when none was given) */
  readonly value?: string;
}

/** The option names of ExportOptions (exportPlan) and ExportQuery (HTTP, CLI), as ExportField. */
const FIELD_OF: Record<string, ExportField> = {
  format: 'format',
  lang: 'lang',
  language: 'lang',
  from: 'from',
  to: 'to',
  since: 'since',
  changesSince: 'since',
  today: 'today',
};

/** The problems a failed parse of ExportOptions or ExportQuery found in `input`. */
export function exportProblems(error: z.ZodError, input: unknown): ExportProblem[] {
  const given = (input ?? {}) as Record<string, unknown>;
  const period = (given.period ?? {}) as Record<string, unknown>;
  const problems: ExportProblem[] = [];
  for (const issue of error.issues) {
    const [first, second] = issue.path.map(String);
    const field = FIELD_OF[second && first === 'period' ? second : (first ?? '')];
    const raw = first === 'period' && second ? period[second] : first ? given[first] : undefined;
    const value = typeof raw === 'string' ? { value: raw } : {};
    let problem: ExportProblem;
    if (issue.code === 'custom') {
      // The two refinements: the period's order (ExportOptions), both ends given (ExportQuery).
      problem = {
        kind: first === 'period' && second === undefined ? 'period_order' : 'period_incomplete',
      };
    } else if (field === 'format') problem = { kind: 'unknown_format', field, ...value };
    else if (field === 'lang') problem = { kind: 'unknown_language', field, ...value };
    else if (field === 'since') problem = { kind: 'bad_since', field, ...value };
    else if (field) problem = { kind: 'bad_date', field, ...value };
    else problem = { kind: 'other' };
    if (!problems.some((seen) => seen.kind === problem.kind && seen.field === problem.field)) {
      problems.push(problem);
    }
  }
  return problems;
}

const FIELD_NAMES: Record<ExportField, string> = {
  format: 'the format',
  lang: 'the language',
  from: 'the start of the period (from)',
  to: 'the end of the period (to)',
  since: '"since"',
  today: 'the report date',
};

/** One problem in plain English, for the admin CLI and logs. */
export function describeExportProblem(problem: ExportProblem, formats: readonly string[]): string {
  const given = problem.value === undefined ? '' : ` "${problem.value}"`;
  switch (problem.kind) {
    case 'unknown_format':
      return problem.value === undefined
        ? `choose a format: ${formats.join(', ')}`
        : `unknown format${given}: choose one of ${formats.join(', ')}`;
    case 'unknown_language':
      return `unknown language${given}: choose en, ru or tk`;
    case 'bad_date':
      return `${FIELD_NAMES[problem.field ?? 'from']}${given} is not a date: write it as YYYY-MM-DD, for example 2025-06-30`;
    case 'period_order':
      return 'the reporting period ends before it starts: "from" must be on or before "to"';
    case 'period_incomplete':
      return 'a reporting period needs both "from" and "to"';
    case 'bad_since':
      return `"since"${given} must be a date YYYY-MM-DD or a saved version checkpoint:<number>`;
    case 'other':
      return 'the export options are not valid';
  }
}

/** The problems an ExportError carries, found without loading the exporter (it loads lazily). */
export function problemsOf(error: unknown): readonly ExportProblem[] {
  if (!(error instanceof Error) || !('problems' in error) || !Array.isArray(error.problems)) {
    return [];
  }
  return error.problems as readonly ExportProblem[];
}
