// Dated progress reports on an action: status, progress, a note and links to evidence. The
// latest report (by its date) also sets the action's current status and progress.
import type * as Y from 'yjs';
import { action, nested, touch } from './actionEntries';
import { ACTION_STATUS_LIST, MAX_EVIDENCE_LINKS, MAX_LENGTH, type ActionStatus } from './model';
import { newEntry, writeField } from './fields';
import { ACTION, PROGRESS_UPDATE } from './layout';
import { change, entry, PlanError, type Plan } from './plan';
import { readDate } from './read';
import * as validate from './validate';

export interface ProgressReport {
  /** the day the report speaks for */
  readonly at: string;
  readonly status: ActionStatus;
  readonly progress: number;
  readonly note?: string;
  readonly evidence?: readonly string[];
}

export function add(plan: Plan, actionId: string, report: ProgressReport): string {
  const map = action(plan, actionId);
  checkReport(report);
  const updates = nested(map, 'updates') as Y.Map<Y.Map<unknown>>;
  const id = plan.newId();
  const isLatest = [...updates.values()].every(
    (update) => (readDate(update.get('at')) ?? '') <= report.at,
  );
  change(plan, () => {
    const update = newEntry(PROGRESS_UPDATE.fields, {
      at: report.at,
      authorId: plan.actor.id,
      authorName: plan.actor.name,
      status: report.status,
      progress: report.progress,
      note: report.note,
      evidence: report.evidence ? [...report.evidence] : undefined,
    });
    updates.set(id, update);
    if (isLatest) {
      writeField(map, ACTION.fields, 'status', report.status);
      writeField(map, ACTION.fields, 'progress', report.progress);
    }
    touch(plan, map);
  });
  return id;
}

/** Removes a progress report (a mistaken entry); the action's current status is left as it is. */
export function remove(plan: Plan, actionId: string, updateId: string): void {
  const map = action(plan, actionId);
  const updates = nested(map, 'updates') as Y.Map<Y.Map<unknown>>;
  const update = entry(updates, updateId, 'progress update');
  if (update.get('authorId') !== plan.actor.id)
    throw new PlanError('forbidden', 'only its author can remove a progress update');
  change(plan, () => {
    updates.delete(updateId);
    touch(plan, map);
  });
}

function checkReport(report: ProgressReport): void {
  if (validate.date(report.at, 'date') === null)
    throw validate.refuse('date', 'empty', 'is needed (a progress update needs a date)');
  validate.oneOf(report.status, ACTION_STATUS_LIST, 'status');
  validate.percent(report.progress);
  if (report.note !== undefined) validate.longText(report.note, 'note');
  const evidence = report.evidence ?? [];
  if (evidence.length > MAX_EVIDENCE_LINKS)
    throw validate.refuse(
      'evidence',
      'too_many',
      `may have at most ${MAX_EVIDENCE_LINKS} links`,
      MAX_EVIDENCE_LINKS,
    );
  for (const link of evidence) {
    if (!isEvidenceLink(link))
      throw validate.refuse(
        'evidence',
        'not_link',
        `must be an http(s) link, not ${JSON.stringify(link.slice(0, 80))}`,
      );
  }
}

/** Only web links: a `javascript:` or `file:` link in a report would be a trap for its readers. */
function isEvidenceLink(link: string): boolean {
  if (typeof link !== 'string' || link.length > MAX_LENGTH.evidence) return false;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
