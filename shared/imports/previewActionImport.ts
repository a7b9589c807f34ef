// The preview of an import of actions: every row parsed and checked against the plan, with a
// problem list per row, before anything is written. Rows whose ref names an existing action
// update it; the others create actions. Unknown organisations and objectives are offered for
// creation (the user confirms); bad dates, unknown statuses and unknown framework codes are errors.
import { findItem, linkKey, parseLinkKey, parseLinkLabel } from '../frameworks';
import { allBuiltInFrameworks } from '../frameworks/all';
import { LANGUAGES } from '../frameworks/types';
import { NAMESPACES } from '../i18n';
import {
  ACTION_STAGE_LIST,
  ACTION_STATUS_LIST,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  PRIORITY_LIST,
  type ActionStage,
  type ActionStatus,
  type Priority,
} from '../plan/model';
import { nameKey } from '../plan/names';
import { isIsoDate } from '../calendar';
import type { Action, PlanSnapshot } from '../plan/schema';
import { frameworksOf } from '../plan/views';
import { LIST_SEPARATOR } from '../exports/actionColumns';
import { recogniseHeader, type ColumnMapping, type ImportField } from './columnMapping';
import type { ImportTable } from './importTable';

export const IMPORT_PROBLEMS = {
  /** a new action without a title */
  missing_title: 'missing_title',
  /** text longer than the plan accepts */
  too_long: 'too_long',
  /** not a date (YYYY-MM-DD or DD.MM.YYYY) */
  bad_date: 'bad_date',
  /** the start is after the deadline */
  bad_date_range: 'bad_date_range',
  /** progress not a whole number 0-100, or a budget not a non-negative number */
  bad_number: 'bad_number',
  /** a status, stage or priority in no language Accord knows */
  unknown_value: 'unknown_value',
  /** a framework link to a framework this plan does not know */
  unknown_framework: 'unknown_framework',
  /** a framework link to an item the framework does not have */
  unknown_framework_item: 'unknown_framework_item',
  /** the same ref on two rows of the file */
  duplicate_ref: 'duplicate_ref',
  /** the ref belongs to an action in the trash: restore it first */
  ref_in_trash: 'ref_in_trash',
  /** an organisation the plan does not have: created if the user confirms */
  unknown_organisation: 'unknown_organisation',
  /** an objective the plan does not have: created if the user confirms */
  unknown_objective: 'unknown_objective',
} as const;
export type ImportProblemCode = keyof typeof IMPORT_PROBLEMS;

/** Problems that only need the user's confirmation; every other problem blocks the import. */
const OFFERS: readonly ImportProblemCode[] = ['unknown_organisation', 'unknown_objective'];

export interface ImportProblem {
  readonly code: ImportProblemCode;
  readonly field: ImportField | null;
  /** the cell's text */
  readonly value: string;
  /** English, for logs and tests; the UI words it from `code` */
  readonly message: string;
  /** an offer (create it?) rather than an error */
  readonly offer: boolean;
}

/** What a row says, parsed; a field is present only when its column is mapped. */
export interface ImportedAction {
  ref?: string;
  title?: string;
  description?: string;
  objective?: string | null;
  lead?: string | null;
  partners?: string[];
  contact?: string;
  start?: string | null;
  deadline?: string | null;
  status?: ActionStatus;
  progress?: number;
  stage?: ActionStage;
  priority?: Priority | null;
  links?: string[];
  budgetAmount?: number | null;
  budgetCurrency?: string;
  budgetSource?: string;
}

export interface ImportRow {
  readonly line: number;
  /**
   * create a new action, update the one with this ref, or leave it as it is ('unchanged': the
   * row says nothing that differs from the action, as when an export is imported back)
   */
  readonly kind: 'create' | 'update' | 'unchanged';
  /** the action the row names (kinds 'update' and 'unchanged') */
  readonly actionId: string | null;
  /** the fields whose value differs from the action's (kind 'update'; empty otherwise) */
  readonly changed: readonly ImportField[];
  readonly values: ImportedAction;
  readonly problems: readonly ImportProblem[];
}

export interface ImportPreview {
  readonly table: ImportTable;
  readonly mapping: ColumnMapping;
  readonly rows: readonly ImportRow[];
  /** organisation names the file uses that the plan lacks, offered for creation */
  readonly newOrganisations: readonly string[];
  /** objective titles the file uses that the plan lacks, offered for creation */
  readonly newObjectives: readonly string[];
  /** problems that block the import (offers left out) */
  readonly errorCount: number;
}

/** Codes and every language's label of a closed set (status, stage, priority), to its code. */
function vocabulary<T extends string>(list: readonly T[], section: string): Map<string, T> {
  const out = new Map<string, T>();
  for (const code of list) {
    out.set(nameKey(code), code);
    out.set(nameKey(code.replace(/_/g, ' ')), code);
  }
  for (const language of LANGUAGES) {
    const labels = (NAMESPACES.plan[language] as unknown as Record<string, Record<string, string>>)[
      section
    ]!;
    for (const code of list) if (labels[code]) out.set(nameKey(labels[code]), code);
  }
  return out;
}

const STATUSES = vocabulary(ACTION_STATUS_LIST, 'status');
// Words people write in their own trackers for a status, beyond the app's labels.
for (const [word, status] of [
  ['done', 'completed'],
  ['finished', 'completed'],
  ['complete', 'completed'],
  ['ongoing', 'in_progress'],
  ['started', 'in_progress'],
  ['not started', 'planned'],
  ['выполнено', 'completed'],
  ['в процессе', 'in_progress'],
  ['не начато', 'planned'],
] as const)
  STATUSES.set(nameKey(word), status);
const STAGES = vocabulary(ACTION_STAGE_LIST, 'stage');
const PRIORITIES = vocabulary(PRIORITY_LIST, 'priority');

/** `YYYY-MM-DD`, or `DD.MM.YYYY` / `DD/MM/YYYY` as people in the region write dates. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return trimmed;
  const match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(trimmed);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** A number as written in English or Russian/Turkmen style (`1 234,5`). */
export function parseNumber(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.')
    .replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR.trim())
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function previewActionImport(
  snapshot: PlanSnapshot,
  table: ImportTable,
  mapping: ColumnMapping = recogniseHeader(table.headers),
): ImportPreview {
  const orgs = new Map(snapshot.orgs.map((org) => [nameKey(org.name), org.id]));
  const objectives = new Map(
    snapshot.objectives
      .filter((objective) => objective.deletedAt === null)
      .map((objective) => [nameKey(objective.title), objective.id]),
  );
  const refs = new Map(snapshot.actions.map((action) => [action.ref, action]));
  const frameworks = new Map(
    frameworksOf(snapshot, allBuiltInFrameworks).map((framework) => [framework.id, framework]),
  );
  const newOrganisations = new Map<string, string>();
  const newObjectives = new Map<string, string>();
  const refsInFile = new Map<string, number>();

  const rows: ImportRow[] = table.rows.map((row) => {
    const problems: ImportProblem[] = [];
    const problem = (
      code: ImportProblemCode,
      field: ImportField | null,
      value: string,
      message: string,
    ) => problems.push({ code, field, value, message, offer: OFFERS.includes(code) });
    const values: ImportedAction = {};
    mapping.forEach((field, index) => {
      if (field === null) return;
      const raw = row.cells[index] ?? '';
      const text = raw.trim();
      const checkedText = (max: number): string => {
        if (text.length > max)
          problem('too_long', field, raw.slice(0, 80), `${field} is longer than ${max} characters`);
        return text.slice(0, max);
      };
      switch (field) {
        case 'ref':
          if (text !== '') values.ref = checkedText(36);
          break;
        case 'title':
          values.title = checkedText(MAX_TITLE_LENGTH);
          break;
        case 'description':
          values.description = raw.length > MAX_TEXT_LENGTH ? checkedText(MAX_TEXT_LENGTH) : raw;
          break;
        case 'contact':
          values.contact = checkedText(MAX_TITLE_LENGTH);
          break;
        case 'objective':
          values.objective = text === '' ? null : text;
          if (text !== '' && !objectives.has(nameKey(text))) {
            if (!newObjectives.has(nameKey(text))) newObjectives.set(nameKey(text), text);
            problem('unknown_objective', field, text, `objective "${text}" is not in the plan`);
          }
          break;
        case 'lead':
        case 'partners': {
          const names = field === 'lead' ? (text === '' ? [] : [text]) : splitList(text);
          for (const name of names) {
            if (orgs.has(nameKey(name))) continue;
            // Offered, and created, as spelt where the file first names it.
            if (!newOrganisations.has(nameKey(name))) newOrganisations.set(nameKey(name), name);
            problem(
              'unknown_organisation',
              field,
              name,
              `organisation "${name}" is not in the plan`,
            );
          }
          if (field === 'lead') values.lead = text === '' ? null : text;
          else values.partners = names;
          break;
        }
        case 'start':
        case 'deadline': {
          const date = text === '' ? null : parseDate(text);
          if (text !== '' && date === null)
            problem(
              'bad_date',
              field,
              text,
              `${field} "${text}" is not a date (YYYY-MM-DD or DD.MM.YYYY)`,
            );
          values[field] = date;
          break;
        }
        case 'status':
        case 'stage':
        case 'priority': {
          if (text === '') {
            if (field === 'priority') values.priority = null;
            break;
          }
          const known = (
            field === 'status' ? STATUSES : field === 'stage' ? STAGES : PRIORITIES
          ).get(nameKey(text));
          if (known === undefined)
            problem('unknown_value', field, text, `${field} "${text}" is not one Accord knows`);
          else if (field === 'status') values.status = known as ActionStatus;
          else if (field === 'stage') values.stage = known as ActionStage;
          else values.priority = known as Priority;
          break;
        }
        case 'progress': {
          if (text === '') break;
          const value = parseNumber(text);
          if (value === null || !Number.isInteger(value) || value < 0 || value > 100)
            problem(
              'bad_number',
              field,
              text,
              `progress "${text}" is not a whole number from 0 to 100`,
            );
          else values.progress = value;
          break;
        }
        case 'budgetAmount': {
          const value = text === '' ? null : parseNumber(text);
          if (text !== '' && (value === null || value < 0))
            problem('bad_number', field, text, `budget "${text}" is not a non-negative number`);
          else values.budgetAmount = value;
          break;
        }
        case 'budgetCurrency':
          values.budgetCurrency = checkedText(10);
          break;
        case 'budgetSource':
          values.budgetSource = checkedText(MAX_TITLE_LENGTH);
          break;
        case 'links': {
          const keys: string[] = [];
          for (const written of splitList(text)) {
            // exports write labels (`SDG 8 8.7`); a key (`sdg8:8.7`) is read too
            const link = parseLinkKey(written) ?? parseLinkLabel(written, frameworks.values());
            const key = link ? linkKey(link.frameworkId, link.code) : written;
            const framework = link ? frameworks.get(link.frameworkId) : undefined;
            if (!link || !framework) {
              problem(
                'unknown_framework',
                field,
                key,
                `"${key}" names no framework this plan knows (write frameworkId:code, e.g. sdg8:8.7)`,
              );
            } else if (!findItem(framework, link.code)) {
              problem(
                'unknown_framework_item',
                field,
                key,
                `${link.frameworkId} has no item ${link.code}`,
              );
            } else keys.push(key);
          }
          values.links = [...new Set(keys)].sort();
          break;
        }
      }
    });

    const existing = values.ref !== undefined ? refs.get(values.ref) : undefined;
    if (values.ref !== undefined) {
      const first = refsInFile.get(values.ref);
      if (first !== undefined)
        problem('duplicate_ref', 'ref', values.ref, `ref ${values.ref} is also on line ${first}`);
      else refsInFile.set(values.ref, row.line);
      if (existing?.deletedAt)
        problem(
          'ref_in_trash',
          'ref',
          values.ref,
          `ref ${values.ref} belongs to a deleted action; restore it first`,
        );
    }
    const live = existing && !existing.deletedAt ? existing : undefined;
    const changed = live
      ? changedFields(
          live,
          values,
          (name) => orgs.get(nameKey(name)),
          (title) => objectives.get(nameKey(title)),
        )
      : [];
    const kind = !live ? 'create' : changed.length > 0 ? 'update' : 'unchanged';
    if (kind === 'create' && (values.title ?? '') === '')
      problem('missing_title', 'title', '', 'a new action needs a title');
    const start = values.start !== undefined ? values.start : (existing?.start ?? null);
    const deadline = values.deadline !== undefined ? values.deadline : (existing?.deadline ?? null);
    if (start && deadline && start > deadline)
      problem(
        'bad_date_range',
        'deadline',
        deadline,
        `the start ${start} is after the deadline ${deadline}`,
      );
    return {
      line: row.line,
      kind,
      actionId: live ? live.id : null,
      changed,
      values,
      problems,
    };
  });

  return {
    table,
    mapping,
    rows,
    newOrganisations: [...newOrganisations.values()],
    newObjectives: [...newObjectives.values()],
    errorCount: rows.reduce((sum, row) => sum + row.problems.filter((p) => !p.offer).length, 0),
  };
}

/** Text as the import compares it: line ends alike, no surrounding spaces (the import trims). */
function sameText(a: string, b: string): boolean {
  const norm = (text: string) => text.replace(/\r\n?/g, '\n').trim();
  return norm(a) === norm(b);
}

function sameSet(a: readonly (string | undefined)[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return (
    left.size === right.size && [...left].every((item) => item !== undefined && right.has(item))
  );
}

/**
 * The mapped fields of a row whose value differs from the action's, compared as the plan holds
 * them: organisations and objectives by id (`orgId`/`objectiveId` give undefined for a name the
 * plan lacks), partners and links as sets, text trimmed, a blank budget the same as none.
 */
export function changedFields(
  action: Action,
  values: ImportedAction,
  orgId: (name: string) => string | undefined,
  objectiveId: (title: string) => string | undefined,
): ImportField[] {
  const budget = action.budget;
  const differs: Record<ImportField, boolean> = {
    ref: values.ref !== undefined && values.ref !== action.ref,
    title: !!values.title && !sameText(values.title, action.title),
    description:
      values.description !== undefined && !sameText(values.description, action.description),
    objective:
      values.objective !== undefined &&
      (values.objective === null ? null : objectiveId(values.objective)) !== action.objectiveId,
    lead:
      values.lead !== undefined &&
      (values.lead === null ? null : orgId(values.lead)) !== action.leadOrgId,
    partners:
      values.partners !== undefined && !sameSet(values.partners.map(orgId), action.partnerOrgIds),
    contact: values.contact !== undefined && !sameText(values.contact, action.contact),
    start: values.start !== undefined && values.start !== action.start,
    deadline: values.deadline !== undefined && values.deadline !== action.deadline,
    status: !!values.status && values.status !== action.status,
    progress: values.progress !== undefined && values.progress !== action.progress,
    stage: !!values.stage && values.stage !== action.stage,
    priority: values.priority !== undefined && values.priority !== action.priority,
    links: values.links !== undefined && !sameSet(values.links, action.links),
    budgetAmount:
      values.budgetAmount !== undefined && values.budgetAmount !== (budget?.amount ?? null),
    budgetCurrency:
      values.budgetCurrency !== undefined &&
      !sameText(values.budgetCurrency, budget?.currency ?? ''),
    budgetSource:
      values.budgetSource !== undefined && !sameText(values.budgetSource, budget?.source ?? ''),
  };
  return (Object.keys(differs) as ImportField[]).filter((field) => differs[field]);
}
