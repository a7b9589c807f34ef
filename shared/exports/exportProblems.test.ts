import { describe, expect, it } from 'vitest';
import { ExportQuery } from '../contracts/api';
import { EXPORT_FORMATS, ExportError, exportPlan, ExportOptions } from './exportPlan';
import {
  describeExportProblem,
  exportProblems,
  problemsOf,
  type ExportProblem,
} from './exportProblems';
import { reportTestPlan } from './reportTestPlan';

const FORMATS = Object.keys(EXPORT_FORMATS);

function queryProblems(input: Record<string, unknown>): ExportProblem[] {
  const parsed = ExportQuery.safeParse(input);
  if (parsed.success) return [];
  return exportProblems(parsed.error, input);
}

describe('export problems: bad requests become plain facts', () => {
  it.each([
    [{ format: 'docx' }, [{ kind: 'unknown_format', field: 'format', value: 'docx' }]],
    [{}, [{ kind: 'unknown_format', field: 'format' }]],
    [{ format: 'pdf', lang: 'de' }, [{ kind: 'unknown_language', field: 'lang', value: 'de' }]],
    [
      { format: 'pdf', from: '2025-13-01', to: '2025-12-31' },
      [{ kind: 'bad_date', field: 'from', value: '2025-13-01' }],
    ],
    [{ format: 'pdf', from: '2025-01-01' }, [{ kind: 'period_incomplete' }]],
    [
      { format: 'pdf', since: 'yesterday' },
      [{ kind: 'bad_since', field: 'since', value: 'yesterday' }],
    ],
    [{ format: 'csv', from: '2025-01-01', to: '2025-06-30' }, []],
  ])('query %j', (input, expected) => {
    expect(queryProblems(input)).toEqual(expected);
  });

  it('a period that ends before it starts is period_order', () => {
    const input = {
      format: 'pdf',
      language: 'en',
      today: '2025-06-30',
      period: { from: '2025-06-30', to: '2025-01-01' },
    };
    const parsed = ExportOptions.safeParse(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(exportProblems(parsed.error, input)).toEqual([{ kind: 'period_order' }]);
  });

  it.each([
    [
      { kind: 'unknown_format', value: 'docx' },
      'unknown format "docx": choose one of json, csv, xlsx, html, pdf, iati',
    ],
    [
      { kind: 'bad_date', field: 'to', value: '2025-02-30' },
      'the end of the period (to) "2025-02-30" is not a date: write it as YYYY-MM-DD, for example 2025-06-30',
    ],
    [
      { kind: 'period_order' },
      'the reporting period ends before it starts: "from" must be on or before "to"',
    ],
  ] as const)('says %j in plain English', (problem, text) => {
    expect(describeExportProblem(problem, FORMATS)).toBe(text);
  });

  it('exportPlan refuses bad options with the problems and no zod wording', async () => {
    const error = await exportPlan(reportTestPlan().snapshot(), {
      format: 'pdf',
      language: 'en',
      today: '2025-06-30',
      period: { from: '2025-06-30', to: '2025-01-01' },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExportError);
    expect(problemsOf(error)).toEqual([{ kind: 'period_order' }]);
    expect(problemsOf(new Error('disk full'))).toEqual([]);
    expect((error as ExportError).message).not.toMatch(/✖|Invalid|expected/);
  });
});
