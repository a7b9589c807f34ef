// Builds plans for tests (`TestPlan.withActions(3)`): a real Y.Doc driven through the real
// operations, with a fixed clock and counting ids so results are repeatable.
import * as Y from 'yjs';
import * as actions from './actions';
import * as meta from './meta';
import * as objectives from './objectives';
import * as organisations from './organisations';
import { openPlan, type Actor, type Plan } from './plan';
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
