// Builds plan content for browser tests through the real shared operations: organisations,
// objectives and actions with dates, statuses, progress and SDG 8 links.
import type * as Y from 'yjs';
import * as actions from '../../shared/plan/actions';
import * as links from '../../shared/plan/links';
import * as meta from '../../shared/plan/meta';
import * as objectives from '../../shared/plan/objectives';
import * as organisations from '../../shared/plan/organisations';
import { newEntry } from '../../shared/plan/fields';
import { ACTION } from '../../shared/plan/layout';
import { openPlan, planParts, type Plan } from '../../shared/plan/plan';
import { generateNKeysBetween } from 'fractional-indexing';
import { ACTION_STATUS_LIST } from '../../shared/plan/model';

const SDG_TARGETS = ['8.5', '8.7', '8.8', '8.3', '8.6', '8.b'];

export interface SeedOptions {
  readonly planId: string;
  readonly title?: string;
  readonly actions: number;
  readonly objectives?: number;
  /** Russian names and titles, for screens that must show no English */
  readonly russian?: boolean;
}

const RUSSIAN = {
  orgs: [
    'Министерство труда и социальной защиты',
    'Омбудсмен Туркменистана',
    'МОТ',
    'Союз промышленников и предпринимателей',
    'Центр ОБСЕ в Ашхабаде',
  ],
  objectives: [
    'Искоренение принудительного и детского труда',
    'Защита трудовых прав',
    'Достойная работа для молодёжи',
    'Ответственное ведение бизнеса',
  ],
  action: (i: number) => `Мероприятие ${i}: усилить инспекцию труда в регионе ${(i % 7) + 1}`,
};

/** Writes a plan into `doc` (a fresh doc) and returns it. Deterministic for a given count. */
export function seedPlan(doc: Y.Doc, options: SeedOptions): Y.Doc {
  const plan = openPlan(doc, { actor: { id: 'seed', name: 'Seed' } });
  meta.initialise(plan, {
    id: options.planId,
    title:
      options.title ??
      (options.russian
        ? 'Достойный труд и права человека 2021-2025'
        : 'Decent work and human rights 2021-2025'),
    period: { start: '2021-01-01', end: '2025-12-31' },
    languages: ['en', 'ru', 'tk'],
  });
  const orgIds = [
    ['Ministry of Labour and Social Protection', 'government'],
    ['Ombudsperson of Turkmenistan', 'nhri'],
    ['ILO', 'international'],
    ['Union of Industrialists and Entrepreneurs', 'business'],
    ['OSCE Centre in Ashgabat', 'international'],
  ].map(([name, kind]) => organisations.create(plan, { name: name!, kind: kind as 'government' }));
  const objectiveTitles = [
    'Eliminate forced and child labour',
    'Protect labour rights and safe working environments',
    'Decent jobs for young people',
    'Responsible business conduct',
  ];
  const objectiveIds: string[] = [];
  const objectiveCount = options.objectives ?? objectiveTitles.length;
  for (let i = 0; i < objectiveCount; i++) {
    objectiveIds.push(
      objectives.create(plan, {
        title:
          (options.russian ? RUSSIAN.objectives[i] : objectiveTitles[i]) ?? `Objective ${i + 1}`,
      }),
    );
  }
  // Large plans are written straight into one transaction, in the layout actions.create writes:
  // actions.create checks siblings and refs each time, which is quadratic and only slows set-up.
  if (options.actions > BULK_FROM) {
    bulkActions(plan, options.actions, objectiveIds, orgIds);
    return doc;
  }
  for (let i = 0; i < options.actions; i++) {
    const objectiveId = objectiveIds[i % objectiveIds.length]!;
    const year = 2022 + (i % 4);
    const id = actions.create(plan, {
      title: options.russian
        ? RUSSIAN.action(i + 1)
        : `Action ${i + 1}: strengthen labour inspection in region ${(i % 7) + 1}`,
      objectiveId,
      ref: `${(i % objectiveIds.length) + 1}.${Math.floor(i / objectiveIds.length) + 1}`,
      leadOrgId: orgIds[i % orgIds.length]!,
      start: `${year - 1}-0${(i % 9) + 1}-01`,
      deadline: `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`,
      status: ACTION_STATUS_LIST[i % ACTION_STATUS_LIST.length]!,
      progress: (i * 17) % 101,
    });
    if (i < 40) links.link(plan, id, 'sdg8', SDG_TARGETS[i % SDG_TARGETS.length]!);
  }
  return doc;
}

const BULK_FROM = 200;

function bulkActions(plan: Plan, count: number, objectiveIds: string[], orgIds: string[]): void {
  const keys = generateNKeysBetween(null, null, Math.ceil(count / objectiveIds.length));
  const at = plan.now().toISOString();
  plan.doc.transact(() => {
    const all = planParts(plan.doc).actions;
    for (let i = 0; i < count; i++) {
      const group = i % objectiveIds.length;
      const position = Math.floor(i / objectiveIds.length);
      const year = 2022 + (i % 4);
      // through the action table, so the seed stores what the operations would (layout.ts)
      const map = newEntry(ACTION.fields, {
        ref: `${group + 1}.${position + 1}`,
        title: `Action ${i + 1}: strengthen labour inspection in region ${(i % 7) + 1}`,
        objectiveId: objectiveIds[group]!,
        order: keys[position]!,
        leadOrgId: orgIds[i % orgIds.length]!,
        links: i % 10 === 0 ? [`sdg8:${SDG_TARGETS[i % SDG_TARGETS.length]!}`] : [],
        start: `${year - 1}-0${(i % 9) + 1}-01`,
        deadline: `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`,
        status: ACTION_STATUS_LIST[i % ACTION_STATUS_LIST.length]!,
        progress: (i * 17) % 101,
        stage: i % 3 === 0 ? 'agreed' : 'proposed',
        createdAt: at,
        createdBy: plan.actor.id,
        updatedAt: at,
        updatedBy: plan.actor.id,
      });
      all.set(plan.newId(), map);
    }
  }, plan.origin);
}
