// Dated progress reports on an action: status, progress, a note and links to evidence. The
// latest report (by its date) also sets the action's current status and progress. A report
// speaks for a day that has come: one dated later is refused, and one already stored with a
// later date (an older replica's) never decides the current status.
import type * as Y from 'yjs';
import { todayIn, type IsoDate } from '../calendar';
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
  const today = latestToday(plan);
  checkReport(report, today);
  const updates = nested(map, 'updates') as Y.Map<Y.Map<unknown>>;
  const id = plan.newId();
  const isLatest = decidesCurrentStatus(
    report.at,
    [...updates.values()].map((update) => readDate(update.get('at')) ?? ''),
    today,
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

/**
 * Whether a report dated `at` sets the action's current status on `today`, beside reports dated
 * `others`: it is not in the future, and no other report up to today is later (a tie goes to the
 * new one). Reports dated after today do not count.
 */
export function decidesCurrentStatus(
  at: IsoDate,
  others: readonly IsoDate[],
  today: IsoDate,
): boolean {
  return at <= today && others.every((other) => other > today || other <= at);
}

/**
 * Today in the first time zone to reach it (UTC+14): the operation cannot know where its
 * author is, and a report dated today anywhere is not in the future. The date input warns
 * by the author's own today (UpdatesSection).
 */
function latestToday(plan: Plan): IsoDate {
  return todayIn('Etc/GMT-14', plan.now());
}

function checkReport(report: ProgressReport, today: IsoDate): void {
  if (validate.date(report.at, 'date') === null)
    throw validate.refuse('date', 'empty', 'is needed (a progress update needs a date)');
  if (report.at > today)
    throw validate.refuse('date', 'future', `must not be after today (${today})`);
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
