// Builds plans for tests (`TestPlan.withActions(3)`): a real Y.Doc driven through the real
// operations, with a fixed clock and counting ids so results are repeatable.
import * as Y from 'yjs';
import * as actions from './actions';
import * as comments from './comments';
import * as indicators from './indicators';
import * as links from './links';
import { ACTION } from './layout';
import * as meta from './meta';
import { ACTION_STATUS_LIST } from './model';
import * as objectives from './objectives';
import * as organisations from './organisations';
import { change, openPlan, planParts, type Actor, type Plan } from './plan';
import * as progressUpdates from './progressUpdates';
import { PlanSnapshotter } from './snapshot';
import type { PlanSnapshot } from './schema';

export const TEST_ACTOR: Actor = { id: 'member-1', name: 'Aýna Test' };
export const TEST_NOW = '2025-06-15T09:00:00.000Z';

export class TestPlan {
  readonly plan: Plan;
  readonly snapshotter: PlanSnapshotter;
  private clock: Date;

  private constructor(doc: Y.Doc, actor: Actor, idPrefix: string) {
    this.clock = new Date(TEST_NOW);
    let counter = 0;
    this.plan = openPlan(doc, {
      actor,
      now: () => this.clock,
      newId: () => `${idPrefix}${String(++counter).padStart(4, '0')}`,
    });
    this.snapshotter = new PlanSnapshotter(doc);
  }

  /** An initialised plan with no objectives or actions. */
  static empty(options: { actor?: Actor; idPrefix?: string; doc?: Y.Doc } = {}): TestPlan {
    const test = new TestPlan(
      options.doc ?? new Y.Doc(),
      options.actor ?? TEST_ACTOR,
      options.idPrefix ?? 'id-',
    );
    meta.initialise(test.plan, {
      id: 'plan-1',
      title: 'National action plan on decent work',
      period: { start: '2021-01-01', end: '2025-12-31' },
      languages: ['en', 'ru', 'tk'],
    });
    return test;
  }

  /** A plan with one objective, one organisation and `count` actions in it. */
  static withActions(count: number): TestPlan {
    const test = TestPlan.empty();
    const objectiveId = objectives.create(test.plan, { title: 'Labour rights' });
    const orgId = organisations.create(test.plan, {
      name: 'Ministry of Labour',
      kind: 'government',
    });
    for (let i = 0; i < count; i++) {
      actions.create(test.plan, { title: `Action ${i + 1}`, objectiveId, leadOrgId: orgId });
    }
    return test;
  }

  /**
   * A plan as a ministry's looks after a year: `count` actions over 8 objectives and 20
   * organisations, with titles, half with a description, dates, statuses, partners and links,
   * and every tenth with an indicator and its values, a comment and a progress update. Built
   * through the real operations (actions in one batch), so it stores what they write.
   */
  static withPlanContent(count: number): TestPlan {
    const test = TestPlan.empty();
    const { plan } = test;
    const objectiveIds = Array.from({ length: 8 }, (_, index) =>
      objectives.create(plan, { title: `Objective ${index + 1}: decent work and labour rights` }),
    );
    const orgIds = Array.from({ length: 20 }, (_, index) =>
      organisations.create(plan, { name: `Organisation ${index + 1}`, kind: 'government' }),
    );
    const ids = change(plan, () => {
      const batch = actions.batch(plan);
      return Array.from({ length: count }, (_, i) =>
        batch.create({
          title: `Action ${i + 1}: strengthen labour inspection in region ${(i % 7) + 1}`,
          description:
            i % 2 === 0
              ? 'Train inspectors, publish the findings and follow up every complaint received.'
              : '',
          objectiveId: objectiveIds[i % objectiveIds.length]!,
          leadOrgId: orgIds[i % orgIds.length]!,
          partnerOrgIds: i % 3 === 0 ? [orgIds[(i + 5) % orgIds.length]!] : [],
          start: `202${2 + (i % 3)}-0${(i % 9) + 1}-01`,
          deadline: `202${5 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
          status: ACTION_STATUS_LIST[i % ACTION_STATUS_LIST.length]!,
          progress: (i * 17) % 101,
          stage: i % 4 === 0 ? 'proposed' : 'agreed',
        }),
      );
    });
    ids.forEach((id, i) => {
      if (i % 2 === 0) links.link(plan, id, 'sdg8', i % 4 === 0 ? '8.7' : '8.8');
      if (i % 10 !== 0) return;
      const indicator = indicators.add(plan, id, { name: 'Inspections', target: 12, baseline: 0 });
      indicators.recordValue(plan, id, indicator, { period: '2024', value: 4 });
      indicators.recordValue(plan, id, indicator, { period: '2025', value: 9 });
      comments.add(plan, id, 'Agreed at the workshop; the ministry reports in March.');
      progressUpdates.add(plan, id, {
        at: '2025-03-31',
        status: 'in_progress',
        progress: 40,
        note: 'Two regions done.',
      });
    });
    return test;
  }

  /** Another editor of the same plan on a separate replica (a new doc, synced from this one). */
  replica(actor: Actor, idPrefix: string): TestPlan {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.plan.doc));
    return new TestPlan(doc, actor, idPrefix);
  }

  get doc(): Y.Doc {
    return this.plan.doc;
  }

  snapshot(): PlanSnapshot {
    return this.snapshotter.snapshot();
  }

  /** Moves the clock (ISO timestamp). */
  at(timestamp: string): this {
    this.clock = new Date(timestamp);
    return this;
  }

  actionId(index: number): string {
    const action = this.snapshot().actions[index];
    if (!action) throw new Error(`no action at ${index}`);
    return action.id;
  }
}

/** Exchanges everything two docs have, both ways. */
export function syncDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/**
 * Rewrites a document into schema 2's layout, as an older Accord wrote it: every action's flat
 * members (partners, framework links, endorsements) inside nested Y.Maps, and version 2.
 */
export function toSchemaTwo(doc: Y.Doc): void {
  doc.transact(() => {
    const { meta, actions: stored } = planParts(doc);
    meta.set('schemaVersion', 2);
    for (const map of stored.values()) {
      for (const name of ['partnerOrgIds', 'links', 'endorsements'] as const) {
        const prefix = ACTION.fields[name].prefix!;
        const container = new Y.Map<unknown>();
        for (const key of [...map.keys()]) {
          if (!key.startsWith(prefix)) continue;
          container.set(key.slice(prefix.length), map.get(key));
          map.delete(key);
        }
        map.set(name, container);
      }
    }
  });
}
