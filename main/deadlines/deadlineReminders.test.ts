import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import * as actions from '../../shared/plan/actions';
import { TestPlan } from '../../shared/plan/testing';
import { openPlanStore, type PlanStore } from '../store/planStore';
import { DEADLINE_TEXTS, type DeadlineNotification } from './deadlineDigest';
import { remindOfDeadlines } from './deadlineReminders';

let dir: string;
let store: PlanStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-reminders-'));
  store = await openPlanStore(join(dir, 'plans'));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('deadline reminders over the store', () => {
  it('shows each reminder once, across restarts, and skips plans it cannot read', async () => {
    const test = TestPlan.empty();
    actions.create(test.plan, { title: 'Ratify C190', deadline: '2026-03-01' });
    await store.append('plan-a', Y.encodeStateAsUpdate(test.doc));
    const junk = new Y.Doc();
    junk.getMap('unrelated').set('x', 1);
    await store.append('plan-b', Y.encodeStateAsUpdate(junk));

    const shown: DeadlineNotification[] = [];
    const deps = {
      store,
      statePath: join(dir, 'reminders.json'),
      notify: (notification: DeadlineNotification) => shown.push(notification),
      today: () => '2026-03-10',
      texts: DEADLINE_TEXTS.en,
    };
    expect(await remindOfDeadlines(deps)).toBe(1);
    expect(shown[0]).toMatchObject({ planId: 'plan-a', body: '1 action is overdue: 0.1' });
    expect(await remindOfDeadlines(deps)).toBe(0);
    expect(shown).toHaveLength(1);
  });
});
