// Which deadline reminders to show: for each plan on this computer, its overdue actions and
// those due within a week, each reminded once per deadline (a changed deadline is reminded
// again). Pure: plans, today and what was already shown in; notifications out.
import type { PlanSnapshot } from '../../shared/plan/schema';
import { dueSoon, overdue } from '../../shared/plan/views';

/** A week's notice: enough to act, short enough that the reminder is not ignored as distant. */
export const DUE_SOON_DAYS = 7;
/** A notification lists at most this many refs; the rest are counted. */
const MAX_REFS_SHOWN = 3;

export interface FollowedPlan {
  readonly planId: string;
  readonly snapshot: PlanSnapshot;
}

export interface DeadlineNotification {
  readonly planId: string;
  readonly title: string;
  readonly body: string;
}

export interface DeadlineTexts {
  readonly overdue: (count: number) => string;
  readonly dueSoon: (count: number, days: number) => string;
  readonly more: (count: number) => string;
}

export const DEADLINE_TEXTS: Readonly<Record<'en' | 'ru', DeadlineTexts>> = {
  en: {
    overdue: (count) => `${count} ${count === 1 ? 'action is' : 'actions are'} overdue`,
    dueSoon: (count, days) =>
      `${count} ${count === 1 ? 'action is' : 'actions are'} due within ${days} days`,
    more: (count) => `and ${count} more`,
  },
  ru: {
    overdue: (count) => `Просрочено мероприятий (${count})`,
    dueSoon: (count, days) => `Срок истекает в ближайшие ${days} дн. (${count})`,
    more: (count) => `и ещё ${count}`,
  },
};

export interface DeadlineDigest {
  readonly notifications: DeadlineNotification[];
  /** Reminder keys shown now; add them to what is remembered as already shown. */
  readonly shownKeys: string[];
}

export function deadlineDigest(
  plans: readonly FollowedPlan[],
  today: string,
  alreadyShown: ReadonlySet<string>,
  texts: DeadlineTexts,
): DeadlineDigest {
  const notifications: DeadlineNotification[] = [];
  const shownKeys: string[] = [];
  for (const { planId, snapshot } of plans) {
    const key = (kind: string, action: { id: string; deadline: string | null }) =>
      `${planId}:${action.id}:${action.deadline ?? ''}:${kind}`;
    const late = overdue(snapshot, today).filter(
      (action) => !alreadyShown.has(key('overdue', action)),
    );
    const soon = dueSoon(snapshot, today, DUE_SOON_DAYS).filter(
      (action) => !alreadyShown.has(key('due', action)),
    );
    if (late.length === 0 && soon.length === 0) continue;
    const lines: string[] = [];
    if (late.length > 0) lines.push(`${texts.overdue(late.length)}: ${refs(late, texts)}`);
    if (soon.length > 0) {
      lines.push(`${texts.dueSoon(soon.length, DUE_SOON_DAYS)}: ${refs(soon, texts)}`);
    }
    notifications.push({ planId, title: snapshot.meta.title || 'Accord', body: lines.join('\n') });
    shownKeys.push(...late.map((action) => key('overdue', action)));
    shownKeys.push(...soon.map((action) => key('due', action)));
  }
  return { notifications, shownKeys };
}

function refs(actions: readonly { ref: string }[], texts: DeadlineTexts): string {
  const shown = actions.slice(0, MAX_REFS_SHOWN).map((action) => action.ref);
  const rest = actions.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} ${texts.more(rest)}` : shown.join(', ');
}

/** Texts for an OS locale such as "ru-RU"; Turkmen falls back to English, as the menu does. */
export function deadlineTexts(locale: string): DeadlineTexts {
  return locale.toLowerCase().startsWith('ru') ? DEADLINE_TEXTS.ru : DEADLINE_TEXTS.en;
}
