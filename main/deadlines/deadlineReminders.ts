// Runs the deadline digest over every plan on this computer and shows what is new. The plans
// kept here are the ones this person follows; what was already shown is remembered in the
// user-data folder so a restart does not repeat it.
import { readFile } from 'node:fs/promises';
import * as Y from 'yjs';
import { z } from 'zod';
import type { PlanPersistence } from '../../shared/contracts/persistence';
import { PlanSnapshotter } from '../../shared/plan/snapshot';
import { writeFileAtomic } from '../store/atomicFile';
import {
  deadlineDigest,
  type DeadlineNotification,
  type DeadlineTexts,
  type FollowedPlan,
} from './deadlineDigest';

/** Twice a working day is often enough for deadlines counted in days. */
export const REMINDER_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** Remembered reminders are capped; the oldest go first (their deadlines are long past). */
const MAX_REMEMBERED = 5000;

export interface ReminderDeps {
  readonly store: PlanPersistence;
  /** where already-shown reminders are remembered */
  readonly statePath: string;
  readonly notify: (notification: DeadlineNotification) => void;
  /** today's date where the user is, `YYYY-MM-DD` (what a deadline means to them) */
  readonly today: () => string;
  readonly texts: DeadlineTexts;
}

const remembered = z.array(z.string()).max(MAX_REMEMBERED * 2);

/** Shows new reminders; resolves with how many notifications were shown. */
export async function remindOfDeadlines(deps: ReminderDeps): Promise<number> {
  const shown = await readShown(deps.statePath);
  const plans: FollowedPlan[] = [];
  for (const summary of await deps.store.list()) {
    const snapshot = await snapshotOf(deps.store, summary.planId);
    if (snapshot) plans.push({ planId: summary.planId, snapshot });
  }
  const digest = deadlineDigest(plans, deps.today(), new Set(shown), deps.texts);
  if (digest.shownKeys.length === 0) return 0;
  for (const notification of digest.notifications) deps.notify(notification);
  const next = [...shown, ...digest.shownKeys].slice(-MAX_REMEMBERED);
  await writeFileAtomic(deps.statePath, new TextEncoder().encode(JSON.stringify(next)));
  return digest.notifications.length;
}

async function snapshotOf(store: PlanPersistence, planId: string) {
  try {
    const state = await store.load(planId);
    if (!state) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const snapshotter = new PlanSnapshotter(doc);
    try {
      return snapshotter.snapshot();
    } finally {
      snapshotter.destroy();
      doc.destroy();
    }
  } catch {
    // A plan that cannot be read (damaged, or not yet a plan) gets no reminders; the others do.
    return null;
  }
}

async function readShown(path: string): Promise<string[]> {
  try {
    const parsed = remembered.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
