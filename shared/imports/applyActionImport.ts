// Writes a confirmed import preview into the plan through the plan's operations, in one
// transaction (allOrNothing). The preview is checked again against the plan as it is now; any
// error, or an organisation or objective the user did not agree to create, and nothing is written.
import * as actions from '../plan/actions';
import * as links from '../plan/links';
import type { OrgKind } from '../plan/model';
import * as objectives from '../plan/objectives';
import * as organisations from '../plan/organisations';
import type { Plan } from '../plan/plan';
import type { Action } from '../plan/schema';
import { snapshotOf } from '../plan/snapshot';
import { parseLinkKey } from '../frameworks';
import { allOrNothing } from './allOrNothing';
import { nameKey } from '../plan/names';
import {
  previewActionImport,
  type ImportPreview,
  type ImportProblem,
  type ImportedAction,
} from './previewActionImport';

export interface ImportConfirmation {
  /** create the organisations the preview offered (newOrganisations) */
  readonly createOrganisations: boolean;
  /** the kind given to organisations created by the import (default 'other') */
  readonly newOrganisationKind?: OrgKind;
  /** create the objectives the preview offered (newObjectives) */
  readonly createObjectives: boolean;
}

export interface ImportResult {
  readonly created: number;
  /** actions of which at least one field changed */
  readonly updated: number;
  /** rows naming an action they would not change: nothing written for them */
  readonly unchanged: number;
  readonly organisationsCreated: number;
  readonly objectivesCreated: number;
}

/** The import was refused; nothing was written. `problems` lists why, row by row. */
export class ImportRefused extends Error {
  readonly problems: readonly { line: number; problem: ImportProblem }[];
  constructor(message: string, problems: readonly { line: number; problem: ImportProblem }[]) {
    super(message);
    this.name = 'ImportRefused';
    this.problems = problems;
  }
}

export function applyActionImport(
  plan: Plan,
  preview: ImportPreview,
  confirmation: ImportConfirmation,
): ImportResult {
  // The plan may have changed since the preview was shown: check again against it as it is now.
  const current = previewActionImport(snapshotOf(plan.doc), preview.table, preview.mapping);
  const blocking = current.rows.flatMap((row) =>
    row.problems
      .filter(
        (problem) =>
          !problem.offer ||
          (problem.code === 'unknown_organisation' && !confirmation.createOrganisations) ||
          (problem.code === 'unknown_objective' && !confirmation.createObjectives),
      )
      .map((problem) => ({ line: row.line, problem })),
  );
  if (blocking.length > 0)
    throw new ImportRefused(
      `${blocking.length} problem(s) in the file; nothing was imported`,
      blocking,
    );

  return allOrNothing(plan, (target) => {
    const snapshot = snapshotOf(target.doc);
    const orgIds = new Map(snapshot.orgs.map((org) => [nameKey(org.name), org.id]));
    const objectiveIds = new Map(
      snapshot.objectives
        .filter((objective) => objective.deletedAt === null)
        .map((objective) => [nameKey(objective.title), objective.id]),
    );
    for (const name of current.newOrganisations)
      orgIds.set(
        nameKey(name),
        organisations.create(target, { name, kind: confirmation.newOrganisationKind ?? 'other' }),
      );
    for (const title of current.newObjectives)
      objectiveIds.set(nameKey(title), objectives.create(target, { title }));
    const orgId = (name: string | null | undefined) =>
      name ? (orgIds.get(nameKey(name)) ?? null) : null;
    const objectiveId = (title: string | null | undefined) =>
      title ? (objectiveIds.get(nameKey(title)) ?? null) : null;
    const byId = new Map(snapshot.actions.map((action) => [action.id, action]));
    // Every ref, order and objective change below goes through the batch, which indexes the
    // plan's actions once: looking at them all for each row made large imports quadratic.
    const writer = actions.batch(target);

    let created = 0;
    let updated = 0;
    let unchanged = 0;
    for (const row of current.rows) {
      if (row.kind === 'unchanged') {
        unchanged++;
        continue;
      }
      // An update writes only the fields that differ from the action (the preview compared them).
      const values = row.kind === 'update' ? changedValues(row.values, row.changed) : row.values;
      const partnerIds = values.partners?.map((name) => orgId(name)!);
      let id: string;
      let before: Action | undefined;
      if (row.kind === 'create') {
        id = writer.create({
          title: values.title!,
          objectiveId: objectiveId(values.objective),
          ...(values.ref !== undefined ? { ref: values.ref } : {}),
          ...(values.description !== undefined ? { description: values.description } : {}),
          leadOrgId: orgId(values.lead),
          ...(partnerIds ? { partnerOrgIds: partnerIds } : {}),
          ...(values.contact !== undefined ? { contact: values.contact } : {}),
          start: values.start ?? null,
          deadline: values.deadline ?? null,
          ...(values.status ? { status: values.status } : {}),
          ...(values.progress !== undefined ? { progress: values.progress } : {}),
          ...(values.stage ? { stage: values.stage } : {}),
          priority: values.priority ?? null,
        });
        created++;
      } else {
        id = row.actionId!;
        before = byId.get(id);
        const edits = editsOf(values, orgId, before?.budget ?? null);
        if (Object.keys(edits).length > 0) writer.edit(id, edits);
        if (values.objective !== undefined) {
          const to = objectiveId(values.objective);
          if (to !== before?.objectiveId)
            writer.move(id, { objectiveId: to, index: Number.MAX_SAFE_INTEGER });
        }
        if (values.stage === 'agreed' && before?.stage !== 'agreed') actions.agree(target, id);
        if (values.stage === 'proposed' && before?.stage !== 'proposed')
          actions.propose(target, id);
        if (partnerIds) {
          const wanted = new Set(partnerIds);
          for (const partner of before?.partnerOrgIds ?? [])
            if (!wanted.has(partner)) actions.removePartner(target, id, partner);
          for (const partner of wanted)
            if (!before?.partnerOrgIds.includes(partner)) actions.addPartner(target, id, partner);
        }
        updated++;
      }
      if (values.links) {
        const wanted = new Set(values.links);
        for (const key of before?.links ?? []) {
          const link = parseLinkKey(key);
          if (link && !wanted.has(key)) links.unlink(target, id, link.frameworkId, link.code);
        }
        for (const key of wanted) {
          const link = parseLinkKey(key)!;
          if (!before?.links.includes(key)) links.link(target, id, link.frameworkId, link.code);
        }
      }
      if (row.kind === 'create' && hasBudget(values))
        writer.edit(id, { budget: budgetOf(values, null) });
    }
    return {
      created,
      updated,
      unchanged,
      organisationsCreated: current.newOrganisations.length,
      objectivesCreated: current.newObjectives.length,
    };
  });
}

function hasBudget(values: ImportedAction): boolean {
  return (
    (values.budgetAmount !== undefined && values.budgetAmount !== null) ||
    !!values.budgetCurrency ||
    !!values.budgetSource
  );
}

function budgetOf(values: ImportedAction, before: Action['budget']) {
  return {
    amount: values.budgetAmount !== undefined ? values.budgetAmount : (before?.amount ?? null),
    currency: values.budgetCurrency ?? before?.currency ?? '',
    source: values.budgetSource ?? before?.source ?? '',
  };
}

function budgetOrNone(budget: NonNullable<Action['budget']>): Action['budget'] {
  return budget.amount !== null || budget.currency.trim() !== '' || budget.source.trim() !== ''
    ? budget
    : null;
}

/** Only the fields of a row's values that the preview found different from the action. */
function changedValues(values: ImportedAction, changed: readonly string[]): ImportedAction {
  const fields = new Set(changed);
  return Object.fromEntries(
    Object.entries(values).filter(([field]) => fields.has(field)),
  ) as ImportedAction;
}

/**
 * The edit a row asks of an existing action: only its (changed) mapped columns; blank clears a
 * field. A budget column changes that part of the budget and keeps the others.
 */
function editsOf(
  values: ImportedAction,
  orgId: (name: string | null | undefined) => string | null,
  before: Action['budget'],
): actions.ActionChanges {
  const budgetMapped =
    values.budgetAmount !== undefined ||
    values.budgetCurrency !== undefined ||
    values.budgetSource !== undefined;
  return {
    ...(values.ref !== undefined ? { ref: values.ref } : {}),
    ...(values.title ? { title: values.title } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
    ...(values.lead !== undefined ? { leadOrgId: orgId(values.lead) } : {}),
    ...(values.contact !== undefined ? { contact: values.contact } : {}),
    ...(values.start !== undefined ? { start: values.start } : {}),
    ...(values.deadline !== undefined ? { deadline: values.deadline } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(values.progress !== undefined ? { progress: values.progress } : {}),
    ...(values.priority !== undefined ? { priority: values.priority } : {}),
    ...(budgetMapped ? { budget: budgetOrNone(budgetOf(values, before)) } : {}),
  };
}
